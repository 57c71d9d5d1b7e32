// Every finding id the validator can emit, with a one-line summary in both languages: the named
// rules (rules/index.ts) and the checks built into the loader, the schema step and the governance
// check. Source of `npm run validate -- --rules` and of the README table (a test keeps them equal).
import type { Message, Severity } from "../diagnostics/diagnostic.ts";
import { ALL_RULES } from "./rules/index.ts";

export interface CatalogueEntry {
  id: string;
  severity: Severity;
  /** Where the check lives: a named rule on one file, across files, or a built-in step. */
  stage: "file" | "repository" | "load" | "schema" | "governance";
  summary: Message;
}

const m = (id: string, en: string): Message => ({ id, en });

const BUILT_IN: CatalogueEntry[] = [
  { id: "file.missing", severity: "error", stage: "load", summary: m("Berkas atau folder requests/ ada", "The file or the requests/ folder exists") },
  { id: "file.not-file", severity: "error", stage: "load", summary: m("Di tempat berkas permohonan ada berkas biasa, bukan folder", "A regular file, not a folder, stands where a request file belongs") },
  { id: "file.symlink", severity: "error", stage: "load", summary: m("Tidak ada tautan simbolik di requests/", "No symbolic links under requests/") },
  { id: "file.unreadable", severity: "error", stage: "load", summary: m("Berkas dapat dibaca", "The file can be read") },
  { id: "file.size", severity: "error", stage: "load", summary: m("Berkas tidak melebihi batas ukuran (64 KiB permohonan, 1 MiB tata kelola)", "The file is within the size limit (64 KiB request, 1 MiB governance)") },
  { id: "file.empty", severity: "error", stage: "load", summary: m("Berkas berisi data", "The file holds data") },
  { id: "file.binary", severity: "error", stage: "load", summary: m("Berkas berupa teks, bukan data biner", "The file is text, not binary data") },
  { id: "file.encoding", severity: "error", stage: "load", summary: m("Berkas berupa teks UTF-8", "The file is UTF-8 text") },
  { id: "file.bom", severity: "warning", stage: "load", summary: m("Berkas tidak diawali penanda urutan bita (BOM)", "The file does not start with a byte-order mark (BOM)") },
  { id: "path.layout", severity: "error", stage: "load", summary: m("Berkas permohonan berada di requests/<opd>/<label>.yaml", "Request files live at requests/<opd>/<label>.yaml") },
  { id: "yaml.syntax", severity: "error", stage: "load", summary: m("YAML ditulis dengan benar", "The YAML is well-formed") },
  { id: "yaml.duplicate-key", severity: "error", stage: "load", summary: m("Tidak ada kunci yang ditulis dua kali", "No key is written twice") },
  { id: "yaml.multi-document", severity: "error", stage: "load", summary: m("Satu berkas berisi satu dokumen YAML", "One file holds one YAML document") },
  { id: "yaml.alias", severity: "error", stage: "load", summary: m("Tanpa jangkar (&) dan alias (*) YAML", "No YAML anchors (&) or aliases (*)") },
  { id: "yaml.tag", severity: "error", stage: "load", summary: m("Tanpa tag YAML khusus (!!python, !!binary, !tag)", "No special YAML tags (!!python, !!binary, !tag)") },
  { id: "yaml.complex-key", severity: "error", stage: "load", summary: m("Kunci pemetaan berupa teks sederhana", "Mapping keys are plain text") },
  { id: "yaml.depth", severity: "error", stage: "load", summary: m("Struktur dan indentasi tidak bersarang terlalu dalam", "Structure and indentation do not nest too deep") },
  { id: "schema.required", severity: "error", stage: "schema", summary: m("Kolom wajib diisi", "Required fields are present") },
  { id: "schema.unknown-field", severity: "error", stage: "schema", summary: m("Tidak ada kolom yang tidak dikenal (salah eja)", "No unknown (misspelt) fields") },
  { id: "schema.type", severity: "error", stage: "schema", summary: m("Setiap kolom bertipe benar (teks, angka, daftar...)", "Every field has the right type (text, number, list...)") },
  { id: "schema.enum", severity: "error", stage: "schema", summary: m("Kolom pilihan berisi salah satu nilai yang diizinkan", "Choice fields hold one of the allowed values") },
  { id: "schema.format", severity: "error", stage: "schema", summary: m("Kolom berformat (tanggal, tautan, kuantitas) sesuai formatnya", "Formatted fields (dates, links, quantities) match their format") },
  { id: "schema.range", severity: "error", stage: "schema", summary: m("Panjang teks, angka dan jumlah butir dalam batas", "Text lengths, numbers and item counts are within bounds") },
  { id: "contact.github", severity: "error", stage: "schema", summary: m("Akun GitHub kontak berformat sah", "Contacts' GitHub accounts are well-formed") },
  { id: "target.exactly-one", severity: "error", stage: "schema", summary: m("target berisi tepat satu: server, alias, hosting atau delegation", "target holds exactly one of server, alias, hosting, delegation") },
  { id: "record.type", severity: "error", stage: "schema", summary: m("Jenis rekaman A, AAAA, CNAME, TXT, MX, CAA atau SRV", "Record type is A, AAAA, CNAME, TXT, MX, CAA or SRV") },
  { id: "governance.unusable", severity: "error", stage: "governance", summary: m("governance.yaml sah, sehingga permohonan dapat diperiksa", "governance.yaml is valid, so requests can be checked") },
  { id: "governance.opd-unique", severity: "error", stage: "governance", summary: m("Kode OPD di governance.yaml unik", "OPD codes in governance.yaml are unique") },
  { id: "governance.step-assignee", severity: "error", stage: "governance", summary: m("Setiap langkah disposisi menunjuk tim atau pengguna", "Every disposition step names a team or users") },
  { id: "governance.step-unique", severity: "error", stage: "governance", summary: m("Id langkah disposisi unik", "Disposition step ids are unique") },
  { id: "internal", severity: "error", stage: "repository", summary: m("Setiap aturan berjalan tanpa galat internal (bila muncul, laporkan ke pengelola)", "Every rule runs without an internal failure (report one if it appears)") },
  { id: "governance.placeholder", severity: "warning", stage: "governance", summary: m("governance.yaml tidak lagi berisi isian sementara [ISI] dari npm run adopt", "governance.yaml holds no [ISI] placeholder left by npm run adopt") },
  { id: "governance.working-hours", severity: "error", stage: "governance", summary: m("Jam kerja: mulai sebelum selesai", "Working hours: start before end") },
  { id: "governance.zone-name", severity: "error", stage: "governance", summary: m("Nama zona, server nama dan SOA mname berupa nama host yang sah", "Zone names, name servers and SOA mname are valid host names") },
  { id: "governance.zone-unique", severity: "error", stage: "governance", summary: m("Setiap zona ditulis sekali", "Each zone is listed once") },
  { id: "governance.zone-nested", severity: "error", stage: "governance", summary: m("Zona di dalam zona lain yang dikelola hanya bila didelegasikan (`delegatedFrom`)", "A zone inside another managed zone only when delegated (`delegatedFrom`)") },
  { id: "governance.hosting", severity: "error", stage: "governance", summary: m("Ukuran hosting bawaan di atas nol dan tidak melebihi batasnya", "Hosting defaults are above zero and within the limits") },
  { id: "governance.ttl", severity: "error", stage: "governance", summary: m("Batas TTL: min di bawah max; TTL zona di antaranya", "TTL bounds: min below max; zone TTLs between them") },
  { id: "governance.control", severity: "error", stage: "governance", summary: m("Tidak ada karakter kendali (C0, C1, NUL) dalam teks tata kelola", "No control characters (C0, C1, NUL) in governance text") },
  { id: "governance.letters-logo", severity: "error", stage: "governance", summary: m("Lambang kop surat (letters.logo): berkas PNG/JPEG di dalam repositori, paling besar 1 MB", "Letterhead emblem (letters.logo): a PNG/JPEG file inside the repository, at most 1 MB") },
  { id: "governance.acting-dates", severity: "error", stage: "governance", summary: m("Penunjukan Plt./Plh./a.n.: until tidak sebelum from", "Acting appointments: until is not before from") },
];

