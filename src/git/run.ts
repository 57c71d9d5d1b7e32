// Running git: one process per question, never one per file. Failures come back as values
// (status and stderr), so callers decide what a missing ref or a missing repository means.
import { spawnSync } from "node:child_process";

export interface GitResult {
  ok: boolean;
  stdout: Buffer;
  stderr: string;
}

export function git(root: string, args: string[], input?: Buffer | string): GitResult {
  const r = spawnSync("git", ["-c", "core.quotepath=false", ...args], {
    cwd: root,
    input,
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
  });
  if (r.error) return { ok: false, stdout: Buffer.alloc(0), stderr: r.error.message };
  return { ok: r.status === 0, stdout: r.stdout ?? Buffer.alloc(0), stderr: (r.stderr ?? Buffer.alloc(0)).toString("utf8") };
}

/** The commit a revision names, or undefined when it names none (no such ref, no history). */
export function resolveCommit(root: string, ref: string): string | undefined {
  if (ref.startsWith("-")) return undefined; // never let a ref be read as an option
  const r = git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  return r.ok ? r.stdout.toString("utf8").trim() : undefined;
}

/**
 * The default base of a plan: the merge base of HEAD with `main` (or `origin/main`, as in a CI
 * clone); undefined when there is no history or no such branch, and the plan then creates all.
 */
export function defaultBase(root: string, branch = "main"): { ref: string; commit: string; tip: boolean } | undefined {
  if (!resolveCommit(root, "HEAD")) return undefined;
  let tip: { ref: string; commit: string; tip: boolean } | undefined;
  for (const ref of [branch, `origin/${branch}`]) {
    const commit = resolveCommit(root, ref);
    if (!commit) continue;
    const mb = git(root, ["merge-base", "HEAD", ref]);
    if (mb.ok) return { ref, commit: mb.stdout.toString("utf8").trim(), tip: false };
    // A shallow clone may hold the branch but not the common ancestor: compare with its tip,
    // which for a pull request's merge commit (refs/pull/N/merge) is exactly the right base.
    tip ??= { ref, commit, tip: true };
  }
  return tip;
}

/** Whether `ancestor` is `commit` or one of its ancestors (false when either is unknown). */
export function isAncestor(root: string, ancestor: string, commit: string): boolean {
  if (ancestor.startsWith("-") || commit.startsWith("-")) return false;
  return git(root, ["merge-base", "--is-ancestor", ancestor, commit]).ok;
}
