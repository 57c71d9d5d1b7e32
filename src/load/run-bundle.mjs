// @ts-check
// Runs a command's CommonJS bundle (bundle-cache.mjs moduleBundle) as a script with a V8 code
// cache written after the run. Node's own compile cache (module.enableCompileCache) is written
// when a module is loaded, so it holds only the code compiled up to then: the functions a run
// compiles later, lazily, on first call (schema checks, the rules, the snapshot's reading: ~50 ms
// of a one-file plan) were compiled anew at every start. A cache made at the end of a run holds
// them too. One cache per bundle, kind of run (`kind`) and Node version, in the private bundle
// folder beside the bundles (code runs from it: it is trusted as they are). V8 checks that a
// cache belongs to this source and this V8 (with these flags) and ignores it otherwise; its
// bytes are checked here (DIGEST_BYTES); a missing, damaged or ignored cache is written anew when
// the run ends. Plain JavaScript (types in run-bundle.d.mts)
// because the launcher runs before any TypeScript can.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { bundleFolder, CODE_CACHE_FOLDER } from "./bundle-cache.mjs";

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
 * Runs `bundle` (a CommonJS file) on this thread, from its code cache for `kind` where there is
 * one. Returns what V8 did with the cache: "used", "rejected" (written anew at exit), or "none".
 * @param {string} bundle
 * @param {string} kind what sort of run this is (e.g. "plan-incremental"): each keeps its own cache
 * @returns {"used" | "rejected" | "none"}
 */
export function runBundle(bundle, kind) {
  const source = readFileSync(bundle, "utf8");
  const cachePath = codeCachePath(bundle, kind);
  const stored = cachePath ? readCodeCache(cachePath) : undefined;
  const cached = stored === "damaged" ? undefined : stored;
  // The wrapper Node gives every CommonJS module: the bundle is one.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
  const outcome = stored === undefined ? "none" : stored === "damaged" || script.cachedDataRejected ? "rejected" : "used";
  if (cachePath)
    process.once("exit", () => {
      // A run that took another path than its kind's (a plan whose snapshot could not serve)
      // compiled other functions: its cache is that kind's, written only when there is none.
      const took = tookPath();
      if (took === undefined || took === kind) {
        if (outcome !== "used") writeCodeCache(cachePath, script);
      } else {
        const other = codeCachePath(bundle, took);
        if (other && !existsSync(other)) writeCodeCache(other, script);
      }
    });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return outcome;
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

/**
 * V8 checks that a cache was made from this source by this V8 with these flags, not that its
 * bytes are whole (release builds skip the checksum): a damaged cache could crash the run. So
 * each file starts with the SHA-256 of the cache after it (~3 ms for 1.3 MB), checked first.
 */
const DIGEST_BYTES = 32;

/**
 * The cache stored at `path`: undefined when there is none, "damaged" when its digest does not hold.
 * @param {string} path
 * @returns {Buffer | "damaged" | undefined}
 */
function readCodeCache(path) {
  let file;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const data = file.subarray(DIGEST_BYTES);
  return file.length > DIGEST_BYTES && createHash("sha256").update(data).digest().equals(file.subarray(0, DIGEST_BYTES)) ? data : "damaged";
}

/**
 * Writes the script's code cache (all it has compiled by now), after its digest, under a
 * temporary name, then renames it: a run reading it meanwhile sees the old file or the new one.
 * A failure only leaves the cache to the next run.
 * @param {string} path
 * @param {Script} script
 */
function writeCodeCache(path, script) {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const data = script.createCachedData();
    const tmp = `${path}.${process.pid}.${Date.now()}`;
    writeFileSync(tmp, Buffer.concat([createHash("sha256").update(data).digest(), data]), { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    /* the next run writes it */
  }
}
