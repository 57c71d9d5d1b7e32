// The fields of the issue forms, mapped to the request model. One table serves both directions:
// generating the forms (generate.ts) and turning a submitted issue back into a request file
// (build.ts), so the two cannot disagree. Descriptions and "required" come from the request
// model's JSON Schema and from governance (requiredFields, OPD list, zones).
import type { Governance } from "../model/governance.ts";

export type FormKind = "baru" | "ubah" | "hapus";
export const FORM_KINDS: readonly FormKind[] = ["baru", "ubah", "hapus"];

/** The issue label that marks each form's issues, and triggers the intake workflow. */
export const FORM_LABELS: Record<FormKind, string> = { baru: "permohonan-baru", ubah: "permohonan-ubah", hapus: "permohonan-hapus" };

/** Each form's name, description, issue title prefix and introduction. */
export const FORM_TITLES: Record<FormKind, { name: string; description: string; title: string; intro: string }> = {
  baru: {
    name: "Permohonan subdomain baru",
    description: "Mengajukan subdomain (dan bila perlu hosting) baru untuk OPD",
    title: "[Permohonan baru] ",
    intro: "Isi formulir ini untuk mengajukan subdomain baru. Hanya Anda, pemohon yang mengirim isu ini, yang perlu akun GitHub. Setelah dikirim, sistem memeriksa isian dan membuat pull request berisi berkas permohonan; kekurangan akan disampaikan sebagai komentar di sini. Sunting isu ini untuk memperbaikinya.",
  },
  ubah: {
    name: "Perubahan subdomain",
    description: "Mengubah data atau sasaran subdomain yang sudah ada",
    title: "[Perubahan] ",
    intro: "Pilih OPD dan tulis nama subdomain yang sudah ada, lalu isi **hanya bagian yang berubah**. Bagian yang dikosongkan tetap seperti semula; tulis `hapus` untuk menghapus nilai yang boleh tidak ada. Setelah dikirim, sistem menulis ringkasan perubahan per isian sebagai komentar; pull request dibuat setelah Anda mencentang **Konfirmasi**.",
  },
  hapus: {
    name: "Penghapusan subdomain",
    description: "Menghapus subdomain yang tidak dipakai lagi",
    title: "[Penghapusan] ",
    intro: "Isi formulir ini untuk menghapus subdomain. Data hosting hanya ikut dihapus bila dicentang, dan perubahan itu memerlukan persetujuan tambahan. Setelah dikirim, sistem menulis ringkasan perubahan sebagai komentar; pull request dibuat setelah Anda mencentang **Konfirmasi**.",
  },
};

export type FieldKind = "input" | "textarea" | "dropdown" | "checkboxes";

export interface Field {
  /** Issue-form id (unique, stable). */
  id: string;
  /** Heading shown on the form; the issue body repeats it as `### <label>`. */
  label: string;
  kind: FieldKind;
  forms: readonly FormKind[];
  /** Where the value goes in the request; absent for fields handled by build.ts itself. */
  path?: readonly string[];
  /** Comma- or newline-separated list. */
  list?: boolean;
  /** Extra guidance appended to the model's description. */
  hint?: string;
  placeholder?: string;
  /** Forced required / optional, where the schema alone cannot say (target fields). */
  required?: boolean;
  /** A textarea shown as code: GitHub fences its value in the issue body (```yaml). */
  render?: "yaml";
}

const ALL: readonly FormKind[] = ["baru", "ubah", "hapus"];
const SET: readonly FormKind[] = ["baru", "ubah"];

export const TARGET_KINDS = {
  server: "Server milik OPD (alamat IP)",
  alias: "Alias (CNAME) ke nama host lain",
  hosting: "Hosting terkelola di klaster Diskominfo",
} as const;

/** Written in a change form's field, removes that optional value from the request. */
export const REMOVE_WORD = "hapus";
/** Fields that name the request a change or removal is about, rather than changing it. */
export const IDENTITY: ReadonlySet<string> = new Set(["opd", "zone", "label"]);

/** The change and removal forms' confirmation: the pull request is opened only once it is ticked. */
export const CONFIRM_OPTION = "Ringkasan perubahan di komentar isu ini sudah saya periksa dan benar; buat pull request.";

export const DELETE_DATA_OPTION = "Hapus juga data hosting (namespace dan penyimpanan). Data yang dihapus tidak dapat dikembalikan.";

