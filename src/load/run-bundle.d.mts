// Types of run-bundle.mjs (plain JavaScript so that the launcher can use it before tsx).
/** Where the code cache of `bundle` for runs of `kind` is kept; undefined when the bundle folder may not be reused. */
export function codeCachePath(bundle: string, kind: string): string | undefined;
/** Runs `bundle` (a CommonJS file) from the code cache at `cachePath`; what happened to the cache, and how to write it. */
export function runScript(load: NodeJS.Require, bundle: string, cachePath: string | undefined, wrapped?: boolean): { outcome: "used" | "rejected" | "none"; save: (path: string) => void; exports: Record<string, unknown> };
/** Runs a command's `bundle` on this thread from its code cache for `kind`; what V8 did with the cache. */
export function runBundle(bundle: string, kind: string): "used" | "rejected" | "none";
/** A reading worker's first lines: runScript on workerData's bundle and cachePath. */
export function readerBoot(): string;
/** Says that this run turned out to be of `kind` rather than the one its command line named. */
export function declareRunKind(kind: string): void;