export const CATALOGUE: CatalogueEntry[] = [...ALL_RULES.map((r) => ({ id: r.id, severity: r.severity, stage: r.scope, summary: r.summary })), ...BUILT_IN];

const SEVERITY = { id: { error: "galat", warning: "peringatan" }, en: { error: "error", warning: "warning" } };

/** The catalogue as a Markdown table in one language (the README keeps the Indonesian one). */
export function catalogueMarkdown(lang: "id" | "en"): string {
  const head = lang === "id" ? "| aturan | tingkat | tahap | memeriksa |\n|---|---|---|---|" : "| rule | severity | stage | checks |\n|---|---|---|---|";
  const rows = CATALOGUE.map((e) => `| \`${e.id}\` | ${SEVERITY[lang][e.severity]} | ${e.stage} | ${e.summary[lang].replace(/\|/g, "\\|")} |`);
  return [head, ...rows].join("\n") + "\n";
}

/** The catalogue as plain text lines for the terminal. */
export function catalogueText(lang: "id" | "en"): string {
  const width = Math.max(...CATALOGUE.map((e) => e.id.length));
  return CATALOGUE.map((e) => `${e.id.padEnd(width)}  ${SEVERITY[lang][e.severity].padEnd(10)}  ${e.summary[lang]}`).join("\n") + "\n";
}
