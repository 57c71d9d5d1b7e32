// @ts-check
// Starting the reading worker of the per-file stage (worker.ts, see check-files.ts) from its
// bundle, and starting it ahead: the launcher (src/cli/launch.mjs) starts it before the command's
// own code loads, so that the thread's start (~0.1-0.2 s, most of it Node's own modules compiled
// for the new thread) runs on the second core while this one loads the command, instead of after
// the files are listed. The command takes it (takeReaderAhead) when it has the files to read.
// Plain JavaScript (types in reader-start.d.mts) because the launcher runs before any TypeScript can.
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { readdirSync } from "node:fs";
import { workerBundle } from "../../load/bundle-cache.mjs";
import { codeCachePath, readerBoot } from "../../load/run-bundle.mjs";

/** The reading worker's source (a bundle of it is what runs). */
export const READER_ENTRY = new URL("./worker.ts", import.meta.url);

/**
 * A reading worker's heap: its young generation small (4 MB: a worker keeps nothing between
 * chunks, so a small one costs no time; 16 MB cost ~15 MB more peak memory for 15,000 files,
 * nothing faster).
 */
export const READER_LIMITS = { maxYoungGenerationSizeMb: 4 };

/**
 * Below this many request files the per-file stage runs on one thread: a thread's start costs
 * more than it saves (check-files.ts takes it as its default).
 */
export const MIN_PARALLEL_FILES = 1500;

/**
 * A reading worker running `bundle` (workerBundle(READER_ENTRY)) as a script, with the code cache
 * its earlier runs left (src/load/run-bundle.mjs readerBoot; worker.ts writes it when there was
 * none that served).
 * @param {string} bundle
 */
export function startBundledReader(bundle) {
  return new Worker(readerBoot(), { eval: true, workerData: { bundle, cachePath: codeCachePath(bundle, "reader") }, resourceLimits: READER_LIMITS });
}

/** Where a reader started ahead waits for the command (one per thread: the launcher's). */
const AHEAD = Symbol.for("subdomain-gitops.reader-ahead");

/**
 * Starts a reading worker now, when the repository at `root` has enough request files for the
 * per-file stage to use one; it waits, not holding the process open, until taken. Counting the
 * files (names only, stopping at the threshold) costs ~2-5 ms for 15,000.
 * @param {string} root
 * @returns {boolean} whether one was started
 */
export function startReaderAhead(root) {
  if (!enoughFiles(join(root, "requests"))) return false;
  const bundle = workerBundle(READER_ENTRY);
  if (!bundle) return false;
  const worker = startBundledReader(bundle);
  // Until taken, a failure is nobody's: it must not end the process (takeReaderAhead then gives none).
  worker.on("error", () => undefined);
  worker.unref();
  /** @type {any} */ (globalThis)[AHEAD] = worker;
  return true;
}

/**
 * The reader started ahead, once, still running (undefined otherwise): it holds the process open
 * again, as a worker the command started itself would.
 * @returns {Worker | undefined}
 */
export function takeReaderAhead() {
  /** @type {Worker | undefined} */
  const worker = /** @type {any} */ (globalThis)[AHEAD];
  delete (/** @type {any} */ (globalThis))[AHEAD];
  // threadId is -1 once its end has been handled: events after this call reach the taker's listeners.
  if (!worker || worker.threadId < 0) return undefined;
  worker.ref();
  return worker;
}

/**
 * Whether the folder's OPD folders hold at least MIN_PARALLEL_FILES .yaml files.
 * @param {string} requests
 */
function enoughFiles(requests) {
  try {
    let n = 0;
    for (const opd of readdirSync(requests, { withFileTypes: true })) {
      if (!opd.isDirectory()) continue;
      for (const f of readdirSync(join(requests, opd.name))) if (f.endsWith(".yaml") && ++n >= MIN_PARALLEL_FILES) return true;
    }
    return false;
  } catch {
    return false;
  }
}
