// The reading worker the launcher starts before the command's code loads (reader-start.mjs): only
// for a repository large enough to use it, taken once by the per-file stage, which then gives
// exactly what one thread gives; one that ended before it was taken is replaced, and one never
// taken does not keep the process alive. It keeps a code cache of its own, written after its work.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_PARALLEL_FILES, READER_ENTRY, startBundledReader, startReaderAhead, takeReaderAhead } from "../../src/validate/files/reader-start.mjs";
import { workerBundle } from "../../src/load/bundle-cache.mjs";
import { askCommandAhead, runKind } from "../../src/cli/launch.mjs";
import { codeCachePath } from "../../src/load/run-bundle.mjs";
import { discoverRequests } from "../../src/load/discover.ts";
import { readYamlFile } from "../../src/load/read.ts";
import { decodeChunk } from "../../src/validate/files/check-wire.ts";
import type { WorkerMessage } from "../../src/validate/files/check-files.ts";
import { validateRepositoryParallel } from "../../src/validate/files/parallel.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { asViews } from "./helpers.ts";

const FIXTURE = join(import.meta.dirname, "../fixtures/invalid/rules");
const AHEAD = Symbol.for("subdomain-gitops.reader-ahead");
let large = "";
let small = "";

/** A folder with `n` request files (their content is never read here: only counted). */
function repository(n: number): string {
  const root = mkdtempSync(join(tmpdir(), "reader-ahead-"));
  for (let k = 0; k < n; k++) {
    const opd = join(root, "requests", `opd${k % 7}`);
    mkdirSync(opd, { recursive: true });
    writeFileSync(join(opd, `layanan-${k}.yaml`), "");
  }
  return root;
}

beforeAll(() => {
  large = repository(MIN_PARALLEL_FILES);
  small = repository(MIN_PARALLEL_FILES - 1);
});
afterAll(() => {
  for (const d of [large, small]) rmSync(d, { recursive: true, force: true });
});

describe("the reading worker started ahead", () => {
  it("is started only for a repository with enough request files, and taken once", async () => {
    expect(startReaderAhead(small)).toBe(false);
    expect(startReaderAhead(join(small, "nowhere"))).toBe(false);
    expect(takeReaderAhead()).toBeUndefined();
    expect(startReaderAhead(large)).toBe(true);
    const worker = takeReaderAhead();
    expect(worker).toBeDefined();
    expect(takeReaderAhead()).toBeUndefined();
    await worker!.terminate();
  });

  it("is what the per-file stage uses, which then gives exactly what one thread gives", async () => {
    expect(startReaderAhead(large)).toBe(true);
    const stats = { workerFiles: 0, workerFailures: [] as string[] };
    const two = await validateRepositoryParallel(FIXTURE, "2026-11-22", { threads: 2, minFiles: 0, stats });
    // Taken: nothing waits any more.
    expect((globalThis as Record<symbol, unknown>)[AHEAD]).toBeUndefined();
    expect(stats.workerFailures).toEqual([]);
    const one = validateRepository(FIXTURE, "2026-11-22");
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(two.requests).toEqual(asViews(one.requests));
  });

  it("is not taken once it has ended: the per-file stage starts another and loses no file", async () => {
    expect(startReaderAhead(large)).toBe(true);
    const dead = (globalThis as Record<symbol, unknown>)[AHEAD] as Worker;
    await dead.terminate();
    expect(dead.threadId).toBe(-1);
    const stats = { workerFiles: 0, workerFailures: [] as string[] };
    const two = await validateRepositoryParallel(FIXTURE, "2026-11-22", { threads: 2, minFiles: 0, stats });
    expect(two.requests).toEqual(asViews(validateRepository(FIXTURE, "2026-11-22").requests));
    expect((globalThis as Record<symbol, unknown>)[AHEAD]).toBeUndefined();
  });

  it("is started by the launcher for the commands that read every file: validate, a plan without a cache, and a plan whose cache folder holds nothing", async () => {
    const cache = join(large, "cache-with-results");
    mkdirSync(cache, { recursive: true });
    const ahead = (name: string, args: string[]) => {
      askCommandAhead(name, ["--root", large, ...args]);
      const worker = takeReaderAhead();
      void worker?.terminate();
      return { reader: worker !== undefined, kind: runKind(name, ["--root", large, ...args]) };
    };
    expect(ahead("validate", [])).toEqual({ reader: true, kind: "validate" });
    expect(ahead("plan", ["--no-cache"])).toEqual({ reader: true, kind: "plan-full" });
    // .cache/plan not made yet (a fresh clone), and an empty --cache folder.
    expect(ahead("plan", [])).toEqual({ reader: true, kind: "plan-full" });
    expect(ahead("plan", ["--cache", cache])).toEqual({ reader: true, kind: "plan-full" });
    // A folder with results or a snapshot may spare the reading: the plan decides, later.
    for (const kept of ["checks-0123.jsonl", "snapshot-0123"]) {
      writeFileSync(join(cache, kept), "");
      expect(ahead("plan", ["--cache", cache])).toEqual({ reader: false, kind: "plan" });
      rmSync(join(cache, kept));
    }
    mkdirSync(join(large, ".cache", "plan"), { recursive: true });
    writeFileSync(join(large, ".cache", "plan", "checks-0123.jsonl"), "");
    expect(ahead("plan", [])).toEqual({ reader: false, kind: "plan" });
    rmSync(join(large, ".cache"), { recursive: true });
  });

  it("never taken, does not keep the process alive", () => {
    const module = new URL("../../src/validate/files/reader-start.mjs", import.meta.url).href;
    const started = Date.now();
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", `import { startReaderAhead } from ${JSON.stringify(module)}; console.log(startReaderAhead(${JSON.stringify(large)}));`], { encoding: "utf8", timeout: 20_000 });
    expect(out.trim()).toBe("true");
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe("the reading worker's code cache", () => {
  it("is written after its first work and left as it is by the next worker, which uses it", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "reader-cache-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const bundle = workerBundle(READER_ENTRY)!;
      const cache = codeCachePath(bundle, "reader")!;
      expect(cache).toBeDefined();
      expect(existsSync(cache)).toBe(false);
      const files = discoverRequests(FIXTURE).files;
      /** One worker's whole job over the fixture; the files it read, decoded. */
      const read = async () => {
        const worker = startBundledReader(bundle);
        const got: unknown[] = [];
        try {
          await new Promise<void>((resolve, reject) => {
            worker.on("message", (m: WorkerMessage) => {
              if (m.chunk) got.push(...decodeChunk(m.chunk, FIXTURE, files.slice(m.chunk.start)).files.map((f) => f.value));
              if (m.failed !== undefined) reject(new Error(m.failed));
              if (m.done) resolve();
            });
            worker.on("error", reject);
            worker.postMessage({ root: FIXTURE, files, counter: new Int32Array(new SharedArrayBuffer(4)), chunk: 7 });
          });
        } finally {
          await worker.terminate();
        }
        return got;
      };
      const first = await read();
      expect(existsSync(cache)).toBe(true);
      const written = statSync(cache).mtimeMs;
      const again = await read();
      expect(again).toEqual(first);
      expect(first).toEqual(files.map((f) => readYamlFile(FIXTURE, f).value));
      expect(statSync(cache).mtimeMs).toBe(written);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
