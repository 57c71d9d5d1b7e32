// A fast path for the canonical YAML that request files are written in (the form generator's
// output and the examples in requests/). Hand-written because no library offers YAML with source
// positions at the speed validation of a whole repository needs: on this machine the `yaml`
// library costs ~250 µs per typical request file (parseAllDocuments over 12 MB of request files:
// 3.7 s of CPU, lexing alone ~1 s) and js-yaml ~96 µs without positions; the budget for 15,000
// files is 1.5 s on 2 cores. This parser takes ~10 µs per file.
//
// It is a deliberately small, conservative subset, and the `yaml` library stays the single
// authority: whenever the text holds anything outside the subset, or anything doubtful, this
// returns undefined and parse.ts parses the file with `yaml`, which gives the value and every
// diagnostic. What it does accept it must read exactly as `yaml` (version 1.2, core schema,
// uniqueKeys, strict) and the walk in parse.ts do, positions included; test/validate/
// fast-yaml.test.ts checks that differentially. The subset: spaces for indentation; LF or CRLF;
// comment lines and ` #` comments; block mappings with plain keys; block sequences (also of
// compact mappings `- key: value`); one-line plain, single-quoted and double-quoted (without
// backslash) scalars; one-line flow sequences and mappings of those. Everything else (anchors,
// aliases, tags, block scalars, multi-line scalars, empty values, duplicate keys, documents
// markers, directives, tabs, control characters) is refused.
import { LIMITS } from "./limits.ts";
import type { Positions } from "./parse.ts";

export interface FastParse {
  value: Record<string, unknown>;
  positions: Positions;
}

/** Thrown (and caught below) the moment the text leaves the subset. */
class Refuse {}
const REFUSE = new Refuse();

// Characters the subset never holds: tabs, control characters (C0 but LF and CR, DEL, C1),
// the Unicode line and paragraph separators, a BOM inside the text, the non-characters.
const FORBIDDEN = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const LONE_CR = /\r(?!\n)/;
/** A simple plain key; it must also resolve to a string (not `true`, `null`...). */
const KEY = /[A-Za-z_][A-Za-z0-9_.-]{0,127}/y;

// Character codes.
const SPACE = 32, HASH = 35, COLON = 58, DASH = 45, DQUOTE = 34, SQUOTE = 39, BACKSLASH = 92;
const LBRACKET = 91, RBRACKET = 93, LBRACE = 123, RBRACE = 125, COMMA = 44, DOT = 46;

