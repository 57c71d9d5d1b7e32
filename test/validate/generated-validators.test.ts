// The validators under src/validate/generated/ are ajv's standalone code for schemas/*.json: they
// must be what `npm run schemas` writes today, and report exactly the errors (instancePath,
// keyword, params, schema, parentSchema, data) that ajv compiling the same schema at run time
// reports, since the diagnostics are built from those.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/parse.ts";
import { LIMITS } from "../../src/load/limits.ts";
import requestValidator from "../../src/validate/generated/request.js";
import governanceValidator from "../../src/validate/generated/governance.js";
import { compilingAjv, renderValidators } from "../../src/validate/standalone.ts";
import { CONTOH_REQUESTS } from "../fixtures/contoh.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const schemaText = (kind: string) => readFileSync(join(ROOT, "schemas", `${kind}.schema.json`), "utf8");

describe("src/validate/generated", () => {
  const rendered = renderValidators({ request: schemaText("request"), governance: schemaText("governance") });

  for (const [file, text] of Object.entries(rendered))
    it(`${file} equals what ajv generates from schemas/*.json`, () => {
      const committed = readFileSync(join(ROOT, "src", "validate", "generated", file), "utf8");
      expect(committed === text, `src/validate/generated/${file} is out of date: run \`npm run schemas\` and commit the result`).toBe(true);
    });

  it("holds no file that the generator does not write", () => {
    const stray = readdirSync(join(ROOT, "src", "validate", "generated")).filter((f) => !(f in rendered));
    expect(stray).toEqual([]);
  });
});

const ajv = compilingAjv();
const compiled = {
  request: ajv.compile(JSON.parse(schemaText("request")) as object),
  governance: ajv.compile(JSON.parse(schemaText("governance")) as object),
};
const generated = { request: requestValidator, governance: governanceValidator };

/** The errors of both validators on one value; they must be equal. */
function both(kind: "request" | "governance", value: unknown) {
  const a = compiled[kind](value);
  const b = generated[kind](value);
  return { compiled: { valid: a, errors: compiled[kind].errors ?? null }, generated: { valid: b, errors: generated[kind].errors ?? null } };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith(".yaml") ? [join(dir, e.name)] : [],
  );
}

describe("generated and compiled validators report the same errors", () => {
  const files = [...yamlFiles(join(ROOT, "test", "fixtures")), ...yamlFiles(join(ROOT, "src", "model", "presets"))];

  it("has valid and invalid files to compare", () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it("on every example and fixture file, as request and as governance", () => {
    let failing = 0;
    for (const file of files) {
      const value = parseYaml(relative(ROOT, file), readFileSync(file), LIMITS.governanceBytes).value;
      for (const kind of ["request", "governance"] as const) {
        const r = both(kind, value);
        expect(r.generated, `${relative(ROOT, file)} as ${kind}`).toEqual(r.compiled);
        if (!r.compiled.valid) failing++;
      }
    }
    // Most comparisons are of failures (every file fails the other kind's schema).
    expect(failing).toBeGreaterThan(files.length);
  });

  it("on lengths of text with characters outside the BMP (counted as one, as ajv counts them)", () => {
    const base = parseYaml("sehat.yaml", readFileSync(join(CONTOH_REQUESTS, "dinkes/sehat.yaml"))).value as Record<string, unknown>;
    const texts = fc.string({ unit: fc.constantFrom("a", "é", "😀", "\uD83D", "\uDE00", "𝔸"), minLength: 0, maxLength: 70 });
    fc.assert(
      fc.property(fc.constantFrom("label", "purpose", "zone"), texts, (field, text) => {
        const value = { ...structuredClone(base), [field]: text };
        const r = both("request", value);
        expect(r.generated).toEqual(r.compiled);
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it("on requests with any field replaced by any value", () => {
    const base = parseYaml("sehat.yaml", readFileSync(join(CONTOH_REQUESTS, "dinkes/sehat.yaml"))).value as Record<string, unknown>;
    const paths: string[][] = [];
    const walk = (v: unknown, at: string[]) => {
      paths.push(at);
      if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) walk(c, [...at, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length)), fc.jsonValue({ maxDepth: 2 }), (path, replacement) => {
        const value = structuredClone(base) as Record<string, unknown>;
        let node = value as Record<string, unknown>;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
        node[path.at(-1)!] = replacement;
        const r = both("request", value);
        expect(r.generated).toEqual(r.compiled);
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});
