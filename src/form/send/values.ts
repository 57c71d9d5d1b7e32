// The web form's values, keyed by the issue form's field ids (src/forms/fields.ts: one vocabulary
// for the page's inputs, the issue form and the intake). Pure and free of Node APIs: it runs in
// the page's bundle as well as in Node.
import { stringify } from "yaml";
import type { Governance } from "../../model/governance.ts";
import { CHECKBOX_OPTION, dropdownOptions, fieldsOf, formFields, TARGET_KINDS, type FormKind } from "../../forms/fields.ts";
import type { ParsedIssue } from "../../forms/parse.ts";

/**
 * Field id -> value. Text fields hold the text as typed. A dropdown holds its option's text as the
 * issue form lists it, or for short the OPD code (`dinkes`), the target kind key (`server`, `alias`,
 * `hosting`) or the zone name. A checkbox field holds `true` or "true" (its one option ticked) or
 * the ticked option labels.
 */
export type FormValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** The dropdown option a value stands for, or the value itself when it names none (the builder then says so). */
export function dropdownChoice(id: string, value: string, governance: Pick<Governance, "opds" | "zones">): string {
  const options = dropdownOptions(id, governance) ?? [];
  const v = value.trim();
  if (options.includes(v)) return v;
  if (id === "opd") return options.find((o) => o.startsWith(`${v} — `)) ?? v;
  if (id === "target-kind" && v in TARGET_KINDS) return TARGET_KINDS[v as keyof typeof TARGET_KINDS];
  return v;
}

/** The option labels ticked in a checkbox field. */
export function tickedOf(id: string, value: FormValues[string]): string[] {
  // The page's checkbox holds "true" when ticked (an HTML checkbox's value).
  if (value === true || value === "true") return CHECKBOX_OPTION[id] ? [CHECKBOX_OPTION[id]] : [];
  return Array.isArray(value) ? [...(value as readonly string[])] : [];
}

/**
 * The values as the intake reads them from an issue (what parseIssueBody returns): text trimmed,
 * empty fields absent, dropdowns as their option text. Only the fields this form shows count.
 */
export function typedValues(kind: FormKind, values: FormValues, governance: Pick<Governance, "opds" | "zones">): ParsedIssue {
  const out: ParsedIssue = { values: {}, checked: {}, unknown: [] };
  for (const f of formFields(kind, governance)) {
    const raw = values[f.id];
    if (f.kind === "checkboxes") {
      const ticked = tickedOf(f.id, raw);
      if (ticked.length) out.checked[f.id] = ticked;
      continue;
    }
    if (typeof raw !== "string") continue;
    // Line breaks as a browser's textarea gives them, and as the intake's reader sees them: LF.
    const text = f.kind === "dropdown" ? dropdownChoice(f.id, raw, governance) : raw.replace(/\r\n?/g, "\n").trim();
    if (text !== "") out.values[f.id] = text;
  }
  return out;
}

function at(obj: unknown, path: readonly string[]): unknown {
  let node = obj;
  for (const key of path) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/**
 * The form values that describe an existing request: what the page fills in for a change, and the
 * inverse of the intake's builder for every field the form knows (lists joined by ", ", extra
 * records as YAML, the target kind as its option text).
 */
export function valuesOf(request: unknown, governance: Pick<Governance, "opds" | "zones">, kind: FormKind = "baru"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fieldsOf(kind)) {
    if (f.id === "target-kind") {
      const target = at(request, ["target"]);
      const key = target && typeof target === "object" ? Object.keys(target)[0] : undefined;
      if (key && key in TARGET_KINDS) out[f.id] = TARGET_KINDS[key as keyof typeof TARGET_KINDS];
      continue;
    }
    if (!f.path || f.kind === "checkboxes") continue;
    const v = at(request, f.path);
    if (v === undefined || v === null) continue;
    if (f.id === "records") out[f.id] = stringify(v, { lineWidth: 0 }).trimEnd();
    else if (f.kind === "dropdown") out[f.id] = dropdownChoice(f.id, String(v), governance);
    else if (Array.isArray(v)) out[f.id] = v.map(String).join(", ");
    else if (typeof v !== "object") out[f.id] = String(v);
  }
  return out;
}
