// The plan's check cache (src/plan/check-cache.ts) under attack: whatever the cache holds (results
// of the base commit, an altered file, a file from another repository, from another base commit,
// from another governance), the plan must be exactly the plan computed with no cache at all: the
// same outcome (plan, state, diagnostics, refusals) and the same bytes in every file of out/.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { runPlan, type PlanOptions } from "../../src/artifacts/run.ts";
import { planOptions, readTree } from "./plan-fixture.ts";
import { commitAll, gitInit, GOVERNANCE, requestYaml, sampleRequests, tempRepo, writeFiles } from "./fixture.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

/** The sample government plus names other files point at (MX, CNAME, SRV targets inside the zone). */
function files(): Record<string, string> {
  return {
    ...sampleRequests(),
    "requests/dinkes/posyandu.yaml": requestYaml({ label: "posyandu", target: { server: { ipv4: ["103.10.20.40"] } }, records: [{ type: "A", name: "surel", values: ["103.10.20.41"] }] }),
    "requests/dinkes/klinik.yaml": requestYaml({
      label: "klinik",
      target: { alias: "posyandu.contohkab.go.id" },
      records: [{ type: "MX", name: "www", values: [{ priority: 10, exchange: "surel.posyandu.contohkab.go.id" }] }],
    }),
  };
}

function repository(): string {
  const root = tempRepo(files());
  dirs.push(root);
  gitInit(root);
  writeFileSync(join(root, ".gitignore"), ".cache/\nout*/\n");
  commitAll(root, "dasar");
  return root;
}

// With --snapshot, as main's plan-cache workflow: a clean commit's plan leaves the snapshot too.
const options = (root: string, extra: Partial<PlanOptions>): PlanOptions => planOptions(root, "main", "2026-06-01", { allowLargeChange: true, snapshot: true, ...extra });

/** One plan: its outcome without the cache figures, and every file it wrote. */
async function plan(root: string, cacheDir: string | undefined, today = "2026-06-01") {
  const out = temp("plan-out-");
  const r = await runPlan(options(root, { out, today, ...(cacheDir ? { cacheDir } : {}) }));
  const { cache, ...rest } = r;
  return { outcome: JSON.parse(JSON.stringify(rest)) as unknown, out: readTree(out), cache, kind: r.kind, diagnostics: r.diagnostics };
}

/** Asserts the cached plan equals the plan with no cache; returns the cached one. */
async function sameAsCold(root: string, cacheDir: string, today?: string) {
  const cold = await plan(root, undefined, today);
  const cached = await plan(root, cacheDir, today);
  expect(cached.outcome).toEqual(cold.outcome);
  expect(cached.out).toEqual(cold.out);
  return cached;
}

/** A cache filled by a plan of the base commit itself. */
async function filledCache(root: string): Promise<string> {
  const dir = temp("plan-cache-");
  const first = await plan(root, dir);
  expect(first.kind).toBe("planned");
  expect(readdirSync(dir).filter((f) => f.endsWith(".jsonl"))).toHaveLength(1);
  return dir;
}

/** Only the check cache stays (the incremental plan's snapshots are tested in incremental.test.ts). */
const dropSnapshots = (dir: string) => readdirSync(dir).filter((f) => f.startsWith("snapshot-")).forEach((f) => rmSync(join(dir, f), { recursive: true, force: true }));
const cacheFile = (dir: string) => join(dir, readdirSync(dir).find((f) => f.endsWith(".jsonl"))!);
/** Rewrites the cache file's body and, when `sign`, its digest too (a forger who knows the format). */
function rewrite(dir: string, edit: (body: string) => string, sign: boolean) {
  const path = cacheFile(dir);
  const text = readFileSync(path, "utf8");
  const nl = text.lastIndexOf("\n", text.length - 2); // the last line is the digest
  const body = edit(text.slice(0, nl + 1));
  writeFileSync(path, `${body}${sign ? createHash("sha256").update(body).digest("hex") : text.slice(nl + 1, -1)}\n`);
}

/** Each of the first two entries now carries the other's result. */
function swapFirstTwo(body: string): string {
  const lines = body.split("\n");
  const json = (l: string) => l.slice(l.indexOf("\t", l.indexOf("\t") + 1) + 1);
  const head = (l: string) => l.slice(0, l.indexOf("\t", l.indexOf("\t") + 1) + 1);
  [lines[0], lines[1]] = [head(lines[0]!) + json(lines[1]!), head(lines[1]!) + json(lines[0]!)];
  return lines.join("\n");
}

