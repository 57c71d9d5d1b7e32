// The same validation as validateRepository, with the per-file stage (read, parse, schema, file
// rules) spread over worker threads. Parsing YAML is most of the cost (about 0.2 ms per request
// file), so a repository of thousands of files is checked in about 1/cores of the time. The
// repository rules, which need every file, run afterwards on this thread.
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { discoverRequests } from "./discover.ts";
import { readGovernance, readYamlFile } from "./read.ts";
import { readFileSync } from "node:fs";
import { digest, openParseCache } from "./cache.ts";
import { checkOneChunk, type FileResult, type Job } from "./parallel-job.ts";
import { fromWire, type WireResult } from "./positions-transfer.ts";
import { workerBundle } from "./worker-bundle.ts";
import type { Loaded } from "./parse.ts";
import { retainedRequests } from "../git/retained.ts";
import { GOVERNANCE_FILE, governanceToday, validateRepository, type RepositoryValidation } from "./repository.ts";
import { assemble, checkGovernance, checkRequest, unusableGovernance, type RequestCheck } from "../validate/validate.ts";

export interface ParallelOptions {
  /** Threads in all, this one included; default: defaultThreads(). */
  threads?: number;
  /** Below this many files the thread start-up costs more than it saves. */
  minFiles?: number;
  /** Folder of the parse cache (see cache.ts); none by default. */
  cacheDir?: string;
  /** Filled in when given: how the work was shared, and why a worker failed (its files are then redone here). */
  stats?: { workerFiles: number; workerFailures: string[]; cacheHits?: number };
}

/** Files per claim: small enough to balance the threads, large enough to keep messages few. */
const CHUNK = 128;

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

/** A worker thread running worker.ts (exported for tests): from its bundle when one can be had (see worker-bundle.ts), else through tsx. */
export function startWorker(options: { bundle?: boolean } = {}): Worker {
  const entry = new URL("./worker.ts", import.meta.url);
  const bundle = options.bundle === false ? undefined : workerBundle(entry);
  if (bundle) return new Worker(pathToFileURL(bundle));
  return new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: tsxEsmApi(), entry: entry.href } });
}

/**
 * Threads to use by default. Measured on this project's 2-vCPU machines (15,000 files, cold):
 * one thread 1.40-1.42 s, two threads 1.61-1.72 s: results cloned between threads and two heaps
 * collecting garbage cost more than the second core gives. So threads only where there are more
 * than two cores; `--threads N` overrides.
 */
export function defaultThreads(cores: number = availableParallelism()): number {
  return cores > 2 ? cores : 1;
}

export async function validateRepositoryParallel(root: string, today?: string, options: ParallelOptions = {}): Promise<RepositoryValidation> {
  const threads = Math.max(1, options.threads ?? defaultThreads());
  const minFiles = options.minFiles ?? 1500;
  const discovery = discoverRequests(root);
  const files = discovery.files;
  if (!options.cacheDir && (threads === 1 || files.length < minFiles)) return validateRepository(root, today);
  // Without a cache every file is parsed: start the workers at once, so that loading their
  // modules overlaps with the work here. With one, only after the misses are known.
  const workers: Worker[] = options.cacheDir ? [] : Array.from({ length: threads - 1 }, startWorker);
  try {
    const governanceFile = readGovernance(root, GOVERNANCE_FILE);
    const gov = checkGovernance(governanceFile);
    const day = today ?? governanceToday(gov.governance);
    const filesChecked = files.length + 1;
    if (!gov.governance) return { ...unusableGovernance(governanceFile.file, gov, discovery.diagnostics), filesChecked, today: day };
    const ctx = { governance: gov.governance, today: day, retained: retainedRequests(root, new Set(files), "HEAD", gov.governance.adoption?.base) };
    const results: (RequestCheck | undefined)[] = new Array(files.length);

    // The parse cache: hits are checked here, misses go to the threads below.
    const cache = options.cacheDir ? openParseCache(options.cacheDir) : undefined;
    let todo = files.map((_, i) => i);
    const digests: string[] = [];
    if (cache) {
      const hits: [number, Loaded][] = [];
      todo = [];
      files.forEach((file, i) => {
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(join(root, file));
        } catch {
          return void todo.push(i); // readYamlFile will report it
        }
        digests[i] = digest(bytes);
        const loaded = cache.get(digests[i]!, file);
        if (loaded) hits.push([i, loaded]);
        else todo.push(i);
      });
      if (options.stats) options.stats.cacheHits = hits.length;
      if (threads > 1 && todo.length >= minFiles) for (let w = 1; w < threads; w++) workers.push(startWorker());
      for (const [i, loaded] of hits) results[i] = checkRequest(loaded, ctx);
    }

    const job: Job = {
      root,
      files: todo.map((i) => files[i]!),
      governance: gov.governance,
      today: day,
      counter: new Int32Array(new SharedArrayBuffer(4)),
      chunk: CHUNK,
      keepLoaded: !!cache,
    };
    const store = (start: number, list: FileResult[]) =>
      list.forEach((r, k) => {
        const i = todo[start + k]!;
        if (cache && r.loaded && digests[i]) cache.set(digests[i]!, r.loaded);
        results[i] = { diagnostics: r.diagnostics, ...(r.request ? { request: r.request } : {}) };
      });
    const finished = workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.on("message", (m: { start?: number; results?: WireResult[]; done?: true; failed?: string }) => {
            if (m.results) {
              store(m.start!, m.results.map((r) => fromWire(r)));
              if (options.stats) options.stats.workerFiles += m.results.length;
            }
            if (m.failed !== undefined) options.stats?.workerFailures.push(m.failed);
            if (m.done || m.failed !== undefined) resolve();
          });
          // A worker that fails is not fatal: what it did not deliver is done below on this thread.
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
    while (checkOneChunk(job, store, checkRequest)) if (workers.length) await new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.all(finished);
    for (let i = 0; i < results.length; i++) results[i] ??= checkRequest(readYamlFile(root, files[i]!), ctx);
    cache?.save();
    return { ...assemble(gov, results as RequestCheck[], discovery.diagnostics, ctx), filesChecked, today: day, retained: ctx.retained };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
