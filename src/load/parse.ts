// Bytes -> YAML value with positions, or diagnostics. Pure and total: whatever the bytes, it
// returns; it never throws. Anchors, aliases and custom tags are refused outright, which also
// disposes of alias bombs: a request file has no use for them.
import { isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from "yaml";
import { diagnostic, START, type Diagnostic, type Position } from "../diagnostics/diagnostic.ts";
import { yamlProblem } from "./yaml-errors.ts";
import { LIMITS } from "./limits.ts";
import { parseFastYaml } from "./fast-yaml.ts";

/** Where each value, and each mapping key, stands: JSON pointer -> position. Keys get "#key". */
export type Positions = Record<string, [number, number]>;

export interface Loaded {
  file: string;
  /** The plain value; undefined when the file could not be read as one YAML document. */
  value: unknown;
  positions: Positions;
  diagnostics: Diagnostic[];
}

const decoder = new TextDecoder("utf-8", { fatal: true });

export function pointer(parts: readonly (string | number)[]): string {
  return parts.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/**
 * Gives `target` a `positions` property computed by `compute` when first read, then kept as a
 * plain data property (so reading, comparing and cloning see an ordinary record).
 */
export function definePositions<T extends object>(target: T, compute: () => Positions): T & { positions: Positions } {
  // The getter and setter are shared and the computation kept under a symbol: V8 gives objects
  // the same hidden class only when their accessors are the same functions, and a closure per
  // object made every file's object a shape of its own, so every rule reading `.file` or
  // `.request` through thousands of them ran megamorphic.
  Object.defineProperty(target, PENDING, { value: compute, writable: true, configurable: true });
  return Object.defineProperty(target, "positions", LAZY_POSITIONS) as T & { positions: Positions };
}

/** Where definePositions keeps a file's computation until its positions are first read. */
const PENDING = Symbol("positions pending");

const LAZY_POSITIONS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { [PENDING]: () => Positions }) {
    const positions = this[PENDING]();
    settlePositions(this, positions);
    return positions;
  },
  set: setPositions,
};

const settlePositions = (self: object, value: Positions) => {
  Object.defineProperty(self, "positions", { value, enumerable: true, writable: true, configurable: true });
  (self as { [PENDING]?: unknown })[PENDING] = undefined;
};

function setPositions(this: object, value: Positions): void {
  settlePositions(this, value);
}

/**
 * How `from`'s positions are had, without holding `from`: its pending computation (see
 * definePositions) while there is one, else its positions. A request kept for the rules across
 * files points at its file's positions this way, so the file as read (its value, its record of
 * how it was read) is not kept beside it for every file of a run.
 */
export function positionsOf(from: { positions: Positions }): () => Positions {
  const pending = (from as { [PENDING]?: () => Positions })[PENDING];
  if (pending && Object.getOwnPropertyDescriptor(from, "positions")?.get === LAZY_POSITIONS.get) return pending;
  const positions = from.positions;
  return () => positions;
}

/** Position of a JSON pointer, falling back to its nearest located ancestor, then the start. */
export function locate(positions: Positions, ptr: string, key = false): Position {
  if (key && positions[ptr + "#key"]) {
    const [line, column] = positions[ptr + "#key"]!;
    return { line, column };
  }
  let p = ptr;
  for (;;) {
    const hit = positions[p];
    if (hit) return { line: hit[0], column: hit[1] };
    if (p === "") return START;
    p = p.slice(0, p.lastIndexOf("/"));
  }
}

