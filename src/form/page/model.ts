// The web form's model, shared by the page's HTML (built in Node) and its script (in the browser):
// the sections in the order a liaison thinks, the form values (keyed by the issue form's field
// ids, src/forms/fields.ts) turned into a request, and CI's findings turned back into fields.
import { parse as parseYamlValue, stringify } from "yaml";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { Positions } from "../../load/parse.ts";
import { requestPath } from "../../model/names.ts";
import { FIELDS, REMOVE_WORD, TARGET_KINDS, type Field, type FormKind } from "../../forms/fields.ts";
import { removablePath } from "../../forms/required.ts";
import type { Governance } from "../../model/governance.ts";
import type { PublicRequest } from "./data.ts";

export type Mode = FormKind;
export type TargetKind = keyof typeof TARGET_KINDS;
export const TARGET_KIND_KEYS = Object.keys(TARGET_KINDS) as TargetKind[];

export interface Section {
  id: string;
  /** Field ids, in order; a field shows in the modes its issue form has it in. */
  fields: readonly string[];
}

/** Who asks, what for, where it points, who is responsible, until when; then a removal's own part. */
export const SECTIONS: readonly Section[] = [
  { id: "pemohon", fields: ["opd", "letter-number", "letter-date", "letter-scan", "recommendation-number", "recommendation-issuer"] },
  { id: "kegunaan", fields: ["zone", "label", "purpose"] },
  { id: "sasaran", fields: ["target-kind", "ipv4", "ipv6", "alias", "storage", "records"] },
  { id: "penanggung-jawab", fields: ["administrative-name", "administrative-nip", "administrative-email", "administrative-phone", "administrative-github", "technical-name", "technical-nip", "technical-email", "technical-phone", "technical-github"] },
  { id: "tinjau", fields: ["review-by"] },
  { id: "penghapusan", fields: ["reason", "decommission-letter-number", "decommission-letter-date", "decommission-letter-scan", "delete-data"] },
];

