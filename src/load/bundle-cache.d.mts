// Types of bundle-cache.mjs (plain JavaScript so that the launcher can use it before tsx).
/** The per-user folder bundles are kept in, and whether it may be reused (false: a new private one). */
export function bundleFolder(): { dir: string; reuse: boolean };
/** Path of an up-to-date bundle of `entry` (a .ts file) for a worker thread, or undefined if none can be had. */
export function workerBundle(entry: URL): string | undefined;
/** Path of an up-to-date bundle of `entry` (a .ts file) to import on the main thread, or undefined if none can be had. */
export function moduleBundle(entry: URL): Promise<string | undefined>;
/** The subfolder of the bundle folder where run-bundle.mjs keeps the module bundles' V8 code caches. */
export const CODE_CACHE_FOLDER: string;
