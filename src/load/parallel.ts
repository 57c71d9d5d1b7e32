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
import { checkOneChunk, type Job } from "./parallel-job.ts";
import { GOVERNANCE_FILE, governanceToday, validateRepository, type RepositoryValidation } from "./repository.ts";
import { assemble, checkGovernance, checkRequest, unusableGovernance, type RequestCheck } from "../validate/validate.ts";

export interface ParallelOptions {
  /** Threads in all, this one included; default: the cores available. */
  threads?: number;
  /** Below this many files the thread start-up costs more than it saves. */
  minFiles?: number;
  /** Filled in when given: how the work was shared, and why a worker failed (its files are then redone here). */
  stats?: { workerFiles: number; workerFailures: string[] };
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

/** A worker thread running worker.ts (exported for tests). */
export function startWorker(): Worker {
  const tsx = tsxEsmApi();
  const entry = new URL("./worker.ts", import.meta.url).href;
  return new Worker(BOOTSTRAP, { eval: true, workerData: { tsx, entry } });
}

export async function validateRepositoryParallel(root: string, today?: string, options: ParallelOptions = {}): Promise<RepositoryValidation> {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const minFiles = options.minFiles ?? 1500;
  const discovery = discoverRequests(root);
  if (threads === 1 || discovery.files.length < minFiles) return validateRepository(root, today);
  // Started before the governance is read: loading their modules overlaps with the work here.
  const workers = Array.from({ length: threads - 1 }, startWorker);
  try {
    const governanceFile = readGovernance(root, GOVERNANCE_FILE);
    const gov = checkGovernance(governanceFile);
    const day = today ?? governanceToday(gov.governance);
    const filesChecked = discovery.files.length + 1;
    if (!gov.governance) return { ...unusableGovernance(governanceFile.file, gov, discovery.diagnostics), filesChecked, today: day };

    const job: Job = { root, files: discovery.files, governance: gov.governance, today: day, counter: new Int32Array(new SharedArrayBuffer(4)), chunk: CHUNK };
    const results: (RequestCheck | undefined)[] = new Array(discovery.files.length);
    const store = (start: number, list: RequestCheck[]) => list.forEach((r, i) => (results[start + i] = r));
    const finished = workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.on("message", (m: { start?: number; results?: RequestCheck[]; done?: true; failed?: string }) => {
            if (m.results) {
              store(m.start!, m.results);
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
    while (checkOneChunk(job, store, checkRequest)) await new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.all(finished);
    const ctx = { governance: gov.governance, today: day };
    for (let i = 0; i < results.length; i++) results[i] ??= checkRequest(readYamlFile(root, discovery.files[i]!), ctx);
    return { ...assemble(gov, results as RequestCheck[], discovery.diagnostics, ctx), filesChecked, today: day };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
