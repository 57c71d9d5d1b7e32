// What the main thread and the out/ thread share (out-thread.ts, out-worker.ts).

/** Index in the shared flags: jobs the thread has finished and posted a result for. */
export const DONE = 0;
/** Index in the shared flags: files written so far, so a stalled thread can be told from a slow one. */
export const PROGRESS = 1;

/** A job's result: the paths written (relative to out/), or why it failed. */
export type OutResult = { written: string[] } | { error: string };
