// The committed JSON Schemas are generated from the zod models and must not drift from them; and
// the two descriptions (zod for code, JSON Schema for ajv, editors and forms) must agree on the
// repository's own examples, valid and invalid.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverRequests } from "../../src/load/discover.ts";
import { parseYaml, type Loaded } from "../../src/load/parse.ts";
import { LIMITS } from "../../src/load/limits.ts";
import { Governance } from "../../src/model/governance.ts";
import { renderSchemas } from "../../src/model/json-schema.ts";
import { PRESET_NAMES, presetFile } from "../../src/model/presets/index.ts";
import { Request } from "../../src/model/request.ts";
import { checkSchema } from "../../src/validate/schema.ts";
import { CONTOH } from "../fixtures/contoh.ts";

const ROOT = join(import.meta.dirname, "..", "..");
// Requests and governance come from the tests' own government; presets from the source tree.
const load = (file: string, max = LIMITS.requestBytes, base = CONTOH): Loaded => parseYaml(file, readFileSync(join(base, file)), max);

describe("schemas/*.json", () => {
  const rendered = renderSchemas();

  for (const [file, text] of Object.entries(rendered))
    it(`${file} equals what the zod model renders`, () => {
      const committed = readFileSync(join(ROOT, "schemas", file), "utf8");
      expect(committed === text, `schemas/${file} is out of date with src/model: run \`npm run schemas\` and commit the result`).toBe(true);
    });

  it("holds no schema that the models do not render", () => {
    const stray = readdirSync(join(ROOT, "schemas")).filter((f) => f.endsWith(".json") && !(f in rendered));
    expect(stray, "remove these files or render them from src/model/json-schema.ts, then run `npm run schemas`").toEqual([]);
  });
});

const requestFiles = discoverRequests(CONTOH).files;
const governanceFiles: [string, string][] = [["governance.yaml", CONTOH], ...PRESET_NAMES.map((p): [string, string] => [presetFile(p), ROOT])];

describe("zod and JSON Schema agree on the examples", () => {
  it("has examples to compare", () => {
    expect(requestFiles.length).toBeGreaterThanOrEqual(24);
  });

  for (const file of requestFiles)
    it(`${file}: both accept it`, () => {
      const loaded = load(file);
      expect(loaded.diagnostics).toEqual([]);
      expect(checkSchema(loaded, "request")).toEqual([]);
      const parsed = Request.safeParse(loaded.value);
      expect(parsed.success, parsed.error?.message).toBe(true);
    });

  for (const [file, base] of governanceFiles)
    it(`${file}: both accept it`, () => {
      const loaded = load(file, LIMITS.governanceBytes, base);
      expect(checkSchema(loaded, "governance")).toEqual([]);
      const parsed = Governance.safeParse(loaded.value);
      expect(parsed.success, parsed.error?.message).toBe(true);
    });

  // Each mutation breaks one constraint that both descriptions state; both must refuse it.
  const base = () => structuredClone(load("requests/dinkes/sehat.yaml").value) as Record<string, any>;
  const broken: [string, (r: Record<string, any>) => void][] = [
    ["unknown field", (r) => (r.subdomain = "x")],
    ["two targets", (r) => (r.target.alias = "app.example.org")],
    ["empty target", (r) => (r.target = {})],
    ["NIP of 17 digits", (r) => (r.contacts.administrative.nip = "19870315201001200")],
    ["purpose too short", (r) => (r.purpose = "web")],
    ["date not ISO", (r) => (r.reviewBy = "01-03-2027")],
    ["unknown record type", (r) => (r.records = [{ type: "PTR", values: ["x"] }])],
    ["TTL above a day", (r) => (r.ttl = 90_000)],
    ["deleteData false", (r) => (r.decommission = { reason: "Tidak dipakai lagi", letter: r.letter, deleteData: false })],
    ["scan not http", (r) => (r.letter.scan = "ftp://arsip/surat.pdf")],
  ];
  for (const [what, mutate] of broken)
    it(`both refuse a request with ${what}`, () => {
      const value = base();
      mutate(value);
      expect(Request.safeParse(value).success).toBe(false);
      expect(checkSchema({ file: "x.yaml", value, positions: {}, diagnostics: [] }, "request").length).toBeGreaterThan(0);
    });
});
