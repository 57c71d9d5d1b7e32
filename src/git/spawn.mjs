// @ts-check
// The questions a command is sure to ask git first, which the launcher (src/cli/launch.mjs) starts
// before the command's code is loaded (under one sh: ./batch.mjs). Plain JavaScript (types in
// spawn.d.mts) because the launcher runs before any TypeScript can. src/git/run.ts keeps the
// answers of a run (its git session) and takes these from here; one git process on the event
// loop is ./process.mjs's.
//
// Why ahead: a one-file plan asked these four questions right after loading its ~1.6 MB bundle,
// and waited ~70 ms for four git processes (their start is most of it) while a core sat idle; the
// bundle's loading takes ~90 ms of the main thread, so the answers are there by the time the plan asks.
import { commitOf, startBatch } from "./batch.mjs";

/** @typedef {import("./process.mjs").GitResult} GitResult */

/**
 * The repository's facts (src/plan/check-cache.ts repositoryFacts): the top folder, the prefix and
 * HEAD's commit in one call; the root commit(s); the origin's URL.
 * @type {readonly [string[], string[], string[]]}
 */
export const REPOSITORY_FACTS = [
  ["rev-parse", "--show-toplevel", "--show-prefix", "--verify", "HEAD^{commit}"],
  ["rev-list", "--max-parents=0", "HEAD"],
  // --default: a repository without an origin answers an empty line, not a failure (exit 1),
  // so that the question's answer asked ahead is taken as it is (spawnGitBatch re-asks failures).
  ["config", "--default", "", "--get", "remote.origin.url"],
];

/** Every untracked entry under requests/ (what differs from the base beside git's diff). */
export const UNTRACKED_REQUESTS = ["ls-files", "--others", "--directory", "-z", "--", "requests"];

/** What a plan with a cache asks first (src/artifacts/incremental.ts askIncrementalAhead). */
export const PLAN_FIRST = [...REPOSITORY_FACTS, UNTRACKED_REQUESTS];

/** Whether a folder is its repository's top (src/git/retained.ts). */
export const TOP_LEVEL = ["rev-parse", "--show-toplevel"];

