// The form runs the repository rules over the registered files that can matter (relevant.ts),
// not all of them. Differential test: for every fixture file, and for variants made to collide
// with other files (another file's label, a lookalike of it, an alias onto it, an MX onto an alias,
// an alias chain back to itself), the findings are the same as over every file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile, earlyNameFindings } from "../../src/form/page/check.ts";
import { formData } from "../../src/form/page/data.ts";
import { discoverRequests } from "../../src/load/discover.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { CONTOH } from "../fixtures/contoh.ts";

const INVALID = join(import.meta.dirname, "../fixtures/invalid");
const TODAY = "2026-11-22";

/** Variants of a request text that collide with `other` (a registered label, with its zone). */
function variants(text: string, own: string, other: string, zone: string): string[] {
  const lookalike = other.replace(/l/g, "1").replace(/o/g, "0").replace(/m/g, "rn");
  const setTarget = (t: string) => text.replace(/^target:\n(?:  .*\n)+/m, `target:\n${t}`);
  return [
    text.replace(/^label: .*$/m, `label: ${other}`),
    text.replace(/^label: .*$/m, `label: ${lookalike}`),
    setTarget(`  alias: ${other}.${zone}\n`),
    setTarget(`  alias: ${own}-x.${zone}\n`),
    text.replace(/^reviewBy:/m, `records:\n  - type: MX\n    name: surat\n    values: [{ priority: 10, exchange: ${other}.${zone} }]\n  - type: CNAME\n    name: lain\n    value: ${own}.${zone}\nreviewBy:`),
    setTarget(`  alias: ${own}.${zone}\n`),
  ];
}

const roots: [string, string][] = [["contoh", CONTOH], ...readdirSync(INVALID).map((n): [string, string] => [`invalid/${n}`, join(INVALID, n)])];

describe.each(roots)("fixture repository %s", (_name, root) => {
  it("finds on each file, and on variants colliding with every other file, what the rules find over all files", () => {
    const v = validateRepository(root, TODAY);
    const data = formData(v.governance!, v.requests, v.retained ?? []);
    const zone = v.governance!.zones[0]!.name;
    const labels = v.requests.map((r) => r.request.label);
    let cases = 0;
    let found = 0;
    const files = discoverRequests(root).files;
    for (const file of files) {
      const text = readFileSync(join(root, file), "utf8");
      const own = /^label: (.*)$/m.exec(text)?.[1]?.trim() ?? "x";
      const texts = [text, ...labels.slice(0, 12).flatMap((other) => variants(text, own, other, zone))];
      for (const t of texts) {
        const some = checkFile(file, t, data, TODAY);
        const all = checkFile(file, t, data, TODAY, { everything: true });
        expect(some.diagnostics).toEqual(all.diagnostics);
        expect(earlyNameFindings(some, data, TODAY)).toEqual(earlyNameFindings(all, data, TODAY, { everything: true }));
        cases++;
        found += some.diagnostics.filter((d) => ["name.unique", "label.confusable", "cname.loop", "mx.fields", "name.dangling", "namespace.unique"].includes(d.rule)).length;
      }
    }
    expect(cases).toBeGreaterThan(files.length);
    // The variants do collide: the repository rules have findings to agree on.
    if (root === CONTOH) expect(found).toBeGreaterThan(100);
  }, 120_000);
});
