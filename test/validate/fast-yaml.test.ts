// The fast YAML path (src/load/fast-yaml.ts) against the `yaml` library, its authority: whenever
// the fast path handles a text, its value and positions must be exactly those of the yaml-based
// parse (parseYamlSlow), and parseYaml as a whole must give what parseYamlSlow gives. Checked on
// every real file, every benchmark shape, and thousands of generated and mutated documents.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isScalar, Schema, type ScalarTag } from "yaml";
import { parseFastYaml, resolvePlain } from "../../src/load/fast-yaml.ts";
import { parseYaml, parseYamlSlow } from "../../src/load/parse.ts";
import { generateRequest, rng } from "../../scripts/bench/lib/shapes.ts";
import { requestText } from "./helpers.ts";
import { CONTOH_REQUESTS } from "../fixtures/contoh.ts";

const ROOT = join(import.meta.dirname, "../..");
const enc = new TextEncoder();

function* yamlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* yamlFiles(path);
    else if (/\.ya?ml$/.test(name)) yield path;
  }
}

/**
 * Compares both paths on one text. Returns whether the fast path handled it; throws (with the
 * text) when it handled it differently from yaml.
 */
function differential(raw: string): boolean {
  const bytes = enc.encode(raw);
  // What parseYaml sees is always decoded UTF-8 (no lone surrogates): compare on that text.
  const text = new TextDecoder().decode(bytes);
  const slow = parseYamlSlow("x.yaml", bytes);
  const whole = parseYaml("x.yaml", bytes);
  if (!isDeepStrictEqual(whole, slow)) throw new Error(`parseYaml differs from parseYamlSlow on:\n${JSON.stringify(text)}\nfast: ${JSON.stringify(whole)}\nslow: ${JSON.stringify(slow)}`);
  // As in parseYaml: the decoder drops one BOM, parseYaml a second.
  const fast = parseFastYaml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!fast) return false;
  // The text reached the fast path only if the byte checks passed; either way, what it accepts
  // must be a clean document for yaml, with the same value and the same positions.
  const same = slow.diagnostics.every((d) => d.severity !== "error") && isDeepStrictEqual(fast.value, slow.value) && isDeepStrictEqual(fast.positions, slow.positions);
  if (!same) throw new Error(`fast path differs from yaml on:\n${JSON.stringify(text)}\nfast: ${JSON.stringify(fast)}\nslow: ${JSON.stringify(slow)}`);
  return true;
}

describe("fast YAML path: real files", () => {
  it("reads every fixture government request exactly as yaml does, and handles all of them", () => {
    const files = [...yamlFiles(CONTOH_REQUESTS)];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(differential(readFileSync(f, "utf8")), f).toBe(true);
  });

  it("reads governance.yaml and every fixture exactly as yaml does (or leaves it to yaml)", () => {
    const files = [...yamlFiles(join(ROOT, "test/fixtures"))];
    let handled = 0;
    for (const f of files) if (differential(readFileSync(f, "utf8"))) handled++;
    // The valid fixtures are canonical: most files are handled, the broken ones fall back.
    expect(handled).toBeGreaterThan(files.length / 2);
  });

  it("reads every shape of the benchmark's generated requests exactly as yaml does, and handles the forms' and canonical ones", () => {
    const r = rng(42);
    for (let i = 0; i < 3000; i++) {
      const { text, style } = generateRequest(i, r);
      const handled = differential(text);
      if (style === "form") expect(handled, text).toBe(true);
    }
  }, 120_000);

  it("handles the test helpers' request texts", () => {
    expect(differential(requestText())).toBe(true);
    expect(differential(requestText({ target: { alias: "app.penyedia.co.id" }, records: [{ name: "_dmarc", type: "TXT", values: ["v=DMARC1; p=none"] }] }, "portal"))).toBe(true);
  });
});

describe("fast YAML path: positions", () => {
  it("shares one frozen [line, column] pair between files, so no file can change another's", () => {
    const a = parseFastYaml("a: 1\nb: [x]\n")!.positions;
    const b = parseFastYaml("a: 2\nb: [y]\n")!.positions;
    expect(a["/b/0"]).toBe(b["/b/0"]);
    expect(Object.isFrozen(a["/b/0"])).toBe(true);
    expect(() => {
      (a["/b/0"] as number[])[0] = 9;
    }).toThrow(TypeError);
    expect(b["/b/0"]).toEqual([2, 5]);
  });
});