/** The commit a revision names (src/git/run.ts resolveCommitSteps); `ref` never read as an option. */
export const resolveArgs = (/** @type {string} */ ref) => ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`];

/**
 * What validate asks first, before the answers it depends on (deleted hosting requests,
 * src/git/retained.ts): each spawn costs the parent more the larger it has grown (~20 ms once the
 * files are read), so asked at the start they cost least.
 */
export const VALIDATE_FIRST = [TOP_LEVEL, resolveArgs("HEAD")];

/** The paths whose history gives the registry's dates and the zone serial. */
export const HISTORY_PATHS = ["requests", "governance.yaml"];

/**
 * The history of `paths` on HEAD's first-parent line (src/git/history.ts), after `since` when given:
 * a merged branch counts at its merge commit (when it reached main, with the merge's date).
 * @param {readonly string[]} paths
 * @param {string} [since]
 */
export const historyArgs = (paths, since) => ["log", "--first-parent", "--format=%x01%cI", "--name-status", "--no-renames", "-z", ...(since ? [`${since}..HEAD`] : []), "--", ...paths];

/**
 * What a plan without a cache asks first: validate's questions and the history (as asked when the
 * governance names no adoption base; with one, that question goes unused).
 */
export const FULL_PLAN_FIRST = [...VALIDATE_FIRST, historyArgs(HISTORY_PATHS)];

/** The paths a commit is listed and compared under: the governance and the requests. */
export const TREE_PATHS = ["governance.yaml", "requests"];

/**
 * The regular files under `paths` at `commit`, with their blob ids (src/git/tree.ts).
 * @param {string} commit
 * @param {readonly string[]} [paths]
 */
export const treeArgs = (commit, paths = TREE_PATHS) => ["ls-tree", "-r", "-z", "--full-tree", commit, "--", ...paths];

/**
 * The request files deleted on the first-parent line of `range` (a commit, or `since..commit`),
 * with the commit that deleted each (src/git/retained.ts).
 * @param {string} range
 */
export const deletionsArgs = (range) => ["log", "--first-parent", "--diff-filter=D", "--name-only", "-z", "--format=%x01%H", range, "--", "requests"];

/**
 * What a plan with a cache asks first about its base `base` (--base) beside PLAN_FIRST: the
 * commit it names, unless it is HEAD (whose commit PLAN_FIRST's first answer holds) or none is
 * given (the merge base, found later).
 * @param {string | undefined} base
 */
export const baseFirst = (base) => (base !== undefined && base !== "HEAD" && base !== "" && !base.startsWith("-") ? [resolveArgs(base)] : []);

/**
 * What a plan with a cache asks once its base's commit is known: what differs from it
 * (src/artifacts/incremental.ts).
 * @param {string} commit
 */
export const PLAN_THEN = (commit) => [changedArgs(commit)];

/** Where the working folder lies below the repository's top (src/git/changed.ts). */
export const PREFIX = ["rev-parse", "--show-prefix"];

/**
 * The files under `paths` whose working-tree content differs from `commit` (src/git/changed.ts).
 * Without git's preloading of the index: it stats the ~15,000 files on up to 20 threads, which on
 * a 2-core machine took both cores from the command's own threads for ~50 ms; one thread takes
 * less CPU in all (~60 ms against ~70) and leaves a core free (a one-file plan: median 0.50 s
 * against 0.52, 12 runs each, taken in turn).
 * @param {string} commit
 * @param {readonly string[]} [paths]
 */
export const changedArgs = (commit, paths = TREE_PATHS) => ["-c", "core.preloadIndex=false", "diff", "--no-renames", "--no-ext-diff", "--name-only", "-z", commit, "--", ...paths];

/**
 * What validate asks once HEAD's commit is known (HEAD's listing, the deleted requests as
 * asked when the governance names no adoption base): asked ahead too, as soon as the commit is
 * known, while this process is still small.
 * @param {string} commit
 */
export const VALIDATE_THEN = (commit) => [treeArgs(commit), deletionsArgs(commit)];

/**
 * What a plan without a cache asks once HEAD's commit is known: validate's questions, and what
 * the working tree changed since (the plan shares unchanged files' results with the base side).
 * @param {string} commit
 */
export const FULL_PLAN_THEN = (commit) => [...VALIDATE_THEN(commit), PREFIX, changedArgs(commit)];

/** Where answers asked ahead wait: key (root \0 arguments, as src/git/run.ts keys them) -> answer. */
const AHEAD = Symbol.for("subdomain-gitops.git-ahead");

/** The key of a question without input in `root`, the same in the launcher and in a git session. */
export const questionKey = (/** @type {string} */ root, /** @type {string[]} */ args) => `${root}\0${args.join("\0")}`;

/**
 * Starts `questions` in `root` now; a git session of this thread takes their answers instead of
 * asking again (takeAhead). `then`: the questions that follow from a commit, started as soon
 * as git has named it in the answer to `after` (one of `questions`; by default HEAD's commit).
 * @param {string} root
 * @param {readonly string[][]} questions
 * @param {(commit: string) => string[][]} [then]
 * @param {string[]} [after]
 */
export function askAhead(root, questions, then, after = resolveArgs("HEAD")) {
  /** @type {Map<string, Promise<GitResult>>} */
  const waiting = /** @type {any} */ (globalThis)[AHEAD] ?? new Map();
  /** @type {any} */ (globalThis)[AHEAD] = waiting;
  const put = (/** @type {readonly string[][]} */ list, /** @type {Promise<GitResult>[]} */ answers) => answers.forEach((answer, k) => waiting.set(questionKey(root, list[k] ?? []), answer));
  // Under one sh (./batch.mjs), which starts what follows from the commit as soon as git names it.
  const at = then ? questions.findIndex((q) => questionKey(root, q) === questionKey(root, after)) : -1;
  const batch = startBatch(root, questions, then && at >= 0 ? { after: at, then } : undefined);
  put(questions, batch.answers);
  const named = then && waiting.get(questionKey(root, after));
  void named?.then(async (r) => {
    const commit = commitOf(r);
    if (!commit) return;
    const list = then(commit);
    // sh asked them with the commit it read from that same answer: taken when it is this one.
    const followed = await batch.followed;
    if (followed && followed.commit === commit && JSON.stringify(followed.questions) === JSON.stringify(list)) put(list, followed.answers);
    else put(list, startBatch(root, list).answers);
  });
}

/**
 * The answer to a question asked ahead, once: a later identical question is asked anew, unless
 * the caller (a git session) keeps it.
 * @param {string} key
 * @returns {Promise<GitResult> | undefined}
 */
export function takeAhead(key) {
  /** @type {Map<string, Promise<GitResult>> | undefined} */
  const waiting = /** @type {any} */ (globalThis)[AHEAD];
  const answer = waiting?.get(key);
  if (answer) waiting?.delete(key);
  return answer;
}