export const field = (id: string): Field => {
  const f = FIELDS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown form field ${id}`);
  return f;
};

/** In the change and removal modes the name is chosen from the registry, not typed. */
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set(["opd", "zone", "label"]);

/** Form values by field id; checkboxes hold "true" when ticked. */
export type Values = Record<string, string>;

export interface FormState {
  mode: Mode;
  /** For changes and removals: the request file chosen from the registry data. */
  existing?: string;
  values: Values;
}

const splitList = (s: string) =>
  s
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function setPath(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = obj;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = (node[key] = next && typeof next === "object" && !Array.isArray(next) ? { ...(next as object) } : {}) as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** The key order of a request file (as the intake writes it). */
const KEY_ORDER = ["label", "opd", "zone", "purpose", "letter", "recommendation", "contacts", "target", "ttl", "proxied", "records", "reviewBy", "decommission", "suspension"];

export interface Built {
  /** requests/<opd>/<label>.yaml, once OPD and name are known. */
  file?: string;
  request: Record<string, unknown>;
  /** Problems of the form itself (the records box is not a YAML list), by field id. */
  problems: { field: string; message: { id: string; en: string } }[];
  /**
   * Paths filled with stand-ins: a change or removal keeps the existing file's contacts and
   * letter, which are not public; findings there are not the liaison's and are not shown.
   */
  standIns: string[][];
}

// Stand-ins for the values of an existing file that the public data does not carry.
const STAND_IN_CONTACT = { name: "(tidak berubah)", email: "tidak-berubah@example.invalid", phone: "+62 811-0000-0000" };
const STAND_IN_LETTER = { number: "(tidak berubah)", date: "2000-01-01" };

/** The target kind the values choose, or the one of the existing target. */
export function targetKindOf(values: Values, base?: PublicRequest): string | undefined {
  return values["target-kind"] || (base?.target ? Object.keys(base.target)[0] : undefined);
}

function deletePath(obj: Record<string, unknown>, path: readonly string[]): void {
  let node: unknown = obj;
  for (const key of path.slice(0, -1)) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  if (node && typeof node === "object") delete (node as Record<string, unknown>)[path[path.length - 1]!];
}

/**
 * Form values -> the request they describe. A change starts from the existing public values and
 * takes what is typed; as on the change issue form, an empty field keeps its value and the word
 * "hapus" removes an optional one (`governance` says which may go).
 */
export function buildRequest(state: FormState, base?: PublicRequest, governance?: Governance): Built {
  const v = state.values;
  const problems: Built["problems"] = [];
  const standIns: string[][] = [];
  const request: Record<string, unknown> = {};
  if (state.mode !== "baru" && base) {
    for (const [k, val] of Object.entries(base)) if (k !== "decommission" && k !== "suspended") request[k] = structuredClone(val);
  }
  const mode = state.mode;
  const fieldsHere = SECTIONS.flatMap((s) => s.fields).map(field).filter((f) => f.forms.includes(mode));
  for (const f of fieldsHere) {
    if (!f.path || f.kind === "checkboxes" || f.id === "records" || f.path[0] === "target") continue;
    if (mode !== "baru" && IDENTITY_FIELDS.has(f.id)) continue;
    const raw = v[f.id]?.trim();
    if (!raw) continue;
    if (mode === "ubah" && governance && raw.toLowerCase() === REMOVE_WORD) {
      const removable = removablePath(f.path, governance);
      if (removable) deletePath(request, removable);
      else problems.push({ field: f.id, message: { id: `"${f.label}" wajib ada dan tidak dapat dihapus. Kosongkan isian ini bila nilainya tidak berubah, atau tulis nilai barunya.`, en: `"${f.label}" is required and cannot be removed. Leave the field empty if it does not change, or write its new value.` } });
      continue;
    }
    setPath(request, f.path, f.list ? splitList(raw) : raw);
  }
  if (mode !== "hapus") {
    const kind = targetKindOf(v, base);
    if (v["target-kind"]) {
      const target: Record<string, unknown> = {};
      for (const f of fieldsHere.filter((x) => x.path?.[0] === "target" && x.path[1] === kind)) {
        const raw = v[f.id]?.trim();
        if (raw) setPath(target, f.path!.slice(1), f.list ? splitList(raw) : raw);
      }
      if (kind === "hosting") target.hosting ??= {};
      // Nothing typed for the chosen kind: the file says so, and CI's finding lands on the target.
      request.target = Object.keys(target).length ? target : kind === "alias" ? {} : { [kind!]: {} };
    }
    const records = v.records?.trim();
    if (mode === "ubah" && records?.toLowerCase() === REMOVE_WORD) delete request.records;
    else if (records) {
      try {
        const list: unknown = parseYamlValue(records);
        if (Array.isArray(list)) request.records = list;
        else throw new Error("not a list");
      } catch {
        problems.push({ field: "records", message: { id: "Rekaman tambahan harus berupa daftar YAML (baris berawalan `- type: ...`).", en: "Extra records must be a YAML list (lines starting with `- type: ...`)." } });
      }
    } else if (mode === "baru" || v.records === "") delete request.records;
  }
  if (mode === "hapus") {
    if (v["delete-data"] === "true") setPath(request, ["decommission", "deleteData"], true);
    if (!(request.decommission as object | undefined)) request.decommission = {};
  }
  if (mode !== "baru") {
    // What the existing file holds but the public data leaves out: stand-ins, flagged.
    const contacts = (request.contacts ??= {}) as Record<string, Record<string, unknown>>;
    for (const who of ["administrative", "technical"] as const) {
      const c = (contacts[who] ??= {});
      for (const [k, val] of Object.entries(STAND_IN_CONTACT))
        if (c[k] === undefined) {
          c[k] = val;
          standIns.push(["contacts", who, k]);
        }
    }
    const letter = (request.letter ??= {}) as Record<string, unknown>;
    for (const [k, val] of Object.entries(STAND_IN_LETTER))
      if (letter[k] === undefined) {
        letter[k] = val;
        standIns.push(["letter", k]);
      }
    // A scan the government requires may already be in the file: its absence is not known here.
    if (letter.scan === undefined) standIns.push(["letter", "scan"]);
    if (request.recommendation === undefined) standIns.push(["recommendation"]);
    for (const who of ["administrative", "technical"]) if (contacts[who]!.nip === undefined) standIns.push(["contacts", who, "nip"]);
  }
  const opd = typeof request.opd === "string" ? request.opd : undefined;
  const label = typeof request.label === "string" ? request.label : undefined;
  let file: string | undefined;
  if (mode !== "baru" && state.existing) file = state.existing;
  else if (opd && label && /^[\p{L}\p{M}\p{N}_-]{1,63}$/u.test(label)) {
    try {
      file = requestPath(opd, label);
    } catch {
      file = undefined;
    }
  }
  const ordered = Object.fromEntries([...KEY_ORDER.filter((k) => request[k] !== undefined), ...Object.keys(request).filter((k) => !KEY_ORDER.includes(k))].map((k) => [k, request[k]]));
  return { ...(file ? { file } : {}), request: ordered, problems, standIns };
}

export const MODELINE = "# yaml-language-server: $schema=../../schemas/request.schema.json\n";

/** The request file's text, as the page validates it and offers it. */
export function requestText(request: Record<string, unknown>): string {
  return MODELINE + stringify(request, { lineWidth: 0 });
}

/** Position -> the pointers written there (a key's position carries "#key"). */
function pointersAt(positions: Positions): Map<string, string[]> {
  const at = new Map<string, string[]>();
  for (const [ptr, [line, col]] of Object.entries(positions)) {
    const k = `${line}:${col}`;
    const list = at.get(k);
    if (list) list.push(ptr.replace(/#key$/, ""));
    else at.set(k, [ptr.replace(/#key$/, "")]);
  }
  return at;
}

const segments = (ptr: string) =>
  ptr
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));

/** The deepest form field (of `mode`, or of any form) whose path is a prefix of `path` (list indices and record details fall to their field). */
function fieldOfPath(path: readonly string[], mode?: Mode): Field | undefined {
  let best: Field | undefined;
  for (const f of FIELDS) {
    if (!f.path || (mode && !f.forms.includes(mode)) || f.kind === "checkboxes") continue;
    if (f.path.length <= path.length && f.path.every((p, i) => p === path[i]) && (!best || f.path.length > best.path!.length)) best = f;
  }
  return best;
}

export interface Placed {
  /** Field id, or undefined for a finding about the request as a whole. */
  field?: string;
  diagnostic: Diagnostic;
}

/**
 * Where each finding belongs on the form. A finding points at a position in the file; the
 * position's pointer gives the field. A finding on an object (a required value missing inside
 * it) names the missing value in its message (`contacts.technical.phone`), which gives the field.
 * Findings on stand-in values are dropped (see Built.standIns).
 */
export function placeDiagnostics(diagnostics: readonly Diagnostic[], positions: Positions, mode: Mode, standIns: readonly string[][] = []): Placed[] {
  const at = pointersAt(positions);
  const out: Placed[] = [];
  for (const d of diagnostics) {
    // Several pointers can share a position (an object and its first key): all are candidates.
    const candidates = (at.get(`${d.line}:${d.column}`) ?? []).map(segments).sort((a, b) => b.length - a.length);
    let path = candidates[0] ?? [];
    const named = /`([A-Za-z][\w.-]*)`/g;
    for (let m = named.exec(d.message.en); m; m = named.exec(d.message.en)) {
      const dotted = m[1]!.split(".");
      const within = candidates.some((c) => c.length < dotted.length && c.every((p, i) => p === dotted[i]));
      if (within && fieldOfPath(dotted)) {
        path = dotted;
        break;
      }
    }
    if (standIns.some((s) => s.length <= path.length && s.every((p, i) => p === path[i]))) continue;
    let f = path.length ? fieldOfPath(path, mode) : undefined;
    if (!f && path[0] === "target") f = field("target-kind");
    if (f && mode !== "baru" && IDENTITY_FIELDS.has(f.id)) f = undefined;
    out.push({ ...(f ? { field: f.id } : {}), diagnostic: d });
  }
  return out;
}