/** Deepest bracket nesting of flow collections, found before parsing so a deep file cannot exhaust the parser's stack. */
function flowDepth(text: string): number {
  // Fewer brackets than the limit cannot nest beyond it: skip the scan (the usual case).
  let brackets = 0;
  for (let i = text.indexOf("["); i >= 0 && brackets <= LIMITS.depth; i = text.indexOf("[", i + 1)) brackets++;
  for (let i = text.indexOf("{"); i >= 0 && brackets <= LIMITS.depth; i = text.indexOf("{", i + 1)) brackets++;
  if (brackets <= LIMITS.depth) return brackets;
  let depth = 0;
  let max = 0;
  let quote = "";
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (comment) {
      if (c === "\n") comment = false;
    } else if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if ((c === '"' || c === "'") && (i === 0 || /[\s\[{,:]/.test(text[i - 1]!))) quote = c;
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return max;
}

/** The YAML 1.2 core schema's tags; anything else (!!python/object, !!binary, !custom) is refused. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "seq", "map"].map((t) => `tag:yaml.org,2002:${t}`));

const TOO_INDENTED = new RegExp(`^(?:[ \\t]|[-?:](?=[ \\t\\r\\n]|$)){${LIMITS.indent + 1}}`, "m");

/** Offset of the first line indented beyond LIMITS.indent, or -1. */
function overIndented(text: string): number {
  const m = TOO_INDENTED.exec(text);
  return m ? m.index : -1;
}

const msg = (id: string, en: string) => ({ id, en });

/**
 * Whether parseYaml tries the fast path (fast-yaml.ts) before the `yaml` library. It reads only
 * a canonical subset, exactly as the library would (checked differentially by
 * test/validate/fast-yaml.test.ts), and hands everything else to the library.
 */
export const FAST_YAML = true;

/** A file as parseYaml reads it, and the text its positions come from when they are found only if asked for. */
export interface LoadedSource {
  loaded: Loaded;
  /**
   * The text the fast path read (its positions are found by reading it again, only when asked
   * for), so that another thread can tell it is the same text; undefined for the other files
   * (their positions are there).
   */
  source: string | undefined;
}

export function parseYaml(file: string, bytes: Uint8Array, maxBytes = LIMITS.requestBytes): Loaded {
  return parseBytes(file, bytes, maxBytes, FAST_YAML).loaded;
}

/** parseYaml, with the text a fast-read file's positions would come from. */
export function parseYamlSource(file: string, bytes: Uint8Array, maxBytes = LIMITS.requestBytes): LoadedSource {
  return parseBytes(file, bytes, maxBytes, FAST_YAML);
}

/** The same with the `yaml` library only: the authority the fast path is checked against. */
export function parseYamlSlow(file: string, bytes: Uint8Array, maxBytes = LIMITS.requestBytes): Loaded {
  return parseBytes(file, bytes, maxBytes, false).loaded;
}

function parseBytes(file: string, bytes: Uint8Array, maxBytes: number, fast: boolean): LoadedSource {
  const out: Loaded = { file, value: undefined, positions: {}, diagnostics: [] };
  const done: LoadedSource = { loaded: out, source: undefined };
  const fail = (rule: string, m: { id: string; en: string }, at: Position = START) => {
    out.diagnostics.push(diagnostic(file, at, rule, "error", m));
    return done;
  };
  try {
    if (bytes.length > maxBytes)
      return fail("file.size", msg(`Berkas terlalu besar: ${bytes.length} bita, paling banyak ${maxBytes} bita.`, `File too large: ${bytes.length} bytes, at most ${maxBytes}.`));
    if (bytes.length === 0) return fail("file.empty", msg("Berkas kosong.", "The file is empty."));
    if (bytes.includes(0))
      return fail("file.binary", msg("Berkas berisi data biner (bita NUL), bukan teks YAML.", "The file holds binary data (a NUL byte), not YAML text."));
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return fail("file.encoding", msg("Berkas bukan teks UTF-8 yang sah. Simpan ulang sebagai UTF-8.", "The file is not valid UTF-8 text. Save it again as UTF-8."));
    }
    // TextDecoder drops a leading BOM by itself, so look at the bytes.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      out.diagnostics.push(
        diagnostic(file, START, "file.bom", "warning", msg("Berkas diawali penanda urutan bita (BOM); simpan ulang tanpa BOM (UTF-8 tanpa BOM).", "The file starts with a byte-order mark (BOM); save it again without one (UTF-8 without BOM).")),
      );
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (flowDepth(text) > LIMITS.depth)
      return fail("yaml.depth", msg(`Struktur bersarang terlalu dalam (lebih dari ${LIMITS.depth} tingkat).`, `Nesting is too deep (more than ${LIMITS.depth} levels).`));
    // The fast path declines any text whose indentation could exceed the limit checked below.
    // Its positions are found only if something asks for them (a diagnostic's line), by reading
    // the text again: most files never need them, and 15,000 files' worth cost time and memory.
    if (fast) {
      const parsed = parseFastYaml(text, false);
      if (parsed) {
        out.value = parsed.value;
        const source = text;
        definePositions(out, () => parseFastYaml(source)!.positions);
        done.source = source;
        return done;
      }
    }
    const deep = overIndented(text);
    if (deep >= 0) {
      const line = text.slice(0, deep).split("\n").length;
      return fail(
        "yaml.depth",
        msg(`Indentasi atau struktur bersarang terlalu dalam (lebih dari ${LIMITS.indent} kolom).`, `Indentation or nesting is too deep (more than ${LIMITS.indent} columns).`),
        { line, column: 1 },
      );
    }
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: "1.2", schema: "core" });
    const pos = (offset: number): Position => {
      const p = lineCounter.linePos(offset);
      return { line: p.line, column: p.col };
    };
    const list = Array.isArray(docs) ? docs : [];
    if (list.length === 0) return fail("file.empty", msg("Berkas tidak berisi dokumen YAML.", "The file holds no YAML document."));
    if (list.length > 1)
      return fail(
        "yaml.multi-document",
        msg(`Berkas berisi ${list.length} dokumen YAML; satu berkas hanya boleh berisi satu permohonan (hapus pemisah ---).`, `The file holds ${list.length} YAML documents; one file holds one request (remove the --- separator).`),
        pos(list[1]!.range[0]),
      );
    const doc = list[0]!;
    const seenLines = new Set<number>();
    for (const e of doc.errors) {
      const at = pos(e.pos[0]);
      if (e.code === "DUPLICATE_KEY") {
        out.diagnostics.push(diagnostic(file, at, "yaml.duplicate-key", "error", msg(`Kunci yang sama ditulis dua kali dalam satu pemetaan (baris ${at.line}); hapus salah satunya.`, `The same key appears twice in one mapping (line ${at.line}); remove one of them.`)));
        continue;
      }
      // The first syntax problem only: after a broken line the library's further errors are echoes of it.
      if (seenLines.size) continue;
      const p = yamlProblem(e.code, text, at.line, at.column);
      seenLines.add(p.line);
      out.diagnostics.push(diagnostic(file, p.line === at.line ? at : { line: p.line, column: 1 }, "yaml.syntax", "error", p.message));
    }
    if (out.diagnostics.some((d) => d.severity === "error")) return done;
    const value = walk(doc, text, out, pos);
    if (value === FAIL) return done;
    if (value === null) return fail("file.empty", msg("Berkas tidak berisi data.", "The file holds no data."));
    out.value = value;
    return done;
  } catch (e) {
    // The library is not expected to throw; if it does, the file is still reported, never lost.
    return fail("file.unreadable", msg(`Berkas tidak dapat dibaca: ${(e as Error).message}`, `The file could not be read: ${(e as Error).message}`));
  }
}

