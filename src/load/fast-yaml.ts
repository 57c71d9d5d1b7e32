// A fast path for the canonical YAML that request files are written in (the form generator's
// output and the examples in requests/). Hand-written because no library offers YAML with source
// positions at the speed validation of a whole repository needs: on this machine the `yaml`
// library costs ~250 µs per typical request file (parseAllDocuments over 12 MB of request files:
// 3.7 s of CPU, lexing alone ~1 s) and js-yaml ~96 µs without positions; the budget for 15,000
// files is 1.5 s on 2 cores. This parser takes ~15-25 µs per file, positions included.
//
// It is a deliberately small, conservative subset, and the `yaml` library stays the single
// authority: whenever the text holds anything outside the subset, or anything doubtful, this
// returns undefined and parse.ts parses the file with `yaml`, which gives the value and every
// diagnostic. What it does accept it must read exactly as `yaml` (version 1.2, core schema,
// uniqueKeys, strict) and the walk in parse.ts do, positions included; test/validate/
// fast-yaml.test.ts checks that differentially. The subset: spaces for indentation; LF or CRLF;
// comment lines and ` #` comments; block mappings with plain keys; block sequences (also of
// compact mappings `- key: value`); plain, single-quoted and double-quoted scalars (escapes
// decoded), also continued over more lines (without blank lines); `|` and `>` block scalars of
// one indentation; one-line flow sequences and mappings of those, nested too (records are
// written `values: [{ priority: 10, exchange: mail.x }]`). Everything else (anchors, aliases,
// tags, keep chomping, empty values, duplicate keys, document end markers, directives, tabs,
// control characters) is refused.
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
// the Unicode line and paragraph separators, a BOM inside the text, the non-characters. (The
// regular expression is faster than a loop over char codes in JavaScript, ~2 ns a character
// against ~3.5, as is indexOf for the line ends.)
const FORBIDDEN = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const LONE_CR = /\r(?!\n)/;

// Character codes.
const SPACE = 32, HASH = 35, COLON = 58, DASH = 45, DQUOTE = 34, SQUOTE = 39, BACKSLASH = 92;
const LBRACKET = 91, RBRACKET = 93, LBRACE = 123, RBRACE = 125, COMMA = 44, DOT = 46, PIPE = 124, GT = 62;

/** Indicator characters a plain scalar may not start with (`-` only before a digit or dot). */
const INDICATOR = new Set([..."-?:,[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));

/** Double-quoted escapes with a fixed meaning (YAML 1.2 §5.7), as yaml decodes them. */
const ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", e: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
  N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029", " ": " ", '"': '"', "/": "/", "\\": "\\",
};
const HEX = /^[0-9a-fA-F]+$/;

/**
 * A non-empty plain scalar as yaml's core schema resolves it (node_modules/yaml/dist/schema/
 * core: tags tried in this order, the first whose test matches wins; resolvers copied). The
 * tests are written out by hand rather than as the library's regular expressions, which cost a
 * tenth of the whole parse (dates, addresses and phone numbers all start like numbers); test/
 * validate/fast-yaml.test.ts checks them against the library's expressions on random strings.
 */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  const n = s.length;
  // null: ~ null Null NULL; bool: true True TRUE false False FALSE.
  if (c === 126) return n === 1 ? null : s;
  if (c === 110 || c === 78) return s === "null" || s === "Null" || s === "NULL" ? null : s;
  if (c === 116 || c === 84) return s === "true" || s === "True" || s === "TRUE" ? true : s;
  if (c === 102 || c === 70) return s === "false" || s === "False" || s === "FALSE" ? false : s;
  // Only these can start a number: digits, sign, dot.
  if (!((c >= 48 && c <= 57) || c === 43 || c === DASH || c === DOT)) return s;
  // 0o17 (int, octal) and 0x1F (int, hex), before and after the decimal int: neither can be one.
  if (c === 48 && n > 2) {
    const k = s.charCodeAt(1);
    if (k === 111) return allDigits(s, 2, 8) ? parseInt(s.substring(2), 8) : s;
    if (k === 120) return allDigits(s, 2, 16) ? parseInt(s.substring(2), 16) : s;
  }
  // [-+]? then the mantissa (digits, maybe a dot and digits), then maybe [eE][-+]?digits.
  let i = c === 43 || c === DASH ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (i === n) return intDigits > 0 ? parseInt(s, 10) : s;
  let dot = false;
  let fracDigits = 0;
  if (s.charCodeAt(i) === DOT) {
    dot = true;
    const f = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracDigits = i - f;
    // .inf .Inf .INF (signed or not), .nan .NaN .NAN (unsigned).
    if (intDigits === 0 && fracDigits === 0) {
      const word = s.substring(i);
      if (word === "inf" || word === "Inf" || word === "INF") return c === DASH ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      if ((word === "nan" || word === "NaN" || word === "NAN") && intStart === 0) return NaN;
      return s;
    }
  }
  if (intDigits === 0 && fracDigits === 0) return s;
  if (i === n) return dot ? parseFloat(s) : s;
  const e = s.charCodeAt(i);
  if (e !== 101 && e !== 69) return s;
  i++;
  if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === DASH)) i++;
  const expStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  return i === n && i > expStart ? parseFloat(s) : s;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether s from `from` on is one or more digits of base 8 or 16. */
