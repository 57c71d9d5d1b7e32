// Types of batch.mjs (plain JavaScript so that the launcher can use it before tsx).
import type { GitResult } from "./process.mjs";
/** The most questions one batch runs, those that follow included. */
export const BATCH_MAX: number;
/** A commit as the launcher accepts one. */
export function isCommit(text: string): boolean;
/** The commit an answer names (its last line), or undefined. */
export function commitOf(r: GitResult): string | undefined;
export interface Chain {
  after: number;
  then: (commit: string) => string[][];
}
export interface Batch {
  answers: Promise<GitResult>[];
  followed: Promise<{ commit: string; questions: string[][]; answers: Promise<GitResult>[] } | undefined>;
}
/** Starts `questions` in `root` under one `sh`; with `chain`, those that follow from the commit too. */
export function startBatch(root: string, questions: readonly string[][], chain?: Chain): Batch;
