// Types of run-bundle.mjs (plain JavaScript so that the launcher can use it before tsx).
/** Where the code cache of `bundle` for runs of `kind` is kept; undefined when the bundle folder may not be reused. */
export function codeCachePath(bundle: string, kind: string): string | undefined;
/** Runs `bundle` (a CommonJS file) on this thread from its code cache for `kind`; what V8 did with the cache. */
export function runBundle(bundle: string, kind: string): "used" | "rejected" | "none";
/** Says that this run turned out to be of `kind` rather than the one its command line named. */
export function declareRunKind(kind: string): void;
