// The benchmarks' request generator (scripts/bench/lib/shapes.ts): every file it writes is valid
// against its governance with the real loader and validator, each text means exactly the value
// it was built from, and the shapes real files have are all there.
import { rmSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { BENCH_TODAY, generateRepository, generateRequest, rng, type GeneratedRequest } from "../../scripts/bench/lib/shapes.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";

const N = 600;
const sample: GeneratedRequest[] = [];
const r = rng(42);
for (let i = 0; i < N; i++) sample.push(generateRequest(i, r));

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe("benchmark request generator", () => {
  it("writes only files that validate without errors against the generated governance", () => {
    const root = generateRepository(N);
    roots.push(root);
    const result = validateRepository(root, BENCH_TODAY);
    expect(result.filesChecked).toBe(N + 1);
    const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.rule} ${d.message.en}`);
    expect(errors).toEqual([]);
    // Every file passed the schema and reached the repository rules.
    expect(result.requests.length).toBe(N);
  });

  it("is valid with another seed too (the choices are not tuned to one sequence)", () => {
    const root = generateRepository(300, 7);
    roots.push(root);
    const errors = validateRepository(root, BENCH_TODAY).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual([]);
  });

  it("writes texts that mean exactly the value they were built from", () => {
    for (const q of sample) if (!isDeepStrictEqual(parse(q.text, { version: "1.2" }), q.value)) expect.fail(`${q.path} (${q.style}) does not read as its value:\n${q.text}`);
  });

  it("covers the shapes real files have", () => {
    const count = (f: (q: GeneratedRequest) => boolean) => sample.filter(f).length;
    const has = (re: RegExp) => count((q) => re.test(q.text));
    for (const kind of ["server", "alias", "hosting", "mail", "delegation", "decommissioned"]) expect(count((q) => q.kind === kind), kind).toBeGreaterThan(5);
    for (const style of ["form", "canonical", "hand"]) expect(count((q) => q.style === style), style).toBeGreaterThan(50);
    // Mail-only names: records and no target.
    expect(count((q) => q.kind === "mail" && !("target" in q.value) && Array.isArray(q.value.records))).toBeGreaterThan(5);
    const shapes: [string, RegExp][] = [
      ["form header", /^# Dibuat dari formulir isu #\d+/m],
      ["whole-line comment", /^# (?!yaml-language-server|Dibuat)/m],
      ["trailing comment", /\S # \S/],
      ["single quotes", /: '[^']*'/],
      ["doubled single quote", /''/],
      ["double quotes with an escape", /"[^"\n]*\\"/],
      ["unicode escape", /\\u[0-9a-f]{4}/],
      ["flow sequence", /: \[[^\]\n]+\]/],
      ["flow mapping", /: \{ ?[a-z]+: /],
      ["block sequence of scalars", /^ *- [0-9]/m],
      ["block sequence of mappings", /^ *- (?:type|name|priority|keyTag): /m],
      ["sequence at its key's column", /^( *)[a-z]+:\r?\n\1- /m],
      ["four-space indentation", /^contacts:\r?\n {4}[a-z]/m],
      ["folded scalar", /: >-\r?\n/],
      ["multi-line plain scalar", /^purpose: [^"'>\r\n][^\r\n]*\r?\n {2,}[^ -]/m],
      ["CRLF line ends", /\r\n/],
      ["SRV under a host", /_minecraft\._tcp\.game/],
      ["delegation with glue", /glue/],
      ["second zone", /zone: "?contohkab\.id/],
      ["empty hosting", /hosting: \{\}/],
      ["document start marker", /^---\r?\n/m],
      ["double-quoted over two lines", /^purpose: "[^"\r\n]*\r?\n/m],
    ];
    for (const [what, re] of shapes) expect(has(re), what).toBeGreaterThan(0);
    // Unicode labels, written as they are or escaped.
    expect(count((q) => /[^\x00-\x7f]/.test(q.label) && q.text.includes(q.label))).toBeGreaterThan(0);
    // Key orders other than the canonical one (label first).
    expect(count((q) => !/^(?:#.*\r?\n)*label:/.test(q.text))).toBeGreaterThan(10);
  });
});
