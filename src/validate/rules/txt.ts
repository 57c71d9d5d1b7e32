// TXT values. Decision: a DNS character-string holds at most 255 bytes, but one TXT value may be
// longer (DKIM keys are ~400 bytes); renderers split a longer value into 255-byte chunks (RFC 7208
// §3.3 joins them back), as Cloudflare does by itself. So the rule refuses only what cannot be
// rendered faithfully: a value over 2048 bytes in total, and anything but printable ASCII
// (control characters, tabs, non-ASCII letters, whose bytes would split mid-character).
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { report, type FileRule } from "../rule.ts";

export const TXT_MAX_BYTES = 2048;
export const TXT_CHUNK_BYTES = 255;
const PRINTABLE = /^[\x20-\x7e]*$/;

export const txtLength: FileRule = {
  id: "txt.length",
  scope: "file",
  reads: ["records"],
  severity: "error",
  summary: {
    id: `Nilai TXT berupa ASCII tercetak, paling banyak ${TXT_MAX_BYTES} bita (dipecah otomatis per ${TXT_CHUNK_BYTES} bita)`,
    en: `TXT values are printable ASCII, at most ${TXT_MAX_BYTES} bytes (split automatically every ${TXT_CHUNK_BYTES} bytes)`,
  },
  check(req) {
    const out: Diagnostic[] = [];
    // Index loops, and a pointer only for a finding: this runs on every file, mostly finding nothing.
    const records = req.request.records ?? [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      if (r.type !== "TXT") continue;
      for (let j = 0; j < r.values.length; j++) {
        const v = r.values[j]!;
        if (!PRINTABLE.test(v)) {
          const bad = [...v].find((c) => !PRINTABLE.test(c))!;
          const code = `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
          out.push(
            report(this, req, `/records/${i}/values/${j}`, {
              id: `Nilai TXT berisi karakter ${code} yang bukan ASCII tercetak; pakai huruf, angka dan tanda baca biasa saja.`,
              en: `The TXT value contains character ${code}, which is not printable ASCII; use plain letters, digits and punctuation only.`,
            }),
          );
        } else if (v.length > TXT_MAX_BYTES)
          out.push(
            report(this, req, `/records/${i}/values/${j}`, {
              id: `Nilai TXT ${v.length} bita, paling banyak ${TXT_MAX_BYTES}; periksa apakah nilainya tersalin dua kali.`,
              en: `The TXT value is ${v.length} bytes, at most ${TXT_MAX_BYTES}; check that it was not pasted twice.`,
            }),
          );
      }
    }
    return out;
  },
};

/** A TXT value as DNS character-strings of at most 255 bytes (values are ASCII, so bytes = chars). */
export function txtChunks(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i += TXT_CHUNK_BYTES) out.push(value.slice(i, i + TXT_CHUNK_BYTES));
  return out.length ? out : [""];
}
