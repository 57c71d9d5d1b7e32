// @ts-check
// One git process on the event loop, and the questions a plan is sure to ask first, which the
// launcher (src/cli/launch.mjs) starts before the command's code is loaded. Plain JavaScript (types
// in spawn.d.mts) because the launcher runs before any TypeScript can. src/git/run.ts keeps the
// answers of a run (its git session) and takes these from here.
//
// Why ahead: a one-file plan asked these four questions right after loading its ~1.6 MB bundle,
// and waited ~70 ms for four git processes (their start is most of it) while a core sat idle; the
// bundle's loading takes ~90 ms of the main thread, so the answers are there by the time the plan asks.
import { spawn } from "node:child_process";

/** The environment git runs with: never a prompt for credentials, and messages in one language. */
export const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" });

/** git's arguments for `args`: paths printed as they are (not quoted octal). */
export const gitArgv = (/** @type {string[]} */ args) => ["-c", "core.quotepath=false", ...args];

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
 * @param {string} commit
 * @param {readonly string[]} [paths]
 */
export const changedArgs = (commit, paths = TREE_PATHS) => ["diff", "--no-renames", "--no-ext-diff", "--name-only", "-z", commit, "--", ...paths];

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

/**
 * @typedef {{ ok: boolean, stdout: Buffer, stderr: string }} GitResult
 */

/**
 * Runs git in `root` with `args`, `input` on its standard input; never rejects (a failure is a result).
 * @param {string} root
 * @param {string[]} args
 * @param {string} [input]
 * @returns {Promise<GitResult>}
 */
export function spawnGit(root, args, input) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const out = [];
    /** @type {Buffer[]} */
    const err = [];
    /** @type {Error | undefined} */
    let failed;
    const child = spawn("git", gitArgv(args), { cwd: root, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
    child.stdout.on("data", (/** @type {Buffer} */ b) => out.push(b));
    child.stderr.on("data", (/** @type {Buffer} */ b) => err.push(b));
    child.on("error", (e) => (failed = e));
    // A child that ends before reading all its input (a failed command) must not end this process.
    child.stdin.on("error", () => undefined);
    child.stdin.end(input ?? "");
    child.on("close", (status) => {
      resolve(failed ? { ok: false, stdout: Buffer.alloc(0), stderr: failed.message } : { ok: status === 0, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}

/**
 * The most questions one batch runs: each answers on a descriptor of its own, and `sh` (dash)
 * redirects single-digit descriptors only; 3 to 9 are free.
 */
const BATCH_MAX = 7;

/**
 * Runs `questions` (without input) in `root` side by side under one `sh`, with the answers
 * spawnGit gives. Why: Node's spawn keeps the calling thread ~10 ms per process on a 2-core VM
 * (the fork of a large process and the wait for its exec), so a launcher asking five questions
 * spent ~50 ms before the command's code could load; `sh` forks its git processes cheaply, and
 * this thread pays for one spawn. The script is made of positional references only: the
 * arguments travel as `sh`'s own arguments and are never read as shell text. A question whose
 * git failed is asked again on its own (its stderr is not kept in the batch), and so is every
 * question the batch could not answer (no `sh`, a shell that cannot run the script).
 * @param {string} root
 * @param {readonly string[][]} questions
 * @returns {Promise<GitResult>[]}
 */
export function spawnGitBatch(root, questions) {
  if (questions.length < 2) return questions.map((q) => spawnGit(root, q));
  if (questions.length > BATCH_MAX) return [...spawnGitBatch(root, questions.slice(0, BATCH_MAX)), ...spawnGitBatch(root, questions.slice(BATCH_MAX))];
  const fds = questions.map((_, k) => 3 + k);
  const closed = (/** @type {number[]} */ list) => list.map((fd) => `${fd}>&-`).join(" ");
  let position = 0;
  // Question k: git's output on descriptor 3+k, its status as the line "k status" on stdout, and
  // the other questions' descriptors closed, so that each descriptor ends with its own question.
  const jobs = questions.map((q, k) => {
    const others = closed(fds.filter((fd) => fd !== fds[k]));
    const argv = gitArgv(q).map(() => `"\${${++position}}"`).join(" ");
    return `{ git ${argv} >&${fds[k]} 2>/dev/null ${others}; echo "${k} $?"; } ${others} &`;
  });
  const script = [...jobs, `exec ${closed(fds)}`, "wait"].join("\n");
  /** @type {Array<(r: GitResult) => void>} */
  const settle = [];
  const answers = questions.map((_, k) => new Promise((/** @type {(r: GitResult) => void} */ r) => (settle[k] = r)));
  /** @type {Buffer[][]} */
  const out = questions.map(() => []);
  /** @type {(number | undefined)[]} */
  const status = [];
  const ended = questions.map(() => false);
  const done = questions.map(() => false);
  /** Answers question k once: with `ok` and its output, or (failed, or not answered) by asking it on its own. */
  const answer = (/** @type {number} */ k, /** @type {boolean} */ ok) => {
    if (done[k]) return;
    done[k] = true;
    settle[k]?.(/** @type {GitResult} */ (ok ? { ok: true, stdout: Buffer.concat(out[k] ?? []), stderr: "" } : spawnGit(root, [...(questions[k] ?? [])])));
  };
  const tryAnswer = (/** @type {number} */ k) => {
    if (ended[k] && status[k] !== undefined) answer(k, status[k] === 0);
  };
  const askEachLeft = () => questions.forEach((_, k) => answer(k, false));
  let child;
  try {
    child = spawn("sh", ["-c", script, "sh", ...questions.flatMap((q) => gitArgv([...q]))], { cwd: root, env: gitEnv(), stdio: ["ignore", "pipe", "ignore", ...fds.map(() => /** @type {const} */ ("pipe"))] });
  } catch {
    askEachLeft();
    return answers;
  }
  let lines = "";
  child.stdout?.on("data", (/** @type {Buffer} */ b) => {
    lines += b.toString("latin1");
    const complete = lines.split("\n");
    lines = complete.pop() ?? "";
    for (const line of complete) {
      const m = /^(\d+) (\d+)$/.exec(line);
      if (!m) continue;
      status[Number(m[1])] = Number(m[2]);
      tryAnswer(Number(m[1]));
    }
  });
  fds.forEach((fd, k) => {
    const stream = /** @type {import("node:stream").Readable | null} */ (child.stdio[fd]);
    stream?.on("data", (/** @type {Buffer} */ b) => out[k]?.push(b));
    // "end", not "close": the process's "close" follows its streams' "close" at once, and must
    // find every answered question answered.
    stream?.on("end", () => {
      ended[k] = true;
      tryAnswer(k);
    });
  });
  // Whatever the batch left unanswered (no sh, a failing script) is asked on its own.
  child.on("error", askEachLeft);
  child.on("close", askEachLeft);
  return answers;
}

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
  const wait = (/** @type {readonly string[][]} */ list) => spawnGitBatch(root, list).forEach((answer, k) => waiting.set(questionKey(root, list[k] ?? []), answer));
  wait(questions);
  const named = then && waiting.get(questionKey(root, after));
  void named?.then((r) => {
    // The commit is the answer's last line (rev-parse prints what it was asked, in order).
    const commit = r.ok ? (r.stdout.toString("utf8").trim().split("\n").at(-1) ?? "") : "";
    if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) wait(then(commit));
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