describe("fast YAML path: scalar typing is yaml's core schema", () => {
  const cases = ["~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "FALSE", "yes", "on", "0", "-0", "+0", "007", "+12", "-12", "1_000", "0o17", "0o8", "0O17", "0x1F", "0X1F", "-0x1F", "0b101", "12345678901234567890123", "1.", ".5", "-.5", "+1.5e3", "1e3", "1E-3", "1.5e", "e3", ".inf", "-.Inf", "+.INF", ".nan", "-.nan", ".NaN", "NaN", "Infinity", "1.0", "2026-04-20", "103.147.26.100", "10:30", "0.1.2"];
  it.each(cases)("%s", (s) => {
    const slow = parseYamlSlow("x.yaml", enc.encode(`v: ${s}\n`));
    expect(slow.diagnostics).toEqual([]);
    expect(Object.is(resolvePlain(s), (slow.value as { v: unknown }).v) || isDeepStrictEqual(resolvePlain(s), (slow.value as { v: unknown }).v)).toBe(true);
    expect(differential(`v: ${s}\n`)).toBe(true);
  });
});

describe("fast YAML path: resolvePlain is the library's core schema, test by test", () => {
  // The library's own scalar tags (tests and resolvers), tried in its order: resolvePlain writes
  // their regular expressions out by hand, so random strings of the characters they look at
  // (and some they do not) must resolve the same.
  const tags = (new Schema({ schema: "core" }).tags as ScalarTag[]).filter((t) => t.test);
  const library = (s: string): unknown => {
    const tag = tags.find((t) => t.test!.test(s));
    const resolved: unknown = tag ? tag.resolve(s, () => {}, { intAsBigInt: false } as never) : s;
    // Some resolvers give a Scalar node (null, floats): its value is what the document holds.
    return isScalar(resolved) ? resolved.value : resolved;
  };
  const chars = fc.constantFrom(..."0123456789+-.eExXoO_abcdfABCDFinfINFnaNlLuUtrsT~ :");
  it("on random strings of number-like characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: chars, minLength: 1, maxLength: 10 }), (s) => {
        expect(Object.is(resolvePlain(s), library(s)), JSON.stringify(s)).toBe(true);
      }),
      { numRuns: 20_000, seed: 5 },
    );
  });
  it("on every word and number form the tags name", () => {
    const words = ["~", "null", "Null", "NULL", "nuLL", "true", "True", "TRUE", "tRue", "false", "False", "FALSE", "fALSE", ".inf", "+.inf", "-.inf", ".Inf", "-.INF", ".nan", ".NaN", ".NAN", "-.nan", "+.NaN", ".nAn", "0o", "0o7", "0o8", "0x", "0xG", "0xfF", "00x1", "-0o7", "+0x1", "0.", ".0", ".", "+.", "-.", "e1", ".e1", "0.e1", "0.0e", "0e+", "0e-1", "1E+01", "1_0", "１２"];
    for (const s of words) expect(Object.is(resolvePlain(s), library(s)), s).toBe(true);
  });
});

describe("fast YAML path: the indentation limit", () => {
  it("handles a sequence entry whose indentation reaches the limit exactly, as yaml does", () => {
    expect(differential(`a:\n${" ".repeat(98)}- x\n`)).toBe(true);
    expect(differential(`a:\n${" ".repeat(98)}- x\n${" ".repeat(100)}\n`)).toBe(true);
  });
  it("leaves one column more to parse.ts, which reports yaml.depth", () => {
    const slow = parseYaml("x.yaml", enc.encode(`a:\n${" ".repeat(99)}- x\n`));
    expect(slow.diagnostics.map((d) => d.rule)).toEqual(["yaml.depth"]);
  });
});

