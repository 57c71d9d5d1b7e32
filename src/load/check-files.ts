// The per-file stage (read, parse, schema, file rules) on many files, on all cores: this thread
// and worker threads claim chunks of the list from a shared counter, so the faster one simply
// takes more; workers send their results back in a compact form (check-wire.ts). The results are
// exactly checkRequest(readYamlFile(root, file), ctx) for each file, in the order of `files`.
// Used by `npm run validate` (parallel.ts) and by the plan's working-tree side (src/plan/head.ts).
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { readYamlFile } from "./read.ts";
import { claimChunk, type Job } from "./parallel-job.ts";
import { decodeChunk, decodeLoaded, type WireChunk, type WireLoaded } from "./check-wire.ts";
import { workerBundle } from "./worker-bundle.ts";
import type { Loaded } from "./parse.ts";
import { checkRequest, type RequestCheck } from "../validate/validate.ts";
import type { RuleContext } from "../validate/rule.ts";

export interface CheckFilesOptions {
  /** Threads in all, this one included; default: defaultThreads(). */
  threads?: number;
  /** Below this many files to read, the thread start-up costs more than it saves: one thread. */
  minFiles?: number;
  /**
   * Asked on this thread for each file before anything is read: a result it returns is taken
   * as that file's (e.g. from a cache of earlier runs), and the file is not read.
   */
  known?: (file: string, index: number) => RequestCheck | undefined;
  /** Told on this thread of each file checked now (not the `known` ones); `loaded` only with `keepLoaded`. */
  checked?: (file: string, index: number, check: RequestCheck, loaded?: Loaded) => void;
  /** Pass each file as read (value, positions, parse diagnostics) to `checked`. */
  keepLoaded?: boolean;
  /** Filled in when given: how the work was shared, and why a worker failed (its files are then redone here). */
  stats?: { workerFiles: number; workerFailures: string[] };
}

/** Files per claim: small enough to balance the threads, large enough to keep messages few. */
const CHUNK = 128;

/**
 * Threads to use by default: all cores. Measured on this project's 2-vCPU machines (15,000
 * files): with the compact results of check-wire.ts the second thread pays (see the report in
 * the commit introducing it); below `minFiles` files one thread is used all the same.
 */
export function defaultThreads(cores: number = availableParallelism()): number {
  return Math.max(1, cores);
}

/**
 * Workers run TypeScript through tsx, like the rest of the tool. `execArgv: ["--import", "tsx"]`
 * is not enough on Node 20 (the worker's entry is resolved before the hooks apply: "Unknown file
 * extension .ts"), so a two-line CommonJS bootstrap registers tsx's loader in the worker, then
 * imports the real entry. Both paths are resolved here, so the working directory does not matter.
 */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((m) => { (m.register ?? m.default.register)(); return import(workerData.entry); });
`;

/** URL of tsx's ESM API, read from its package exports (`require.resolve` would give the CommonJS build). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const exports = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(join(dirname(manifest), exports["./esm/api"]!.import.default)).href;
}

/**
 * A worker's heap: its young generation small, as the command's own thread keeps it (see
 * src/cli/validate.ts): a worker keeps nothing between chunks, so a small one costs no time.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** A worker thread running worker.ts (exported for tests): from its bundle when one can be had (see worker-bundle.ts), else through tsx. */
export function startWorker(options: { bundle?: boolean } = {}): Worker {
  const entry = new URL("./worker.ts", import.meta.url);
  const bundle = options.bundle === false ? undefined : workerBundle(entry);
  if (bundle) return new Worker(pathToFileURL(bundle), { resourceLimits: WORKER_LIMITS });
  return new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: tsxEsmApi(), entry: entry.href }, resourceLimits: WORKER_LIMITS });
}

/** What a worker posts: a chunk of results (with the files as read, if asked), the end, or why it stopped. */
export interface WorkerMessage {
  chunk?: WireChunk;
  loaded?: WireLoaded[];
  done?: true;
  failed?: string;
}

/**
 * checkRequest(readYamlFile(root, file), ctx) for every file of `files`, in order, on `threads`
 * threads. A worker that fails is not fatal: what it did not deliver is checked on this thread.
 */
export async function checkRequestFiles(root: string, files: readonly string[], ctx: RuleContext, options: CheckFilesOptions = {}): Promise<RequestCheck[]> {
  const results: (RequestCheck | undefined)[] = new Array(files.length);
  const todo: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const known = options.known?.(files[i]!, i);
    if (known) results[i] = known;
    else todo.push(i);
  }
  const threads = Math.max(1, options.threads ?? defaultThreads());
  const workers = threads > 1 && todo.length >= (options.minFiles ?? 1500) ? Array.from({ length: threads - 1 }, () => startWorker()) : [];
  const job: Job = {
    root,
    files: todo.map((i) => files[i]!),
    governance: ctx.governance,
    today: ctx.today,
    counter: new Int32Array(new SharedArrayBuffer(4)),
    chunk: CHUNK,
    ...(options.keepLoaded ? { keepLoaded: true } : {}),
  };
  const store = (k: number, check: RequestCheck, loaded: Loaded | undefined) => {
    const i = todo[k]!;
    results[i] = check;
    options.checked?.(files[i]!, i, check, loaded);
  };
  try {
    const finished = workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.on("message", (m: WorkerMessage) => {
            if (m.chunk) {
              const { start, count } = m.chunk;
              const checks = decodeChunk(m.chunk, job.files.slice(start, start + count));
              checks.forEach((c, k) => store(start + k, c, m.loaded && decodeLoaded(m.loaded[k]!, job.files[start + k]!)));
              if (options.stats) options.stats.workerFiles += count;
            }
            if (m.failed !== undefined) options.stats?.workerFailures.push(m.failed);
            if (m.done || m.failed !== undefined) resolve();
          });
          w.on("error", (e) => {
            options.stats?.workerFailures.push(e.message);
            resolve();
          });
          w.on("exit", () => resolve());
          w.postMessage(job);
        }),
    );
    // Between chunks, let the workers' messages in: unpacking their results is work on this
    // thread too, and doing it as it comes lets the shared counter balance it with the rest.
    for (let c = claimChunk(job, checkRequest, ctx); c; c = claimChunk(job, checkRequest, ctx)) {
      const { start, results: chunk } = c;
      chunk.forEach((r, k) => store(start + k, r.check, options.keepLoaded ? r.loaded : undefined));
      if (workers.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(finished);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  for (let k = 0; k < todo.length; k++) {
    if (results[todo[k]!]) continue;
    const loaded = readYamlFile(root, job.files[k]!);
    store(k, checkRequest(loaded, ctx), options.keepLoaded ? loaded : undefined);
  }
  return results as RequestCheck[];
}
