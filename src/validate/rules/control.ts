// Control characters (C0, DEL and C1, NUL included) have no place in a request: they are how text
// forges terminal escapes, log commands, extra mail headers or hidden text. Line feeds are allowed
// only in the two free-text fields that the form fills from a text area.
import type { Diagnostic, Message } from "../../diagnostics/diagnostic.ts";
import type { Request } from "../../model/request.ts";
import { report, type FileRule } from "../rule.ts";

const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
const CONTROL_OR_LF = /[\x00-\x1f\x7f-\x9f]/;
/** Pointers of the fields that may hold several lines. */
const MULTILINE = new Set(["/purpose", "/decommission/reason"]);
const TXT_VALUE = /^\/records\/\d+\/values\/\d+$/;
const NAMES: Record<number, string> = { 0: "NUL", 9: "TAB", 10: "LF", 13: "CR", 27: "ESC", 127: "DEL", 0x85: "NEL", 0x9b: "CSI" };

/** `U+001B (ESC)`: a control character named, never written. */
export function controlName(c: string): string {
  const n = c.codePointAt(0)!;
  return `U+${n.toString(16).toUpperCase().padStart(4, "0")}${NAMES[n] ? ` (${NAMES[n]})` : ""}`;
}

/** Where a string holds a control character, the message for it; undefined when clean. */
export function controlProblem(field: string, text: string, lineFeeds = false): Message | undefined {
  const m = (lineFeeds ? CONTROL : CONTROL_OR_LF).exec(text);
  if (!m) return undefined;
  const what = controlName(m[0]);
  const at = [...text.slice(0, m.index)].length + 1;
  return {
    id: `\`${field}\` berisi karakter kendali ${what} pada karakter ke-${at}; hapus karakter itu (biasanya terbawa saat menyalin dari dokumen lain) dan tulis teks biasa saja.`,
    en: `\`${field}\` holds the control character ${what} at character ${at}; remove it (it usually comes along when copying from another document) and write plain text only.`,
  };
}

/** Every string in a parsed YAML value with its JSON pointer. */
export function* strings(value: unknown, ptr = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [ptr, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], `${ptr}/${i}`);
  else if (value !== null && typeof value === "object") for (const k of Object.keys(value)) yield* strings((value as Record<string, unknown>)[k], `${ptr}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
}

/**
 * Whether any string in a value holds a control character or a line feed: the usual answer, no,
 * without building a pointer per string. Object.values gives exactly the own enumerable values
 * `strings` walks, in one native call rather than a `for...in` with an own-property test per key;
 * strings are tested in the loop, without a call each.
 */
function anyControl(value: unknown): boolean {
  if (typeof value === "string") return CONTROL_OR_LF.test(value);
  if (typeof value !== "object" || value === null) return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (typeof v === "string" ? CONTROL_OR_LF.test(v) : typeof v === "object" && v !== null && anyControl(v)) return true;
  }
  return false;
}

const FIELDS: (keyof Request)[] = ["label", "opd", "zone", "purpose", "letter", "recommendation", "contacts", "target", "ttl", "proxied", "records", "reviewBy", "decommission"];

export const textControl: FileRule = {
  id: "text.control",
  scope: "file",
  reads: FIELDS,
  severity: "error",
  summary: { id: "Tidak ada karakter kendali (C0, C1, NUL) dalam teks; baris baru hanya di `purpose` dan `decommission.reason`", en: "No control characters (C0, C1, NUL) in any text; line breaks only in `purpose` and `decommission.reason`" },
  check(req) {
    const out: Diagnostic[] = [];
    if (!anyControl(req.request)) return out;
    for (const [ptr, text] of strings(req.request)) {
      if (TXT_VALUE.test(ptr) && (req.request.records?.[Number(ptr.split("/")[2])] as { type?: unknown } | undefined)?.type === "TXT") continue; // txt.length says it for TXT
      const p = controlProblem(ptr.slice(1).replace(/\//g, "."), text, MULTILINE.has(ptr));
      if (p) out.push(report(this, req, ptr, p));
    }
    return out;
  },
};
