// The invalid fixtures: every file marks the lines where findings are expected with
// `# expect: rule.id[, rule.id]`; the validator must report exactly those rules on exactly those
// lines, and every rule must be exercised by at least one fixture.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { CATALOGUE } from "../../src/validate/catalogue.ts";
import { ALL_RULES } from "../../src/validate/rules/index.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/invalid");
const TODAY = "2026-11-22";

/** Findings that sit on folders, which cannot carry a comment. */
const ON_FOLDERS: Record<string, string[]> = {
  rules: ["requests/dinkes/folder.yaml:1 file.not-file", "requests/dinkes/bersarang:1 path.layout"],
  kaltara: [],
  // Two OPDs hosting one label: their tenants would share a namespace.
  namespace: [],
  // A file from npm run import with values still marked [ISI] (warnings, one per value).
  isian: [],
};

function expected(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const path = `${rel}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else
        readFileSync(join(root, path), "latin1")
          .split("\n")
          .forEach((line, i) => {
            const m = /# expect: ([a-z0-9.,\s-]+)$/.exec(line);
            for (const rule of m ? m[1]!.split(",").map((s) => s.trim()) : []) out.push(`${path}:${i + 1} ${rule}`);
          });
    }
  };
  walk("requests");
  return out;
}

describe.each(Object.keys(ON_FOLDERS))("invalid fixture repository %s", (name) => {
  const root = join(FIXTURES, name);
  const result = validateRepository(root, TODAY);
  const actual = result.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`);

  it("reports exactly the marked rule on exactly the marked line", () => {
    expect([...actual].sort()).toEqual([...expected(root), ...ON_FOLDERS[name]!].sort());
  });

  it("gives every finding a message in both languages and a column", () => {
    for (const d of result.diagnostics) {
      expect(d.message.id.length).toBeGreaterThan(10);
      expect(d.message.en.length).toBeGreaterThan(10);
      expect(d.message.id).not.toBe(d.message.en);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(CATALOGUE.map((e) => e.id)).toContain(d.rule);
    }
  });
});

it("exercises every rule with at least one fixture", () => {
  const seen = new Set(Object.keys(ON_FOLDERS).flatMap((n) => expected(join(FIXTURES, n)).map((e) => e.split(" ")[1])));
  expect(ALL_RULES.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
});
