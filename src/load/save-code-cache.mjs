// @ts-check
// The hook a worker started from run-bundle.mjs readerBoot leaves for its code: saveCodeCache()
// writes the worker's code cache (when it has none that served) before the worker reports its
// work done, since the thread that waits for it then ends it. Its own small module, so that the
// worker's code loads nothing more for it. Plain JavaScript (types in save-code-cache.d.mts).

/** Where readerBoot puts the hook. */
export const SAVE_CODE_CACHE = Symbol.for("subdomain-gitops.save-code-cache");

/** Writes this thread's code cache where a boot left the hook for it; nothing otherwise. */
export function saveCodeCache() {
  /** @type {(() => void) | undefined} */
  const save = /** @type {any} */ (globalThis)[SAVE_CODE_CACHE];
  delete (/** @type {any} */ (globalThis))[SAVE_CODE_CACHE];
  save?.();
}