describe("fast YAML path: reads the shapes hand-written files have, exactly as yaml does", () => {
  const inside: [string, string][] = [
    ["a literal block scalar", "a: |\n  one\n  # not a comment\nb: 1\n"],
    ["a stripped literal block scalar", "a: |-\n  one\n  two\n\n\nb: 1\n"],
    ["a folded block scalar", "a: >-\n  one two\n  three\nb: 1\n"],
    ["a folded block scalar with a comment on its header", "a: > # c\n    one\n    two\n"],
    ["a block scalar in a sequence", "a:\n  - |-\n    x\n  - y\n"],
    ["a block scalar at the end of the file without a newline", "a: >\n  x"],
    ["a multi-line plain scalar", "a: one\n  two\n   three\nb: 1\n"],
    ["a multi-line plain scalar in a sequence", "a:\n  - one\n    two\n  - three\n"],
    ["a document start marker", "---\na: 1\n"],
    ["a document start marker with a comment", "# c\n--- # d\na: 1\n"],
    ["double-quoted escapes", 'a: "\\"q\\" \\\\ \\/ \\t \\n \\x41 \\u00e9 \\U0001F600 \\0 \\e \\_ \\N \\L \\P \\ "\n'],
    ["escapes in a flow sequence", 'a: ["x\\"y", "\\u00fc"]\n'],
    ["a URL in a flow mapping", "a: { scan: https://x.go.id/a?b=c, b: mailto:x@y }\n"],
    ["a CRLF block scalar", "a: |-\r\n  one\r\n  two\r\nb: 1\r\n"],
    ["a multi-line double-quoted scalar", 'a: "one\n  two"\nb: 1\n'],
    ["a multi-line double-quoted scalar over three lines, spaces at the ends", 'a: "one  \n    two   \n  three "  # c\nb: 1\n'],
    ["a multi-line double-quoted scalar with escapes and a quote-like line", 'a: "\\u00e9 \\"x\\"\n  # not a comment\n  \\t end"\n'],
    ["a multi-line double-quoted scalar opened at the end of its line", 'a: "\n  two"\n'],
    ["a multi-line single-quoted scalar", "a: 'it''s\n  one '' two'\nb: 1\n"],
    ["a multi-line quoted scalar in a sequence", 'a:\n  - "one\n    two"\n  - x\n'],
    ["a multi-line quoted scalar in a compact mapping", 'a:\n  - b: "one\n      two"\n    c: 1\n'],
    ["a CRLF multi-line quoted scalar", 'a: "one\r\n  two"\r\nb: 1\r\n'],
  ];
  it.each(inside)("%s", (_, text) => {
    expect(parseFastYaml(text), text).toBeDefined();
    expect(differential(text)).toBe(true);
  });
});

