// `npm run validate` keeps of each request only what the rules across files read, once its file
// rules have run (src/validate/repository-view.ts). These tests try to make it keep more: the
// request whole, the file as read, or its text, through the positions or the names cache.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { readGovernance, readYamlSource } from "../../src/load/read.ts";
import { viewedCheck, decodeChunk, encodeChunk } from "../../src/validate/files/check-wire.ts";
import { checkGovernance, checkRequest } from "../../src/validate/validate.ts";
import { ownedNames } from "../../src/validate/request-names.ts";
import { REPOSITORY_FIELDS, type RepositoryFile } from "../../src/validate/rule.ts";
import { schemaFindings } from "../../src/validate/schema.ts";
import { CONTOH } from "../fixtures/contoh.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
/** What has been collected, by name. (Not WeakRef: Node keeps a WeakRef's target past its job.) */
const collected = new Set<string>();
const watch = new FinalizationRegistry<string>((name) => collected.add(name));
/** Full collections until the finalizers have run. */
async function collect(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const ctx = { governance: checkGovernance(readGovernance(CONTOH)).governance!, today: "2026-11-22" };
const FILE = "requests/dinkes/sehat.yaml";
/** Checked after FILE, as the next file of a run: a rule may remember the one file it saw last. */
const NEXT = "requests/dinkes/sik.yaml";

/** A check of `file` as this thread would keep it; what must not be kept is watched. */
function keep(crossed: boolean, file = FILE): { kept: RepositoryFile; positions: unknown } {
  const read = readYamlSource(CONTOH, file);
  if (read.source === undefined) throw new Error(`${file} was not read by the fast path`); // its positions come from its text
  const positions = structuredClone(read.loaded.positions);
  const loaded = crossed ? decodeChunk(encodeChunk(0, [read], [schemaFindings(read.loaded, "request")]), CONTOH, [file]).files[0]! : read.loaded;
  const check = checkRequest(loaded, ctx);
  // The file rules asked for its names, which the rules across files ask for again. (Not through
  // expect, which would keep what it was given.)
  if (ownedNames(check.request!.request).length === 0) throw new Error(`${file} has no names`);
  const kept = viewedCheck(check).request!;
  watch.register(check.request!.request, `request ${file} ${crossed}`);
  watch.register(loaded, `as read ${file} ${crossed}`);
  return { kept, positions };
}

describe("what validate keeps of a request", () => {
  for (const crossed of [false, true])
    it(`is its repository fields only, and holds neither the whole request nor the file as read (${crossed ? "read on another thread" : "read here"})`, async () => {
      const { kept, positions } = keep(crossed);
      keep(crossed, NEXT);
      await collect();
      expect(collected).toContain(`request ${FILE} ${crossed}`);
      expect(collected).toContain(`as read ${FILE} ${crossed}`);
      expect(Object.keys(kept.request).every((k) => (REPOSITORY_FIELDS as readonly string[]).includes(k))).toBe(true);
      expect(kept.request).not.toHaveProperty("contacts");
      // Its names are still known, and its positions still found, from the file.
      expect(ownedNames(kept.request).map((n) => n.name)).toContain("sehat");
      expect(kept.positions).toEqual(positions);
    });
});