describe("plan check cache", () => {
  it("a one-file pull request reuses every other file's checks and gives the plan a cold run gives", async () => {
    const root = repository();
    const cache = await filledCache(root);
    writeFiles(root, { "requests/dinkes/sehat.yaml": requestYaml({ label: "sehat", target: { server: { ipv4: ["103.10.20.99"] } } }) });
    // The base's snapshot serves first (src/artifacts/incremental.ts); without it, the check cache.
    expect((await sameAsCold(root, cache)).cache.incremental).toBe("used");
    dropSnapshots(cache);
    const r = await sameAsCold(root, cache);
    expect(r.kind).toBe("planned");
    // Nine unchanged files for the working tree, and the edited file's base version for the base.
    expect(r.cache.hits).toBe(Object.keys(files()).length);
    expect(JSON.stringify(r.outcome)).toContain("103.10.20.99");
  });

  it("a one-file change that breaks an unchanged file's cross-file rule reports it as a cold run does", async () => {
    const root = repository();
    const cache = await filledCache(root);
    // posyandu drops the name surel.posyandu that the unchanged klinik's MX points at.
    writeFiles(root, { "requests/dinkes/posyandu.yaml": requestYaml({ label: "posyandu", target: { server: { ipv4: ["103.10.20.40"] } } }) });
    expect((await sameAsCold(root, cache)).cache.incremental).toBe("used");
    dropSnapshots(cache);
    const r = await sameAsCold(root, cache);
    expect(r.kind).toBe("invalid");
    expect(r.cache.hits).toBeGreaterThan(0);
    expect(r.diagnostics.some((d) => d.file === "requests/dinkes/klinik.yaml" && d.severity === "error")).toBe(true);
    // And a new file claiming an unchanged file's name: both sides of name.unique.
    writeFiles(root, { "requests/dinkes/posyandu.yaml": null, "requests/setda/posyandu.yaml": requestYaml({ label: "sehat", opd: "setda", target: { server: { ipv4: ["103.10.20.98"] } } }) });
    const dup = await sameAsCold(root, cache);
    expect(dup.kind).toBe("invalid");
  });

  it("an altered or truncated cache file is ignored whole", async () => {
    const root = repository();
    writeFiles(root, { "requests/dinkes/vaksin.yaml": requestYaml({ label: "vaksin", target: { server: { ipv4: ["103.10.20.77"] } } }) });
    for (const edit of [(b: string) => b.replaceAll("103.10.20.30", "198.51.100.66"), (b: string) => b.slice(0, b.length >> 1), swapFirstTwo]) {
      const cache = await filledCache(root);
      rewrite(cache, edit, false);
      const r = await sameAsCold(root, cache);
      expect(r.cache).toMatchObject({ hits: 0, rejected: "altered" });
    }
    const junk = await filledCache(root);
    writeFileSync(cacheFile(junk), "\u0000not a cache");
    expect((await sameAsCold(root, junk)).cache.hits).toBe(0);
  });

  it("a cache from another repository is never read, even one forged to look valid", async () => {
    const a = repository();
    const b = repository(); // the same files, so the same paths and blob ids
    const cache = await filledCache(a);
    // Forged in A: sehat's checks now "say" another address and no diagnostics, with a fresh digest.
    rewrite(cache, (body) => body.replaceAll("103.10.20.30", "198.51.100.66"), true);
    const r = await sameAsCold(b, cache);
    expect(r.cache).toMatchObject({ hits: 0, rejected: "missing" });
    expect(JSON.stringify(r.outcome)).not.toContain("198.51.100.66");
    // A copy of the whole repository folder elsewhere is another repository too (its path differs).
    const copy = temp("plan-copy-");
    cpSync(a, copy, { recursive: true });
    expect((await sameAsCold(copy, cache)).cache.hits).toBe(0);
  });

  it("a cache from an older base commit serves the blobs that did not change, and only those", async () => {
    const root = repository();
    const cache = await filledCache(root);
    // main moves on: one file changes, one is added; then a pull request edits a third.
    writeFiles(root, {
      "requests/disdik/pendaftaran.yaml": requestYaml({ label: "pendaftaran", opd: "disdik", target: { hosting: { storage: "20Gi" } } }),
      "requests/dinkes/baru.yaml": requestYaml({ label: "baru", target: { server: { ipv4: ["103.10.20.50"] } } }),
    });
    commitAll(root, "main bergerak");
    writeFiles(root, { "requests/dinkes/vaksin.yaml": requestYaml({ label: "vaksin", target: { server: { ipv4: ["103.10.20.78"] } } }) });
    const r = await sameAsCold(root, cache);
    // All but pendaftaran's new version (vaksin's base version included).
    expect(r.cache.hits).toBe(Object.keys(files()).length - 1);
  });

  it("a changed governance file, or another day, uses nothing cached under the old one", async () => {
    const root = repository();
    const cache = await filledCache(root);
    // The OPD "bpbd" leaves governance: its unchanged file is now an error a cached result would hide.
    const governance = GOVERNANCE.replace(/\n  - code: bpbd\n(?: {4}.*\n)+/, "\n");
    expect(governance).not.toBe(GOVERNANCE);
    writeFiles(root, { "governance.yaml": governance });
    const r = await sameAsCold(root, cache);
    expect(r.kind).toBe("invalid");
    expect(r.cache).toMatchObject({ hits: 0, rejected: "missing" });
    expect(r.diagnostics.some((d) => d.file === "requests/bpbd/lama.yaml" && d.severity === "error")).toBe(true);
    writeFiles(root, { "governance.yaml": GOVERNANCE });
    // Two years on, every review date has passed: warnings a cached result from 2026 would lack.
    const later = await sameAsCold(root, cache, "2028-06-01");
    expect(later.cache.hits).toBe(0);
    expect(later.diagnostics.some((d) => d.rule === "review.expired")).toBe(true);
  });
});
