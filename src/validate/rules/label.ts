// Label syntax (RFC 1035 letters-digits-hyphens, RFC 5891 for internationalised labels) of the
// subdomain and of every extra record name. Node's WHATWG `domainToASCII` (UTS #46) is the IDN
// authority; the `punycode` package gives the stored form, and the two must agree.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { domainToASCII, domainToUnicode } from "node:url";
import { asciiLabel } from "../../model/names.ts";
import { zoneFor } from "../request-names.ts";
import type { Message } from "../../diagnostics/diagnostic.ts";
import { report, type FileRule, type RequestFile } from "../rule.ts";

const LDH = /^[a-z0-9-]+$/;
const ASCII = /^[\x00-\x7f]*$/;

/** `bücher (xn--bcher-kva)` for a Unicode label, the label itself otherwise. */
export function showLabel(label: string): string {
  try {
    if (!ASCII.test(label)) return `${label} (${asciiLabel(label)})`;
    if (label.startsWith("xn--")) {
      const u = domainToUnicode(label);
      if (u && u !== label) return `${label} (${u})`;
    }
  } catch {
    /* shown as written */
  }
  return label;
}

/** What is wrong with one ASCII label, or undefined. `underscore`: record names may use _service labels. */
export function labelProblem(label: string, underscore = false): Message | undefined {
  if (label.length === 0) return { id: "ada bagian nama yang kosong (dua titik berurutan atau titik di ujung)", en: "a part of the name is empty (two dots in a row, or a dot at either end)" };
  if (label.length > 63) return { id: `panjangnya ${label.length} karakter, paling banyak 63`, en: `it is ${label.length} characters long, at most 63` };
  const body = underscore && label.startsWith("_") ? label.slice(1) : label;
  const lower = body.toLowerCase();
  if (!LDH.test(lower) || lower.length === 0) {
    const hint = suggestion(label, underscore);
    return {
      id: `hanya huruf kecil a-z, angka 0-9 dan tanda hubung (-) yang boleh dipakai; spasi, garis bawah, titik dan tanda baca lain tidak boleh${hint ? `; misalnya \`${hint}\`` : ""}`,
      en: `only lowercase letters a-z, digits 0-9 and hyphens (-) are allowed; no spaces, underscores, dots or other punctuation${hint ? `; for example \`${hint}\`` : ""}`,
    };
  }
  if (label !== label.toLowerCase()) return { id: `gunakan huruf kecil: \`${label.toLowerCase()}\``, en: `use lowercase letters: \`${label.toLowerCase()}\`` };
  if (body.startsWith("-") || body.endsWith("-")) return { id: "tidak boleh diawali atau diakhiri tanda hubung (-)", en: "it must not start or end with a hyphen (-)" };
  if (body.slice(2, 4) === "--" && !body.startsWith("xn--"))
    return { id: "tanda hubung ganda (--) di posisi 3-4 hanya untuk nama internasional (xn--)", en: "a double hyphen (--) in positions 3-4 is reserved for internationalised names (xn--)" };
  return undefined;
}

/** A valid label close to what was written (`Gizi_Anak` -> `gizi-anak`), if one is obvious. */
function suggestion(label: string, underscore: boolean): string | undefined {
  const prefix = underscore && label.startsWith("_") ? "_" : "";
  const body = (prefix ? label.slice(1) : label).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return body && body.length <= 63 && ASCII.test(label) ? prefix + body : undefined;
}

/** Whether an IDN label converts cleanly; undefined for plain ASCII labels. */
export function idnProblem(label: string): Message | undefined {
  const unicode = !ASCII.test(label);
  if (!unicode && !label.toLowerCase().startsWith("xn--")) return undefined;
  let ascii = "";
  try {
    ascii = domainToASCII(label);
    if (ascii && unicode && ascii !== asciiLabel(label)) ascii = "";
  } catch {
    ascii = "";
  }
  if (unicode) {
    if (!ascii || ascii.includes("."))
      return { id: `\`${label}\` tidak dapat diubah menjadi nama domain internasional (IDN) yang sah`, en: `\`${label}\` cannot be converted to a valid internationalised domain name (IDN)` };
    return undefined;
  }
  const back = ascii ? domainToUnicode(ascii) : "";
  if (!ascii || !back || back === ascii || domainToASCII(back) !== label.toLowerCase())
    return {
      id: `\`${label}\` diawali xn-- tetapi bukan punycode yang sah; tulis nama dalam huruf aslinya (misalnya bücher) dan biarkan sistem mengubahnya`,
      en: `\`${label}\` starts with xn-- but is not valid punycode; write the name in its own letters (e.g. bücher) and let the tool convert it`,
    };
  return undefined;
}

/**
 * Label and record names of a request with their pointers; computed once per request for both
 * label rules, which run one after the other (only the last request's are kept, see address.ts).
 */
let namesOf: object | undefined;
let lastNames: { text: string; ptr: string; record: boolean }[] = [];
function names(req: RequestFile): { text: string; ptr: string; record: boolean }[] {
  if (namesOf === req.request) return lastNames;
  const out = [{ text: req.request.label, ptr: "/label", record: false }];
  const records = req.request.records ?? [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.name !== undefined && r.name !== "@") out.push({ text: r.name, ptr: `/records/${i}/name`, record: true });
  }
  namesOf = req.request;
  lastNames = out;
  return out;
}

