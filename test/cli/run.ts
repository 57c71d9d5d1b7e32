// Runs a command as a user does, outside GitHub Actions (whose extra output the tests do not
// expect), and returns its exit code and output whatever the code.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

export const REPO = join(import.meta.dirname, "../..");
export const TSX = join(REPO, "node_modules/.bin/tsx");

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(program: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await promisify(execFile)(program, args, { env: { ...process.env, GITHUB_ACTIONS: "", ...env }, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as Ran;
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/** `npm run validate` through tsx: src/cli/validate.ts. */
export const validateCli = (args: string[], env: Record<string, string> = {}): Promise<Ran> => runCommand(TSX, [join(REPO, "src/cli/validate.ts"), ...args], env);
