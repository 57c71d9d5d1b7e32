// How far V8 lets the old generation grow before its next full collection, for a plan that fills
// the cache. That run keeps every request, the desired state and what the snapshot stores, and
// makes as much again that dies on the way; V8 grows a young process's heap by up to ~4x between
// full collections, so with 15,000 requests the heap reached ~180 MB of which ~75 MB was live, and
// the process peaked at 300-313 MB (measured, Node 24). Growing by half at most, it peaked at
// 250-257 MB. The flag is V8's, read at each full collection, and is part of the hash V8 checks a
// code cache against: it is set back before the run ends, so the cache this process writes at its
// exit (src/load/run-bundle.mjs) is the one the next run can use.
import { setFlagsFromString } from "node:v8";

/** Old generation growth while filling the cache: at most half again between full collections. */
const FILLING = "--heap-growing-percent=50";
/** V8's own choice (its default). */
const DEFAULT = "--heap-growing-percent=0";

/** Runs `run` with the old generation's growth held down, unless Node was told its own growth. */
export async function withHeldHeapGrowth<T>(run: () => Promise<T>): Promise<T> {
  const own = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) => /heap[-_]growing[-_]percent/.test(a));
  if (own) return run();
  setFlagsFromString(FILLING);
  try {
    return await run();
  } finally {
    setFlagsFromString(DEFAULT);
  }
}
