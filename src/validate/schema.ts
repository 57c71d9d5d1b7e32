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
      return { id: `Kolom \`${f}\` tidak dikenal; periksa ejaannya.`, en: `Unknown field \`${f}\`; check its spelling.` };
    }
    case "type":
      return { id: `\`${field}\` harus bertipe ${String(params.type)}${about}.`, en: `\`${field}\` must be of type ${String(params.type)}.` };
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
    case "discriminator":
      return { id: `Jenis rekaman \`${field}.type\` tidak dikenal; pilih A, AAAA, CNAME, TXT, MX, CAA atau SRV.`, en: `Unknown record type at \`${field}.type\`; use A, AAAA, CNAME, TXT, MX, CAA or SRV.` };
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
  const validate = validators()[kind];
  if (validate(loaded.value)) return [];
  const errors = validate.errors ?? [];
  // A failed oneOf/if reports the same spot several times; keep the first of each.
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    if (e.keyword === "oneOf" || e.keyword === "anyOf" || e.keyword === "if") continue;
    const onKey = e.keyword === "additionalProperties";
    const ptr = onKey ? `${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)}` : e.instancePath;
    const message = describe(e);
    const key = `${ptr}|${e.keyword}|${message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic(loaded.file, locate(loaded.positions, ptr, onKey), ruleFor(e), "error", message));
  }
  return out;
}