/** The one option of each checkbox field, as the issue form lists it and the issue body repeats it. */
export const CHECKBOX_OPTION: Readonly<Record<string, string>> = { "delete-data": DELETE_DATA_OPTION, confirm: CONFIRM_OPTION };

const contact = (who: "administrative" | "technical", title: string): Field[] => [
  { id: `${who}-name`, label: `${title}: nama`, kind: "input", forms: SET, path: ["contacts", who, "name"], hint: "Nama lengkap dengan gelar, misalnya `Siti Rahmawati, S.Kom.`" },
  { id: `${who}-nip`, label: `${title}: NIP`, kind: "input", forms: SET, path: ["contacts", who, "nip"], placeholder: "198703152010012004", hint: "Nomor Induk Pegawai: 18 angka tanpa spasi, misalnya `198703152010012004` (pada SK tertulis `19870315 201001 2 004`)" },
  { id: `${who}-email`, label: `${title}: e-mail`, kind: "input", forms: SET, path: ["contacts", who, "email"], hint: "Sebaiknya e-mail dinas, misalnya `siti@dinkes.<zona>`" },
  { id: `${who}-phone`, label: `${title}: telepon`, kind: "input", forms: SET, path: ["contacts", who, "phone"], placeholder: "+62 812-3456-7890" },
  { id: `${who}-github`, label: `${title}: akun GitHub`, kind: "input", forms: SET, path: ["contacts", who, "github"], hint: "Hanya pemohon (Anda, yang mengirim isu ini) yang perlu akun GitHub; kontak tanpa akun GitHub cukup dikosongkan. Bila ada, tulis nama penggunanya tanpa @, misalnya `budi-dinkes`" },
];