function allDigits(s: string, from: number, base: 8 | 16): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (base === 8 ? !(c >= 48 && c <= 55) : !(isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return s.length > from;
}

/**
 * The JSON pointers of a tree of values, kept from file to file: request files share their
 * structure, so each pointer string (and its "#key" twin) is built and hashed once per process
 * rather than once per file. Bounded, so that odd files cannot make it grow without end.
 */
class Pointer {
  static count = 0;
  static readonly MAX = 20_000;
  readonly key: string;
  private children: Map<string, Pointer> | undefined;
  private items: Pointer[] | undefined;
  constructor(readonly ptr: string) {
    this.key = ptr + "#key";
  }
  child(name: string): Pointer {
    let c = this.children?.get(name);
    if (c) return c;
    c = new Pointer(this.ptr + "/" + name);
    if (Pointer.count < Pointer.MAX) {
      Pointer.count++;
      (this.children ??= new Map()).set(name, c);
    }
    return c;
  }
  item(i: number): Pointer {
    let c = this.items?.[i];
    if (c) return c;
    c = new Pointer(this.ptr + "/" + i);
    if (Pointer.count < Pointer.MAX && i < 1024) {
      Pointer.count++;
      (this.items ??= [])[i] = c;
    }
    return c;
  }
}
const ROOT = new Pointer("");

/**
 * One shared, frozen [line, column] pair per place: files of the same shape put their values at
 * the same places, so the pairs are made once per process rather than some 60 times per file
 * (fewer objects for the collector, in a run that keeps every file's positions to the end).
 */
const PLACES = new Map<number, [number, number]>();
function at(line: number, column: number): [number, number] {
  if (line >= 1 << 20 || column >= 1 << 10) return [line, column];
  const key = line * 1024 + column;
  let place = PLACES.get(key);
  if (!place) {
    place = Object.freeze([line, column]) as [number, number];
    if (PLACES.size < 100_000) PLACES.set(key, place);
  }
  return place;
}

// The significant lines of the file being parsed, 4 numbers each: 1-based line number, offset
// of the first character, offset of the end (before CR LF), leading spaces. Reused between files.
let LINES = new Int32Array(4 * 256);
const NO = 0, START = 1, END = 2, INDENT = 3;

/**
 * Parses `text` if it lies in the subset; undefined means "not handled: ask `yaml`". Without
 * `positions`, the positions are left empty: the value is the same, and cheaper to get.
 */
export function parseFastYaml(text: string, positions = true): FastParse | undefined {
  if (FORBIDDEN.test(text)) return undefined;
  if (text.includes("\r") && LONE_CR.test(text)) return undefined;
  // Significant lines only: blank lines and comment lines carry nothing in this subset.
  let n = 0;
  const length = text.length;
  for (let start = 0, no = 1; start < length; no++) {
    let nl = text.indexOf("\n", start);
    if (nl < 0) nl = length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let p = start;
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    // parse.ts checks indentation against LIMITS.indent only when this path declines, so decline
    // any line that could reach it (blank and comment lines included, as the check counts them).
    if (p - start > LIMITS.indent) return undefined;
    if (p < end && text.charCodeAt(p) !== HASH) {
      if (4 * n + 4 > LINES.length) {
        const grown = new Int32Array(LINES.length * 2);
        grown.set(LINES);
        LINES = grown;
      }
      LINES[4 * n + NO] = no;
      LINES[4 * n + START] = start;
      LINES[4 * n + END] = end;
      LINES[4 * n + INDENT] = p - start;
      n++;
    }
    start = nl + 1;
  }
  // A document start marker on the first line (`---`, maybe with a comment) starts the one document.
  let first = 0;
  if (n > 1 && LINES[INDENT] === 0 && text.startsWith("---", LINES[START]!)) {
    let a = LINES[START]! + 3;
    const e = LINES[END]!;
    if (a < e) {
      if (text.charCodeAt(a) !== SPACE) return undefined;
      while (a < e && text.charCodeAt(a) === SPACE) a++;
      if (a < e && text.charCodeAt(a) !== HASH) return undefined;
    }
    first = 1;
  }
  if (n === first || LINES[4 * first + INDENT] !== 0) return undefined;
  const parser = new Parser(text, LINES, n);
  try {
    const value = parser.blockMap(first, 0, 0, positions ? ROOT : undefined);
    if (parser.next !== n) return undefined;
    return { value, positions: parser.positions };
  } catch (e) {
    if (e === REFUSE) return undefined;
    throw e;
  }
}

function refuse(): never {
  throw REFUSE;
}

/** Puts a key's value in an object: duplicates are refused (yaml reports them), __proto__ is data. */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.hasOwn(obj, key)) refuse();
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

