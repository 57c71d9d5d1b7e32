// Turns a parsed issue form into the text of a request file. Pure: the caller passes what the base
// branch holds (for changes and removals, the existing file). Form-level problems (no OPD, a file
// that already exists, unreadable YAML in the records field) are returned as problems naming the
// form field; everything about the request itself is left to the real validator (check.ts).
import { parse, stringify } from "yaml";
import type { Message } from "../diagnostics/diagnostic.ts";
import { parseYaml } from "../load/parse.ts";
import type { Governance } from "../model/governance.ts";
import { requestPath } from "../model/names.ts";
import { DELETE_DATA_OPTION, FIELDS, fieldsOf, IDENTITY, REMOVE_WORD, TARGET_KINDS, type FormKind } from "./fields.ts";
import { applyEdits, fieldChanges, REMOVE, type Edit, type EditValue, type FieldChange } from "./merge.ts";
import { removablePath } from "./required.ts";
import type { ParsedIssue } from "./parse.ts";

export interface FormProblem {
  /** The form field's label, or undefined for the form as a whole. */
  field?: string;
  message: Message;
}

export interface BuiltRequest {
  kind: FormKind;
  opd?: string;
  label?: string;
  /** requests/<opd>/<label>.yaml */
  path?: string;
  /** The request file's text; absent when the form is too incomplete to make one. */
  text?: string;
  problems: FormProblem[];
  /** For changes and removals: what differs from the existing file, field by field. */
  changes?: FieldChange[];
}

/** What the base branch holds, read by the caller. */
export interface BaseFiles {
  read(path: string): string | undefined;
}

const KEY_ORDER = ["label", "opd", "zone", "purpose", "letter", "recommendation", "contacts", "target", "ttl", "proxied", "records", "reviewBy", "decommission", "suspension"];
const labelOf = (id: string) => FIELDS.find((f) => f.id === id)!.label;

