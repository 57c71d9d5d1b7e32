// Checks a parsed file against the committed JSON Schema (schemas/*.json) with ajv, and turns
// ajv's errors into diagnostics with positions and a message in both languages.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import requestSchema from "../../schemas/request.schema.json" with { type: "json" };
import governanceSchema from "../../schemas/governance.schema.json" with { type: "json" };
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { locate, type Loaded } from "../load/parse.ts";

export type SchemaKind = "request" | "governance";

let compiled: Record<SchemaKind, ValidateFunction> | undefined;
function validators(): Record<SchemaKind, ValidateFunction> {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, discriminator: true, verbose: true, strict: true, strictTypes: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    compiled = { request: ajv.compile(requestSchema), governance: ajv.compile(governanceSchema) };
  }
  return compiled;
}

/** `/contacts/technical/email` -> `contacts.technical.email`; array indices as [n]. */
export function fieldName(ptr: string): string {
  if (!ptr) return "(akar)";
  return ptr
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${Number(s) + 1}]` : acc ? `${acc}.${s}` : s), "");
}

/** Rule ids for schema failures whose meaning is more specific than the keyword. */
function ruleFor(e: ErrorObject): string {
  const p = e.instancePath;
  if ((e.keyword === "pattern" || e.keyword === "format") && /^\/contacts\/[^/]+\/nip$/.test(p)) return "contact.nip";
  if ((e.keyword === "pattern" || e.keyword === "format") && /^\/contacts\/[^/]+\/github$/.test(p)) return "contact.github";
  if ((e.keyword === "minProperties" || e.keyword === "maxProperties") && p === "/target") return "target.exactly-one";
  if (e.keyword === "discriminator") return "record.type";
  if (e.keyword === "additionalProperties") return "schema.unknown-field";
  if (e.keyword === "required") return "schema.required";
  if (e.keyword === "type") return "schema.type";
  if (e.keyword === "enum" || e.keyword === "const") return "schema.enum";
  if (e.keyword === "pattern" || e.keyword === "format") return "schema.format";
  return "schema.range";
}

/** Type names as a user reads them, with the usual fix for what YAML made of the value. */
const TYPE_WORDS: Record<string, { id: string; en: string; fixId: string; fixEn: string }> = {
  string: { id: "teks", en: "text", fixId: " Tulis di antara tanda kutip, misalnya \"0812 3456 7890\".", fixEn: ' Put it in quotes, e.g. "0812 3456 7890".' },
  integer: { id: "bilangan bulat", en: "a whole number", fixId: " Tulis angka tanpa tanda kutip.", fixEn: " Write the number without quotes." },
  number: { id: "angka", en: "a number", fixId: " Tulis angka tanpa tanda kutip.", fixEn: " Write the number without quotes." },
  boolean: { id: "true atau false", en: "true or false", fixId: "", fixEn: "" },
  array: { id: "daftar", en: "a list", fixId: " Tulis dalam kurung siku, misalnya [103.28.12.10], atau sebagai baris berawalan \"- \".", fixEn: ' Write it in square brackets, e.g. [103.28.12.10], or as lines starting with "- ".' },
  object: { id: "kumpulan kolom (pemetaan)", en: "a set of fields (a mapping)", fixId: " Tulis kolom-kolomnya menjorok di bawahnya.", fixEn: " Write its fields indented below it." },
};

/** The known name nearest to a misspelt one (edit distance at most 2), if any. */
function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/** Levenshtein distance, with transpositions counted as one edit ("lable" -> "label"). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

function describe(e: ErrorObject): { id: string; en: string } {
  const field = fieldName(e.instancePath);
  const hint = (e.parentSchema as { description?: string } | undefined)?.description;
  const about = hint ? ` (${hint})` : "";
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required": {
      const f = fieldName(`${e.instancePath}/${String(params.missingProperty)}`);
      return { id: `Kolom wajib \`${f}\` belum diisi.`, en: `Required field \`${f}\` is missing.` };
    }
    case "additionalProperties": {
      const f = fieldName(`${e.instancePath}/${String(params.additionalProperty)}`);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closest(String(params.additionalProperty), known);
      const hintId = guess ? ` Maksud Anda \`${guess}\`?` : known.length ? ` Kolom yang dikenal di sini: ${known.join(", ")}.` : "";
      const hintEn = guess ? ` Did you mean \`${guess}\`?` : known.length ? ` Known fields here: ${known.join(", ")}.` : "";
      return { id: `Kolom \`${f}\` tidak dikenal; periksa ejaannya.${hintId}`, en: `Unknown field \`${f}\`; check its spelling.${hintEn}` };
    }
    case "type": {
      const t = TYPE_WORDS[String(params.type)] ?? { id: String(params.type), en: String(params.type), fixId: "", fixEn: "" };
      return { id: `\`${field}\` harus berupa ${t.id}${about}.${t.fixId}`, en: `\`${field}\` must be ${t.en}.${t.fixEn}` };
    }
    case "const":
      return { id: `\`${field}\` harus bernilai ${JSON.stringify(params.allowedValue)}.`, en: `\`${field}\` must be ${JSON.stringify(params.allowedValue)}.` };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
      return { id: `\`${field}\` harus salah satu dari: ${allowed}.`, en: `\`${field}\` must be one of: ${allowed}.` };
    }
    case "pattern":
    case "format":
      return { id: `Format \`${field}\` tidak sah${about}.`, en: `\`${field}\` is not in the expected format${hint ? ` (${hint})` : ""}.` };
    case "minProperties":
    case "maxProperties":
      if (e.instancePath === "/target")
        return { id: "`target` harus berisi tepat satu dari: server, alias, hosting.", en: "`target` must hold exactly one of: server, alias, hosting." };
      return { id: `\`${field}\` harus berisi paling sedikit ${String(params.limit)} kolom.`, en: `\`${field}\` must hold at least ${String(params.limit)} fields.` };
    case "discriminator": {
      const written = (e.data as { type?: unknown } | undefined)?.type;
      const upper = typeof written === "string" && ["A", "AAAA", "CNAME", "TXT", "MX", "CAA", "SRV"].includes(written.toUpperCase()) ? written.toUpperCase() : undefined;
      const fix = upper ? { id: ` Tulis dengan huruf besar: ${upper}.`, en: ` Write it in capitals: ${upper}.` } : { id: "", en: "" };
      return {
        id: `Jenis rekaman \`${field}.type\` tidak dikenal; pilih A, AAAA, CNAME, TXT, MX, CAA atau SRV.${fix.id}`,
        en: `Unknown record type at \`${field}.type\`; use A, AAAA, CNAME, TXT, MX, CAA or SRV.${fix.en}`,
      };
    }
    case "minItems":
      return { id: `\`${field}\` harus berisi paling sedikit ${String(params.limit)} butir.`, en: `\`${field}\` must hold at least ${String(params.limit)} items.` };
    case "maxItems":
      return { id: `\`${field}\` berisi paling banyak ${String(params.limit)} butir.`, en: `\`${field}\` holds at most ${String(params.limit)} items.` };
    case "minLength":
      return { id: `\`${field}\` terlalu pendek (paling sedikit ${String(params.limit)} karakter).`, en: `\`${field}\` is too short (at least ${String(params.limit)} characters).` };
    case "maxLength":
      return { id: `\`${field}\` terlalu panjang (paling banyak ${String(params.limit)} karakter).`, en: `\`${field}\` is too long (at most ${String(params.limit)} characters).` };
    case "minimum":
    case "maximum": {
      const cmp = e.keyword === "minimum" ? ["paling kecil", "at least"] : ["paling besar", "at most"];
      return { id: `\`${field}\` harus ${cmp[0]} ${String(params.limit)}.`, en: `\`${field}\` must be ${cmp[1]} ${String(params.limit)}.` };
    }
    default:
      return { id: `\`${field}\` tidak sah: ${e.message ?? e.keyword}.`, en: `\`${field}\` is invalid: ${e.message ?? e.keyword}.` };
  }
}

