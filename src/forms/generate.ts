// Generates the issue forms (.github/ISSUE_TEMPLATE/*.yml) from the request model's JSON Schema,
// the field table and governance. Pure: text in, text out; `npm run forms` writes the files and a
// test fails when the committed forms drift from this generator.
import { stringify } from "yaml";
import type { Governance } from "../model/governance.ts";
import { isRequired, removablePath, requestSchema, schemaAt, type Json } from "./required.ts";
import { FORM_LABELS, FORM_TITLES as TITLES, formFields, dropdownOptions, CHECKBOX_OPTION, IDENTITY, REMOVE_WORD, type Field, type FormKind } from "./fields.ts";


/** Guidance that depends on governance: where the signed scan goes, and hosting sizes. */
function governanceHint(f: Field, governance: Governance): string | undefined {
  const h = governance.hosting;
  if (f.id === "letter-scan" || f.id === "decommission-letter-scan") {
    const where = governance.forms?.scanUpload
      ? `Unggah pindaian PDF surat bertanda tangan dan bercap ke ${governance.forms.scanUpload}, lalu tempel tautannya di sini`
      : "Pindai surat bertanda tangan dan bercap menjadi satu PDF, simpan di tempat yang dapat dibuka petugas Diskominfo (misalnya folder bersama dinas), lalu tempel tautannya di sini";
    const poa = governance.forms?.powerOfAttorney && f.id === "letter-scan"
      ? ". Sertakan dalam PDF yang sama **surat kuasa** dari Kepala OPD yang menunjuk pengelola domain (pegawai yang mengurus subdomain atas nama OPD) beserta identitasnya (fotokopi KTP atau kartu pegawai)"
      : "";
    return `${where}, misalnya \`https://arsip.<zona>/surat/dinkes-2026-123.pdf\`${poa}.`;
  }
  if (f.id === "storage")
    return `Hanya untuk hosting. Ruang simpan untuk berkas situs dan basis data, ditulis angka dengan satuan \`Gi\` (gibibita, kira-kira 1,07 GB): \`10Gi\` berarti 10 GiB. Kosongkan untuk memakai bawaan \`${h.defaults.storage}\`; paling besar \`${h.limits.storage}\`. Hosting bawaan juga mendapat CPU \`${h.defaults.cpu}\` (\`500m\` = setengah inti prosesor) dan memori \`${h.defaults.memory}\`.`;
  return undefined;
}

/** A field's help text on the issue form (Markdown); the web form shows the same words. */
export function describe(f: Field, schema: Json, governance: Governance, kind: FormKind): string {
  // The hint speaks to people; the model's description (which speaks of the YAML) only stands in without one.
  const fromModel = f.path && f.kind !== "checkboxes" && !f.hint ? (schemaAt(schema, f.path).node?.description as string | undefined) : undefined;
  const parts = [fromModel, f.hint, governanceHint(f, governance)];
  if (kind === "ubah" && !IDENTITY.has(f.id) && f.kind !== "checkboxes")
    parts.push(f.path && removablePath(f.path, governance, schema) ? `Kosongkan bila tidak berubah; tulis \`${REMOVE_WORD}\` untuk menghapus nilai yang ada` : "Kosongkan bila tidak berubah");
  else if (kind === "baru" && f.kind !== "checkboxes" && !isRequired(f, governance, schema) && !f.path?.[0]?.startsWith("target")) parts.push("Boleh dikosongkan");
  // A single zone is shown by name; with several, <zona> stays the placeholder for the chosen one.
  const zone = governance.zones.length === 1 ? governance.zones[0]!.name : undefined;
  const text = parts.filter(Boolean).map((p) => p!.replace(/\.$/, "")).join(". ") + ".";
  return zone ? text.replaceAll("<zona>", zone) : text;
}

function formBody(kind: FormKind, governance: Governance, schema: Json): Json[] {
  const body: Json[] = [{ type: "markdown", attributes: { value: TITLES[kind].intro } }];
  for (const f of formFields(kind, governance)) {
    const attributes: Json = { label: f.label };
    const description = describe(f, schema, governance, kind);
    if (description) attributes.description = description;
    if (f.placeholder && f.kind !== "dropdown" && f.kind !== "checkboxes") attributes.placeholder = f.placeholder;
    const options = dropdownOptions(f.id, governance);
    if (options) attributes.options = options;
    if (CHECKBOX_OPTION[f.id]) attributes.options = [{ label: CHECKBOX_OPTION[f.id], required: false }];
    if (f.render) attributes.render = f.render;
    const item: Json = { type: f.kind, id: f.id, attributes };
    // The change form carries only what changes: nothing but the request's identity is required.
    if (f.kind !== "checkboxes") item.validations = { required: kind === "ubah" && !IDENTITY.has(f.id) ? false : isRequired(f, governance, schema) };
    body.push(item);
  }
  return body;
}

/** File name under .github/ISSUE_TEMPLATE -> text. */
export function renderForms(governance: Governance): Record<string, string> {
  const schema = requestSchema();
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
