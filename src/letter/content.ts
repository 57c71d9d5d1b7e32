// The words of the reply letter (and of the e-mail, which repeats the account table), kept apart
// from the PDF drawing so that they can be tested and reused. Indonesian by default, English on
// request. Roles and names come from governance: nothing here names an office.
import { hostingTermRows } from "./hosting-terms.ts";
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import type { AccountDetails } from "./account.ts";
import { formatDate } from "./date.ts";

export interface LetterInput {
  governance: Governance;
  account: AccountDetails;
  /** The full letter number (see letterNumber). */
  number: string;
  /** The letter's date, YYYY-MM-DD. */
  date: string;
  lang?: Lang;
  /** Tembusan; default: the regional secretary of the government, and the archive. */
  copies?: string[];
  /** Default: "Kepala <OPD name>". */
  addressee?: string;
  /** Set by the PDF renderer: its standard fonts draw Latin script only. */
  latinOnly?: boolean;
  /** What the letter answers; default: a new subdomain made. */
  outcome?: LetterOutcome;
  /** An acting official signs: "Plt."/"Plh." before the title, or "a.n." on behalf of the head. */
  signer?: { prefix: "Plt." | "Plh." | "a.n."; name: string; title?: string; nip?: string };
  /** Signed electronically: the BSrE footer is printed (see render.ts). */
  electronic?: boolean;
}

/** The outcome a reply letter states (Permendagri 1/2023 leaves the wording to the office). */
export type LetterOutcome =
  | { kind: "baru" }
  | { kind: "ubah"; changes: string[] }
  | { kind: "hapus"; removedOn: string; dataKept: boolean }
  | { kind: "tolak"; code: string; reason: string };

/** The standard footer of a letter signed with a BSrE certificate. */
export const BSRE_FOOTER =
  "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara. Sesuai ketentuan UU ITE Nomor 11 Tahun 2008 Pasal 5 ayat 1, Informasi Elektronik dan/atau Dokumen Elektronik dan/atau hasil cetaknya merupakan alat bukti hukum yang sah.";

/** The opening paragraph for each outcome, Indonesian; the English letter keeps its own sentence for a new subdomain. */
function outcomeOpening(o: LetterOutcome, n: string, d: string, host: string, lang: Lang, hosting: boolean): string | undefined {
  const intro = lang === "id" ? `Menindaklanjuti surat Saudara Nomor ${n} tanggal ${d} perihal Permohonan Subdomain, dengan hormat kami sampaikan bahwa` : `In reply to your letter number ${n} of ${d} concerning a subdomain request, we inform you that`;
  switch (o.kind) {
    case "baru":
      return undefined;
    case "ubah":
      return lang === "id"
        ? `${intro} perubahan subdomain ${host} telah selesai kami laksanakan, yaitu: ${o.changes.join("; ")}. Rincian yang berlaku sekarang sebagai berikut:`
        : `${intro} the change of the subdomain ${host} has been carried out: ${o.changes.join("; ")}. The details now in force:`;
    case "hapus":
      return lang === "id"
        ? `${intro} subdomain ${host} telah dihapus pada tanggal ${formatDate(o.removedOn, lang)}. ${!hosting ? "" : o.dataKept ? "Data hosting disimpan oleh Diskominfo dan dapat diminta kembali oleh OPD. " : "Data hosting ikut dihapus dan tidak disimpan. "}Rincian yang dihapus sebagai berikut:`
        : `${intro} the subdomain ${host} was removed on ${formatDate(o.removedOn, lang)}. ${!hosting ? "" : o.dataKept ? "The hosting data is kept by the office and may be asked for. " : "The hosting data was deleted too. "}What was removed:`;
    case "tolak":
      return lang === "id"
        ? `${intro} permohonan subdomain ${host} tidak dapat kami setujui dengan alasan: ${o.reason} (kode ${o.code}). OPD dapat mengajukan permohonan baru setelah alasan tersebut tidak berlaku lagi. Permohonan yang kami terima sebagai berikut:`
        : `${intro} the request for the subdomain ${host} cannot be approved, for this reason: ${o.reason} (code ${o.code}). The agency may send a new request once the reason no longer applies. The request as received:`;
  }
}

export interface LetterContent {
  letterhead: { government: string; office: string; address: string; contact: string };
  placeDate: string;
  numbering: Array<[string, string]>;
  addressee: string[];
  opening: string;
  table: Array<[string, string]>;
  closing: string[];
  signature: { title: string; name: string; rank?: string; nip?: string };
  copiesTitle: string;
  copies: string[];
  title: string;
}