/** Diagnostics for a loaded file against one schema; empty when it conforms. */
export function checkSchema(loaded: Loaded, kind: SchemaKind): Diagnostic[] {
  return schemaFindings(loaded, kind).diagnostics;
}

/** `*` in `broken`: the document as a whole is not of the expected shape. */
export const WHOLE = "*";

/**
 * The schema's diagnostics, and the top-level fields they concern (`broken`), so that rules
 * reading only sound fields can still run on a file that fails the schema elsewhere.
 */
export function schemaFindings(loaded: Loaded, kind: SchemaKind): { diagnostics: Diagnostic[]; broken: Set<string> } {
  const validate = validators()[kind];
  const broken = new Set<string>();
  if (validate(loaded.value)) return { diagnostics: [], broken };
  const errors = validate.errors ?? [];
  for (const e of errors) {
    const top = e.instancePath.split("/")[1];
    if (top !== undefined) broken.add(top.replace(/~1/g, "/").replace(/~0/g, "~"));
    else if (e.keyword === "required") broken.add(String((e.params as { missingProperty: string }).missingProperty));
    else if (e.keyword !== "additionalProperties") broken.add(WHOLE);
  }
  // A failed oneOf/if reports the same spot several times; keep the first of each.
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    if (e.keyword === "oneOf" || e.keyword === "anyOf" || e.keyword === "if") continue;
    const onKey = e.keyword === "additionalProperties";
    const ptr = onKey ? `${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)}` : e.instancePath;
    const message = describe(e);
    // pattern and format may both fail on one value with the same message: say it once.
    const key = `${ptr}|${message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic(loaded.file, locate(loaded.positions, ptr, onKey), ruleFor(e), "error", message));
  }
  return { diagnostics: out, broken };
}
