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
  } else {
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
    opening: t.opening(a.opdLetter.number, formatDate(a.opdLetter.date, lang), input.latinOnly && !LATIN.test(a.host.unicode) ? a.host.ascii : a.host.unicode),
    table: accountRows(a, lang, input.latinOnly),
    closing: [...t.closing(formatDate(a.reviewBy, lang))],
    signature: {
      title: g.head.title,
      name: g.head.name,
      ...(g.head.rank ? { rank: g.head.rank } : {}),
      ...(g.head.nip ? { nip: `NIP. ${g.head.nip}` } : {}),
    },
    copiesTitle: t.copies,
    copies: input.copies ?? [...t.defaultCopies(regionOf(input.governance))],
  };
}
