// The GitHub commands as users and workflows run them: bad input gives one clear line and exit 2,
// never a stack trace; the intake command works against the fake GitHub from the environment.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueBody, newRequestValues } from "./issue-body.ts";
import { BOT, root, world, type World } from "./setup.ts";
import { CONTOH, CONTOH_GOVERNANCE } from "../fixtures/contoh.ts";

const run = promisify(execFile);
const tsx = join(root, "node_modules/.bin/tsx");

async function cli(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [join(root, "src/cli", script), ...args], { cwd: root, env: { ...process.env, GITHUB_TOKEN: "", GITHUB_REPOSITORY: "", ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("usage errors: one clear line, exit 2, no stack trace", () => {
  it.each([
    ["intake.ts", ["--issue", "abc"], /--issue harus bilangan bulat positif/],
    ["intake.ts", ["--issue", "3"], /GITHUB_TOKEN belum diisi/],
    ["pr-bot.ts", ["--pr", "1", "--lang", "fr"], /--lang harus id atau en/],
    ["notify-deploy.ts", ["--sha", "123", "--result", "success"], /--sha: 40 digit/],
    ["drift-issue.ts", ["--exit-code", "8", "--report", "/tidak/ada.txt"], /tidak dapat dibaca/],
    ["forms.ts", ["--tidak-ada"], /Unknown option/],
  ])("%s %s", async (script, args, message) => {
    const r = await cli(script, args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a failed drift check (not drift) exits 1 and leaves the issue alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "drift-"));
    writeFileSync(join(dir, "r.txt"), "error: login");
    const r = await cli("drift-issue.ts", ["--exit-code", "4", "--report", join(dir, "r.txt")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Pemeriksaan drift gagal \(kode 4\)/);
  });
});

describe("npm run forms -- --check", () => {
  it("fails, naming the file, when a committed form drifts from the generator", async () => {
    const dir = mkdtempSync(join(tmpdir(), "forms-"));
    cpSync(CONTOH_GOVERNANCE, join(dir, "governance.yaml"));
    expect((await cli("forms.ts", ["--root", dir])).code).toBe(0);
    expect((await cli("forms.ts", ["--check", "--root", dir])).code).toBe(0);
    writeFileSync(join(dir, ".github/CODEOWNERS"), "* @someone\n");
    const r = await cli("forms.ts", ["--check", "--root", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(".github/CODEOWNERS: berbeda dari hasil generator");
  });
});

describe("npm run intake against the fake GitHub", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => {
    await w.fake.stop();
  });

  it("reads the token, repository and API address from the environment and comments the problems", async () => {
    const issue = w.fake.openIssue("siti-dinkes", "x", issueBody("baru", { ...newRequestValues(), "review-by": "besok" }), ["permohonan-baru"]);
    const env = { GITHUB_TOKEN: w.fake.token(BOT), GITHUB_REPOSITORY: `${w.fake.owner}/${w.fake.repo}`, GITHUB_API_URL: w.fake.url, BOT_LOGIN: BOT, TODAY: "2026-03-16" };
    const r = await cli("intake.ts", ["--issue", String(issue), "--root", CONTOH], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/masalah dikomentari/);
    expect(w.fake.commentsOn(issue)[0]!.body).toContain("**Tanggal tinjau ulang**");
    expect(w.fake.mismatches).toEqual([]);
  });
});