describe("fast YAML path: refuses what is outside its subset", () => {
  const outside: [string, string][] = [
    ["an anchor", "a: &x 1\nb: 2\n"],
    ["an alias", "a: 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["an explicit key", "? a\n: 1\n"],
    ["a block scalar with keep chomping", "a: |+\n  text\n"],
    ["a block scalar with an indentation indicator", "a: |2\n  text\n"],
    ["a block scalar with a blank line inside", "a: >-\n  one\n\n  two\n"],
    ["a block scalar with a more indented line", "a: >-\n  one\n    two\n"],
    ["a block scalar with a leading blank line", "a: |\n\n  text\n"],
    ["an empty block scalar", "a: |\nb: 1\n"],
    ["a document marker with content", "--- a: 1\n"],
    ["a document end", "a: 1\n...\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["a multi-line plain scalar after a blank line", "a: one\n\n  two\n"],
    ["a multi-line plain scalar after a comment", "a: one # c\n  two\n"],
    ["a multi-line plain scalar with `: `", "a: one\n  b: two\n"],
    ["a multi-line quoted scalar with a blank line", 'a: "one\n\n  two"\n'],
    ["a multi-line quoted scalar with an escaped line break", 'a: "one\\\n  two"\n'],
    ["a multi-line quoted scalar with an escaped space at a line end", 'a: "one\\ \n  two"\n'],
    ["a multi-line quoted scalar not indented past its key", 'a: "one\ntwo"\n'],
    ["a multi-line quoted scalar not indented past its sequence", 'a:\n  - "one\n  two"\n'],
    ["a multi-line quoted scalar never closed", 'a: "one\n  two\n'],
    ["a multi-line quoted scalar with text after it", 'a: "one\n  two" x\n'],
    ["a multi-line quoted key", '"a\n  b": 1\n'],
    ["a multi-line quoted scalar in a flow sequence", 'a: ["one\n  two"]\n'],
    ["an empty value", "a:\nb: 1\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a duplicate flow key", "a: { b: 1, b: 2 }\n"],
    ["a tab", "a:\n\tb: 1\n"],
    ["a tab in a value", "a: x\ty\n"],
    ["an unknown escape", 'a: "x\\qy"\n'],
    ["a short \\u escape", 'a: "x\\u12"\n'],
    ["a \\U escape past Unicode", 'a: "\\U00110000"\n'],
    ["`: ` in a plain scalar", "a: b: c\n"],
    ["a lone CR", "a: 1\rb: 2\n"],
    ["a top-level sequence", "- a\n- b\n"],
    ["a top-level scalar", "hello\n"],
    ["an indented top level", "  a: 1\n"],
    ["inconsistent indentation", "a:\n    b: 1\n  c: 2\n"],
    ["a trailing flow comma", "a: [1, 2,]\n"],
    ["a multi-line flow collection", "a: [1,\n  2]\n"],
    ["a key without a space after the colon", "a:1\n"],
    ["`#` right after a quoted scalar", 'a: "x"#c\n'],
    ["a key that is not a string", "true: 1\n"],
    ["an implicit pair in a flow sequence", "a: [b: 1]\n"],
    ["a comment indented past the limit", `a: 1\n${" ".repeat(101)}# c\n`],
    ["a line of spaces past the limit", `a: 1\n${" ".repeat(101)}\nb: 2\n`],
    ["a sequence entry past the limit", `a:\n${" ".repeat(99)}- x\n`],
    ["a dash past the limit inside a multi-line quoted scalar", `_: "\n${" ".repeat(99)}- 0"\n`],
    ["a dash past the limit inside a block scalar", `a: |\n${" ".repeat(98)}- - x\n`],
  ];
  it.each(outside)("%s", (_, text) => {
    expect(parseFastYaml(text)).toBeUndefined();
    differential(text);
  });
});

describe("fast YAML path: texts a faster reader could get wrong", () => {
  const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n") + " 1\n";
  const cases: [string, string][] = [
    ["a very long plain line", `a: ${"x".repeat(20_000)}\nb: 1\n`],
    ["a very long line with a comment far out", `a: ${"word ".repeat(3000)}# c\nb: 1\n`],
    ["a very long double-quoted line with escapes", `a: "${"\\u00e9x".repeat(3000)}"\n`],
    ["a key of 128 characters", `${"k".repeat(128)}: 1\n`],
    ["a key of 129 characters", `${"k".repeat(129)}: 1\n`],
    ["more significant lines than the first line table holds", Array.from({ length: 700 }, (_, i) => `k${i}: v${i}`).join("\n") + "\n"],
    ["a long sequence", `a:\n${Array.from({ length: 600 }, (_, i) => `  - ${i}`).join("\n")}\n`],
    ["CRLF everywhere, blank lines too", "a: 1\r\n\r\nb:\r\n  - x\r\n  - y # c\r\n\r\n"],
    ["CRLF without a final newline", "a: 1\r\nb: 2"],
    ["a CR at the very end", "a: 1\r"],
    ["a CR before the final LF only", "a: 1\nb: 2\r\n"],
    ["a CR inside a quoted scalar", 'a: "x\ry"\n'],
    ["a CR LF inside a flow collection line", "a: [1, 2]\r\nb: { c: d }\r\n"],
    ["a tab in a comment", "a: 1 #\tc\n"],
    ["a tab after a value", "a: 1\t\n"],
    ["a tab inside a quoted scalar", 'a: "x\ty"\n'],
    ["a tab on a blank line", "a: 1\n\t\nb: 2\n"],
    ["text in many scripts", "a: Bücher — 日本語 😀 עברית\nb: ['é', \"ü\", ñ]\n"],
    ["an astral character at a line end", "a: x😀\nb: 😀\n"],
    ["a lone surrogate escape", 'a: "\\ud800"\n'],
    ["a no-break space inside and around a value", "a: x\u00a0y\u00a0\nb: \u00a0z\n"],
    ["a next-line character (U+0085)", "a: x\u0085y\n"],
    ["a DEL character", "a: x\u007fy\n"],
    ["a C1 character", "a: x\u009by\n"],
    ["a line separator", "a: x\u2028y\n"],
    ["a non-character", "a: x\uffffy\n"],
    ["a BOM at the start", "\ufeffa: 1\n"],
    ["a BOM inside", "a: 1\n\ufeffb: 2\n"],
    ["a BOM inside a value", "a: x\ufeffy\n"],
    ["empty quoted scalars", "a: ''\nb: \"\"\nc: ['', \"\"]\n"],
    ["quotes inside plain scalars", "a: x\"y'z\nb: it's\n"],
    ["doubled single quotes", "a: 'it''s ''quoted'''\n"],
    ["a quoted scalar then spaces", "a: \"x\"   \nb: 'y'  # c\n"],
    ["a quote closing after an escaped backslash", 'a: "x\\\\"\n'],
    ["a quoted scalar with a hash inside", "a: 'x # y'\nb: \"#\"\n"],
    ["a plain scalar with a hash inside", "a: x#y\nb: x #y\n"],
    ["block nesting to the depth limit", nested(16)],
    ["block nesting past the depth limit", nested(18)],
    ["flow nesting to the depth limit", `a: ${"[".repeat(15)}1${"]".repeat(15)}\n`],
    ["flow nesting past the depth limit", `a: ${"[".repeat(17)}1${"]".repeat(17)}\n`],
    ["nested flow mappings", "a: { b: { c: { d: [1, { e: f }] } } }\n"],
    ["sequences of mappings nested deep", "a:\n  - b:\n      - c:\n          - d: 1\n            e: 2\n"],
    ["numbers of every form", "a: [0, -0, +1, 0o17, 0x1F, 1e400, -1e400, .5, 1., 1_000, 12345678901234567890, .inf, -.Inf, .NaN]\n"],
    ["number-like keys and values", "x1: 1.0\ne5: 1e5\n_0: 0.0\n"],
    ["a date, an address, a phone", "d: 2026-02-01\nip: 103.0.3.135\np: +62 812-3456-1896\nv6: 2400:cb00::1\n"],
  ];
  it.each(cases)("%s", (_, text) => void differential(text));
  it("handles the long, CRLF, unicode and nested texts that are inside the subset", () => {
    for (const name of ["a very long plain line", "more significant lines than the first line table holds", "a long sequence", "CRLF everywhere, blank lines too", "text in many scripts", "block nesting to the depth limit", "flow nesting to the depth limit", "numbers of every form", "a date, an address, a phone"]) {
      const text = cases.find(([n]) => n === name)![1];
      expect(differential(text), name).toBe(true);
    }
  });
});

// Generated documents: trees of mappings, sequences and scalars, written in the styles the
// subset covers (and some it does not), with comments, blank lines, CRLF and odd indentation.
type Tree =
  | { t: "scalar"; text: string; style: "plain" | "single" | "double" | "json" | "literal" | "folded" | "multiline" | "quotedLines" }
  | { t: "map"; entries: [string, Tree][]; indent: number }
  | { t: "seq"; items: Tree[]; indent: number; sameColumn: boolean }
  | { t: "flowMap"; entries: [string, Tree][] }
  | { t: "flowSeq"; items: Tree[] };

const TRICKY = ["true", "False", "null", "~", "", " ", "0", "-0", "+12", "1_000", "0o17", "0x1f", "1e3", ".inf", "-.5", "1.", ".nan", "12345678901234567890", "a #b", "a#b", "a:b", "a: b", "a:", "-a", "- a", "-1", "?a", ":a", "@a", "`a", "%a", "&a", "*a", "!a", "|", ">", "a'b", 'a"b', "'", '"', "a\\b", "[a]", "{a}", "a,b", "a, b", "bücher", "日本語", "😀", "2026-04-20", "103.1.2.3", "2400:cb00::1", "v=spf1 mx -all", "https://x.go.id/a?b=c#d", "Siti, S.Kom.", "a  ", "  a", "#", "---", "..."];
const KEYS = ["label", "opd", "a", "b", "c", "true", "null", "Null", "__proto__", "constructor", "x.y", "a-b", "_dmarc", "1", "0x1", "a b", "a:b", "-a", "key", "k"];

const style = fc.constantFrom("plain" as const, "plain" as const, "single" as const, "double" as const, "json" as const, "literal" as const, "folded" as const, "multiline" as const, "quotedLines" as const);
/** Scalars a request file holds: words, numbers, addresses, dates, unicode text. */
const usual = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,@\/=+_-]{0,20}[A-Za-z0-9.]$/),
  fc.constantFrom("true", "false", "null", "~", "0", "-0", "+12", "10", "1.5", "1e3", "bücher", "日本語 😀", "2026-04-20", "103.1.2.3", "https://x.go.id/a?b=c", "Siti, S.Kom."),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
);
/** Anything at all, including what the subset refuses and what is not YAML. */
const unusual = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "grapheme", maxLength: 8 }));
const scalar = fc.record({
  t: fc.constant("scalar" as const),
  text: fc.oneof({ weight: 30, arbitrary: usual }, { weight: 1, arbitrary: unusual }),
  style,
});
const key = fc.oneof({ weight: 30, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });

