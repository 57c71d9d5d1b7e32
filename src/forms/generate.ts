// Generates the issue forms (.github/ISSUE_TEMPLATE/*.yml) from the request model's JSON Schema,
// the field table and governance. Pure: text in, text out; `npm run forms` writes the files and a
// test fails when the committed forms drift from this generator.
import { stringify } from "yaml";
import type { Governance } from "../model/governance.ts";
import { renderSchemas } from "../model/json-schema.ts";
import { FORM_LABELS, fieldsOf, TARGET_KINDS, DELETE_DATA_OPTION, type Field, type FormKind } from "./fields.ts";

type Json = Record<string, unknown>;

const TITLES: Record<FormKind, { name: string; description: string; title: string; intro: string }> = {
  baru: {
    name: "Permohonan subdomain baru",
    description: "Mengajukan subdomain (dan bila perlu hosting) baru untuk OPD",
    title: "[Permohonan baru] ",
    intro: "Isi formulir ini untuk mengajukan subdomain baru. Setelah dikirim, sistem memeriksa isian dan membuat pull request berisi berkas permohonan; kekurangan akan disampaikan sebagai komentar di sini. Sunting isu ini untuk memperbaikinya.",
  },
  ubah: {
    name: "Perubahan subdomain",
    description: "Mengubah data atau sasaran subdomain yang sudah ada",
    title: "[Perubahan] ",
    intro: "Isi formulir ini dengan data lengkap subdomain sesudah perubahan: isian menggantikan berkas permohonan yang ada.",
  },
  hapus: {
    name: "Penghapusan subdomain",
    description: "Menghapus subdomain yang tidak dipakai lagi",
    title: "[Penghapusan] ",
    intro: "Isi formulir ini untuk menghapus subdomain. Data hosting hanya ikut dihapus bila dicentang, dan perubahan itu memerlukan persetujuan tambahan.",
  },
};

/** The node of the JSON Schema at a property path. */
function schemaAt(schema: Json, path: readonly string[]): { node?: Json; required: boolean } {
  let node: Json | undefined = schema;
  let required = true;
  for (const key of path) {
    const props = node?.properties as Record<string, Json> | undefined;
    required = required && ((node?.required as string[] | undefined)?.includes(key) ?? false);
    node = props?.[key];
    if (node?.type === "array" && path[path.length - 1] !== key) node = node.items as Json;
  }
  return { node, required };
}

function isRequired(f: Field, schema: Json, governance: Governance): boolean {
  if (f.required !== undefined) return f.required;
  if (!f.path) return false;
  const dotted = f.path.join(".");
  if (governance.requiredFields.some((r) => r === dotted || (r === "recommendation" && dotted === "recommendation.number"))) return true;
  // The removal form fills the optional decommission block, so requiredness starts inside it.
  if (f.path[0] === "decommission") return schemaAt((schema.properties as Record<string, Json>).decommission!, f.path.slice(1)).required;
  return schemaAt(schema, f.path).required;
}

function describe(f: Field, schema: Json): string {
  // A checkbox's model description speaks of the YAML value (`true: ...`); its hint speaks to people.
  const fromModel = f.path && f.kind !== "checkboxes" ? (schemaAt(schema, f.path).node?.description as string | undefined) : undefined;
  return [fromModel, f.hint].filter(Boolean).join(". ").replace(/\.\./g, ".");
}

function formBody(kind: FormKind, governance: Governance, schema: Json): Json[] {
  const body: Json[] = [{ type: "markdown", attributes: { value: TITLES[kind].intro } }];
  for (const f of fieldsOf(kind)) {
    if (f.id === "zone" && governance.zones.length < 2) continue;
    const attributes: Json = { label: f.label };
    const description = describe(f, schema);
    if (description) attributes.description = description;
    if (f.placeholder && f.kind !== "dropdown" && f.kind !== "checkboxes") attributes.placeholder = f.placeholder;
    if (f.id === "opd") attributes.options = [...governance.opds].sort((a, b) => a.code.localeCompare(b.code)).map((o) => `${o.code} — ${o.name}`);
    if (f.id === "zone") attributes.options = governance.zones.map((z) => z.name);
    if (f.id === "target-kind") attributes.options = Object.values(TARGET_KINDS);
    if (f.id === "delete-data") attributes.options = [{ label: DELETE_DATA_OPTION, required: false }];
    if (f.id === "records") attributes.render = "yaml";
    const item: Json = { type: f.kind, id: f.id, attributes };
    if (f.kind !== "checkboxes") item.validations = { required: isRequired(f, schema, governance) };
    body.push(item);
  }
  return body;
}

/** File name under .github/ISSUE_TEMPLATE -> text. */
export function renderForms(governance: Governance): Record<string, string> {
  const schema = JSON.parse(renderSchemas()["request.schema.json"]!) as Json;
  const header = "# Dibuat oleh `npm run forms` dari model permohonan dan governance.yaml; jangan disunting tangan.\n";
  const out: Record<string, string> = {};
  for (const kind of ["baru", "ubah", "hapus"] as const) {
    const t = TITLES[kind];
    const form = { name: t.name, description: t.description, title: t.title, labels: [FORM_LABELS[kind]], body: formBody(kind, governance, schema) };
    out[`${FORM_LABELS[kind]}.yml`] = header + stringify(form, { lineWidth: 0 });
  }
  out["config.yml"] = header + stringify({ blank_issues_enabled: false }, { lineWidth: 0 });
  return out;
}
