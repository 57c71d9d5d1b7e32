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

/** One file's result; `loaded` only when the job asks for it. */
export type FileResult = RequestCheck & { loaded?: Loaded };

type Check = (l: Loaded, ctx: RuleContext) => RequestCheck;

/** Claims and checks one chunk; false when no files are left. */
export function checkOneChunk(job: Job, post: (start: number, results: FileResult[]) => void, check: Check): boolean {
  const start = Atomics.add(job.counter, 0, job.chunk);
  if (start >= job.files.length) return false;
  const ctx: RuleContext = { governance: job.governance, today: job.today };
  const end = Math.min(start + job.chunk, job.files.length);
  const results: FileResult[] = [];
  for (let i = start; i < end; i++) {
    const loaded = readYamlFile(job.root, job.files[i]!);
    const r = check(loaded, ctx);
    results.push(job.keepLoaded ? { ...r, loaded } : r);
  }
  post(start, results);
  return true;
}

/** Claims and checks chunks until none are left (a worker's whole job). */
export function checkChunk(job: Job, post: (start: number, results: FileResult[]) => void, check: Check): void {
  while (checkOneChunk(job, post, check));
}
