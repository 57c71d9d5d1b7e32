// The reading side of the parallel per-file stage, shared by the main thread and the reading
// worker: claim the next chunk of files from a shared counter (so whichever thread is free takes
// it), then read and parse each file.
import { readYamlFile } from "./read.ts";
import type { Loaded } from "./parse.ts";

export interface Job {
  root: string;
  files: string[];
  /** Int32Array over a SharedArrayBuffer: index of the next unclaimed file. */
  counter: Int32Array;
  chunk: number;
}

/** Claims one chunk: the indices of its files, from `start` to before `end`, or undefined when no files are left. */
export function claimRange(job: Job): { start: number; end: number } | undefined {
  const start = Atomics.add(job.counter, 0, job.chunk);
  if (start >= job.files.length) return undefined;
  return { start, end: Math.min(start + job.chunk, job.files.length) };
}

/** Claims and reads one chunk: its first file's index and the files as read, or undefined when no files are left. */
export function claimChunk(job: Job): { start: number; files: Loaded[] } | undefined {
  const range = claimRange(job);
  if (!range) return undefined;
  const files: Loaded[] = [];
  for (let i = range.start; i < range.end; i++) files.push(readYamlFile(job.root, job.files[i]!));
  return { start: range.start, files };
}
