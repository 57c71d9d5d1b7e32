// What the main thread and the manifest thread share (manifest-thread.ts, manifest-worker.ts).

/** Index in the shared flags: 1 once the thread posted its result. */
export const DONE = 0;
/** Index in the shared flags: tenants written so far, so a stalled thread can be told from a slow one. */
export const PROGRESS = 1;

export type ManifestResult = { written: string[] } | { error: string };