const { tree } = fc.letrec<{ tree: Tree; flow: Tree }>((tie) => ({
  flow: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.record({ t: fc.constant("flowMap" as const), entries: fc.array(fc.tuple(key, tie("flow")), { maxLength: 3 }) }),
    fc.record({ t: fc.constant("flowSeq" as const), items: fc.array(tie("flow"), { maxLength: 3 }) }),
  ),
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("flow"),
    fc.record({ t: fc.constant("map" as const), entries: fc.array(fc.tuple(key, tie("tree")), { minLength: 1, maxLength: 4 }), indent: fc.constantFrom(2, 2, 4, 1, 3) }),
    fc.record({ t: fc.constant("seq" as const), items: fc.array(tie("tree"), { minLength: 1, maxLength: 3 }), indent: fc.constantFrom(2, 2, 4, 1), sameColumn: fc.boolean() }),
  ),
}));

function inline(n: Tree): string {
  switch (n.t) {
    case "scalar":
      // Block styles inside a flow collection are written as escaped double-quoted text (JSON's escapes are YAML's).
      return n.style === "plain" ? n.text : n.style === "single" ? `'${n.text.replaceAll("'", "''")}'` : n.style === "double" ? `"${n.text}"` : JSON.stringify(n.text);
    case "flowMap":
      return `{ ${n.entries.map(([k, v]) => `${k}: ${inline(v)}`).join(", ")} }`;
    case "flowSeq":
      return `[${n.items.map(inline).join(", ")}]`;
    case "map":
      return `{ ${n.entries.map(([k, v]) => `${k}: ${inline(v)}`).join(", ")} }`;
    case "seq":
      return `[${n.items.map(inline).join(", ")}]`;
  }
}

