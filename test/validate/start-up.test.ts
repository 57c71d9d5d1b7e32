// What makes `npm run validate` start fast must not change what it says: the command run from its
// cached bundle (src/cli/validate.ts, moduleBundle) reports exactly what it reports run module by
// module through tsx, positions included, each module's import.meta.url stays its own, and the bundle is rebuilt when a module changes. Positions of files the
// fast reader reads are found only when asked for, and are then exactly yaml's.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { moduleBundle } from "../../src/load/worker-bundle.ts";
import { runScript } from "../../src/load/run-bundle.mjs";
import { parseYaml, parseYamlSlow } from "../../src/load/parse.ts";
import { checkRequest } from "../../src/validate/validate.ts";
import { parseYaml as parseGovernance } from "../../src/load/parse.ts";
import { GOVERNANCE_TEXT, requestText } from "./helpers.ts";
import type { Governance } from "../../src/model/governance.ts";

const REPO = join(import.meta.dirname, "../..");
const INVALID = join(REPO, "test/fixtures/invalid/rules");
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const enc = new TextEncoder();

describe("npm run validate from its bundle", () => {
  // That it reports exactly what the TypeScript reports: test/cli/launch.test.ts.
  it("is rebuilt when one of its modules changes, and reused while none does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "start-up-bundle-"));
    temps.push(dir);
    writeFileSync(join(dir, "helper.ts"), 'export const word: string = "satu";\n');
    writeFileSync(join(dir, "main.ts"), 'import { word } from "./helper.ts";\nexport const here = import.meta.url;\nexport default word;\n');
    const entry = pathToFileURL(join(dir, "main.ts"));
    const first = await moduleBundle(entry);
    expect(first).toBeDefined();
    expect(await moduleBundle(entry)).toBe(first);
    // A command's bundle is CommonJS inside Node's module wrapper: run as the launcher runs it
    // (src/load/run-bundle.mjs).
    const load = (bundle: string) => runScript(createRequire(import.meta.url), bundle, undefined, true).exports;
    const m = load(first!);
    // import.meta.url is the module's own source file, not the bundle's.
    expect([m.default, m.here]).toEqual(["satu", entry.href]);
    writeFileSync(join(dir, "helper.ts"), 'export const word: string = "dua";\n');
    const second = await moduleBundle(entry);
    expect(second).not.toBe(first);
    expect(load(second!).default).toBe("dua");
  }, 120_000);
});

describe("positions of files the fast reader reads", () => {
  it("are not made until something reads them, then are yaml's", () => {
    const text = requestText();
    const fast = parseYaml("requests/dinkes/sehat.yaml", enc.encode(text));
    expect(typeof Object.getOwnPropertyDescriptor(fast, "positions")!.get).toBe("function");
    const slow = parseYamlSlow("requests/dinkes/sehat.yaml", enc.encode(text));
    expect(fast.positions).toEqual(slow.positions);
    expect(Object.getOwnPropertyDescriptor(fast, "positions")!.value).toBe(fast.positions);
  });

  it("put a diagnostic on the line yaml would", () => {
    const governance = parseGovernance("governance.yaml", enc.encode(GOVERNANCE_TEXT)).value as Governance;
    const text = requestText().replace(/email: siti@dinkes\.contohkab\.go\.id/, "email: siti-at-dinkes");
    expect(text).toContain("siti-at-dinkes");
    const ctx = { governance, today: "2026-11-22" };
    const fast = checkRequest(parseYaml("requests/dinkes/sehat.yaml", enc.encode(text)), ctx);
    const slow = checkRequest(parseYamlSlow("requests/dinkes/sehat.yaml", enc.encode(text)), ctx);
    expect(fast.diagnostics.map((d) => d.rule)).toContain("contact.email");
    expect(fast.diagnostics).toEqual(slow.diagnostics);
    expect(fast.request!.positions).toEqual(slow.request!.positions);
  });
});