const T = {
  id: {
    number: "Nomor",
    nature: "Sifat",
    natureValue: "Biasa",
    attachment: "Lampiran",
    none: "-",
    subject: "Perihal",
    subjectValue: "Balasan Permohonan Subdomain",
    to: "Yth.",
    at: "di",
    opening: (n: string, d: string, host: string) =>
      `Menindaklanjuti surat Saudara Nomor ${n} tanggal ${d} perihal Permohonan Subdomain, dengan hormat kami sampaikan bahwa subdomain ${host} telah selesai kami siapkan dan dapat digunakan dengan rincian sebagai berikut:`,
    host: "Nama subdomain",
    ascii: "Nama dalam ASCII (punycode)",
    purpose: "Kegunaan",
    ipv4: "Alamat IPv4 server",
    ipv6: "Alamat IPv6 server",
    alias: "Alias (CNAME) ke",
    namespace: "Namespace hosting",
    quota: "Kuota",
    quotaValue: (q: { cpu: string; memory: string; storage: string; volumes: number }) =>
      `CPU ${q.cpu}, memori ${q.memory}, penyimpanan ${q.storage}, ${q.volumes} volume`,
    ingress: "Host ingress",
    user: "Akses klaster",
    userValue: (u: string, role: string) => `${u} (peran ${role} di namespace)`,
    sa: "ServiceAccount untuk CI",
    kubectl: "Petunjuk kubectl",
    records: "Rekaman DNS",
    clusterIngress: "ingress klaster Diskominfo",
    otherScript: "(nama beraksara non-Latin; bentuk aslinya tercantum dalam e-mail dan daftar subdomain)",
    admin: "Kontak administratif",
    tech: "Kontak teknis",
    reviewBy: "Tinjau ulang paling lambat",
    closing: (reviewBy: string) => [
      `Subdomain tersebut hanya digunakan sesuai kegunaan yang dimohonkan. Pengelolaan isi, keamanan aplikasi, dan pembaruan perangkat lunaknya menjadi tanggung jawab OPD pemohon. Paling lambat ${reviewBy} OPD wajib menegaskan kembali bahwa subdomain masih digunakan; subdomain yang tidak ditegaskan dapat dinonaktifkan.`,
      "Demikian kami sampaikan. Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.",
    ],
    copies: "Tembusan:",
    defaultCopies: (region: string) => [`Sekretaris Daerah ${region}`, "Arsip"],
    addressee: (opd: string) => `Kepala ${opd}`,
    title: (host: string) => `Balasan Permohonan Subdomain ${host}`,
  },
  en: {
    number: "Number",
    nature: "Classification",
    natureValue: "Ordinary",
    attachment: "Attachment",
    none: "-",
    subject: "Subject",
    subjectValue: "Reply to the Subdomain Request",
    to: "To:",
    at: "in",
    opening: (n: string, d: string, host: string) =>
      `In reply to your letter number ${n} of ${d} concerning a subdomain request, we are pleased to inform you that the subdomain ${host} has been set up and is ready for use, with the following details:`,
    host: "Subdomain",
    ascii: "ASCII name (punycode)",
    purpose: "Purpose",
    ipv4: "Server IPv4 addresses",
    ipv6: "Server IPv6 addresses",
    alias: "Alias (CNAME) to",
    namespace: "Hosting namespace",
    quota: "Quota",
    quotaValue: (q: { cpu: string; memory: string; storage: string; volumes: number }) =>
      `CPU ${q.cpu}, memory ${q.memory}, storage ${q.storage}, ${q.volumes} volume(s)`,
    ingress: "Ingress host",
    user: "Cluster access",
    userValue: (u: string, role: string) => `${u} (role ${role} in the namespace)`,
    sa: "ServiceAccount for CI",
    kubectl: "kubectl hint",
    records: "DNS records",
    clusterIngress: "the cluster's ingress",
    otherScript: "(a name in a non-Latin script; its own form is in the e-mail and the registry)",
    admin: "Administrative contact",
    tech: "Technical contact",
    reviewBy: "Review by",
    closing: (reviewBy: string) => [
      `The subdomain may be used only for the stated purpose. Its content, application security and software updates are the requesting agency's responsibility. By ${reviewBy} the agency must confirm that the subdomain is still in use; a subdomain not confirmed may be disabled.`,
      "Thank you for your attention and cooperation.",
    ],
    copies: "Copies:",
    defaultCopies: (region: string) => [`Regional Secretary of ${region}`, "Archive"],
    addressee: (opd: string) => `Head of ${opd}`,
    title: (host: string) => `Reply to the subdomain request ${host}`,
  },
} as const;

/** "Pemerintah Kabupaten Contoh" -> "Kabupaten Contoh". */
function regionOf(governance: Governance): string {
  return governance.government.name.replace(/^Pemerintah\s+/i, "");
}

/** Characters the standard PDF fonts (WinAnsi) can draw. */
const LATIN = /^[\n\x20-\x7e\u00a0-\u00ff]*$/;

