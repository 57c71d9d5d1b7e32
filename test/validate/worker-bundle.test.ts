// The worker's bundle is rebuilt whenever one of its inputs changes, reused while none does, and
// runs as a worker thread; a cache folder someone else could write is never trusted.
import { createHash } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { workerBundle } from "../../src/load/worker-bundle.ts";
import { moduleBundle } from "../../src/load/bundle-cache.mjs";

const dir = mkdtempSync(join(tmpdir(), "worker-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(bundle: string): Promise<unknown> {
  const worker = new Worker(pathToFileURL(bundle));
  try {
    return await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe("workerBundle", () => {
  it("bundles a TypeScript entry and its imports into one file a worker runs", async () => {
    writeFileSync(join(dir, "dep.ts"), `export const word: string = "satu";\n`);
    writeFileSync(join(dir, "entry.ts"), `import { parentPort } from "node:worker_threads";\nimport { word } from "./dep.ts";\nparentPort!.postMessage(word);\n`);
    const entry = pathToFileURL(join(dir, "entry.ts"));
    const first = workerBundle(entry);
    expect(first).toBeDefined();
    expect(await run(first!)).toBe("satu");
    expect(workerBundle(entry)).toBe(first);

    // A changed import gives a new bundle, never the stale one.
    writeFileSync(join(dir, "dep.ts"), `export const word: string = "dua";\n`);
    const second = workerBundle(entry);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(await run(second!)).toBe("dua");
  });

  it("gives undefined (so the caller uses tsx) when the entry cannot be bundled", () => {
    writeFileSync(join(dir, "broken.ts"), `import { nothing } from "./missing.ts";\nconsole.log(nothing);\n`);
    expect(workerBundle(pathToFileURL(join(dir, "broken.ts")))).toBeUndefined();
  });
});

describe("a hostile bundle cache", () => {
  // Someone else's code, planted where the cache would be: it must never be what a worker runs.
  // TMPDIR points this test file's process at a temporary folder of its own, where the planting
  // happens exactly as another account would do it in a shared /tmp.
  const EVIL = `import { parentPort } from "node:worker_threads";\nparentPort.postMessage("pwned");\n`;
  const sha = (data: string | Uint8Array) => createHash("sha256").update(data).digest("base64url");
  const cacheName = `subdomain-gitops-workers-${process.getuid!()}`;

  function inTmp<T>(tmp: string, f: () => T): T {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      return f();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }

  function entry(): URL {
    writeFileSync(join(dir, "dep.ts"), `export const word: string = "aman";\n`);
    writeFileSync(join(dir, "entry.ts"), `import { parentPort } from "node:worker_threads";\nimport { word } from "./dep.ts";\nparentPort!.postMessage(word);\n`);
    return pathToFileURL(join(dir, "entry.ts"));
  }

  /** The name our manifest gets (from the entry path and versions), learnt from a run elsewhere. */
  function manifestName(): string {
    const probe = mkdtempSync(join(tmpdir(), "probe-"));
    try {
      inTmp(probe, () => workerBundle(entry()));
      return readdirSync(join(probe, cacheName)).find((f) => f.endsWith(".json"))!;
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  }

  /** A cache folder as an attacker leaves it: their bundle, and a manifest vouching for it with the entry's true hash. */
  function plant(tmp: string, mode: number, folder = join(tmp, cacheName)): string {
    const name = manifestName();
    mkdirSync(folder, { recursive: true });
    const bundle = join(folder, `${sha(EVIL).slice(0, 16)}.mjs`);
    writeFileSync(bundle, EVIL);
    writeFileSync(join(folder, name), JSON.stringify({ bundle, inputs: { "entry.ts": sha(readFileSync(join(dir, "entry.ts"))) }, cwd: dir }));
    chmodSync(folder, mode);
    return bundle;
  }

  it("is not used when others can write the folder (made first by another account in /tmp)", async () => {
    const tmp = mkdtempSync(join(dir, "open-"));
    const evil = plant(tmp, 0o777);
    const got = inTmp(tmp, () => workerBundle(entry()));
    expect(got).toBeDefined();
    expect(got).not.toBe(evil);
    expect(await run(got!)).toBe("aman");
  });

  it("is not used when the folder belongs to another account", async () => {
    const tmp = mkdtempSync(join(dir, "foreign-"));
    const evil = plant(tmp, 0o700);
    chownSync(join(tmp, cacheName), 65534, 65534);
    const got = inTmp(tmp, () => workerBundle(entry()));
    expect(got).not.toBe(evil);
    expect(await run(got!)).toBe("aman");
  });

  it("is not used when the folder is a symbolic link to one", async () => {
    const tmp = mkdtempSync(join(dir, "link-"));
    const target = join(tmp, "elsewhere");
    const evil = plant(tmp, 0o700, target);
    symlinkSync(target, join(tmp, cacheName));
    const got = inTmp(tmp, () => workerBundle(entry()));
    expect(got).not.toBe(evil);
    expect(got).not.toBe(join(tmp, cacheName, basename(evil)));
    expect(await run(got!)).toBe("aman");
  });

  it("is not used when a private folder's manifest points outside it or lists nothing", async () => {
    const tmp = mkdtempSync(join(dir, "private-"));
    const first = inTmp(tmp, () => workerBundle(entry()))!;
    const folder = join(tmp, cacheName);
    const manifest = readdirSync(folder).find((f) => f.endsWith(".json"))!;
    const outside = join(tmp, `${sha(EVIL).slice(0, 16)}.mjs`);
    writeFileSync(outside, EVIL);
    writeFileSync(join(folder, manifest), JSON.stringify({ bundle: outside, inputs: {}, cwd: dir }));
    expect(await run(inTmp(tmp, () => workerBundle(entry()))!)).toBe("aman");
    const inside = join(folder, `${sha(EVIL).slice(0, 16)}.mjs`);
    writeFileSync(inside, EVIL, { mode: 0o600 });
    writeFileSync(join(folder, manifest), JSON.stringify({ bundle: inside, inputs: {}, cwd: dir }));
    const got = inTmp(tmp, () => workerBundle(entry()))!;
    expect(got).toBe(first);
    expect(await run(got)).toBe("aman");
  });

  it("the commands' bundles and the reading worker's are ASCII only, though the code's comments are not (Node reads a source with one other character as two-byte text, slowly), and the commands' hold no zod", async () => {
    const code = (p: string) => new URL(`../../src/${p}`, import.meta.url);
    expect(readFileSync(code("validate/rules/confusable.ts"), "utf8")).toMatch(/[^\x00-\x7f]/);
    const bundles = [await moduleBundle(code("cli/validate-command.ts")), await moduleBundle(code("cli/plan-main.ts")), workerBundle(code("validate/files/worker.ts"))];
    for (const b of bundles) {
      expect(b).toBeDefined();
      expect(readFileSync(b!).findIndex((x) => x > 0x7f)).toBe(-1);
    }
    // Both commands load without zod (~600 KB of source at every start): no zod class is in their
    // bundles (the class named as zod's own code names it).
    expect(readFileSync(new URL("../../node_modules/zod/v4/core/schemas.js", import.meta.url), "utf8")).toMatch(/\$ZodType\b/);
    for (const b of bundles) expect(readFileSync(b!, "utf8")).not.toMatch(/\$ZodType\b/);
  }, 120_000);
});

describe("the bundle folder", () => {
  // Every clone has its own entry paths, so its own manifests, bundles and code caches: the test
  // suite's temporary clones left 1.3 GB in /tmp on a developer's machine before a manifest whose
  // entry is gone was dropped.
  const cacheName = `subdomain-gitops-workers-${process.getuid!()}`;

  function clone(word: string): URL {
    const c = mkdtempSync(join(dir, "clone-"));
    writeFileSync(join(c, "dep.ts"), `export const word: string = ${JSON.stringify(word)};\n`);
    writeFileSync(join(c, "entry.ts"), `import { parentPort } from "node:worker_threads";\nimport { word } from "./dep.ts";\nparentPort!.postMessage(word);\n`);
    return pathToFileURL(join(c, "entry.ts"));
  }

  it("drops a deleted clone's manifest, bundle and code caches when the next bundle is built, and keeps a living clone's", async () => {
    const tmp = mkdtempSync(join(dir, "prune-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const folder = join(tmp, cacheName);
      const manifests = () => readdirSync(folder).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(join(folder, f), "utf8")) as { bundle: string; cwd: string });
      const gone = clone("hilang");
      const kept = clone("tetap");
      const goneBundle = workerBundle(gone)!;
      const keptBundle = workerBundle(kept)!;
      expect(goneBundle).not.toBe(keptBundle);
      // A manifest written before manifests named their entry, for a clone deleted since.
      const oldClone = mkdtempSync(join(dir, "clone-"));
      writeFileSync(join(folder, "lama0000lama0000.json"), JSON.stringify({ bundle: goneBundle, inputs: { "entry.ts": "x" }, cwd: oldClone }));
      // Code caches of both (run-bundle.mjs names them <bundle>.<kind>.<Node version>.v8).
      mkdirSync(join(folder, "code"), { recursive: true });
      const cache = (b: string) => join(folder, "code", `${basename(b)}.reader.${process.version}.v8`);
      for (const b of [goneBundle, keptBundle]) writeFileSync(cache(b), "cache");
      // Older than the hour a bundle is kept for a run that may be about to import it.
      const past = new Date(Date.now() - 2 * 3_600_000);
      for (const f of [goneBundle, keptBundle, cache(goneBundle), cache(keptBundle)]) utimesSync(f, past, past);
      expect(manifests().map((m) => m.bundle)).toContain(goneBundle);
      // esbuild's package.json (its version) is an input like the sources: another esbuild, another bundle.
      const inputs = JSON.parse(readFileSync(join(folder, readdirSync(folder).find((f) => f.endsWith(".json") && !f.startsWith("lama"))!), "utf8")) as { inputs: Record<string, string> };
      expect(Object.keys(inputs.inputs).some((i) => i.endsWith("node_modules/esbuild/package.json"))).toBe(true);

      rmSync(new URL(".", gone), { recursive: true, force: true });
      rmSync(oldClone, { recursive: true, force: true });
      const next = workerBundle(clone("baru"))!;

      expect(manifests().map((m) => m.bundle).sort()).toEqual([keptBundle, next].sort());
      expect(existsSync(goneBundle)).toBe(false);
      expect(existsSync(cache(goneBundle))).toBe(false);
      expect(existsSync(keptBundle)).toBe(true);
      expect(existsSync(cache(keptBundle))).toBe(true);
      // The living clone's bundle is still the one used, and runs.
      expect(workerBundle(kept)).toBe(keptBundle);
      expect(await run(keptBundle)).toBe("tetap");
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }, 60_000);
});
