// The parallel validation gives exactly what the one-thread validation gives, worker threads and all.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverRequests } from "../../src/load/discover.ts";
import { startWorker, validateRepositoryParallel } from "../../src/load/parallel.ts";
import { decodeChunk } from "../../src/load/check-wire.ts";
import type { WorkerMessage } from "../../src/load/check-files.ts";
import type { Job } from "../../src/load/parallel-job.ts";
import type { RequestCheck } from "../../src/validate/validate.ts";
import { validateRepository } from "../../src/load/repository.ts";
import { REPOSITORY_RULES } from "../../src/validate/rules/index.ts";

const FIXTURE = join(import.meta.dirname, "../fixtures/invalid/rules");

describe("validateRepositoryParallel", () => {
  it("matches the one-thread result on the invalid fixtures, using a worker thread", async () => {
    const one = validateRepository(FIXTURE, "2026-11-22");
    // Tiny chunks would be nicer to force interleaving, but the fixture is small: minFiles 0
    // makes the worker start; the shared counter decides who checks what.
    const stats = { workerFiles: 0, workerFailures: [] as string[] };
    const two = await validateRepositoryParallel(FIXTURE, "2026-11-22", { threads: 2, minFiles: 0, stats });
    expect(stats.workerFailures).toEqual([]);
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(two.requests.map((r) => r.file)).toEqual(one.requests.map((r) => r.file));
    expect(two.requests).toEqual(one.requests);
    expect(two.filesChecked).toBe(one.filesChecked);
  });
  it("has a worker thread that checks every file it claims exactly as this thread would", async () => {
    const one = validateRepository(FIXTURE, "2026-11-22");
    const files = discoverRequests(FIXTURE).files;
    const job: Job = { root: FIXTURE, files, governance: one.governance!, today: "2026-11-22", counter: new Int32Array(new SharedArrayBuffer(4)), chunk: 7 };
    const worker = startWorker();
    const got: RequestCheck[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        worker.on("message", (m: WorkerMessage) => {
          if (m.chunk) decodeChunk(m.chunk, files.slice(m.chunk.start)).forEach((r, i) => (got[m.chunk!.start + i] = r));
          if (m.failed !== undefined) reject(new Error(m.failed));
          if (m.done) resolve();
        });
        worker.on("error", reject);
        worker.postMessage(job);
      });
    } finally {
      await worker.terminate();
    }
    expect(got).toHaveLength(files.length);
    const perFile = got.flatMap((r) => r.diagnostics);
    const expected = one.diagnostics.filter((d) => files.includes(d.file) && !REPOSITORY_RULES.some((r) => r.id === d.rule));
    expect(perFile.sort((a, b) => (a.file + a.line + a.rule < b.file + b.line + b.rule ? -1 : 1))).toEqual(
      expected.sort((a, b) => (a.file + a.line + a.rule < b.file + b.line + b.rule ? -1 : 1)),
    );
  });
  it("has a worker started through tsx (without the bundle) that checks files exactly as the bundled one", async () => {
    const one = validateRepository(FIXTURE, "2026-11-22");
    const files = discoverRequests(FIXTURE).files;
    const results = async (bundle: boolean) => {
      const job: Job = { root: FIXTURE, files, governance: one.governance!, today: "2026-11-22", counter: new Int32Array(new SharedArrayBuffer(4)), chunk: 7 };
      const worker = startWorker({ bundle });
      const got: unknown[] = [];
      try {
        await new Promise<void>((resolve, reject) => {
          worker.on("message", (m: WorkerMessage) => {
            if (m.chunk) decodeChunk(m.chunk, files.slice(m.chunk.start)).forEach((r, i) => (got[m.chunk!.start + i] = r));
            if (m.failed !== undefined) reject(new Error(m.failed));
            if (m.done) resolve();
          });
          worker.on("error", reject);
          worker.postMessage(job);
        });
      } finally {
        await worker.terminate();
      }
      return got;
    };
    const viaTsx = await results(false);
    expect(viaTsx).toHaveLength(files.length);
    expect(viaTsx).toEqual(await results(true));
  });
  it("falls back to one thread below the file threshold", async () => {
    const r = await validateRepositoryParallel(FIXTURE, "2026-11-22", { threads: 2 });
    expect(r.diagnostics).toEqual(validateRepository(FIXTURE, "2026-11-22").diagnostics);
  });
});
