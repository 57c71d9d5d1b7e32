// The per-file stage (read, parse, schema, file rules) on many files, on all cores: worker threads
// read, parse and schema-check files, claimed in chunks from a shared counter, and send them back
// in a compact form (check-wire.ts); this thread runs the file rules on them, and reads files
// itself when none wait. The results are exactly checkRequest(readYamlFile(root, file), ctx) for
// each file, in order.
// Used by `npm run validate` (parallel.ts) and by the plan's working-tree side (src/plan/head.ts).
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { readYamlFile } from "../../load/read.ts";
import { claimChunk, type Job } from "../../load/parallel-job.ts";
import { decodeChunk, viewedCheck, type WireChunk } from "./check-wire.ts";
import { workerBundle } from "../../load/worker-bundle.ts";
import { MIN_PARALLEL_FILES, READER_ENTRY, READER_LIMITS, startBundledReader, takeReaderAhead } from "./reader-start.mjs";
import type { Loaded } from "../../load/parse.ts";
import { checkRequest, type RequestCheck } from "../validate.ts";
import type { RepositoryFile, RequestFile, RuleContext } from "../rule.ts";
import type { SchemaFindings } from "../schema.ts";

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
  /** Whether this thread reads files too when none wait (default); false leaves all reading to the workers (tests). */
  readHere?: boolean;
  /** Filled in when given: how the work was shared, and why a worker failed (its files are then redone here). */
  stats?: { workerFiles: number; workerFailures: string[] };
  /**
   * Keep of each request, once its file rules have run, only what the rules across files read
   * (repository-view.ts), as `npm run validate` does. Not with `keepLoaded` or `checked`, which
   * are about the whole request.
   */
  repositoryView?: boolean;
}

/**
 * Files per claim: small enough to balance the threads, large enough to keep messages few. 128
 * made each message ~200 KB, and Node 24's peak RSS for 15,000 files 269-297 MB (the buffers
 * stay in the C library's per-thread arenas); 64: 265-268 MB.
 */
const CHUNK = 64;

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

/** A worker thread running worker.ts (exported for tests): from its bundle when one can be had (see worker-bundle.ts), else through tsx. */
export function startWorker(options: { bundle?: boolean } = {}): Worker {
  const bundle = options.bundle === false ? undefined : workerBundle(READER_ENTRY);
  if (bundle) return startBundledReader(bundle);
  return new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: tsxEsmApi(), entry: READER_ENTRY.href }, resourceLimits: READER_LIMITS });
}

/**
 * What a worker posts: a chunk of files as read (on the job's `port`: see ReadingJob), word that
 * it posted one (`sent`, on its parent port), the end, or why it stopped.
 */
export interface WorkerMessage {
  chunk?: WireChunk;
  sent?: true;
  done?: true;
  failed?: string;
}

/**
 * A worker's job: the files to claim, and the port its chunks go to. This thread takes them from
 * there one at a time, when it is ready to check them (receiveMessageOnPort): a message handed
 * to the event loop is decoded at once, and chunks that then waited their turn for a while (up to
 * ~30 at once) were copied by the young generation's collections and moved to the old one before
 * they were checked and dropped. Taken when needed, each chunk's text dies young.
 */
export interface ReadingJob extends Job {
  port?: MessagePort;
}

/** The per-file stage under way: the workers read from the moment it starts; `check` runs the file rules. */
export interface FileReading<F extends RepositoryFile = RequestFile> {
  /** checkRequest(readYamlFile(root, file), ctx) for every file, in order (call once). */
  check(ctx: RuleContext): Promise<RequestCheck<F>[]>;
  /** Ends the workers without checking (e.g. the governance is unusable). */
  stop(): Promise<void>;
}

/**
 * checkRequest(readYamlFile(root, file), ctx) for every file of `files`, in order. With more than
 * one thread, workers read and parse files and check them against the schema (a small part of the
 * code, so little of it is compiled twice) while this thread runs the file rules on what they
 * send; it reads files itself only when nothing waits.
 * A worker that fails is not fatal: what it did not deliver is read on this thread.
 */
export async function checkRequestFiles(root: string, files: readonly string[], ctx: RuleContext, options: CheckFilesOptions & { repositoryView?: false } = {}): Promise<RequestCheck[]> {
  return startRequestFiles(root, files, options).check(ctx);
}

