// The per-file stage shared by the main thread and the workers: claim the next chunk of files
// from a shared counter (so the faster thread simply takes more), then read, parse and check.
import type { Governance } from "../model/governance.ts";
import type { RequestCheck } from "../validate/validate.ts";
import type { RuleContext } from "../validate/rule.ts";
import { readYamlFile } from "./read.ts";
import type { Loaded } from "./parse.ts";

export interface Job {
  root: string;
  files: string[];
  governance: Governance;
  today: string;
  /** Int32Array over a SharedArrayBuffer: index of the next unclaimed file. */
  counter: Int32Array;
  chunk: number;
  /** Send each file's parse back too (to fill the parse cache). */
  keepLoaded?: boolean;
}

/** One file's result and the file as read. */
export interface FileResult {
  check: RequestCheck;
  loaded: Loaded;
}

type Check = (l: Loaded, ctx: RuleContext) => RequestCheck;

/** Claims and checks one chunk: its first file's index and the results, or undefined when no files are left. */
export function claimChunk(job: Job, check: Check, ctx: RuleContext = { governance: job.governance, today: job.today }): { start: number; results: FileResult[] } | undefined {
  const start = Atomics.add(job.counter, 0, job.chunk);
  if (start >= job.files.length) return undefined;
  const end = Math.min(start + job.chunk, job.files.length);
  const results: FileResult[] = [];
  for (let i = start; i < end; i++) {
    const loaded = readYamlFile(job.root, job.files[i]!);
    results.push({ check: check(loaded, ctx), loaded });
  }
  return { start, results };
}