function setPath(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = obj;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

/** The modeline, then the issue the file came from; the web form, which has no issue yet, writes the modeline alone. */
export function fileHeader(issue: number | undefined): string {
  const modeline = "# yaml-language-server: $schema=../../schemas/request.schema.json\n";
  return issue === undefined ? modeline : `${modeline}# Dibuat dari formulir isu #${issue}; untuk mengubahnya, sunting isu tersebut.\n`;
}

/** `issue` is the issue the intake reads; undefined when the web form builds the file before any issue exists. */
export function buildRequest(kind: FormKind, parsed: ParsedIssue, governance: Governance, base: BaseFiles, issue: number | undefined): BuiltRequest {
  const out: BuiltRequest = { kind, problems: [] };
  const problem = (field: string | undefined, id: string, en: string) => out.problems.push({ ...(field ? { field } : {}), message: { id, en } });
  for (const h of parsed.unknown)
    problem(undefined, `Bagian "${h}" tidak dikenal; gunakan formulir tanpa mengubah judul bagiannya.`, `Unknown section "${h}"; use the form without changing its headings.`);

  const v = parsed.values;
  const opdText = v.opd;
  const opd = opdText?.split(" — ")[0]?.trim();
  if (!opd) problem(labelOf("opd"), "OPD pemohon belum dipilih.", "No applicant OPD was chosen.");
  else if (!governance.opds.some((o) => o.code === opd)) problem(labelOf("opd"), `OPD "${opd}" tidak terdaftar di governance.yaml.`, `OPD "${opd}" is not listed in governance.yaml.`);
  const label = v.label?.trim().toLowerCase();
  if (!label) problem(labelOf("label"), "Nama subdomain belum diisi.", "The subdomain name is empty.");
  if (!opd || !label || out.problems.length) return out;
  out.opd = opd;
  out.label = label;
  // A name that cannot be a file name is refused here; the validator explains label syntax in full.
  // Letters include their combining marks (\p{M}): Javanese ꦧꦸꦢꦪ is letters and vowel signs.
  if (!/^[\p{L}\p{M}\p{N}-]{1,63}$/u.test(label)) {
    problem(labelOf("label"), "Nama subdomain hanya boleh berisi huruf, angka dan tanda hubung.", "The subdomain name may hold only letters, digits and hyphens.");
    return out;
  }
  const path = requestPath(opd, label);
  out.path = path;
  const existing = base.read(path);

  if (kind !== "baru") {
    if (existing === undefined) {
      if (kind === "hapus") problem(labelOf("label"), `Subdomain ini tidak ada (${path} tidak ditemukan di cabang utama).`, `This subdomain does not exist (${path} is not on the main branch).`);
      else problem(labelOf("label"), `Subdomain ini belum ada (${path} tidak ditemukan); gunakan formulir permohonan baru.`, `This subdomain does not exist yet (${path} not found); use the new-request form.`);
      return out;
    }
    const edits = kind === "hapus" ? removalEdits(parsed) : changeEdits(parsed, existing, governance, problem);
    out.text = applyEdits(existing, edits);
    out.changes = fieldChanges(parse(existing), parse(out.text));
    if (out.changes.length === 0 && out.problems.length === 0)
      problem(undefined, "Isian tidak mengubah apa pun pada berkas yang ada. Isi hanya bagian yang berubah; bagian yang dikosongkan tetap seperti semula.", "The form changes nothing in the existing file. Fill in only what changes; fields left empty stay as they are.");
    return out;
  }

  if (existing !== undefined)
    problem(labelOf("label"), `Subdomain ini sudah ada (${path}); gunakan formulir perubahan.`, `This subdomain already exists (${path}); use the change form.`);
  const request: Record<string, unknown> = { label, opd };
  for (const f of FIELDS) {
    if (!f.forms.includes(kind) || !f.path || f.id === "opd" || f.id === "label" || f.path[0] === "target" || f.id === "records") continue;
    const value = v[f.id];
    if (value === undefined) continue;
    setPath(request, f.path, f.list ? splitList(value) : value);
  }
  if (request.zone === undefined && governance.zones.length > 1) request.zone = governance.zones[0]!.name;

  const targetKind = Object.entries(TARGET_KINDS).find(([, text]) => text === v["target-kind"])?.[0];
  if (!targetKind) problem(labelOf("target-kind"), "Jenis sasaran belum dipilih.", "No target kind was chosen.");
  else {
    const target: Record<string, unknown> = {};
    for (const f of FIELDS.filter((f) => f.path?.[0] === "target" && f.path[1] === targetKind)) {
      const value = v[f.id];
      if (value !== undefined) setPath(target, f.path!.slice(1), f.list ? splitList(value) : value);
    }
    if (targetKind === "hosting") target.hosting ??= {};
    request.target = targetKind === "alias" ? { alias: target.alias } : target;
    if (targetKind !== "hosting" && Object.keys(target).length === 0)
      problem(labelOf(targetKind === "alias" ? "alias" : "ipv4"), "Sasaran belum diisi: isi alamat IP server atau nama alias.", "The target is empty: fill in the server's IP address or the alias.");
  }

  if (v.records !== undefined) {
    const list = recordsList(v.records, problem);
    if (list !== undefined) request.records = list;
  }

  const ordered = Object.fromEntries(KEY_ORDER.filter((k) => request[k] !== undefined).map((k) => [k, request[k]]));
  out.text = fileHeader(issue) + stringify(ordered, { lineWidth: 0 });
  return out;
}

/** The removal form only adds the decommission block. */
function removalEdits(parsed: ParsedIssue): Edit[] {
  const edits: Edit[] = [];
  for (const f of fieldsOf("hapus")) {
    if (f.path?.[0] !== "decommission" || f.kind === "checkboxes") continue;
    const value = parsed.values[f.id];
    if (value !== undefined) edits.push({ path: f.path, value });
  }
  if (parsed.checked["delete-data"]?.includes(DELETE_DATA_OPTION)) edits.push({ path: ["decommission", "deleteData"], value: true });
  return edits;
}

const isRemoveWord = (value: string) => value.trim().toLowerCase() === REMOVE_WORD;

/**
 * The change form carries only what changes: an empty field stays as it is, "hapus" removes an
 * optional value. A target field of another kind than the file's needs the target kind chosen too
 * (then the whole target is replaced); otherwise target fields change within the existing target.
 */
function changeEdits(parsed: ParsedIssue, existing: string, governance: Governance, problem: (field: string | undefined, id: string, en: string) => void): Edit[] {
  const v = parsed.values;
  const edits: Edit[] = [];
  const current = parse(existing) as { target?: Record<string, unknown> } | null;
  const currentKind = Object.keys(current?.target ?? {})[0];
  const chosen = Object.entries(TARGET_KINDS).find(([, text]) => text === v["target-kind"])?.[0];
  const newKind = chosen !== undefined && chosen !== currentKind ? chosen : undefined;
  const newTarget: Record<string, unknown> = {};
  for (const f of fieldsOf("ubah")) {
    const value = v[f.id];
    if (value === undefined || !f.path || IDENTITY.has(f.id)) continue;
    if (isRemoveWord(value)) {
      const removable = removablePath(f.path, governance);
      if (!removable || (newKind && f.path[0] === "target"))
        problem(f.label, `"${f.label}" wajib ada dan tidak dapat dihapus. Kosongkan isian ini bila nilainya tidak berubah, atau tulis nilai barunya.`, `"${f.label}" is required and cannot be removed. Leave the field empty if it does not change, or write its new value.`);
      else edits.push({ path: removable, value: REMOVE });
      continue;
    }
    let parsedValue: EditValue = f.list ? splitList(value) : value;
    if (f.id === "records") {
      const list = recordsList(value, problem);
      if (list === undefined) continue;
      parsedValue = list;
    }
    if (f.path[0] === "target") {
      const kindOfField = f.path[1]!;
      if (newKind) {
        if (kindOfField === newKind) newTarget[f.path.slice(2).join(".") || kindOfField] = parsedValue;
        else problem(f.label, `Isian ini bukan untuk jenis sasaran yang dipilih ("${v["target-kind"]}"); kosongkan.`, `This field does not belong to the chosen target kind ("${v["target-kind"]}"); leave it empty.`);
        continue;
      }
      if (kindOfField !== currentKind) {
        problem(f.label, `Sasaran subdomain ini sekarang "${wordsOfKind(currentKind)}". Untuk menggantinya, pilih juga "${labelOf("target-kind")}".`, `This subdomain's target is now "${wordsOfKind(currentKind)}". To replace it, choose "${labelOf("target-kind")}" too.`);
        continue;
      }
    }
    edits.push({ path: f.path, value: parsedValue });
  }
  if (newKind) {
    const inner = newKind === "alias" ? newTarget.alias : Object.fromEntries(Object.entries(newTarget));
    if (newKind !== "hosting" && (inner === undefined || Object.keys(newTarget).length === 0))
      problem(labelOf(newKind === "alias" ? "alias" : "ipv4"), "Sasaran baru belum diisi: isi alamat IP server atau nama alias.", "The new target is empty: fill in the server's IP address or the alias.");
    else edits.push({ path: ["target"], value: { [newKind]: inner ?? {} } });
  }
  return edits;
}

const wordsOfKind = (kind: string | undefined) => (kind && kind in TARGET_KINDS ? TARGET_KINDS[kind as keyof typeof TARGET_KINDS] : String(kind));

function recordsList(value: string, problem: (field: string | undefined, id: string, en: string) => void): unknown[] | undefined {
  const loaded = parseYaml("records", new TextEncoder().encode(value));
  if (loaded.value !== undefined && Array.isArray(loaded.value)) return loaded.value;
  problem(
    labelOf("records"),
    `Rekaman tambahan harus berupa daftar YAML${loaded.diagnostics[0] ? `: ${loaded.diagnostics[0].message.id}` : "."}`,
    `Extra records must be a YAML list${loaded.diagnostics[0] ? `: ${loaded.diagnostics[0].message.en}` : "."}`,
  );
  return undefined;
}

function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
