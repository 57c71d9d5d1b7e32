// The fast per-file stage (the fast YAML reader, worker threads and their compact results, any
// shortcut in the schema or the rules) against the reference: one thread, every file parsed by the
// `yaml` library (parseYamlSlow), checked by checkRequest, assembled as validateRepository does.
// On a generated repository of every shape plus invalid and hostile files, both must give the same
// diagnostics (text, order, lines) and the same requests, positions included: a future fast path
// that answers differently fails here.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BENCH_TODAY, generateRepository } from "../../scripts/bench/lib/shapes.ts";
import { discoverRequests } from "../../src/load/discover.ts";
import { parseYamlSlow } from "../../src/load/parse.ts";
import { readGovernance } from "../../src/load/read.ts";
import { validateRepositoryParallel } from "../../src/validate/files/parallel.ts";
import { checkRequestFiles } from "../../src/validate/files/check-files.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { assemble, checkGovernance, checkRequest, type RequestCheck } from "../../src/validate/validate.ts";
import type { RepositoryFile, RuleContext } from "../../src/validate/rule.ts";
import { asViews } from "./helpers.ts";
import { LIMITS } from "../../src/load/limits.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** Invalid and hostile files, each beside the generated ones (texts and raw bytes). */
function hostile(base: string): Record<string, string | Uint8Array> {
  const lines = base.split("\n");
  const swap = (from: RegExp, to: string) => base.replace(from, to);
  return {
    "anchor.yaml": swap(/^purpose: (.*)$/m, "purpose: &p $1\nextra: *p"),
    "alias-only.yaml": "a: &x [1]\nb: *x\n",
    "tab.yaml": base.replace(/\n {2}/, "\n\t"),
    "duplicate.yaml": `${base}\n${lines.find((l) => l.startsWith("purpose:"))}\n`,
    "bom.yaml": `\ufeff${base}`,
    "bom-twice.yaml": `\ufeff\ufeff${base}`,
    "crlf.yaml": base.replace(/\n/g, "\r\n"),
    "lone-cr.yaml": base.replace(/\n/, "\r"),
    "binary.yaml": new Uint8Array([0x61, 0x3a, 0x20, 0x00, 0x0a]),
    "latin1.yaml": new Uint8Array([...new TextEncoder().encode("purpose: caf"), 0xe9, 0x0a]),
    "empty.yaml": "",
    "comment-only.yaml": "# nothing here\n",
    "null.yaml": "~\n",
    "list.yaml": "- a\n- b\n",
    "scalar.yaml": "just text\n",
    "two-docs.yaml": `${base}---\n${base}`,
    "too-big.yaml": `${base}# ${"x".repeat(LIMITS.requestBytes)}\n`,
    "deep-flow.yaml": `${base}extra: ${"[".repeat(40)}${"]".repeat(40)}\n`,
    "deep-block.yaml": `${base}extra:\n${Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n")} 1\n`,
    "deep-dash.yaml": `${base}extra:\n${"- ".repeat(120)}x\n`,
    "proto.yaml": `${base}__proto__:\n  polluted: true\n`,
    "constructor.yaml": `${base}constructor: 1\n`,
    "negative-zero.yaml": swap(/^reviewBy:/m, "ttl: -0\nreviewBy:"),
    "infinity.yaml": swap(/^reviewBy:/m, "ttl: .inf\nreviewBy:"),
    "nan.yaml": swap(/^reviewBy:/m, "ttl: .nan\nreviewBy:"),
    "custom-tag.yaml": swap(/^purpose: /m, "purpose: !custom "),
    "binary-tag.yaml": swap(/^purpose: .*$/m, "purpose: !!binary aGVsbG8="),
    "unknown-field.yaml": `${base}lable: x\n`,
    "wrong-types.yaml": base.replace(/^label: .*$/m, "label: 12").replace(/^purpose: .*$/m, "purpose: [a, b]"),
    "unquoted-colon.yaml": swap(/^purpose: (.*)$/m, "purpose: a: b"),
    "unclosed-quote.yaml": swap(/^purpose: (.*)$/m, 'purpose: "open'),
    "block-scalar.yaml": swap(/^purpose: (.*)$/m, "purpose: |+\n  kept\n\n"),
    "folded.yaml": swap(/^purpose: (.*)$/m, "purpose: >-\n  Portal\n\n  layanan\n"),
    "multiline-quoted.yaml": swap(/^purpose: (.*)$/m, 'purpose: "Portal\n  layanan \\\n  masyarakat"'),
    "multiline-escaped-break.yaml": swap(/^purpose: (.*)$/m, 'purpose: "Portal \\\n  layanan \\ \n  masyarakat"'),
    "multiline-comment-like.yaml": swap(/^purpose: (.*)$/m, "purpose: 'Portal\n  # layanan\n  masyarakat'"),
    "multiline-under-indented.yaml": swap(/^purpose: (.*)$/m, 'purpose: "Portal\nlayanan"'),
    "escapes.yaml": swap(/^purpose: (.*)$/m, 'purpose: "Portal \\x41\\u00e9\\U0001F600 \\t\\\\ \\" layanan"'),
    "bad-escape.yaml": swap(/^purpose: (.*)$/m, 'purpose: "C:\\data"'),
    "control-chars.yaml": swap(/^purpose: (.*)$/m, 'purpose: "Portal \\u0007 \\u202e layanan"'),
    "line-separator.yaml": swap(/^purpose: (.*)$/m, "purpose: Portal\u2028layanan"),
    "explicit-key.yaml": `? label\n: x\n${base.replace(/^label: .*\n/m, "")}`,
    "flow-doc.yaml": `{ ${base.split("\n").filter((l) => /^[a-z]+: [^\s[{|>&*!'"#].*$/i.test(l)).join(", ")} }\n`,
    "directive.yaml": `%YAML 1.2\n---\n${base}`,
    "doc-end.yaml": `${base}...\n`,
    "key-only.yaml": `${base}extra:\n`,
    "empty-flow.yaml": `${base}extra: [, ]\n`,
    "trailing-comma.yaml": `${base}extra: [a, b, ]\n`,
    "bool-key.yaml": `${base}true: 1\n`,
    "number-key.yaml": `${base}1: one\n`,
    "quoted-key.yaml": base.replace(/^purpose:/m, '"purpose":'),
    "long-key.yaml": `${base}${"k".repeat(200)}: 1\n`,
    "unicode-label.yaml": base.replace(/^label: .*$/m, "label: xn--bcher-kva").replace(/^purpose:/m, "purpose:"),
    "rtl-override.yaml": base.replace(/^label: .*$/m, "label: \u202eabc"),
    "over-indented.yaml": `${base}extra:\n${" ".repeat(LIMITS.indent + 1)}x: 1\n`,
    "long-line.yaml": swap(/^purpose: (.*)$/m, `purpose: ${"Portal layanan ".repeat(2000)}# c`),
    "unicode.yaml": swap(/^purpose: (.*)$/m, "purpose: Layanan — Bücher 日本語 😀\u00a0x\nextra: ['é', \"\\u00fc\\U0001F600\"]"),
    "odd-numbers.yaml": swap(/^reviewBy:/m, "extra: [-0, 1e400, -.inf, .NaN, 0x1F, 0o17]\nreviewBy:"),
    "crlf-no-final-newline.yaml": base.trimEnd().replace(/\n/g, "\r\n"),
    "cr-at-end.yaml": `${base.trimEnd()}\r`,
    "tab-in-comment.yaml": `${base}#\tcatatan\n`,
  };
}