/**
 * A name every part check of both label rules accepts: a label of 1-63 lowercase LDH characters
 * without dots, or a record name of such parts (each may start with `_`), no hyphen at either end
 * of a part, no `--` anywhere (IDN and positions 3-4). The usual label and record name; anything
 * else takes the full path.
 */
const PLAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RECORD_PART = "(?:_[a-z0-9](?:[a-z0-9-]{0,60}[a-z0-9])?|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)";
const PLAIN_RECORD_NAME = new RegExp(`^${RECORD_PART}(?:\\.${RECORD_PART})*$`);
export const plainName = (text: string, record: boolean) => (record ? PLAIN_RECORD_NAME : PLAIN_LABEL).test(text) && !text.includes("--");

export const labelSyntax: FileRule = {
  id: "label.syntax",
  scope: "file",
  reads: ["label", "zone", "records"],
  severity: "error",
  summary: {
    id: "Label dan nama rekaman: huruf kecil, angka, tanda hubung, 1-63 karakter, tanpa tanda hubung di ujung",
    en: "Labels and record names: lowercase letters, digits, hyphens, 1-63 characters, no hyphen at either end",
  },
  check(req, ctx) {
    const out: Diagnostic[] = [];
    const zoneName = (zoneFor(req.request, ctx.governance)?.name ?? "").toLowerCase();
    const zone = zoneFor(req.request, ctx.governance)?.name ?? req.request.zone ?? "";
    const all = names(req);
    for (let k = 0; k < all.length; k++) {
      const n = all[k]!; // an index loop: see checkRequest in validate.ts
      if (!plainName(n.text, n.record)) {
        if (partsProblem(this, req, n, zoneName, out)) continue;
      }
      // The length first: the full name is written out only when it is too long.
      const length = (n.record ? n.text.length + 1 : 0) + req.request.label.length + 1 + zone.length;
      if (!zone || length <= 253) continue;
      const full = `${n.record ? n.text + "." : ""}${req.request.label}.${zone}`;
      out.push(
        report(this, req, n.ptr, {
          id: `Nama lengkap \`${full}\` terlalu panjang (${full.length} karakter, paling banyak 253).`,
          en: `The full name \`${full}\` is too long (${full.length} characters, at most 253).`,
        }),
      );
    }
    return out;
  },
};

/**
 * label.syntax's findings on the parts of a name that is not plain; true when it said something
 * of the name as a whole (the zone written in, a dot in a label), which ends its checks.
 */
function partsProblem(rule: FileRule, req: RequestFile, n: { text: string; ptr: string; record: boolean }, zoneName: string, out: Diagnostic[]): boolean {
  if (!n.record && zoneName && n.text.toLowerCase().endsWith(`.${zoneName}`) && !n.text.slice(0, -zoneName.length - 1).includes(".")) {
    // The full address typed where only its first part belongs.
    const first = n.text.slice(0, -zoneName.length - 1);
    out.push(
      report(rule, req, n.ptr, {
        id: `Label \`${n.text}\` memuat nama zona. Hapus \`.${zoneName}\`: tulis \`${first}\` (alamat lengkapnya tetap ${first}.${zoneName}).`,
        en: `Label \`${n.text}\` includes the zone. Remove \`.${zoneName}\`: write \`${first}\` (the full address stays ${first}.${zoneName}).`,
      }),
    );
    return true;
  }
  if (!n.record && n.text.includes(".")) {
    out.push(
      report(rule, req, n.ptr, {
        id: `Label \`${n.text}\` berisi titik; label adalah satu nama saja (misalnya \`sehat\`). Nama di bawahnya ditulis sebagai rekaman tambahan (records).`,
        en: `Label \`${n.text}\` contains a dot; a label is a single name (e.g. \`sehat\`). Names below it go in extra records (records).`,
      }),
    );
    return true;
  }
  const parts = n.text.split(".");
  for (const part of parts) {
    if (idnProblem(part)) continue; // label.idn says it better
    let ascii: string;
    try {
      ascii = ASCII.test(part) ? part : asciiLabel(part);
    } catch {
      continue;
    }
    const p = labelProblem(ascii, n.record);
    if (p) {
      const what = n.record ? `Nama rekaman \`${n.text}\`` : `Label \`${showLabel(n.text)}\``;
      const whatEn = n.record ? `Record name \`${n.text}\`` : `Label \`${showLabel(n.text)}\``;
      out.push(report(rule, req, n.ptr, { id: `${what} tidak sah: ${p.id}.`, en: `${whatEn} is invalid: ${p.en}.` }));
      break;
    }
  }
  return false;
}

export const labelIdn: FileRule = {
  id: "label.idn",
  scope: "file",
  reads: ["label", "zone", "records"],
  severity: "error",
  summary: {
    id: "Nama internasional (huruf non-Latin atau xn--) harus dapat diubah ke punycode dan kembali",
    en: "Internationalised names (non-Latin letters or xn--) must convert to punycode and back",
  },
  check(req) {
    const out: Diagnostic[] = [];
    const all = names(req);
    for (let k = 0; k < all.length; k++) {
      const n = all[k]!;
      if (plainName(n.text, n.record)) continue; // no part is an IDN
      for (const part of n.text.split(".")) {
        const p = idnProblem(part);
        if (p) {
          out.push(report(this, req, n.ptr, { id: `${p.id}.`, en: `${p.en}.` }));
          break;
        }
      }
    }
    return out;
  },
};
