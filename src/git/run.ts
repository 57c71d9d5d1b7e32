// Running git: one process per question, never one per file. Failures come back as values
// (status and stderr), so callers decide what a missing ref or a missing repository means.
//
// A question that takes several git calls (each depending on the last) is written once, as steps
// (a generator yielding the calls it needs), and run either synchronously (runSteps) or on the
// event loop (runStepsAsync): the plan starts its questions before validation and reads their
// answers after it, while the same code serves every synchronous caller.
//
// Within a git session (withGitSession: one plan run) an answer is kept by its arguments, so the
// same question asked twice (HEAD's tree for the working tree and for a base that is HEAD, the
// repository's top for both sides' retained tenants) runs git once, and a synchronous call finds
// the answer an asynchronous one fetched earlier. The repository is taken as unchanged while
// a session lasts, as a plan's readings of it already assume.
// Questions the launcher asked before the command's code was loaded (./spawn.mjs askAhead) are
// taken into the session by the first asynchronous call that asks them.
import { spawnSync } from "node:child_process";
import { AsyncLocalStorage } from "node:async_hooks";
import { gitArgv, gitEnv, spawnGit, type GitResult } from "./process.mjs";
import { questionKey, resolveArgs, takeAhead } from "./spawn.mjs";

export type { GitResult } from "./process.mjs";

/** One git call a step asks for: its arguments and what goes to its standard input. */
export interface GitAsk {
  args: string[];
  input?: string;
}

/** A question to git as steps: yields the calls it needs, each answered before the next. */
export type GitSteps<T> = Generator<GitAsk, T, GitResult>;

/** Answers kept in one session: settled ones, and those still running (asynchronous). */
interface Session {
  done: Map<string, GitResult>;
  running: Map<string, Promise<GitResult>>;
}

const sessions = new AsyncLocalStorage<Session>();

/** Runs `fn` in a fresh git session: identical calls inside it run git once. */
export function withGitSession<T>(fn: () => Promise<T>): Promise<T> {
  return sessions.run({ done: new Map(), running: new Map() }, fn);
}

/**
 * Forgets the current session's answers (a tree listing of 15,000 files among them): for a caller
 * that will ask git nothing more, so they are not held while it goes on.
 */
export function forgetGitAnswers(): void {
  sessions.getStore()?.done.clear();
}

/** Calls fed from standard input carry their input in the key; others are keyed by root and arguments. */
const keyOf = (root: string, ask: GitAsk) => (ask.input === undefined ? questionKey(root, ask.args) : undefined);

export function git(root: string, args: string[], input?: Buffer | string): GitResult {
  const s = sessions.getStore();
  const key = s && input === undefined ? keyOf(root, { args }) : undefined;
  const known = key !== undefined ? s!.done.get(key) : undefined;
  if (known) return known;
  const r = spawnSync("git", gitArgv(args), { cwd: root, input, maxBuffer: 1 << 30, env: gitEnv() });
  const result: GitResult = r.error ? { ok: false, stdout: Buffer.alloc(0), stderr: r.error.message } : { ok: r.status === 0, stdout: r.stdout ?? Buffer.alloc(0), stderr: (r.stderr ?? Buffer.alloc(0)).toString("utf8") };
  if (key !== undefined) s!.done.set(key, result);
  return result;
}

/** `git` on the event loop (the same process, the same answer); in a session, shared by key. */
export function gitAsync(root: string, args: string[], input?: string): Promise<GitResult> {
  const s = sessions.getStore();
  const key = s && keyOf(root, { args, ...(input !== undefined ? { input } : {}) });
  if (key !== undefined) {
    const known = s!.done.get(key);
    if (known) return Promise.resolve(known);
    const running = s!.running.get(key);
    if (running) return running;
  }
  const asked = (key !== undefined && takeAhead(key)) || spawnGit(root, args, input);
  if (key === undefined) return asked;
  const p = asked.then((result) => {
    s!.done.set(key, result);
    s!.running.delete(key);
    return result;
  });
  s!.running.set(key, p);
  return p;
}

/** Runs steps, each git call synchronously. */
export function runSteps<T>(root: string, steps: GitSteps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next(git(root, r.value.args, r.value.input));
  return r.value;
}

/** Runs steps on the event loop. */
export async function runStepsAsync<T>(root: string, steps: GitSteps<T>): Promise<T> {
  let r = steps.next();
  while (!r.done) r = steps.next(await gitAsync(root, r.value.args, r.value.input));
  return r.value;
}

const ask = (...args: string[]): GitAsk => ({ args });

/** Steps: the commit a revision names, or undefined when it names none (no such ref, no history). */
export function* resolveCommitSteps(ref: string): GitSteps<string | undefined> {
  if (ref.startsWith("-")) return undefined; // never let a ref be read as an option
  const r = yield { args: resolveArgs(ref) };
  return r.ok ? r.stdout.toString("utf8").trim() : undefined;
}

/** The commit a revision names, or undefined when it names none (no such ref, no history). */
export function resolveCommit(root: string, ref: string): string | undefined {
  return runSteps(root, resolveCommitSteps(ref));
}

export interface DefaultBase {
  ref: string;
  commit: string;
  tip: boolean;
}

/** Steps of defaultBase. */
export function* defaultBaseSteps(branch = "main"): GitSteps<DefaultBase | undefined> {
  if (!(yield* resolveCommitSteps("HEAD"))) return undefined;
  let tip: DefaultBase | undefined;
  for (const ref of [branch, `origin/${branch}`]) {
    const commit = yield* resolveCommitSteps(ref);
    if (!commit) continue;
    const mb = yield ask("merge-base", "HEAD", ref);
    if (mb.ok) return { ref, commit: mb.stdout.toString("utf8").trim(), tip: false };
    // A shallow clone may hold the branch but not the common ancestor: compare with its tip,
    // which for a pull request's merge commit (refs/pull/N/merge) is exactly the right base.
    tip ??= { ref, commit, tip: true };
  }
  return tip;
}

/**
 * The default base of a plan: the merge base of HEAD with `main` (or `origin/main`, as in a CI
 * clone); undefined when there is no history or no such branch, and the plan then creates all.
 */
export function defaultBase(root: string, branch = "main"): DefaultBase | undefined {
  return runSteps(root, defaultBaseSteps(branch));
}

/** Steps of isAncestor. */
export function* isAncestorSteps(ancestor: string, commit: string): GitSteps<boolean> {
  if (ancestor.startsWith("-") || commit.startsWith("-")) return false;
  return (yield ask("merge-base", "--is-ancestor", ancestor, commit)).ok;
}

/** Whether `ancestor` is `commit` or one of its ancestors (false when either is unknown). */
export function isAncestor(root: string, ancestor: string, commit: string): boolean {
  return runSteps(root, isAncestorSteps(ancestor, commit));
}

/** A promise awaited later, perhaps never (an invalid working tree): its failure must not end the process meanwhile. */
export function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}