/** A scalar in a block style (literal, folded, continued plain) after `head`, its lines at column `col`; undefined for the other styles. */
function blockScalar(n: Tree, head: string, col: number): string[] | undefined {
  if (n.t !== "scalar" || !["literal", "folded", "multiline", "quotedLines"].includes(n.style)) return undefined;
  const words = n.text.split(" ");
  const pad = " ".repeat(col);
  // Quoted over several lines: double quotes (escapes as JSON writes them) or single, by length.
  if (n.style === "quotedLines") {
    const q = n.text.length % 2 ? (w: string) => JSON.stringify(w).slice(1, -1) : (w: string) => w.replaceAll("'", "''");
    const mark = n.text.length % 2 ? '"' : "'";
    const body = words.map(q);
    return [`${head} ${mark}${body[0]}`, ...body.slice(1).map((w, i) => pad + w + (i === body.length - 2 ? mark : ""))].map((l, i, all) => (all.length === 1 ? l + mark : l));
  }
  if (n.style === "multiline") return [`${head} ${words[0]}`, ...words.slice(1).map((w) => pad + w)];
  const chomp = n.text.length % 3 === 0 ? "-" : n.text.length % 3 === 1 ? "" : "+";
  return [`${head} ${n.style === "literal" ? "|" : ">"}${chomp}`, ...words.map((w) => pad + w)];
}