export const FIELDS: readonly Field[] = [
  { id: "opd", label: "OPD pemohon", kind: "dropdown", forms: ALL, path: ["opd"], hint: "Pilih OPD Anda; hanya penghubung OPD tersebut yang dapat mengajukan." },
  { id: "zone", label: "Zona", kind: "dropdown", forms: ALL, path: ["zone"], hint: "Nama domain induk; subdomain menjadi `<nama>.<zona>`." },
  { id: "label", label: "Nama subdomain", kind: "input", forms: ALL, path: ["label"], placeholder: "sehat", hint: "Hanya bagian depan alamat: huruf kecil, angka dan tanda hubung. Alamat lengkapnya menjadi `<nama>.<zona>`, misalnya tulis `sehat` untuk `sehat.<zona>`." },
  { id: "purpose", label: "Kegunaan", kind: "textarea", forms: SET, path: ["purpose"], hint: "Satu atau dua kalimat, misalnya `Portal informasi layanan kesehatan masyarakat`." },
  { id: "letter-number", label: "Nomor surat permohonan", kind: "input", forms: SET, path: ["letter", "number"], placeholder: "000.1/123/DINKES/2026", hint: "Tulis persis seperti pada surat." },
  { id: "letter-date", label: "Tanggal surat permohonan", kind: "input", forms: SET, path: ["letter", "date"], placeholder: "2026-03-02", hint: "Format tahun-bulan-tanggal (TTTT-BB-HH): `2026-03-02` untuk 2 Maret 2026." },
  { id: "letter-scan", label: "Tautan pindaian surat", kind: "input", forms: SET, path: ["letter", "scan"], placeholder: "https://..." },
  { id: "recommendation-number", label: "Nomor rekomendasi aplikasi", kind: "input", forms: SET, path: ["recommendation", "number"], hint: "Nomor surat rekomendasi atau izin pengembangan aplikasi, misalnya `000.1/45/DISKOMINFO/2026`." },
  { id: "recommendation-issuer", label: "Penerbit rekomendasi", kind: "input", forms: SET, path: ["recommendation", "issuer"], hint: "Instansi yang menerbitkan rekomendasi, misalnya `Dinas Komunikasi dan Informatika`." },
  ...contact("administrative", "Penanggung jawab administrasi"),
  ...contact("technical", "Penanggung jawab teknis"),
  { id: "target-kind", label: "Jenis sasaran", kind: "dropdown", forms: SET, required: true, hint: "Ke mana subdomain diarahkan. **Server milik OPD**: OPD punya server sendiri dengan alamat IP publik. **Alias (CNAME)**: subdomain menjadi nama lain dari alamat yang sudah ada, misalnya layanan pihak ketiga `antrian.penyedia.id`. **Hosting**: OPD tidak punya server; Diskominfo menyediakan ruang di servernya." },
  { id: "ipv4", label: "Alamat IPv4 server", kind: "input", forms: SET, path: ["target", "server", "ipv4"], list: true, required: false, hint: "Hanya untuk server milik OPD. Alamat IP publik: empat angka dipisah titik, misalnya `103.147.26.10`; beberapa alamat dipisah koma." },
  { id: "ipv6", label: "Alamat IPv6 server", kind: "input", forms: SET, path: ["target", "server", "ipv6"], list: true, required: false, hint: "Hanya untuk server milik OPD yang juga punya alamat IPv6, misalnya `2001:db8::10`; kosongkan bila tidak ada." },
  { id: "alias", label: "Alias (CNAME)", kind: "input", forms: SET, path: ["target", "alias"], required: false, hint: "Hanya untuk alias. Tulis nama host saja, tanpa `https://` dan tanpa garis miring, misalnya `antrian.penyedia.id`." },
  { id: "storage", label: "Kapasitas penyimpanan hosting", kind: "input", forms: SET, path: ["target", "hosting", "storage"], required: false, placeholder: "10Gi" },
  { id: "records", label: "Rekaman DNS tambahan (YAML)", kind: "textarea", forms: SET, path: ["records"], render: "yaml", hint: "Untuk kebutuhan khusus yang biasanya diminta penyedia layanan, misalnya verifikasi Google atau e-mail (rekaman TXT, MX); kosongkan bila tidak tahu. Ditulis sebagai daftar YAML seperti pada berkas permohonan, misalnya `- type: TXT` lalu `  values: [\"v=spf1 -all\"]`." },
  { id: "review-by", label: "Tanggal tinjau ulang", kind: "input", forms: SET, path: ["reviewBy"], placeholder: "2027-03-01", hint: "Tanggal OPD memastikan lagi bahwa subdomain masih dipakai. Format TTTT-BB-HH, misalnya `2027-03-01`." },
  { id: "reason", label: "Alasan penghapusan", kind: "textarea", forms: ["hapus"], path: ["decommission", "reason"], hint: "Misalnya `Layanan dipindahkan ke portal provinsi`." },
  { id: "decommission-letter-number", label: "Nomor surat penghapusan", kind: "input", forms: ["hapus"], path: ["decommission", "letter", "number"] },
  { id: "decommission-letter-date", label: "Tanggal surat penghapusan", kind: "input", forms: ["hapus"], path: ["decommission", "letter", "date"], placeholder: "2026-03-02", hint: "Format TTTT-BB-HH: `2026-03-02` untuk 2 Maret 2026." },
  { id: "decommission-letter-scan", label: "Tautan pindaian surat penghapusan", kind: "input", forms: ["hapus"], path: ["decommission", "letter", "scan"], placeholder: "https://..." },
  { id: "delete-data", label: "Data hosting", kind: "checkboxes", forms: ["hapus"], path: ["decommission", "deleteData"], hint: "Centang hanya bila namespace hosting beserta penyimpanannya juga harus dimusnahkan; perubahan ini memerlukan persetujuan tambahan. Tanpa centang, data disimpan dan masih dapat dipulihkan." },
  { id: "confirm", label: "Konfirmasi", kind: "checkboxes", forms: ["ubah", "hapus"], hint: "Biarkan kosong saat pertama mengirim: sistem menulis ringkasan perubahan per isian (sebelum → sesudah) sebagai komentar di isu ini. Bila ringkasan itu benar, sunting isu ini dan centang kotak ini; baru setelah itu pull request dibuat." },
];

export const fieldsOf = (kind: FormKind) => FIELDS.filter((f) => f.forms.includes(kind));

/** The fields a form shows for this governance: the zone is asked only when there is a choice. */
export const formFields = (kind: FormKind, governance: Pick<Governance, "zones">) => fieldsOf(kind).filter((f) => f.id !== "zone" || governance.zones.length >= 2);

/**
 * The options of a dropdown field, as the issue form lists them and the submitted issue repeats
 * them (build.ts reads the OPD code before " — "); undefined for a field that is no dropdown.
 */
export function dropdownOptions(id: string, governance: Pick<Governance, "opds" | "zones">): string[] | undefined {
  if (id === "opd") return [...governance.opds].sort((a, b) => a.code.localeCompare(b.code)).map((o) => `${o.code} — ${o.name}`);
  if (id === "zone") return governance.zones.map((z) => z.name);
  if (id === "target-kind") return Object.values(TARGET_KINDS);
  return undefined;
}
