// Types of reader-start.mjs (plain JavaScript so that the launcher can use it before tsx).
import type { Worker } from "node:worker_threads";
/** The reading worker's source (a bundle of it is what runs). */
export const READER_ENTRY: URL;
/** A reading worker's resource limits. */
export const READER_LIMITS: { maxYoungGenerationSizeMb: number };
/** Below this many request files the per-file stage runs on one thread. */
export const MIN_PARALLEL_FILES: number;
/** A reading worker running `bundle`. */
export function startBundledReader(bundle: string): Worker;
/** Starts a reading worker now when `root` has enough request files; whether one was started. */
export function startReaderAhead(root: string): boolean;
/** The reader started ahead, once, still running; undefined otherwise. */
export function takeReaderAhead(): Worker | undefined;
