// The words of the reply letter (and of the e-mail, which repeats the account table), kept apart
// from the PDF drawing so that they can be tested and reused. Indonesian by default, English on
// request. Roles and names come from governance: nothing here names an office.
import { hostingTermRows } from "./hosting-terms.ts";
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import type { AccountDetails } from "./account.ts";
import { formatDate } from "../worktime/format.ts";

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
  /** The government's emblem for the letterhead (PNG or JPEG bytes, see logo.ts). */
  logo?: Buffer;
  /** What the letter answers; default: a new subdomain made. */
  outcome?: LetterOutcome;
  /** An acting official signs: "Plt."/"Plh." before the title, or "a.n." on behalf of the head. */
  signer?: Signer;
  /** No agenda number yet: a draft, marked KONSEP, whose number row says so. */
  draft?: boolean;
  /** Signed electronically: the BSrE footer is printed (see render.ts). */
  electronic?: boolean;
}

/** Who signs when it is not the head of office himself (Permendagri 1/2023 on official letters). */
export interface Signer {
  prefix: "Plt." | "Plh." | "a.n.";
  name: string;
  /** With "a.n.": the signer's own position, written under "a.n. <head's title>". */
  title?: string;
  nip?: string;
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

/** What happened to the data of a removed subdomain: hosting data is kept or deleted with a last backup (governance's final retention). */
function removedData(account: AccountDetails, o: Extract<LetterOutcome, { kind: "hapus" }>, lang: Lang): string {
  const t = account.target;
  if (t.kind !== "hosting")
    return lang === "id" ? "Data pada server OPD tidak tersentuh: yang dihapus hanya nama dan rekaman DNS-nya." : "Data on the agency's own server is untouched: only the name and its DNS records were removed.";
  const days = t.tenant.backup.finalRetentionDays;
  const until = formatDate(new Date(Date.parse(`${o.removedOn}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10), lang);
  if (o.dataKept)
    return lang === "id"
      ? `Data hosting (namespace ${t.namespace} beserta volume penyimpanannya) tidak ikut dihapus: data tersebut tetap disimpan oleh Diskominfo dan dapat diminta kembali oleh OPD dengan surat.`
      : `The hosting data (namespace ${t.namespace} with its storage volumes) was not deleted: the office keeps it and the agency may ask for it by letter.`;
  return lang === "id"
    ? `Atas permintaan OPD, data hosting (namespace ${t.namespace} beserta volume penyimpanannya) ikut dihapus; cadangan terakhirnya disimpan selama ${days} hari, sampai tanggal ${until}, lalu dimusnahkan.`
    : `At the agency's request the hosting data (namespace ${t.namespace} with its storage volumes) was deleted too; its last backup is kept for ${days} days, until ${until}, then destroyed.`;
}

/** The opening paragraph for each outcome, Indonesian; the English letter keeps its own sentence for a new subdomain. */
function outcomeOpening(o: LetterOutcome, n: string, d: string, host: string, lang: Lang, data: string): string | undefined {
  const intro = lang === "id" ? `Menindaklanjuti surat Saudara Nomor ${n} tanggal ${d} perihal Permohonan Subdomain, dengan hormat kami sampaikan bahwa` : `In reply to your letter number ${n} of ${d} concerning a subdomain request, we inform you that`;
  switch (o.kind) {
    case "baru":
      return undefined;
    case "ubah":
      return lang === "id"
        ? `${intro} perubahan subdomain ${host} telah selesai kami laksanakan${o.changes.length ? `, yaitu: ${o.changes.join("; ")}` : ""}. Rincian yang berlaku sekarang sebagai berikut:`
        : `${intro} the change of the subdomain ${host} has been carried out${o.changes.length ? `: ${o.changes.join("; ")}` : ""}. The details now in force:`;
    case "hapus":
      return lang === "id"
        ? `${intro} subdomain ${host} telah dihapus pada tanggal ${formatDate(o.removedOn, lang)}. ${data} Rincian yang dihapus sebagai berikut:`
        : `${intro} the subdomain ${host} was removed on ${formatDate(o.removedOn, lang)}. ${data} What was removed:`;
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
  /** The body's table: what the letter is about, in words. */
  table: Array<[string, string]>;
  /** Technical access details (accounts, namespace, quotas, records): the attachment page (Lampiran). */
  attachment?: { heading: Array<[string, string]>; title: string; rows: Array<[string, string]> };
  closing: string[];
  signature: { title: string; name: string; rank?: string; nip?: string };
  copiesTitle: string;
  copies: string[];
  title: string;
  /** "KONSEP" on a draft without an agenda number. */
  draftMark?: string;
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
    service: "Layanan",
    hostingService: "hosting di klaster Diskominfo; rincian akses teknis (akun, namespace, kuota) dalam Lampiran",
    requested: "Tujuan yang dimohonkan",
    hostingRemoved: "hosting di klaster Diskominfo (dihapus); rincian teknis yang dihapus dalam Lampiran",
    oneSheet: "1 (satu) berkas",
    unnumbered: "(belum bernomor: nomor diberikan dari agenda saat surat ditandatangani)",
    draftMark: "KONSEP",
    attachmentOf: "Lampiran",
    letterOf: "Surat",
    date: "Tanggal",
    accessDetails: "RINCIAN AKSES TEKNIS",
    removedDetails: "RINCIAN TEKNIS YANG DIHAPUS",
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
    service: "Service",
    hostingService: "hosting on the office's cluster; technical access details (accounts, namespace, quota) in the attachment",
    requested: "Requested target",
    hostingRemoved: "hosting on the office's cluster (removed); the technical details removed are in the attachment",
    oneSheet: "1 (one) document",
    unnumbered: "(not yet numbered: the agenda gives the number when the letter is signed)",
    draftMark: "DRAFT",
    attachmentOf: "Attachment to the letter of the",
    letterOf: "",
    date: "Date",
    accessDetails: "TECHNICAL ACCESS DETAILS",
    removedDetails: "TECHNICAL DETAILS REMOVED",
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

/** The account's rows in two parts: what the letter says in its body, and the technical access details for the attachment. */
export function accountSections(account: AccountDetails, lang: Lang = "id"): { body: Array<[string, string]>; technical: Array<[string, string]> } {
  const t = T[lang];
  const body: Array<[string, string]> = [[t.host, account.host.unicode]];
  const technical: Array<[string, string]> = [];
  if (account.host.ascii !== account.host.unicode) body.push([t.ascii, account.host.ascii]);
  body.push([t.purpose, account.purpose]);
  const target = account.target;
  if (target.kind === "server") {
    if (target.ipv4.length) body.push([t.ipv4, target.ipv4.join(", ")]);
    if (target.ipv6.length) body.push([t.ipv6, target.ipv6.join(", ")]);
  } else if (target.kind === "alias") {
    body.push([t.alias, target.alias]);
  } else if (target.kind === "hosting") {
    body.push([t.service, t.hostingService]);
    technical.push([t.namespace, target.namespace]);
    technical.push([t.quota, t.quotaValue(target.quota)]);
    technical.push([t.ingress, target.ingressHost]);
    technical.push([t.user, t.userValue(target.user, target.accessRole)]);
    technical.push([t.sa, target.serviceAccount]);
    technical.push([t.kubectl, target.kubectlHint]);
    technical.push(...hostingTermRows(target.tenant, lang));
  }
  if (account.records.length)
    technical.push([t.records, account.records.map((r) => (r.type === "INGRESS" ? `${r.name} -> ${t.clusterIngress}` : `${r.name} ${r.ttl} ${r.type} ${r.value}`)).join("\n")]);
  body.push([t.admin, account.contacts.administrative.name]);
  body.push([t.tech, account.contacts.technical.name]);
  body.push([t.reviewBy, formatDate(account.reviewBy, lang)]);
  return { body, technical };
}

/** The account rows of the e-mail: body and technical details in one table. */
export function accountRows(account: AccountDetails, lang: Lang = "id"): Array<[string, string]> {
  const { body, technical } = accountSections(account, lang);
  return [...body, ...technical];
}

/**
 * The signature block. An acting official writes "Plt."/"Plh." before the head's title; one
 * signing on the head's behalf writes "a.n." and the head's title, then their own title.
 */
function signatureBlock(input: LetterInput): LetterContent["signature"] {
  const head = input.governance.government.head;
  const s = input.signer;
  if (!s) return { title: head.title, name: head.name, ...(head.rank ? { rank: head.rank } : {}), ...(head.nip ? { nip: `NIP. ${head.nip}` } : {}) };
  // Permendagri 1/2023: "Plt."/"Plh." stands before the head's title; "a.n." (atas nama) before
  // the head's title, with the signer's own position on the next line.
  const title = s.prefix === "a.n." ? `a.n. ${head.title}${s.title ? `\n${s.title}` : ""}` : `${s.prefix} ${head.title}`;
  return { title, name: s.name, ...(s.nip ? { nip: `NIP. ${s.nip}` } : {}) };
}

/** The rows of the letter's body and attachment for its outcome. */
function rowsFor(input: LetterInput, lang: Lang): { table: Array<[string, string]>; technical: Array<[string, string]> } {
  const t = T[lang];
  const kind = input.outcome?.kind ?? "baru";
  const { body, technical } = accountSections(input.account, lang);
  if (kind === "tolak") {
    // Nothing was made: the request as received, its target in words, no access details.
    const keep = new Set<string>([t.host, t.ascii, t.purpose, t.admin, t.tech]);
    const rows = body.filter(([k]) => keep.has(k));
    rows.splice(rows.findIndex(([k]) => k === t.purpose) + 1, 0, [t.requested, input.account.requested]);
    return { table: rows, technical: [] };
  }
  if (kind === "hapus") {
    // A removed subdomain has no review date; what was removed technically is the attachment.
    const removed = technical.filter(([k]) => k === t.records || k === t.namespace || k === t.quota);
    const table = body.filter(([k]) => k !== t.reviewBy).map(([k, v]): [string, string] => (k === t.service ? [k, t.hostingRemoved] : [k, v]));
    return { table, technical: removed };
  }
  return { table: body, technical };
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
  const { table, technical } = rowsFor(input, lang);
  const numberRow: [string, string] = [t.number, input.draft ? t.unnumbered : input.number];
  const subject = t.subjectValue;
  const signature = signatureBlock(input);
  return {
    title: t.title(a.host.unicode),
    letterhead: { government: g.name.toUpperCase(), office: g.office.toUpperCase(), address: g.address, contact },
    placeDate: `${g.city}, ${formatDate(input.date, lang)}`,
    numbering: [numberRow, [t.nature, t.natureValue], [t.attachment, technical.length ? t.oneSheet : t.none], [t.subject, subject]],
    addressee: [t.to, input.addressee ?? t.addressee(a.opd.name), t.at, g.city],
    opening: outcomeOpening(input.outcome ?? { kind: "baru" }, a.opdLetter.number, formatDate(a.opdLetter.date, lang), a.host.unicode, lang, input.outcome?.kind === "hapus" ? removedData(a, input.outcome, lang) : "") ?? t.opening(a.opdLetter.number, formatDate(a.opdLetter.date, lang), a.host.unicode),
    table,
    ...(technical.length
      ? {
          attachment: {
            heading: [
              [t.attachmentOf, `${t.letterOf} ${input.governance.government.head.title}`.trim()],
              numberRow,
              [t.date, formatDate(input.date, lang)],
              [t.subject, subject],
            ],
            title: input.outcome?.kind === "hapus" ? t.removedDetails : t.accessDetails,
            rows: technical,
          },
        }
      : {}),
    closing: input.outcome && input.outcome.kind !== "baru" && input.outcome.kind !== "ubah" ? t.closing("").slice(1) : [...t.closing(formatDate(a.reviewBy, lang))],
    signature,
    copiesTitle: t.copies,
    copies: input.copies ?? [...t.defaultCopies(regionOf(input.governance))],
    ...(input.draft ? { draftMark: t.draftMark } : {}),
  };
}