/** Indicator characters a plain scalar may not start with (`-` only before a digit or dot). */
const INDICATOR = new Set([..."-?:,[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * A non-empty plain scalar as yaml's core schema resolves it (node_modules/yaml/dist/schema/
 * core: tags tried in this order, the first whose test matches wins; resolvers copied).
 */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only these first characters can start a non-string: skip the tests for the usual text.
  if (!((c >= 48 && c <= 57) || c === 43 || c === DASH || c === DOT || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70)) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return c === 116 || c === 84;
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

interface Line {
  /** 1-based line number. */
  no: number;
  /** Offset of the line's first character, and of its end (before CR LF). */
  start: number;
  end: number;
  /** Leading spaces. */
  indent: number;
}

/** Parses `text` if it lies in the subset; undefined means "not handled: ask `yaml`". */
export function parseFastYaml(text: string): FastParse | undefined {
  if (FORBIDDEN.test(text)) return undefined;
  if (text.includes("\r") && LONE_CR.test(text)) return undefined;
  // Significant lines only: blank lines and comment lines carry nothing in this subset.
  const lines: Line[] = [];
  for (let start = 0, no = 1; start < text.length; no++) {
    let nl = text.indexOf("\n", start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let p = start;
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    if (p < end && text.charCodeAt(p) !== HASH) lines.push({ no, start, end, indent: p - start });
    start = nl + 1;
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  const positions: Positions = {};
  try {
    const [value, next] = blockMap(text, lines, 0, 0, 0, "", positions);
    if (next !== lines.length) return undefined;
    return { value, positions };
  } catch (e) {
    if (e === REFUSE) return undefined;
    throw e;
  }
}

function refuse(): never {
  throw REFUSE;
}

function skipSpaces(text: string, p: number, end: number): number {
  while (p < end && text.charCodeAt(p) === SPACE) p++;
  return p;
}

/** Puts a key's value in an object: duplicates are refused (yaml reports them), __proto__ is data. */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.hasOwn(obj, key)) refuse();
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** The plain key at `p` (a string under the core schema), or undefined. */
function keyAt(text: string, p: number): string | undefined {
  KEY.lastIndex = p;
  const m = KEY.exec(text);
  if (!m) return undefined;
  const key = m[0];
  return typeof resolvePlain(key) === "string" ? key : undefined;
}

/** Whether the block line starts a key at `p`: a plain key then `:` before a space or the line's end. */
function isKeyLine(text: string, p: number, end: number): boolean {
  KEY.lastIndex = p;
  const m = KEY.exec(text);
  if (!m) return false;
  const e = p + m[0].length;
  return e < end && text.charCodeAt(e) === COLON && (e + 1 === end || text.charCodeAt(e + 1) === SPACE);
}

/** Whether the line holds a sequence entry `- ` at column `col` (0-based). */
function isDash(text: string, line: Line, col: number): boolean {
  const p = line.start + col;
  return text.charCodeAt(p) === DASH && p + 1 < line.end && text.charCodeAt(p + 1) === SPACE;
}

/** A block mapping whose keys stand at column `col` (0-based), from line `li`. */
function blockMap(text: string, lines: Line[], li: number, col: number, depth: number, ptr: string, positions: Positions): [Record<string, unknown>, number] {
  if (depth > LIMITS.depth) refuse();
  const obj: Record<string, unknown> = {};
  positions[ptr] = [lines[li]!.no, col + 1];
  for (let first = true; li < lines.length; first = false) {
    const line = lines[li]!;
    if (!first) {
      if (line.indent < col) break;
      if (line.indent > col) refuse();
    }
    const p = line.start + col;
    const key = keyAt(text, p);
    if (key === undefined) refuse();
    const e = p + key.length;
    if (e >= line.end || text.charCodeAt(e) !== COLON) refuse();
    if (e + 1 < line.end && text.charCodeAt(e + 1) !== SPACE) refuse();
    const child = ptr + "/" + key;
    positions[child + "#key"] = [line.no, col + 1];
    const q = skipSpaces(text, e + 1, line.end);
    let value: unknown;
    if (q === line.end || text.charCodeAt(q) === HASH) {
      // No value on the line: a more indented block follows, or a sequence at the key's column.
      li++;
      const next = lines[li];
      if (!next) refuse();
      if (next.indent > col) {
        [value, li] = isDash(text, next, next.indent)
          ? blockSeq(text, lines, li, next.indent, depth + 1, child, positions)
          : blockMap(text, lines, li, next.indent, depth + 1, child, positions);
      } else if (next.indent === col && isDash(text, next, col)) {
        [value, li] = blockSeq(text, lines, li, col, depth + 1, child, positions);
      } else refuse();
    } else {
      value = inlineValue(text, line, q, depth + 1, child, positions);
      li++;
    }
    put(obj, key, value);
  }
  return [obj, li];
}

/** A block sequence whose `-` stand at column `col`, from line `li`. */
function blockSeq(text: string, lines: Line[], li: number, col: number, depth: number, ptr: string, positions: Positions): [unknown[], number] {
  if (depth > LIMITS.depth) refuse();
  const arr: unknown[] = [];
  positions[ptr] = [lines[li]!.no, col + 1];
  while (li < lines.length) {
    const line = lines[li]!;
    if (line.indent < col) break;
    if (line.indent > col) refuse();
    if (!isDash(text, line, col)) break;
    const q = skipSpaces(text, line.start + col + 1, line.end);
    // An empty entry (null, or a block below it) and a nested compact sequence: not in the subset.
    if (q === line.end || text.charCodeAt(q) === HASH) refuse();
    if (text.charCodeAt(q) === DASH && (q + 1 === line.end || text.charCodeAt(q + 1) === SPACE)) refuse();
    const child = ptr + "/" + arr.length;
    let value: unknown;
    if (isKeyLine(text, q, line.end)) [value, li] = blockMap(text, lines, li, q - line.start, depth + 1, child, positions);
    else {
      value = inlineValue(text, line, q, depth + 1, child, positions);
      li++;
    }
    arr.push(value);
  }
  return [arr, li];
}

/** A value written on the rest of a block line from `q`; only a comment may follow it. */
function inlineValue(text: string, line: Line, q: number, depth: number, ptr: string, positions: Positions): unknown {
  if (depth > LIMITS.depth) refuse();
  const c = text.charCodeAt(q);
  let value: unknown;
  let e: number;
  if (c === DQUOTE || c === SQUOTE || c === LBRACKET || c === LBRACE) {
    [value, e] = flowItem(text, q, line.end, line, depth, ptr, positions);
  } else {
    positions[ptr] = [line.no, q - line.start + 1];
    if (INDICATOR.has(c) && !(c === DASH && isNumberStart(text.charCodeAt(q + 1)))) refuse();
    // A plain scalar runs to the line's end or to a ` #` comment.
    let end = line.end;
    for (let i = q; i < line.end; i++) {
      const d = text.charCodeAt(i);
      if (d === COLON && (i + 1 === line.end || text.charCodeAt(i + 1) === SPACE)) refuse();
      if (d === HASH && text.charCodeAt(i - 1) === SPACE) {
        end = i;
        break;
      }
      if (d === LBRACKET || d === RBRACKET || d === LBRACE || d === RBRACE) refuse();
    }
    while (text.charCodeAt(end - 1) === SPACE) end--;
    return resolvePlain(text.slice(q, end));
  }
  const after = skipSpaces(text, e, line.end);
  if (after < line.end && (after === e || text.charCodeAt(after) !== HASH)) refuse();
  return value;
}

const isNumberStart = (c: number) => (c >= 48 && c <= 57) || c === DOT;

/**
 * A quoted scalar, a flow collection or (inside a flow collection) a plain scalar at `p`, all on
 * one line ending at `end`. Returns the value and the offset just after it.
 */
function flowItem(text: string, p: number, end: number, line: Line, depth: number, ptr: string, positions: Positions): [unknown, number] {
  if (depth > LIMITS.depth) refuse();
  positions[ptr] = [line.no, p - line.start + 1];
  const c = text.charCodeAt(p);
  if (c === DQUOTE) {
    for (let i = p + 1; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d === BACKSLASH) refuse();
      if (d === DQUOTE) return [text.slice(p + 1, i), i + 1];
    }
    refuse();
  }
  if (c === SQUOTE) {
    let i = p + 1;
    let doubled = false;
    for (; i < end; i++) {
      if (text.charCodeAt(i) !== SQUOTE) continue;
      if (text.charCodeAt(i + 1) === SQUOTE && i + 1 < end) {
        doubled = true;
        i++;
        continue;
      }
      const s = text.slice(p + 1, i);
      return [doubled ? s.replaceAll("''", "'") : s, i + 1];
    }
    refuse();
  }
  if (c === LBRACKET) {
    const arr: unknown[] = [];
    let i = skipSpaces(text, p + 1, end);
    if (text.charCodeAt(i) === RBRACKET && i < end) return [arr, i + 1];
    for (;;) {
      const [v, e] = flowItem(text, i, end, line, depth + 1, ptr + "/" + arr.length, positions);
      arr.push(v);
      i = skipSpaces(text, e, end);
      if (i >= end) refuse();
      const d = text.charCodeAt(i);
      if (d === RBRACKET) return [arr, i + 1];
      if (d !== COMMA) refuse();
      i = skipSpaces(text, i + 1, end);
      // A trailing comma, or an empty entry: not in the subset.
      if (i >= end || text.charCodeAt(i) === RBRACKET || text.charCodeAt(i) === COMMA) refuse();
    }
  }
  if (c === LBRACE) {
    const obj: Record<string, unknown> = {};
    let i = skipSpaces(text, p + 1, end);
    if (text.charCodeAt(i) === RBRACE && i < end) return [obj, i + 1];
    for (;;) {
      const key = keyAt(text, i);
      if (key === undefined) refuse();
      const k = i + key.length;
      if (k + 1 >= end || text.charCodeAt(k) !== COLON || text.charCodeAt(k + 1) !== SPACE) refuse();
      const child = ptr + "/" + key;
      positions[child + "#key"] = [line.no, i - line.start + 1];
      const v0 = skipSpaces(text, k + 1, end);
      if (v0 >= end) refuse();
      const vc = text.charCodeAt(v0);
      if (vc === COMMA || vc === RBRACE) refuse();
      const [v, e] = flowItem(text, v0, end, line, depth + 1, child, positions);
      put(obj, key, v);
      i = skipSpaces(text, e, end);
      if (i >= end) refuse();
      const d = text.charCodeAt(i);
      if (d === RBRACE) return [obj, i + 1];
      if (d !== COMMA) refuse();
      i = skipSpaces(text, i + 1, end);
      if (i >= end || text.charCodeAt(i) === RBRACE || text.charCodeAt(i) === COMMA) refuse();
    }
  }
  // A plain scalar inside a flow collection: it ends at `,` `]` `}`; `:` `#` and quotes refused.
  if (INDICATOR.has(c) && !(c === DASH && isNumberStart(text.charCodeAt(p + 1)))) refuse();
  let i = p;
  for (; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d === COMMA || d === RBRACKET || d === RBRACE) break;
    if (d === COLON || d === HASH || d === LBRACKET || d === LBRACE || d === DQUOTE || d === SQUOTE) refuse();
  }
  let e = i;
  while (text.charCodeAt(e - 1) === SPACE) e--;
  return [resolvePlain(text.slice(p, e)), e];
}
