// @ts-check
// Runs a CommonJS bundle (bundle-cache.mjs) as a script with a V8 code cache written after the
// run: the launcher runs a command's bundle this way, and the reading worker its own
// (src/validate/files/reader-start.mjs). Node's own compile cache (module.enableCompileCache) is
// written when a module is loaded, so it holds only the code compiled up to then: the functions a
// run compiles later, lazily, on first call (schema checks, the rules, the snapshot's reading: ~50
// ms of a one-file plan, ~35 ms of the reading worker's) were compiled anew at every start. A cache
// made at the end of a run holds them too. One cache per bundle, kind of run (`kind`) and Node
// version, in the private bundle folder beside the bundles (code runs from it: it is trusted as
// they are). V8 checks that a cache belongs to this source and this V8 (with these flags) and
// ignores it otherwise; its bytes are checked here first (a CRC-32 before them); a missing,
// damaged or ignored cache is written anew at the end. Plain JavaScript (types in
// run-bundle.d.mts) because the launcher runs before any TypeScript can.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { bundleFolder, CODE_CACHE_FOLDER } from "./bundle-cache.mjs";
import { SAVE_CODE_CACHE } from "./save-code-cache.mjs";

/**
 * Where the code cache of `bundle` for runs of `kind` is kept; undefined when the bundle folder
 * is not one this process may reuse.
 * @param {string} bundle
 * @param {string} kind
 */
export function codeCachePath(bundle, kind) {
  const { dir, reuse } = bundleFolder();
  if (!reuse || dirname(bundle) !== dir || !/^[a-z-]+$/.test(kind)) return undefined;
  return join(dir, CODE_CACHE_FOLDER, `${basename(bundle)}.${kind}.${process.version}.v8`);
}

/**
 * Runs `bundle` (a CommonJS file) on this thread, from the code cache at `cachePath` where there
 * is a good one, and says what happened to the cache ("used", "rejected": damaged or not this
 * code's, "none"); `save(path)` writes the script's cache (all it has compiled by then) to `path`;
 * `exports`, what the bundle exported.
 * Self-contained, with only its arguments (`load` is a require): its text is also the first lines
 * of a reading worker (readerBoot), where no module of this program is loaded yet.
 * @param {NodeJS.Require} load
 * @param {string} bundle
 * @param {string | undefined} cachePath
 * @param {boolean} [wrapped] the bundle is written inside Node's module wrapper (a module bundle: bundle-cache.mjs MODULE_WRAPPER)
 * @returns {{ outcome: "used" | "rejected" | "none", save: (path: string) => void, exports: Record<string, unknown> }}
 */
export function runScript(load, bundle, cachePath, wrapped) {
  const fs = load("node:fs");
  const path = load("node:path");
  const { crc32 } = load("node:zlib");
  const { Script } = load("node:vm");
  // V8 checks that a cache was made from this source by this V8 with these flags, not that its
  // bytes are whole (release builds skip the checksum): a damaged cache could crash the run. So a
  // cache file starts with the CRC-32 of the cache after it (big-endian), checked first. Damage,
  // not an adversary, is what it guards against: the folder is this user's alone, and code runs
  // from it. A CRC-32 of 1.3 MB costs ~0.3 ms where a SHA-256 cost ~2 ms, and node:zlib loads in
  // ~2 ms where node:crypto took ~9 ms of a reading thread's start.
  const CHECK = 4;
  /** @type {Buffer | "damaged" | undefined} */
  let stored;
  try {
    const file = cachePath ? fs.readFileSync(cachePath) : undefined;
    stored = !file ? undefined : file.length > CHECK && crc32(file.subarray(CHECK)) === file.readUInt32BE(0) ? file.subarray(CHECK) : "damaged";
  } catch {
    stored = undefined;
  }
  const cached = stored === "damaged" ? undefined : stored;
  // The wrapper Node gives every CommonJS module (the bundle is one): a module bundle holds it already.
  const source = fs.readFileSync(bundle, "utf8");
  const script = new Script(wrapped ? source : `(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
  /** @type {"used" | "rejected" | "none"} */
  const outcome = stored === undefined ? "none" : stored === "damaged" || script.cachedDataRejected ? "rejected" : "used";
  /** @type {{ exports: Record<string, unknown> }} */
  const module = { exports: {} };
  script.runInThisContext()(module.exports, load("node:module").createRequire(bundle), module, bundle, path.dirname(bundle));
  /** @param {string} to */
  const save = (to) => {
    // Under a temporary name, then renamed: a run reading it meanwhile sees the old file or the
    // new one. A failure only leaves the cache to the next run.
    try {
      fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
      const data = script.createCachedData();
      const check = Buffer.alloc(CHECK);
      check.writeUInt32BE(crc32(data));
      const tmp = `${to}.${process.pid}.${Date.now()}`;
      fs.writeFileSync(tmp, Buffer.concat([check, data]), { mode: 0o600 });
      fs.renameSync(tmp, to);
    } catch {
      /* the next run writes it */
    }
  };
  return { outcome, save, exports: module.exports };
}

/**
 * Runs a command's `bundle` on this thread from its code cache for `kind`; the cache is written
 * when the process ends, unless it was used as it is. Returns what happened to the cache.
 * @param {string} bundle
 * @param {string} kind what sort of run this is (runKind in src/cli/launch.mjs): each keeps its own cache
 * @returns {"used" | "rejected" | "none"}
 */
export function runBundle(bundle, kind) {
  const cachePath = codeCachePath(bundle, kind);
  const run = runScript(createRequire(import.meta.url), bundle, cachePath, true);
  if (cachePath)
    process.once("exit", () => {
      // A run that took another path than its kind's (a plan whose snapshot could not serve)
      // compiled other functions: its cache is that kind's, written only when there is none.
      const took = tookPath();
      if (took === undefined || took === kind) {
        if (run.outcome !== "used") run.save(cachePath);
      } else {
        const other = codeCachePath(bundle, took);
        if (other && !existsSync(other)) run.save(other);
      }
    });
  return run.outcome;
}

/**
 * A reading worker's first lines (an `eval` worker's CommonJS): runScript on workerData's
 * `bundle` and `cachePath`, with the cache written when the worker calls saveCodeCache
 * (src/load/save-code-cache.mjs) before it reports its work done: the thread that waits for it
 * ends it then, and an ended thread runs nothing more.
 */
export function readerBoot() {
  return `const { workerData } = require("node:worker_threads");
const run = (${runScript.toString()})(require, workerData.bundle, workerData.cachePath);
globalThis[Symbol.for(${JSON.stringify(SAVE_CODE_CACHE.description)})] = () => { if (workerData.cachePath && run.outcome !== "used") run.save(workerData.cachePath); };`;
}

/** Where a command says which kind of run it turned out to be (declareRunKind). */
const TOOK = Symbol.for("subdomain-gitops.run-kind");

/**
 * Says that this run turned out to be of `kind` rather than the one its command line named
 * (e.g. a plan with a cache that had to read every file: "plan-full").
 * @param {string} kind
 */
export function declareRunKind(kind) {
  /** @type {any} */ (globalThis)[TOOK] = kind;
}

/** @returns {string | undefined} */
const tookPath = () => /** @type {any} */ (globalThis)[TOOK];