/** Lines of a block node whose first line starts at column `col`. */
function block(n: Tree, col: number): string[] {
  const pad = " ".repeat(col);
  if (n.t === "map")
    return n.entries.flatMap(([k, v]) => {
      if (v.t === "map") return [`${pad}${k}:`, ...block(v, col + v.indent)];
      if (v.t === "seq") return [`${pad}${k}:`, ...block(v, v.sameColumn ? col : col + v.indent)];
      return blockScalar(v, `${pad}${k}:`, col + 2) ?? [`${pad}${k}: ${inline(v)}`];
    });
  if (n.t === "seq")
    return n.items.flatMap((v) => {
      if (v.t === "map") {
        // A compact mapping: the first key on the dash's line.
        const lines = block(v, col + 2);
        return [`${pad}- ${lines[0]!.slice(col + 2)}`, ...lines.slice(1)];
      }
      // A nested block sequence (outside the subset) sometimes, a flow one otherwise.
      if (v.t === "seq") return v.sameColumn ? [`${pad}-`, ...block(v, col + v.indent)] : [`${pad}- ${inline(v)}`];
      return blockScalar(v, `${pad}-`, col + 2) ?? [`${pad}- ${inline(v)}`];
    });
  return [`${pad}${inline(n)}`];
}

const document = fc
  .record({
    root: fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }),
    noise: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom("comment", "blank", "trailing", "spaces"), indent: fc.nat({ max: 6 }) }), { maxLength: 4 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ root, noise, crlf, finalNewline }) => {
    const lines = block({ t: "map", entries: root, indent: 2 }, 0);
    for (const n of noise) {
      const at = n.at % (lines.length + 1);
      if (n.kind === "comment") lines.splice(at, 0, `${" ".repeat(n.indent)}# catatan: a: b`);
      else if (n.kind === "blank") lines.splice(at, 0, "");
      else if (n.kind === "spaces") lines.splice(at, 0, " ".repeat(n.indent));
      else if (at < lines.length) lines[at] += n.indent % 2 ? "  # komentar" : "   ";
    }
    const text = lines.join(crlf ? "\r\n" : "\n");
    return finalNewline ? text + (crlf ? "\r\n" : "\n") : text;
  });

const SYNTAX = ["---\n", "...\n", "&a ", "*a", "!!str ", "!x ", "? ", "- ", "-", "{", "}", "[", "]", ",", ": ", ":", "\n", "\n  ", "\t", "#", " #", "'", "''", '"', "\\", "|\n", ">-\n", "%YAML 1.2\n", "\ufeff", "\r", "\r\n", " ", "  ", "~", "null", "é", "😀", "\u2028", "\u0085", "@", " ".repeat(60), `\n${" ".repeat(99)}- `];

const mutatedDocument = fc
  .tuple(
    fc.oneof(document, fc.constantFrom(...[...yamlFiles(CONTOH_REQUESTS)].map((f) => readFileSync(f, "utf8")))),
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...SYNTAX) }),
        fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ unit: "grapheme", maxLength: 4 }) }),
        fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), text: fc.constant("") }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, edits]) => {
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = e.kind === "insert" ? text.slice(0, at) + e.text + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    }
    return text;
  });

describe("fast YAML path: generated documents", () => {
  it("reads generated canonical documents exactly as yaml does, and handles most", () => {
    let handled = 0;
    let runs = 0;
    fc.assert(
      fc.property(document, (text) => {
        runs++;
        if (differential(text)) handled++;
      }),
      { numRuns: 3000, seed: 7 },
    );
    // The generator writes mostly within the subset: a fast path that refused everything would fail here.
    expect(handled).toBeGreaterThan(runs / 4);
  }, 120_000);

  it("reads mutated documents exactly as yaml does, or leaves them to yaml", () => {
    fc.assert(
      fc.property(mutatedDocument, (text) => {
        differential(text);
      }),
      { numRuns: 4000, seed: 11 },
    );
  }, 120_000);

  it("agrees with yaml on random documents from fresh seeds too", () => {
    fc.assert(fc.property(fc.oneof(document, mutatedDocument), (text) => void differential(text)), { numRuns: 1500 });
  }, 120_000);
});
