// A YAML emitter for the JSON-shaped objects we render (maps, sequences, strings, finite numbers,
// booleans, null): written by hand because the `yaml` library's stringify builds a document tree
// per object and cost ~3 ms per tenant (≈11 s for 3,750 tenants); this writes text directly.
// Output is block style, two-space indentation, key order kept. A string is written plain only
// when it is unmistakably a string both for YAML 1.2 (the `yaml` library) and YAML 1.1 (kubectl's
// go-yaml: `yes`, `on`, `1_000`, `1:20`, dates are not strings there); otherwise double-quoted
// with escapes, or as a literal block when it spans lines and needs no escape. Proved by
// test/kubernetes/emit-yaml.test.ts: parsing the output (1.2 and 1.1) gives the input back.

/** Characters written as they are inside a quoted or literal scalar; anything else is escaped. */
const PRINTABLE = /^[\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]$/;
/**
 * Plain: starts with a letter, digit, `_` or `/`, then holds no colon, `#`, quote, bracket, brace
 * or backslash: nothing that could end the scalar, start a comment or a mapping, or need escaping.
 */
const PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9_/ .,()=+*@'!$%&;<>?^|~-]*$/;
const SPECIAL_WORD = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;
/**
 * Anything YAML 1.1 or 1.2 might read as a number, a time or a date (broadly: "1.2.3" is quoted too).
 * `e0`, `E+5`: the `yaml` library's 1.1 float needs no digit before the exponent.
 */
const NUMBER_LIKE = /^[-+]?(?:0[box][0-9a-fA-F_]+|\.?[0-9][0-9_.eE+-]*)$|^\d{4}-\d\d?-\d\d?|^[eE][-+]?[0-9]+$/;

const plainCache = new Map<string, string>();
const keyCache = new Map<string, string>();

function plainSafe(s: string): boolean {
  return PLAIN.test(s) && !s.endsWith(" ") && !SPECIAL_WORD.test(s) && !NUMBER_LIKE.test(s);
}

function quoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (ch.length === 2 || PRINTABLE.test(ch)) out += ch; // a surrogate pair: one printable character
    else out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
  return out + '"';
}

/** A literal block (`|`, `|-`) when every line is printable and nothing depends on whitespace at the edges. */
function literal(s: string, indent: string): string | undefined {
  const body = s.endsWith("\n") ? s.slice(0, -1) : s;
  if (body === "" || body.startsWith(" ") || body.startsWith("\n") || body.endsWith("\n")) return undefined;
  const lines = body.split("\n");
  for (const line of lines) {
    if (line !== line.trimEnd()) return undefined;
    for (const ch of line) if (ch.length === 1 && !PRINTABLE.test(ch)) return undefined;
  }
  return (s.endsWith("\n") ? "|" : "|-") + lines.map((l) => (l ? `\n${indent}${l}` : "\n")).join("");
}

function scalarString(s: string, indent: string): string {
  const hit = plainCache.get(s);
  if (hit !== undefined) return hit;
  // A literal block depends on the indentation: never cached.
  if (s.includes("\n")) {
    const block = literal(s, indent);
    if (block) return block;
  }
  const out = plainSafe(s) ? s : quoted(s);
  if (plainCache.size < 50_000) plainCache.set(s, out);
  return out;
}

function scalar(v: unknown, indent: string): string {
  if (typeof v === "string") return scalarString(v, indent);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return Number.isNaN(v) ? ".nan" : v > 0 ? ".inf" : "-.inf";
    return Object.is(v, -0) ? "-0.0" : String(v);
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v === null) return "null";
  throw new TypeError(`cannot write ${typeof v} as YAML`);
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function nonEmptyMap(v: unknown): v is Record<string, unknown> {
  if (!isMap(v)) return false;
  for (const k in v) if (v[k] !== undefined) return true;
  return false;
}

/** The text written so far: one string grown by concatenation (V8 ropes) beats an array join here. */
let out = "";

function mapBody(o: Record<string, unknown>, indent: string, first: boolean): void {
  let atStart = first;
  for (const k in o) {
    const v = o[k];
    if (v === undefined) continue;
    // Keys are ours (field names, label keys), never request text; YAML caps implicit keys at 1,024.
    if (k.length > 1000) throw new TypeError("a key longer than 1,000 characters cannot be written");
    out += atStart ? "" : indent;
    atStart = false;
    let key = keyCache.get(k);
    if (key === undefined) keyCache.set(k, (key = (plainSafe(k) ? k : quoted(k)) + ":"));
    out += key;
    value(v, indent);
  }
}

function seqBody(a: readonly unknown[], indent: string, first: boolean): void {
  for (let i = 0; i < a.length; i++) {
    if (!first || i > 0) out += indent;
    const v = a[i] === undefined ? null : a[i];
    if (Array.isArray(v) && v.length) {
      out += "- ";
      seqBody(v, indent + "  ", true);
    } else if (nonEmptyMap(v)) {
      out += "- ";
      mapBody(v, indent + "  ", true);
    } else {
      out += "-";
      inline(v, indent + "  ");
    }
  }
}

/** ` value\n` for a scalar or an empty collection, after `key:` or `-`. */
function inline(v: unknown, indent: string): void {
  out += Array.isArray(v) ? " []\n" : isMap(v) ? " {}\n" : " " + scalar(v, indent) + "\n";
}

/** What follows `key:`. */
function value(v: unknown, indent: string): void {
  if (Array.isArray(v) && v.length) {
    out += "\n";
    seqBody(v, indent + "  ", false);
  } else if (nonEmptyMap(v)) {
    out += "\n";
    mapBody(v, indent + "  ", false);
  } else inline(v, indent + "  ");
}

/** One YAML document (without `---`) for a JSON-shaped value. */
export function emitYaml(v: unknown): string {
  out = "";
  try {
    if (Array.isArray(v) && v.length) seqBody(v, "", false);
    else if (nonEmptyMap(v)) mapBody(v, "", false);
    else {
      inline(v, "");
      out = out.slice(1);
    }
    return out;
  } finally {
    out = "";
  }
}