/**
 * Starts the per-file stage: the workers start and read at once, before the caller has what the
 * file rules need (the governance read and checked, git asked): their start (~0.1 s) and first
 * chunks overlap that work instead of following it. What they send waits until `check`.
 */
export function startRequestFiles(root: string, files: readonly string[], options: CheckFilesOptions & { repositoryView: true }): FileReading<RepositoryFile>;
export function startRequestFiles(root: string, files: readonly string[], options?: CheckFilesOptions & { repositoryView?: false }): FileReading;
export function startRequestFiles(root: string, files: readonly string[], options: CheckFilesOptions = {}): FileReading<RepositoryFile> {
  if (options.repositoryView && (options.keepLoaded || options.checked)) throw new Error("startRequestFiles: repositoryView keeps neither the files as read nor their requests");
  const view = options.repositoryView === true;
  const results: (RequestCheck<RepositoryFile> | undefined)[] = new Array(files.length);
  const todo: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const known = options.known?.(files[i]!, i);
    if (known) results[i] = known;
    else todo.push(i);
  }
  const threads = Math.max(1, options.threads ?? defaultThreads());
  // The first worker may have been started ahead by the launcher (reader-start.mjs).
  const workers = threads > 1 && todo.length >= (options.minFiles ?? MIN_PARALLEL_FILES) ? Array.from({ length: threads - 1 }, (_, k) => (k === 0 && takeReaderAhead()) || startWorker()) : [];
  const job: Job = { root, files: todo.map((i) => files[i]!), counter: new Int32Array(new SharedArrayBuffer(4)), chunk: CHUNK };
  // Where each worker's chunks wait, still as the worker sent them, until this thread takes one.
  const ports: MessagePort[] = [];
  let running = workers.length;
  let wake: (() => void) | undefined;
  const stopped = () => {
    running--;
    wake?.();
  };
  for (const w of workers) {
    let over = false;
    // A worker that is done goes at once: its heap is freed while this thread still checks.
    const end = () => {
      if (!over) {
        stopped();
        void w.terminate();
      }
      over = true;
    };
    w.on("message", (m: WorkerMessage) => {
      if (m.sent) wake?.();
      if (m.failed !== undefined) options.stats?.workerFailures.push(m.failed);
      if (m.done || m.failed !== undefined) end();
    });
    w.on("error", (e) => {
      options.stats?.workerFailures.push(e.message);
      end();
    });
    w.on("exit", end);
    // What the worker posted before it ended stays in this port, and is taken all the same.
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    w.postMessage({ ...job, port: port2 } satisfies ReadingJob, [port2]);
  }
  /** The next chunk a worker sent, taken off its port now; undefined when none waits. */
  const take = (): WireChunk | undefined => {
    for (const port of ports) {
      const chunk = (receiveMessageOnPort(port)?.message as WorkerMessage | undefined)?.chunk;
      if (chunk) {
        if (options.stats) options.stats.workerFiles += chunk.count;
        return chunk;
      }
    }
    return undefined;
  };
  const stop = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
    for (const port of ports) port.close();
  };

  const check = async (ctx: RuleContext): Promise<RequestCheck<RepositoryFile>[]> => {
    const checkChunk = (start: number, chunk: readonly Loaded[], schema?: readonly (SchemaFindings | undefined)[]) =>
      chunk.forEach((loaded, k) => {
        const i = todo[start + k]!;
        const result = checkRequest(loaded, ctx, schema?.[k]);
        results[i] = view ? viewedCheck(result) : result;
        options.checked?.(files[i]!, i, result, options.keepLoaded ? loaded : undefined);
      });
    try {
      for (;;) {
        const sent = take();
        const own = sent || (options.readHere === false && running > 0) ? undefined : claimChunk(job);
        if (sent) {
          const { files: read, schema } = decodeChunk(sent, root, job.files.slice(sent.start, sent.start + sent.count));
          checkChunk(sent.start, read, schema);
        } else if (own) checkChunk(own.start, own.files);
        else if (running > 0) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        } else break;
        // Let the workers' messages in between chunks.
        if (workers.length) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      await stop();
    }
    for (let k = 0; k < todo.length; k++) if (!results[todo[k]!]) checkChunk(k, [readYamlFile(root, job.files[k]!)]);
    return results as RequestCheck<RepositoryFile>[];
  };
  return { check, stop };
}
