// The worker's bundle is rebuilt whenever one of its inputs changes, reused while none does, and
// runs as a worker thread.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { workerBundle } from "../../src/load/worker-bundle.ts";

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
