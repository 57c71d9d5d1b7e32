// The V8 code cache a command's bundle keeps after its run (src/load/run-bundle.mjs): written when
// there is none, used next time, rejected and written anew when it does not belong to the code,
// kept per kind of run, and never kept where the bundle folder is not private. Each run is a
// process of its own, as the launcher's are: the cache is written when the process ends.
import { execFileSync } from "node:child_process";
import { crc32 } from "node:zlib";
import { Script } from "node:vm";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");
let dir = "";
let entry = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "code-cache-"));
  entry = join(dir, "main.ts");
  // A command in small: it says it ran, and which path it took when told to.
  writeFileSync(
    entry,
    `import { declareRunKind } from ${JSON.stringify(join(SRC, "load/run-bundle.mjs"))};\nconst words: string[] = ["jalan"];\nif (process.env.TOOK) declareRunKind(process.env.TOOK);\nprocess.stdout.write(words.join(" ") + "\\n");\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One run of the entry's bundle as the launcher runs it, with `kind`; what it printed and did. */
function run(tmp: string, kind: string, took?: string): { printed: string; outcome: string; cache: string | undefined; bundle: string } {
  const script = `
import { moduleBundle } from ${JSON.stringify(pathToFileURL(join(SRC, "load/bundle-cache.mjs")).href)};
import { runBundle, codeCachePath } from ${JSON.stringify(pathToFileURL(join(SRC, "load/run-bundle.mjs")).href)};
const bundle = await moduleBundle(new URL(${JSON.stringify(pathToFileURL(entry).href)}));
const outcome = runBundle(bundle, ${JSON.stringify(kind)});
process.stdout.write(JSON.stringify({ outcome, cache: codeCachePath(bundle, ${JSON.stringify(kind)}), bundle }) + "\\n");
`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, TMPDIR: tmp, ...(took ? { TOOK: took } : {}) } });
  const [printed, result] = out.trim().split("\n");
  return { printed: printed!, ...JSON.parse(result!) };
}

describe("a command bundle's code cache", () => {
  it("is written when there is none, used next time, and rejected and written anew when it is not this code's", () => {
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const first = run(tmp, "validate");
    expect(first.printed).toBe("jalan");
    expect(first.outcome).toBe("none");
    expect(first.cache).toBeDefined();
    expect(existsSync(first.cache!)).toBe(true);
    const second = run(tmp, "validate");
    expect(second).toEqual({ ...first, outcome: "used" });
    // Someone else's bytes where the cache is: V8 refuses them, the code compiles as usual.
    const planted = Buffer.from(readFileSync(first.cache!).map((b, i) => (i > 64 ? b ^ 0x5a : b)));
    writeFileSync(first.cache!, planted);
    const third = run(tmp, "validate");
    expect(third.printed).toBe("jalan");
    expect(third.outcome).toBe("rejected");
    expect(readFileSync(first.cache!).equals(planted)).toBe(false);
    expect(run(tmp, "validate").outcome).toBe("used");
    // Whole, but another script's: V8 itself refuses it.
    const other = new Script("1 + 1").createCachedData();
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc32(other)); // the cache file's own check (run-bundle.mjs): a CRC-32, big-endian
    writeFileSync(first.cache!, Buffer.concat([check, other]));
    expect(run(tmp, "validate")).toEqual({ ...first, outcome: "rejected" });
    expect(run(tmp, "validate").outcome).toBe("used");
  });

  it("is kept per kind of run; a run that took another path writes that kind's only when it has none", () => {
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const fell = run(tmp, "plan", "plan-full");
    expect(fell.outcome).toBe("none");
    // Its own kind's is not written (its code was another path's), the path it took is.
    expect(existsSync(fell.cache!)).toBe(false);
    const full = fell.cache!.replace(".plan.", ".plan-full.");
    expect(existsSync(full)).toBe(true);
    const written = readFileSync(full);
    run(tmp, "plan", "plan-full");
    expect(readFileSync(full).equals(written)).toBe(true);
    expect(run(tmp, "plan-full").outcome).toBe("used");
    expect(run(tmp, "plan").outcome).toBe("none");
    expect(run(tmp, "plan").outcome).toBe("used");
  });

  it("is not kept for a bundle outside the private bundle folder", async () => {
    const { codeCachePath } = await import("../../src/load/run-bundle.mjs");
    expect(codeCachePath(join(dir, "elsewhere.cjs"), "validate")).toBeUndefined();
  });
});