const FAIL = Symbol("fail");

/**
 * Builds the plain value and records positions in one pass (cheaper than the library's toJS
 * plus a second walk); refuses anchors, aliases, custom tags, complex keys and deep nesting.
 */
function walk(doc: Document, text: string, out: Loaded, pos: (o: number) => Position): unknown {
  const bad = (node: Node | null | undefined, rule: string, m: { id: string; en: string }, at = node?.range?.[0] ?? 0): typeof FAIL => {
    out.diagnostics.push(diagnostic(out.file, pos(at), rule, "error", m));
    return FAIL;
  };
  const visit = (node: unknown, ptr: string, depth: number): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return bad(node, "yaml.alias", msg("Alias YAML (*nama) tidak diizinkan dalam berkas ini.", "YAML aliases (*name) are not allowed in this file."));
    const n = node as Node;
    if (n.range) {
      const p = pos(n.range[0]);
      out.positions[ptr] = [p.line, p.column];
    }
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor) {
      // A block collection's range starts at its first entry; the anchor is written before it.
      const at = text.lastIndexOf(`&${anchor}`, n.range?.[0] ?? 0);
      return bad(n, "yaml.alias", msg(`Jangkar YAML (&${anchor}) tidak diizinkan; tulis nilainya lengkap di setiap tempat.`, `YAML anchors (&${anchor}) are not allowed; write the value out in full at each place.`), at >= 0 ? at : undefined);
    }
    const tag = (n as { tag?: string }).tag;
    if (tag && !CORE_TAGS.has(tag)) {
      const shown = tag.replace("tag:yaml.org,2002:", "!!");
      // The node starts after its tag; point at the tag, the token written before the value.
      let at = (n.range?.[0] ?? 0) - 1;
      while (at > 0 && /\s/.test(text[at]!)) at--;
      while (at > 0 && !/\s/.test(text[at - 1]!)) at--;
      return bad(n, "yaml.tag", msg(`Tag YAML ${shown} tidak diizinkan; tulis nilainya sebagai teks biasa.`, `The YAML tag ${shown} is not allowed; write the value as plain text.`), text[at] === "!" ? at : undefined);
    }
    if (depth > LIMITS.depth)
      return bad(n, "yaml.depth", msg(`Struktur bersarang terlalu dalam (lebih dari ${LIMITS.depth} tingkat).`, `Nesting is too deep (more than ${LIMITS.depth} levels).`));
    if (isScalar(n)) return n.value;
    if (isMap(n)) {
      const obj: Record<string, unknown> = {};
      for (const item of n.items) {
        const key = item.key;
        if (isCollection(key) || isAlias(key))
          return bad(key as Node, "yaml.complex-key", msg("Kunci pemetaan harus berupa teks sederhana.", "Mapping keys must be plain text."));
        const name = isScalar(key) ? String(key.value) : "";
        const child = ptr + "/" + name.replace(/~/g, "~0").replace(/\//g, "~1");
        if (isScalar(key) && key.range) {
          const p = pos(key.range[0]);
          out.positions[child + "#key"] = [p.line, p.column];
        }
        const value = visit(item.value, child, depth + 1);
        if (value === FAIL) return FAIL;
        // A key named __proto__ is data, never the object's prototype.
        if (name === "__proto__") Object.defineProperty(obj, name, { value, enumerable: true, writable: true, configurable: true });
        else obj[name] = value;
      }
      return obj;
    }
    if (isSeq(n)) {
      const arr: unknown[] = [];
      for (let i = 0; i < n.items.length; i++) {
        const value = visit(n.items[i], `${ptr}/${i}`, depth + 1);
        if (value === FAIL) return FAIL;
        arr.push(value);
      }
      return arr;
    }
    return bad(n, "yaml.syntax", msg("Nilai YAML tidak dikenal.", "Unknown YAML value."));
  };
  return visit(doc.contents, "", 0);
}
