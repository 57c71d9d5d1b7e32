// @ts-check
// Several git questions under one `sh`, side by side, for the launcher (./spawn.mjs askAhead).
// Plain JavaScript (types in batch.d.mts) because the launcher runs before any TypeScript can.
//
// Why: Node's spawn keeps the calling thread ~10 ms per process on a 2-core VM (the fork of a
// large process and the wait for its exec), and more once the process has grown (~20 ms when
// validate has read its files): a launcher asking five questions spent ~50 ms before the
// command's code could load, and the questions that follow from HEAD's commit were spawned later
// still, when the answer naming it was read. `sh` forks its git processes cheaply, and this
// thread pays for one spawn. The questions that follow from a commit are started by `sh` itself
// as soon as git has named it (`chain`), with that commit; Node checks that it is the commit it
// reads from the same answer before it takes them.
//
// The script is made of positional references only: every argument travels as one of `sh`'s
// own arguments and is never read as shell text; the commit comes from git's answer and is used
// only once it is 40 or 64 hexadecimal digits. A question whose git failed is asked again on its
// own (its stderr is not kept in the batch), and so is every question the batch could not answer
// (no `sh`, a shell that cannot run the script).
import { spawn } from "node:child_process";
import { gitArgv, gitEnv, spawnGit } from "./process.mjs";

/**
 * The most questions one batch runs, those that follow included: each answers on a descriptor of
 * its own, and `sh` (dash) redirects single-digit descriptors only; 3 to 9 are free.
 */
export const BATCH_MAX = 7;

/** Stands for the commit in the arguments of the questions that follow from it (no argument holds a NUL). */
const COMMIT = "\u0000commit\u0000";

/** A commit as the launcher accepts one (the last line of a rev-parse answer). */
export const isCommit = (/** @type {string} */ text) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(text);

/** The commit an answer names: its last line (rev-parse prints what it was asked, in order). */
export const commitOf = (/** @type {import("./process.mjs").GitResult} */ r) => {
  const commit = r.ok ? (r.stdout.toString("utf8").trim().split("\n").at(-1) ?? "") : "";
  return isCommit(commit) ? commit : undefined;
};

/**
 * @typedef {object} Chain
 * @property {number} after which question names the commit (a rev-parse: its answer holds no NUL byte)
 * @property {(commit: string) => string[][]} then the questions that follow from that commit
 */

/**
 * @typedef {object} Batch
 * @property {Promise<import("./process.mjs").GitResult>[]} answers one per question, in order
 * @property {Promise<{ commit: string, questions: string[][], answers: Promise<import("./process.mjs").GitResult>[] } | undefined>} followed
 *   what `sh` asked after the commit, with it; undefined when it asked nothing (no commit, no chain)
 */

/**
 * Starts `questions` (without input) in `root` under one `sh`; with `chain`, the questions that
 * follow from the commit its `after` question names are started there too.
 * @param {string} root
 * @param {readonly string[][]} questions
 * @param {Chain} [chain]
 * @returns {Batch}
 */