const isNumberStart = (c: number) => (c >= 48 && c <= 57) || c === DOT;
const isKeyStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isKeyChar = (c: number) => isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH || c === DOT;

// The parser's methods return the value they read and leave in `next` the line (or, in a flow
// collection, the offset) where reading goes on: no pair to allocate per value. The JSON pointer
// of the value (`ptr`) is passed only when positions are recorded (parse.ts asks for them only
// when a diagnostic needs one).
class Parser {
  readonly positions: Positions = {};
  /** Set by each method: the next significant line (block methods) or the offset after the item (flowItem). */
  next = 0;
  constructor(
    private readonly text: string,
    private readonly lines: Int32Array,
    private readonly n: number,
  ) {}

  private skipSpaces(p: number, end: number): number {
    const text = this.text;
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** End of the plain key at `p` (`[A-Za-z_][A-Za-z0-9_.-]*`, at most 128 characters), or -1. */
  private keyEnd(p: number, end: number): number {
    const text = this.text;
    if (p >= end || !isKeyStart(text.charCodeAt(p))) return -1;
    let e = p + 1;
    while (e < end && isKeyChar(text.charCodeAt(e))) e++;
    return e - p > 128 ? -1 : e;
  }

  /** The plain key from `p` to `e`, refused unless the core schema reads it as a string (not `true`, `null`...). */
  private key(p: number, e: number): string {
    const key = this.text.slice(p, e);
    if (typeof resolvePlain(key) !== "string") refuse();
    return key;
  }

  /** Whether a block key starts at `p`: a plain key then `:` before a space or the line's end. */
  private isKeyLine(p: number, end: number): boolean {
    const e = this.keyEnd(p, end);
    return e >= 0 && e < end && this.text.charCodeAt(e) === COLON && (e + 1 === end || this.text.charCodeAt(e + 1) === SPACE);
  }

  /** Whether line `li` holds a sequence entry `- ` at column `col` (0-based). */
  private isDash(li: number, col: number): boolean {
    const p = this.lines[4 * li + START]! + col;
    return this.text.charCodeAt(p) === DASH && p + 1 < this.lines[4 * li + END]! && this.text.charCodeAt(p + 1) === SPACE;
  }

  /** A block mapping whose keys stand at column `col` (0-based), from line `li`. */
  blockMap(li: number, col: number, depth: number, ptr: Pointer | undefined): Record<string, unknown> {
    if (depth > LIMITS.depth) refuse();
    const { text, lines, positions } = this;
    const obj: Record<string, unknown> = {};
    if (ptr) positions[ptr.ptr] = at(lines[4 * li + NO]!, col + 1);
    for (let first = true; li < this.n; first = false) {
      const no = lines[4 * li + NO]!, start = lines[4 * li + START]!, end = lines[4 * li + END]!, indent = lines[4 * li + INDENT]!;
      if (!first) {
        if (indent < col) break;
        if (indent > col) refuse();
      }
      const p = start + col;
      const e = this.keyEnd(p, end);
      if (e < 0 || e >= end || text.charCodeAt(e) !== COLON) refuse();
      if (e + 1 < end && text.charCodeAt(e + 1) !== SPACE) refuse();
      const key = this.key(p, e);
      const child = ptr?.child(key);
      if (child) positions[child.key] = at(no, col + 1);
      const q = this.skipSpaces(e + 1, end);
      let value: unknown;
      if (q === end || text.charCodeAt(q) === HASH) {
        // No value on the line: a more indented block follows, or a sequence at the key's column.
        li++;
        if (li >= this.n) refuse();
        const nextIndent = lines[4 * li + INDENT]!;
        if (nextIndent > col) {
          value = this.isDash(li, nextIndent) ? this.blockSeq(li, nextIndent, depth + 1, child) : this.blockMap(li, nextIndent, depth + 1, child);
        } else if (nextIndent === col && this.isDash(li, col)) {
          value = this.blockSeq(li, col, depth + 1, child);
        } else refuse();
      } else {
        value = this.inlineValue(li, q, depth + 1, child, col);
      }
      li = this.next;
      put(obj, key, value);
    }
    this.next = li;
    return obj;
  }

  /** A block sequence whose `-` stand at column `col`, from line `li`. */
  blockSeq(li: number, col: number, depth: number, ptr: Pointer | undefined): unknown[] {
    if (depth > LIMITS.depth) refuse();
    const { text, lines } = this;
    const arr: unknown[] = [];
    if (ptr) this.positions[ptr.ptr] = at(lines[4 * li + NO]!, col + 1);
    while (li < this.n) {
      const start = lines[4 * li + START]!, end = lines[4 * li + END]!, indent = lines[4 * li + INDENT]!;
      if (indent < col) break;
      if (indent > col) refuse();
      if (!this.isDash(li, col)) break;
      const q = this.skipSpaces(start + col + 1, end);
      // An empty entry (null, or a block below it) and a nested compact sequence: not in the subset.
      if (q === end || text.charCodeAt(q) === HASH) refuse();
      if (text.charCodeAt(q) === DASH && (q + 1 === end || text.charCodeAt(q + 1) === SPACE)) refuse();
      // The indentation limit counts `- ` too (see parseFastYaml).
      if (q - start > LIMITS.indent) refuse();
      const child = ptr?.item(arr.length);
      arr.push(this.isKeyLine(q, end) ? this.blockMap(li, q - start, depth + 1, child) : this.inlineValue(li, q, depth + 1, child, col));
      li = this.next;
    }
    this.next = li;
    return arr;
  }

  /**
   * A value written on block line `li` from `q`, in a block whose entries stand at column
   * `parent`: a one-line scalar or flow collection (only a comment may follow it), a plain scalar
   * continued on more indented lines, or a block scalar (`|`, `>`). Returns the value and the
   * next significant line.
   */
  private inlineValue(li: number, q: number, depth: number, ptr: Pointer | undefined, parent: number): unknown {
    if (depth > LIMITS.depth) refuse();
    const { text, lines } = this;
    const start = lines[4 * li + START]!, end = lines[4 * li + END]!;
    const c = text.charCodeAt(q);
    if ((c === DQUOTE || c === SQUOTE) && this.closingQuote(q + 1, end, c) < 0) return this.multiLineQuoted(li, q, ptr, parent);
    if (c === DQUOTE || c === SQUOTE || c === LBRACKET || c === LBRACE) {
      const value = this.flowItem(li, q, depth, ptr);
      const e = this.next;
      const after = this.skipSpaces(e, end);
      if (after < end && (after === e || text.charCodeAt(after) !== HASH)) refuse();
      this.next = li + 1;
      return value;
    }
    if (ptr) this.positions[ptr.ptr] = at(lines[4 * li + NO]!, q - start + 1);
    if (c === PIPE || c === GT) return this.blockScalar(li, q, parent);
    if (INDICATOR.has(c) && !(c === DASH && isNumberStart(text.charCodeAt(q + 1)))) refuse();
    // A plain scalar runs to the line's end or to a ` #` comment.
    let e = end;
    let comment = false;
    for (let i = q; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) refuse();
      if (d === HASH && text.charCodeAt(i - 1) === SPACE) {
        e = i;
        comment = true;
        break;
      }
      if (d === LBRACKET || d === RBRACKET || d === LBRACE || d === RBRACE) refuse();
    }
    while (text.charCodeAt(e - 1) === SPACE) e--;
    let value = text.slice(q, e);
    // Continuation lines: the very next lines, indented beyond the block, each folded into one
    // space. Anything doubtful in them (an indicator first, `: `, ` #`, a bracket) is refused.
    let next = li + 1;
    for (; next < this.n && lines[4 * next + NO] === lines[4 * next - 4 + NO]! + 1 && lines[4 * next + INDENT]! > parent; next++) {
      if (comment) refuse();
      const from = lines[4 * next + START]! + lines[4 * next + INDENT]!, to = lines[4 * next + END]!;
      if (INDICATOR.has(text.charCodeAt(from))) refuse();
      for (let i = from; i < to; i++) {
        const d = text.charCodeAt(i);
        if ((d === COLON && (i + 1 === to || text.charCodeAt(i + 1) === SPACE)) || (d === HASH && text.charCodeAt(i - 1) === SPACE)) refuse();
        if (d === LBRACKET || d === RBRACKET || d === LBRACE || d === RBRACE) refuse();
      }
      let t = to;
      while (text.charCodeAt(t - 1) === SPACE) t--;
      value += " " + text.slice(from, t);
    }
    this.next = next;
    return resolvePlain(value);
  }

