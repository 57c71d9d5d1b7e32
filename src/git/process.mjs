// @ts-check
// One git process on the event loop, as every asking of git starts it (./spawn.mjs, ./batch.mjs,
// ./run.ts). Plain JavaScript (types in process.d.mts) because the launcher runs before any
// TypeScript can.
import { spawn } from "node:child_process";

/** The environment git runs with: never a prompt for credentials, and messages in one language. */
export const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" });

/** git's arguments for `args`: paths printed as they are (not quoted octal). */
export const gitArgv = (/** @type {string[]} */ args) => ["-c", "core.quotepath=false", ...args];

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
