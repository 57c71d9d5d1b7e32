// The parallel validation gives exactly what the one-thread validation gives, worker threads and all.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverRequests } from "../../src/load/discover.ts";
import { startWorker, validateRepositoryParallel } from "../../src/validate/files/parallel.ts";
import { decodeChunk, encodeChunk } from "../../src/validate/files/check-wire.ts";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import type { WorkerMessage } from "../../src/validate/files/check-files.ts";
import type { Job } from "../../src/load/parallel-job.ts";
import type { Loaded } from "../../src/load/parse.ts";
import { readYamlFile, readYamlSource } from "../../src/load/read.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { asViews } from "./helpers.ts";

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
    // Of each request, what the rules across files read (repository-view.ts), where it was.
    expect(two.requests).toEqual(asViews(one.requests));
    expect(two.requests.map((r) => r.positions)).toEqual(one.requests.map((r) => r.positions));
    expect(two.filesChecked).toBe(one.filesChecked);
  });
  it("starts its reading threads before the governance is read, and stops them when the governance is unusable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parallel-gov-"));
    try {
      cpSync(FIXTURE, dir, { recursive: true });
      writeFileSync(join(dir, "governance.yaml"), "zones: [\n");
      const before = process.getActiveResourcesInfo().length;
      const r = await validateRepositoryParallel(dir, "2026-11-22", { threads: 2, minFiles: 0 });
      expect(r.governance).toBeUndefined();
      expect(r.requests).toEqual([]);
      expect(r.diagnostics.some((d) => d.file === "governance.yaml" && d.severity === "error")).toBe(true);
      expect(r).toEqual(validateRepository(dir, "2026-11-22"));
      // No worker left behind: nothing more is active than before the call.
      expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  /** What a worker sends back for `files`, decoded, in order. */
  const fromWorker = async (files: string[], bundle?: boolean): Promise<Loaded[]> => {
    const job: Job = { root: FIXTURE, files, counter: new Int32Array(new SharedArrayBuffer(4)), chunk: 7 };
    const worker = startWorker(bundle === undefined ? {} : { bundle });
    const got: Loaded[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        worker.on("message", (m: WorkerMessage) => {
          if (m.chunk) decodeChunk(m.chunk, FIXTURE, files.slice(m.chunk.start)).files.forEach((r, i) => (got[m.chunk!.start + i] = r));
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
  /** Files with their positions read (a lazy getter becomes a plain record). */
  const plain = (list: Loaded[]) => list.map((l) => ({ ...l, positions: l.positions }));

  it("has a worker thread that reads every file it claims exactly as this thread would, positions included", async () => {
    const files = discoverRequests(FIXTURE).files;
    const got = await fromWorker(files);
    expect(got).toHaveLength(files.length);
    expect(plain(got)).toEqual(plain(files.map((f) => readYamlFile(FIXTURE, f))));
  });
  it("has a worker started through tsx (without the bundle) that reads files exactly as the bundled one", async () => {
    const files = discoverRequests(FIXTURE).files;
    const viaTsx = await fromWorker(files, false);
    expect(viaTsx).toHaveLength(files.length);
    expect(plain(viaTsx)).toEqual(plain(await fromWorker(files, true)));
  });
  it("finds a worker-read file's positions by reading it again, and none if the file changed since", async () => {
    const root = mkdtempSync(join(tmpdir(), "wire-"));
    try {
      cpSync(FIXTURE, root, { recursive: true });
      const file = discoverRequests(root).files.find((f) => readYamlFile(root, f).value !== undefined)!;
      const decoded = () => decodeChunk(encodeChunk(0, [readYamlSource(root, file)], [undefined]), root, [file]).files[0]!;
      const [same, changed] = [decoded(), decoded()];
      expect(same.positions).toEqual(readYamlFile(root, file).positions);
      writeFileSync(join(root, file), `# changed\n${readFileSync(join(root, file), "utf8")}`);
      expect(changed.positions).toEqual({});
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  it("falls back to one thread below the file threshold", async () => {
    const r = await validateRepositoryParallel(FIXTURE, "2026-11-22", { threads: 2 });
    expect(r.diagnostics).toEqual(validateRepository(FIXTURE, "2026-11-22").diagnostics);
  });
});