export function startBatch(root, questions, chain) {
  const n = questions.length;
  const followUps = chain?.then(COMMIT);
  const template = chain && followUps && chainable(questions, chain, followUps) ? followUps : [];
  // What follows is left to the caller when it does not fit beside the questions.
  const m = n + template.length <= BATCH_MAX ? template.length : 0;
  if (n + m < 2 || n > BATCH_MAX) return { answers: questions.map((q) => spawnGit(root, [...q])), followed: Promise.resolve(undefined) };
  const fds = Array.from({ length: n + m }, (_, k) => 3 + k);
  const closeAll = (/** @type {number[]} */ keep) => fds.filter((fd) => !keep.includes(fd)).map((fd) => `${fd}>&-`).join(" ");
  /** @type {string[]} */
  const argv = [];
  const refs = (/** @type {readonly string[]} */ args) =>
    gitArgv([...args])
      .map((a) => {
        if (a === COMMIT) return '"$c"';
        argv.push(a);
        return `"\${${argv.length}}"`;
      })
      .join(" ");
  // Question k: git's output on descriptor 3+k, its status as the line "k status" on stdout, and
  // every other descriptor closed, so that each ends with its own question.
  const job = (/** @type {number} */ k, /** @type {string} */ args) => `{ git ${args} >&${fds[k]} 2>/dev/null ${closeAll([fds[k] ?? 0])}; echo "${k} $?"; } ${closeAll([fds[k] ?? 0])} &`;
  const lines = questions.map((q, k) => {
    if (k !== chain?.after || !m) return job(k, refs(q));
    // The question naming the commit: its answer kept (with its last newlines: the status follows
    // it), handed over, then its last line checked and the questions after it started with it.
    const a = fds[k] ?? 0;
    const following = template.slice(0, m).map((q2, j) => job(n + j, refs(q2)));
    return [
      `{ o=$(git ${refs(q)} 2>/dev/null; echo " $?"); s=\${o##* }; o=\${o% *}`,
      `printf %s "$o" >&${a}; exec ${a}>&-; echo "${k} $s"`,
      `c=\${o%"$nl"}; c=\${c##*"$nl"}`,
      `case $c in *[!0-9a-f]*) c= ;; esac`,
      `if [ "$s" = 0 ] && { [ \${#c} -eq 40 ] || [ \${#c} -eq 64 ]; }; then echo "c $c"`,
      ...following,
      `exec ${closeAll(fds.slice(0, n))}; wait; else echo "c -"; fi`,
      `} ${closeAll([a, ...fds.slice(n)])} &`,
    ].join("\n");
  });
  const script = ["nl='", "'", ...lines, `exec ${closeAll([])}`, "wait"].join("\n");

  /** @type {Array<(r: import("./process.mjs").GitResult | Promise<import("./process.mjs").GitResult>) => void>} */
  const settle = [];
  const all = fds.map((_, k) => new Promise((/** @type {(r: any) => void} */ r) => (settle[k] = r)));
  /** @type {(v: string | undefined) => void} */
  let verdict = () => undefined;
  const told = new Promise((/** @type {(v: string | undefined) => void} */ r) => (verdict = r));
  /** @type {Buffer[][]} */
  const out = fds.map(() => []);
  /** @type {(number | undefined)[]} */
  const status = [];
  const ended = fds.map(() => false);
  const done = fds.map(() => false);
  /** @type {string | undefined} */
  let commit;
  /** The arguments of question k (those after the commit with the commit `sh` used). */
  const argsOf = (/** @type {number} */ k) => (k < n ? [...(questions[k] ?? [])] : (template[k - n] ?? []).map((a) => (a === COMMIT ? (commit ?? "") : a)));
  /** Answers question k once: with its output, or (failed, or unanswered) by asking it on its own. */
  const answer = (/** @type {number} */ k, /** @type {boolean} */ ok) => {
    if (done[k]) return;
    done[k] = true;
    settle[k]?.(ok ? { ok: true, stdout: Buffer.concat(out[k] ?? []), stderr: "" } : spawnGit(root, argsOf(k)));
  };
  const tryAnswer = (/** @type {number} */ k) => {
    if (ended[k] && status[k] !== undefined) answer(k, status[k] === 0);
  };
  const giveUp = () => {
    verdict(commit);
    for (let k = 0; k < n + m; k++) if (k < n || commit !== undefined) answer(k, false);
  };
  let child;
  try {
    child = spawn("sh", ["-c", script, "sh", ...argv], { cwd: root, env: gitEnv(), stdio: ["ignore", "pipe", "ignore", ...fds.map(() => /** @type {const} */ ("pipe"))] });
  } catch {
    giveUp();
    return result();
  }
  let text = "";
  child.stdout?.on("data", (/** @type {Buffer} */ b) => {
    text += b.toString("latin1");
    const complete = text.split("\n");
    text = complete.pop() ?? "";
    for (const line of complete) {
      const c = /^c (-|[0-9a-f]+)$/.exec(line);
      if (c) {
        commit = c[1] !== "-" && isCommit(c[1] ?? "") ? c[1] : undefined;
        verdict(commit);
        continue;
      }
      const s = /^(\d+) (\d+)$/.exec(line);
      if (!s) continue;
      status[Number(s[1])] = Number(s[2]);
      tryAnswer(Number(s[1]));
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
  child.on("error", giveUp);
  child.on("close", giveUp);
  return result();

  /** @returns {Batch} */
  function result() {
    return {
      answers: all.slice(0, n),
      followed: told.then((c) => (c === undefined || !m ? undefined : { commit: c, questions: template.slice(0, m).map((_, j) => argsOf(n + j)), answers: all.slice(n) })),
    };
  }
}

/**
 * Whether `sh` can start what follows: an `after` question that is a rev-parse, and the commit only
 * ever a whole argument of the follow-up questions (`followUps`: chain.then(COMMIT)).
 */
function chainable(/** @type {readonly string[][]} */ questions, /** @type {Chain} */ chain, /** @type {string[][]} */ followUps) {
  if (questions[chain.after]?.[0] !== "rev-parse") return false;
  return followUps.every((q) => q.every((a) => a === COMMIT || !a.includes(COMMIT)));
}