/**
 * The account rows shared by the letter and the e-mail. `latinOnly` (the PDF, whose standard
 * fonts draw Latin script only): a name in another script, such as Javanese ꦧꦸꦢꦪ, is given in
 * its ASCII form with a note, instead of as unreadable glyphs.
 */
export function accountRows(account: AccountDetails, lang: Lang = "id", latinOnly = false): Array<[string, string]> {
  const t = T[lang];
  const drawable = !latinOnly || LATIN.test(account.host.unicode);
  const rows: Array<[string, string]> = [[t.host, drawable ? account.host.unicode : `${account.host.ascii}\n${t.otherScript}`]];
  if (drawable && account.host.ascii !== account.host.unicode) rows.push([t.ascii, account.host.ascii]);
  rows.push([t.purpose, account.purpose]);
  const target = account.target;
  if (target.kind === "server") {
    if (target.ipv4.length) rows.push([t.ipv4, target.ipv4.join(", ")]);
    if (target.ipv6.length) rows.push([t.ipv6, target.ipv6.join(", ")]);
  } else if (target.kind === "alias") {
    rows.push([t.alias, target.alias]);
  } else if (target.kind === "hosting") {
    rows.push([t.namespace, target.namespace]);
    rows.push([t.quota, t.quotaValue(target.quota)]);
    rows.push([t.ingress, target.ingressHost]);
    rows.push([t.user, t.userValue(target.user, target.accessRole)]);
    rows.push([t.sa, target.serviceAccount]);
    rows.push([t.kubectl, target.kubectlHint]);
    rows.push(...hostingTermRows(target.tenant, lang));
  }
  if (account.records.length)
    rows.push([t.records, account.records.map((r) => (r.type === "INGRESS" ? `${r.name} -> ${t.clusterIngress}` : `${r.name} ${r.ttl} ${r.type} ${r.value}`)).join("\n")]);
  rows.push([t.admin, account.contacts.administrative.name]);
  rows.push([t.tech, account.contacts.technical.name]);
  rows.push([t.reviewBy, formatDate(account.reviewBy, lang)]);
  return rows;
}

/**
 * The signature block. An acting official writes "Plt."/"Plh." before the head's title; one
 * signing on the head's behalf writes "a.n." and the head's title, then their own title.
 */
function signatureBlock(input: LetterInput): LetterContent["signature"] {
  const head = input.governance.government.head;
  const s = input.signer;
  if (!s) return { title: head.title, name: head.name, ...(head.rank ? { rank: head.rank } : {}), ...(head.nip ? { nip: `NIP. ${head.nip}` } : {}) };
  const title = s.prefix === "a.n." ? `a.n. ${head.title}\n${s.title ?? ""}`.trim() : `${s.prefix} ${head.title}`;
  return { title, name: s.name, ...(s.nip ? { nip: `NIP. ${s.nip}` } : {}) };
}

/** Everything the letter says, in order. Pure. */
export function letterContent(input: LetterInput): LetterContent {
  const lang = input.lang ?? "id";
  const t = T[lang];
  const g = input.governance.government;
  const a = input.account;
  const contact = [g.website ? (lang === "id" ? `Laman: ${g.website.replace(/^https?:\/\//, "")}` : `Website: ${g.website.replace(/^https?:\/\//, "")}`) : "", g.email ? (lang === "id" ? `Pos-el: ${g.email}` : `E-mail: ${g.email}`) : ""]
    .filter(Boolean)
    .join("   ");
  return {
    title: t.title(a.host.unicode),
    letterhead: { government: g.name.toUpperCase(), office: g.office.toUpperCase(), address: g.address, contact },
    placeDate: `${g.city}, ${formatDate(input.date, lang)}`,
    numbering: [
      [t.number, input.number],
      [t.nature, t.natureValue],
      [t.attachment, t.none],
      [t.subject, t.subjectValue],
    ],
    addressee: [t.to, input.addressee ?? t.addressee(a.opd.name), t.at, g.city],
    opening: (() => {
      const host = input.latinOnly && !LATIN.test(a.host.unicode) ? a.host.ascii : a.host.unicode;
      const n = a.opdLetter.number;
      const d = formatDate(a.opdLetter.date, lang);
      return outcomeOpening(input.outcome ?? { kind: "baru" }, n, d, host, lang, a.target.kind === "hosting") ?? t.opening(n, d, host);
    })(),
    // A removed or refused subdomain has no review date to keep.
    table: accountRows(a, lang, input.latinOnly).filter(([k]) => !(input.outcome && (input.outcome.kind === "hapus" || input.outcome.kind === "tolak") && k === t.reviewBy)),
    closing: input.outcome && input.outcome.kind !== "baru" && input.outcome.kind !== "ubah" ? t.closing("").slice(1) : [...t.closing(formatDate(a.reviewBy, lang))],
    signature: signatureBlock(input),
    copiesTitle: t.copies,
    copies: input.copies ?? [...t.defaultCopies(regionOf(input.governance))],
  };
}
