// The parse cache changes the speed of validation, never its result.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateRepositoryParallel } from "../../src/validate/files/parallel.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { requestText } from "./helpers.ts";

const FIXTURE = join(import.meta.dirname, "../fixtures/invalid/rules");
const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), "cache-"));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = (root: string, cacheDir: string) => {
  const stats = { workerFiles: 0, workerFailures: [] as string[], cacheHits: 0 };
  return validateRepositoryParallel(root, "2026-11-22", { cacheDir, threads: 1, stats }).then((r) => ({ r, hits: stats.cacheHits }));
};

describe("parse cache", () => {
  it("gives the same findings and requests cold, warm, and without a cache", async () => {
    const cacheDir = temp();
    const plain = validateRepository(FIXTURE, "2026-11-22");
    const cold = await run(FIXTURE, cacheDir);
    const warm = await run(FIXTURE, cacheDir);
    expect(cold.hits).toBe(0);
    expect(warm.hits).toBeGreaterThan(40);
    expect(cold.r.diagnostics).toEqual(plain.diagnostics);
    expect(warm.r.diagnostics).toEqual(plain.diagnostics);
    expect(warm.r.requests).toEqual(plain.requests);
  });
  it("misses on a changed file, and ignores a corrupt cache", async () => {
    const root = temp();
    cpSync(FIXTURE, root, { recursive: true });
    const cacheDir = temp();
    await run(root, cacheDir);
    writeFileSync(join(root, "requests/dinkes/baik.yaml"), requestText({ ttl: 5 }, "baik"));
    const changed = await run(root, cacheDir);
    expect(changed.r.diagnostics.filter((d) => d.file === "requests/dinkes/baik.yaml").map((d) => d.rule)).toEqual(["ttl.range"]);
    const [file] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, file!), readFileSync(join(cacheDir, file!), "utf8").replace(/\{/g, "["));
    const corrupt = await run(root, cacheDir);
    expect(corrupt.hits).toBe(0);
    expect(corrupt.r.diagnostics).toEqual(validateRepository(root, "2026-11-22").diagnostics);
  });
  it("does not store values JSON cannot keep (.inf, .nan)", async () => {
    const root = temp();
    cpSync(FIXTURE, root, { recursive: true });
    writeFileSync(join(root, "requests/dinkes/baik.yaml"), requestText({}, "baik").replace(/^reviewBy:/m, "ttl: .inf\nreviewBy:"));
    const cacheDir = temp();
    await run(root, cacheDir);
    const warm = await run(root, cacheDir);
    expect(warm.r.diagnostics).toEqual(validateRepository(root, "2026-11-22").diagnostics);
  });
});