/** The reference: one thread, the `yaml` library for every file, checkRequest and assemble. */
function reference(root: string, today: string) {
  const discovery = discoverRequests(root);
  const gov = checkGovernance(readGovernance(root));
  const ctx: RuleContext = { governance: gov.governance!, today, retained: [] };
  const checks = discovery.files.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(root, file));
    } catch {
      throw new Error(`unreadable fixture ${file}`);
    }
    return checkRequest(parseYamlSlow(file, bytes), ctx);
  });
  return { ...assemble(gov, checks, discovery.diagnostics, ctx), checks, ctx, files: discovery.files };
}

/** Requests with their positions read (a lazy getter becomes a plain record on both sides). */
const withPositions = <F extends RepositoryFile>(checks: readonly RequestCheck<F>[]) => checks.map((c) => ({ diagnostics: c.diagnostics, request: c.request && { ...c.request, positions: c.request.positions } }));


describe("fast per-file stage against the reference", () => {
  const root = generateRepository(400, 11);
  roots.push(root);
  // Each hostile file in its own OPD folder of the generated governance, so path rules pass.
  const base = readFileSync(join(root, discoverRequests(root).files[0]!), "utf8");
  const [opd] = discoverRequests(root).files[0]!.split("/").slice(1, 2);
  mkdirSync(join(root, "requests", opd!), { recursive: true });
  for (const [name, content] of Object.entries(hostile(base))) writeFileSync(join(root, "requests", opd!, name), content);
  const ref = reference(root, BENCH_TODAY);

  it("has a reference that sees errors in the hostile files and none in the generated ones", () => {
    const bad = new Set(ref.diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
    for (const name of Object.keys(hostile(base))) if (!["crlf.yaml", "bom.yaml", "escapes.yaml", "folded.yaml", "block-scalar.yaml", "multiline-quoted.yaml", "comment-only.yaml", "multiline-escaped-break.yaml", "multiline-comment-like.yaml"].includes(name)) expect(bad.has(`requests/${opd}/${name}`), name).toBe(true);
    expect(ref.requests.length).toBeGreaterThan(400);
  });

  it("gives the reference's diagnostics and requests on one thread", () => {
    const one = validateRepository(root, BENCH_TODAY);
    expect(one.diagnostics).toEqual(ref.diagnostics);
    expect(withPositions(one.requests.map((request) => ({ request, diagnostics: [] })))).toEqual(withPositions(ref.requests.map((request) => ({ request, diagnostics: [] }))));
  });

  it("gives the reference's diagnostics and requests on two threads", async () => {
    const stats = { workerFiles: 0, workerFailures: [] as string[] };
    const two = await validateRepositoryParallel(root, BENCH_TODAY, { threads: 2, minFiles: 0, stats });
    expect(stats.workerFailures).toEqual([]);
    expect(two.diagnostics).toEqual(ref.diagnostics);
    expect(two.requests.map((r) => r.file)).toEqual(ref.requests.map((r) => r.file));
    // Of each request, only what the rules across files read: the same as the reference's.
    expect(withPositions(two.requests.map((request) => ({ request, diagnostics: [] })))).toEqual(withPositions(asViews(ref.requests).map((request) => ({ request, diagnostics: [] }))));
  });

  it("gives each file's own result, file by file, from checkRequestFiles with every file read by workers", async () => {
    const stats = { workerFiles: 0, workerFailures: [] as string[] };
    const checks = await checkRequestFiles(root, ref.files, ref.ctx, { threads: 3, minFiles: 0, readHere: false, stats });
    expect(stats.workerFailures).toEqual([]);
    expect(stats.workerFiles).toBe(ref.files.length);
    expect(withPositions(checks)).toEqual(withPositions(ref.checks));
  });

  it("skips the files the hook knows, and tells of every other file once", async () => {
    const told: number[] = [];
    const toldChecks = new Map<number, RequestCheck>();
    const sentinel: RequestCheck = { diagnostics: [] };
    const checks = await checkRequestFiles(root, ref.files, ref.ctx, {
      threads: 2,
      minFiles: 0,
      known: (_file, i) => (i % 3 === 0 ? sentinel : undefined),
      checked: (file, i, check) => {
        expect(file).toBe(ref.files[i]);
        toldChecks.set(i, check);
        told.push(i);
      },
    });
    for (const [i, check] of toldChecks) expect(check).toBe(checks[i]);
    expect(told.sort((a, b) => a - b)).toEqual(ref.files.map((_, i) => i).filter((i) => i % 3 !== 0));
    ref.files.forEach((_, i) => (i % 3 === 0 ? expect(checks[i]).toBe(sentinel) : expect(withPositions([checks[i]!])).toEqual(withPositions([ref.checks[i]!]))));
  });
});
