// Types of process.mjs (plain JavaScript so that the launcher can use it before tsx).
export interface GitResult {
  ok: boolean;
  stdout: Buffer;
  stderr: string;
}
/** The environment git runs with: never a prompt for credentials, and messages in one language. */
export function gitEnv(): NodeJS.ProcessEnv;
/** git's arguments for `args`: paths printed as they are (not quoted octal). */
export function gitArgv(args: string[]): string[];
/** Runs git in `root` with `args`, `input` on its standard input; never rejects. */
export function spawnGit(root: string, args: string[], input?: string): Promise<GitResult>;