  /**
   * Whether the line from `start` to `end` is indented beyond the limit as parse.ts counts it
   * (spaces and `-`, `?`, `:` before a space): it checks only texts this path declines, so a
   * line it would refuse must be declined here, even inside a scalar.
   */
  private overIndented(start: number, end: number): boolean {
    const text = this.text;
    let p = start;
    for (; p < end && p - start <= LIMITS.indent; p++) {
      const c = text.charCodeAt(p);
      if (c === SPACE) continue;
      if ((c === DASH || c === 63 || c === COLON) && (p + 1 === end || text.charCodeAt(p + 1) === SPACE)) continue;
      break;
    }
    return p - start > LIMITS.indent;
  }

  /** Offset of the quote `quote` closing a quoted scalar, searched from `p` to `end`; -1 if it is not there. */
  private closingQuote(p: number, end: number, quote: number): number {
    const text = this.text;
    for (let i = p; i < end; i++) {
      const d = text.charCodeAt(i);
      if (quote === DQUOTE && d === BACKSLASH) i++;
      else if (d === quote) {
        if (quote === SQUOTE && i + 1 < end && text.charCodeAt(i + 1) === SQUOTE) i++;
        else return i;
      }
    }
    return -1;
  }

  /** The content of a quoted scalar from `from` to `to` (no closing quote in between), escapes decoded. */
  private quoted(from: number, to: number, quote: number): string {
    const text = this.text;
    if (quote === SQUOTE) {
      const s = text.slice(from, to);
      return s.includes("''") ? s.replaceAll("''", "'") : s;
    }
    let out = "";
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) !== BACKSLASH) continue;
      // An escape, decoded as yaml does (compose/resolve-flow-scalar.js); an unknown one is refused.
      out += text.slice(from, i);
      const x = text[++i];
      const simple = x === undefined || i >= to ? undefined : ESCAPES[x];
      if (simple !== undefined) out += simple;
      else {
        const length = x === "x" ? 2 : x === "u" ? 4 : x === "U" ? 8 : 0;
        const hex = text.slice(i + 1, i + 1 + length);
        if (length === 0 || i + length >= to || !HEX.test(hex)) refuse();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) refuse();
        out += String.fromCodePoint(code);
        i += length;
      }
      from = i + 1;
    }
    return from === to ? out : out + text.slice(from, to);
  }

  /**
   * A quoted scalar opened at `q` on block line `li` and closed on a later line, in a block whose
   * entries stand at column `parent`. yaml folds it (resolve-flow-scalar.js): spaces at the end
   * of a line and at the start of the next are dropped, and each line break becomes one space.
   * The subset: every continued line indented beyond the block and not blank, no escape at the
   * end of a line (an escaped line break or space); only a comment after the closing quote.
   * Its lines are read from the text itself: a line starting with `#` in it is content.
   */
  private multiLineQuoted(li: number, q: number, ptr: Pointer | undefined, parent: number): string {
    const { text, lines } = this;
    const quote = text.charCodeAt(q);
    let no = lines[4 * li + NO]!;
    if (ptr) this.positions[ptr.ptr] = at(no, q - lines[4 * li + START]! + 1);
    let from = q + 1;
    let end = lines[4 * li + END]!;
    let value = "";
    for (let first = true; ; first = false) {
      const close = this.closingQuote(from, end, quote);
      if (close >= 0) {
        value += (first ? "" : " ") + this.quoted(from, close, quote);
        const after = this.skipSpaces(close + 1, end);
        if (after < end && (after === close + 1 || text.charCodeAt(after) !== HASH)) refuse();
        break;
      }
      let e = end;
      while (e > from && text.charCodeAt(e - 1) === SPACE) e--;
      if (quote === DQUOTE && e > from && text.charCodeAt(e - 1) === BACKSLASH) refuse();
      value += (first ? "" : " ") + this.quoted(from, e, quote);
      // The next line of the text (`end` is at its CR or LF).
      const start = text.indexOf("\n", end) + 1;
      if (start === 0 || start >= text.length) refuse();
      let nl = text.indexOf("\n", start);
      if (nl < 0) nl = text.length;
      end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      no++;
      from = this.skipSpaces(start, end);
      if (from === end || from - start <= parent || this.overIndented(start, end)) refuse();
    }
    let next = li + 1;
    while (next < this.n && lines[4 * next + NO]! <= no) next++;
    this.next = next;
    return value;
  }

  /**
   * A block scalar whose header (`|`, `|-`, `>`, `>-`, maybe a comment after it) is at `q` on
   * line `li`, in a block whose entries stand at column `parent`. The subset: content lines all at
   * one indentation, no blank line between them, no trailing spaces; keep chomping (`+`) and
   * indentation indicators are left to yaml. Its lines are read from the text itself (the line
   * table leaves out comment-like lines, which are content here).
   */
  private blockScalar(li: number, q: number, parent: number): string {
    const { text, lines } = this;
    const end = lines[4 * li + END]!;
    const folded = text.charCodeAt(q) === GT;
    let h = q + 1;
    const strip = text.charCodeAt(h) === DASH;
    if (strip) h++;
    if (h < end) {
      if (text.charCodeAt(h) !== SPACE) refuse();
      h = this.skipSpaces(h, end);
      if (h < end && text.charCodeAt(h) !== HASH) refuse();
    }
    const parts: string[] = [];
    let indent = -1;
    let blank = false;
    let lastNo = lines[4 * li + NO]!;
    for (let p = text.indexOf("\n", end) + 1, no = lastNo + 1; p > 0 && p < text.length; no++) {
      let nl = text.indexOf("\n", p);
      if (nl < 0) nl = text.length;
      const e = nl > p && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const s = this.skipSpaces(p, e);
      if (s === e) {
        // A blank line: before the content or between its lines, left to yaml; after it, dropped
        // by clip and strip chomping, unless it holds more spaces than the content's indentation.
        if (indent < 0 || s - p > indent) refuse();
        blank = true;
      } else {
        const k = s - p;
        if (indent < 0) {
          if (k <= parent) refuse(); // an empty block scalar
          indent = k;
        } else if (k < indent) break;
        if (k > indent || blank || text.charCodeAt(e - 1) === SPACE || this.overIndented(p, e)) refuse();
        parts.push(text.slice(s, e));
        lastNo = no;
      }
      p = nl + 1;
    }
    if (indent < 0) refuse();
    let next = li + 1;
    while (next < this.n && lines[4 * next + NO]! <= lastNo) next++;
    this.next = next;
    const value = parts.join(folded ? " " : "\n");
    return strip ? value : value + "\n";
  }

  /**
   * A quoted scalar, a flow collection or (inside a flow collection) a plain scalar at `p`, all
   * on line `li`. Returns the value and the offset just after it.
   */
  private flowItem(li: number, p: number, depth: number, ptr: Pointer | undefined): unknown {
    if (depth > LIMITS.depth) refuse();
    const { text, lines } = this;
    const no = lines[4 * li + NO]!, start = lines[4 * li + START]!, end = lines[4 * li + END]!;
    if (ptr) this.positions[ptr.ptr] = at(no, p - start + 1);
    const c = text.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.closingQuote(p + 1, end, c);
      if (close < 0) refuse();
      this.next = close + 1;
      return this.quoted(p + 1, close, c);
    }
    if (c === LBRACKET) {
      const arr: unknown[] = [];
      let i = this.skipSpaces(p + 1, end);
      if (i < end && text.charCodeAt(i) === RBRACKET) {
        this.next = i + 1;
        return arr;
      }
      for (;;) {
        arr.push(this.flowItem(li, i, depth + 1, ptr?.item(arr.length)));
        i = this.skipSpaces(this.next, end);
        if (i >= end) refuse();
        const d = text.charCodeAt(i);
        if (d === RBRACKET) {
          this.next = i + 1;
          return arr;
        }
        if (d !== COMMA) refuse();
        i = this.skipSpaces(i + 1, end);
        // A trailing comma, or an empty entry: not in the subset.
        if (i >= end || text.charCodeAt(i) === RBRACKET || text.charCodeAt(i) === COMMA) refuse();
      }
    }
    if (c === LBRACE) {
      const obj: Record<string, unknown> = {};
      let i = this.skipSpaces(p + 1, end);
      if (i < end && text.charCodeAt(i) === RBRACE) {
        this.next = i + 1;
        return obj;
      }
      for (;;) {
        const k = this.keyEnd(i, end);
        if (k < 0 || k + 1 >= end || text.charCodeAt(k) !== COLON || text.charCodeAt(k + 1) !== SPACE) refuse();
        const key = this.key(i, k);
        const child = ptr?.child(key);
        if (child) this.positions[child.key] = at(no, i - start + 1);
        const v0 = this.skipSpaces(k + 1, end);
        if (v0 >= end) refuse();
        const vc = text.charCodeAt(v0);
        if (vc === COMMA || vc === RBRACE) refuse();
        put(obj, key, this.flowItem(li, v0, depth + 1, child));
        i = this.skipSpaces(this.next, end);
        if (i >= end) refuse();
        const d = text.charCodeAt(i);
        if (d === RBRACE) {
          this.next = i + 1;
          return obj;
        }
        if (d !== COMMA) refuse();
        i = this.skipSpaces(i + 1, end);
        if (i >= end || text.charCodeAt(i) === RBRACE || text.charCodeAt(i) === COMMA) refuse();
      }
    }
    // A plain scalar inside a flow collection: it ends at `,` `]` `}`; `#`, quotes and a `:` not
    // followed by a character of the scalar (`https://x` is one scalar, `a:` or `a: b` is not) refused.
    if (INDICATOR.has(c) && !(c === DASH && isNumberStart(text.charCodeAt(p + 1)))) refuse();
    let i = p;
    for (; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d === COMMA || d === RBRACKET || d === RBRACE) break;
      if (d === HASH || d === LBRACKET || d === LBRACE || d === DQUOTE || d === SQUOTE) refuse();
      if (d === COLON) {
        const f = i + 1 < end ? text.charCodeAt(i + 1) : SPACE;
        if (f === SPACE || f === COMMA || f === RBRACKET || f === RBRACE || f === LBRACKET || f === LBRACE) refuse();
      }
    }
    let e = i;
    while (text.charCodeAt(e - 1) === SPACE) e--;
    if (e === p) refuse();
    this.next = e;
    return resolvePlain(text.slice(p, e));
  }
}
