// The launcher's git questions under one sh (batch.mjs): answers exactly as git gives them one by
// one, arguments never read as shell text, what follows from a commit asked only with a commit
// git named, and every question still answered where no sh can run.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startBatch } from "./batch.mjs";
import { spawnGit } from "./process.mjs";
import { resolveArgs, treeArgs } from "./spawn.mjs";

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "Uji", GIT_AUTHOR_EMAIL: "uji@contohkab.go.id", GIT_COMMITTER_NAME: "Uji", GIT_COMMITTER_EMAIL: "uji@contohkab.go.id" } });

function repository(): string {
  const dir = temp("batch-repo-");
  git(dir, "init", "-q", "-b", "main");
  mkdirSync(join(dir, "requests", "opd01"), { recursive: true });
  writeFileSync(join(dir, "governance.yaml"), "zones: []\n");
  writeFileSync(join(dir, "requests", "opd01", "a b.yaml"), "label: a\n");
  git(dir, "add", "-A");
  git(dir, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "dasar");
  return dir;
}

/** Questions whose arguments would do harm if a shell read them. */
const HOSTILE = ["log", "-1", "--format=%H $(touch PWNED) `touch PWNED2` \"$c\" ${1} '; touch PWNED3; ' \\n *"];

describe("git questions under one sh", () => {
  it("answers each as git does on its own, its arguments passed as they are, never read by the shell", async () => {
    const dir = repository();
    const questions = [["rev-parse", "--show-toplevel", "--show-prefix", "--verify", "HEAD^{commit}"], ["ls-files", "-z"], HOSTILE, ["rev-parse", "--verify", "--quiet", "no-such-ref^{commit}"], ["cat-file", "-p", "HEAD:requests/opd01/a b.yaml"]];
    const batch = startBatch(dir, questions);
    const answers = await Promise.all(batch.answers);
    for (const [k, q] of questions.entries()) {
      const alone = await spawnGit(dir, q);
      expect(answers[k]!.ok, q.join(" ")).toBe(alone.ok);
      expect(answers[k]!.stdout.equals(alone.stdout), q.join(" ")).toBe(true);
      // A failure is asked again on its own: its message is git's.
      if (!alone.ok) expect(answers[k]!.stderr).toBe(alone.stderr);
    }
    expect(answers[2]!.stdout.toString("utf8")).toContain("$(touch PWNED) `touch PWNED2` \"$c\" ${1} '; touch PWNED3; '");
    for (const f of ["PWNED", "PWNED2", "PWNED3"]) expect(existsSync(join(dir, f))).toBe(false);
    expect(await batch.followed).toBeUndefined();
  }, 30_000);

  it("asks what follows from a commit with the commit git named, and nothing when it names none", async () => {
    const dir = repository();
    const head = git(dir, "rev-parse", "HEAD").trim();
    const then = (commit: string) => [treeArgs(commit), ["log", "-1", "--format=%H %s", commit], HOSTILE];
    const batch = startBatch(dir, [resolveArgs("HEAD"), ["rev-list", "--max-parents=0", "HEAD"]], { after: 0, then });
    expect((await batch.answers[0]!).stdout.toString("utf8")).toBe(`${head}\n`);
    const followed = await batch.followed;
    expect(followed?.commit).toBe(head);
    expect(followed?.questions).toEqual(then(head));
    const answers = await Promise.all(followed!.answers);
    for (const [j, q] of then(head).entries()) expect(answers[j]!.stdout.equals((await spawnGit(dir, q)).stdout), q.join(" ")).toBe(true);
    for (const f of ["PWNED", "PWNED2", "PWNED3"]) expect(existsSync(join(dir, f))).toBe(false);

    // No commit yet: the question naming it fails, and nothing follows.
    const empty = temp("batch-empty-");
    git(empty, "init", "-q");
    const none = startBatch(empty, [resolveArgs("HEAD"), ["rev-parse", "--show-toplevel"]], { after: 0, then });
    expect((await none.answers[0]!).ok).toBe(false);
    expect(await none.followed).toBeUndefined();
  }, 30_000);

  it("answers every question one by one where no sh can be started", async () => {
    const dir = repository();
    const bin = temp("batch-bin-");
    // A PATH with git and nothing else.
    symlinkSync(execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim(), join(bin, "git"));
    const path = process.env.PATH;
    process.env.PATH = bin;
    let batch: ReturnType<typeof startBatch>;
    try {
      batch = startBatch(dir, [resolveArgs("HEAD"), ["ls-files", "-z"]], { after: 0, then: (c) => [treeArgs(c)] });
    } finally {
      process.env.PATH = path;
    }
    const answers = await Promise.all(batch.answers);
    expect(answers.map((a) => a.ok)).toEqual([true, true]);
    expect(answers[1]!.stdout.toString("utf8")).toContain("requests/opd01/a b.yaml");
    expect(await batch.followed).toBeUndefined();
  }, 30_000);
});
