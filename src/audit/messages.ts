// The audit's words, Indonesian and English: evidence (what was seen) and the fix (what to do).
// Plain text; each renderer escapes it for its own output.
import type { Message } from "../diagnostics/diagnostic.ts";
import type { PageScan } from "./content.ts";
import type { DnsFailure } from "./dns.ts";
import type { Fingerprint } from "./fingerprints.ts";
import type { Fetched } from "./http.ts";
import type { TlsVerdict } from "./tls.ts";

const m = (id: string, en: string): Message => ({ id, en });

const FAILURE: Record<DnsFailure, Message> = {
  NXDOMAIN: m("nama tidak ada (NXDOMAIN)", "the name does not exist (NXDOMAIN)"),
  NODATA: m("nama ada tetapi tanpa alamat", "the name exists but has no address"),
  SERVFAIL: m("server nama gagal menjawab (SERVFAIL)", "its name servers fail (SERVFAIL)"),
  REFUSED: m("ditolak resolver (REFUSED)", "refused by the resolver (REFUSED)"),
  TIMEOUT: m("resolver tidak menjawab", "the resolver did not answer"),
  ERROR: m("galat DNS", "DNS error"),
};

export const resolverSilent = (name: string, type: string, f: DnsFailure) =>
  m(`Pertanyaan ${type} untuk ${name} tidak terjawab: ${FAILURE[f].id}. Nama ini belum diperiksa.`, `The ${type} query for ${name} got no answer: ${FAILURE[f].en}. This name was not checked.`);

export const liveDiffers = (d: string[], absent?: "suspended" | "decommissioned") =>
  absent
    ? m(`Nama ini ${absent === "suspended" ? "ditangguhkan" : "sudah dinonaktifkan"} di repositori tetapi masih menjawab di DNS: ${d.join("; ")}.`, `This name is ${absent} in the repository but still answers in DNS: ${d.join("; ")}.`)
    : m(`Jawaban DNS berbeda dari repositori (repositori → DNS): ${d.join("; ")}.`, `The DNS answer differs from the repository (repository → DNS): ${d.join("; ")}.`);
export const fixLiveDiffers = (file: string, absent?: string) =>
  absent
    ? m(`Diskominfo: jalankan penyediaan ulang (deploy) agar catatan DNS nama ini dicabut sesuai ${file}.`, `Diskominfo: run the deployment again so that this name's records are removed as ${file} says.`)
    : m(`Diskominfo: jalankan penyediaan ulang (deploy), lalu periksa siapa yang mengubah DNS di luar repositori; bila isi DNS yang benar, ubah ${file} lewat permohonan perubahan.`, `Diskominfo: run the deployment again, then find out who changed DNS outside the repository; if DNS is right, change ${file} through a change request.`);

export const dangling = (target: string, f: DnsFailure) =>
  m(`Alias menunjuk ke ${target}, tetapi ${FAILURE[f].id}.`, `The alias points to ${target}, but ${FAILURE[f].en}.`);
export const fixDangling = (file: string) =>
  m(`OPD: arahkan alias ke nama yang aktif atau ajukan penghapusan subdomain (${file}). Alias yang menggantung dapat diambil alih pihak lain.`, `Agency: point the alias at a live name or request removal of the subdomain (${file}). A dangling alias can be taken over by someone else.`);

export const takeoverNx = (target: string, s: Fingerprint) =>
  m(`Alias menunjuk ke ${target} di ${s.service}, dan nama itu tidak ada: siapa pun dapat mendaftarkannya di ${s.service} lalu menguasai subdomain ini.`, `The alias points to ${target} on ${s.service}, and that name does not exist: anyone can register it on ${s.service} and control this subdomain.`);
export const takeoverPage = (target: string, s: Fingerprint) =>
  m(`Alias menunjuk ke ${target} di ${s.service}, yang menjawab dengan halaman "belum diklaim" ("${s.body}"): siapa pun dapat mengklaimnya lalu menguasai subdomain ini.`, `The alias points to ${target} on ${s.service}, which answers with its "not claimed" page ("${s.body}"): anyone can claim it and control this subdomain.`);
export const fixTakeover = (file: string, s: Fingerprint) =>
  m(`Segera: OPD mengklaim kembali layanan di ${s.service} atau menghapus alias (${file}). Diskominfo mengajukan penangguhan darurat sampai diperbaiki.`, `Now: the agency reclaims the service on ${s.service} or removes the alias (${file}). Diskominfo proposes an emergency suspension until it is fixed.`);

function failed(p: Fetched): string {
  return p.ok ? `HTTP ${p.status}` : p.timedOut ? "tidak menjawab / no answer" : p.error;
}
export const unreachable = (address: string, httpPort: number, http: Fetched, httpsPort: number, https: Fetched) =>
  m(
    `Alamat ${address} tidak menjawab di port ${httpPort} (${failed(http)}) maupun ${httpsPort} (${failed(https)}).`,
    `The address ${address} answers on neither port ${httpPort} (${failed(http)}) nor ${httpsPort} (${failed(https)}).`,
  );
export const fixUnreachable = (file: string) =>
  m(`OPD: hidupkan kembali server, atau ajukan penghapusan subdomain bila layanannya tidak dipakai lagi (${file}).`, `Agency: bring the server back, or request removal of the subdomain if the service is no longer used (${file}).`);

function scanText(s: PageScan, lang: "id" | "en"): string {
  const parts: string[] = [];
  if (s.keywords.length) parts.push(`${lang === "id" ? "kata" : "words"} ${s.keywords.map((k) => `"${k}"`).join(", ")}`);
  if (s.hiddenLinks.length)
    parts.push(`${lang === "id" ? "tautan tersembunyi ke" : "hidden links to"} ${s.hiddenLinks.slice(0, 5).map((l) => l.href).join(", ")}${s.hiddenLinks.length > 5 ? " …" : ""}`);
  return parts.join(lang === "id" ? " dan " : " and ");
}
export function gambling(visitor?: PageScan, bot?: PageScan, referred?: PageScan): Message {
  const id: string[] = [];
  const en: string[] = [];
  if (visitor) {
    id.push(`Halaman memuat konten judi online: ${scanText(visitor, "id")}.`);
    en.push(`The page carries online gambling content: ${scanText(visitor, "en")}.`);
  }
  if (bot && !visitor) {
    id.push(`Halaman disamarkan: hanya mesin pencari (Googlebot) yang diberi konten judi: ${scanText(bot, "id")}; pengunjung biasa melihat halaman bersih.`);
    en.push(`The page is cloaked: only search engines (Googlebot) get gambling content: ${scanText(bot, "en")}; ordinary visitors see a clean page.`);
  }
  if (referred && !visitor) {
    id.push(`Halaman disamarkan: pengunjung yang datang dari mesin pencari diberi konten judi: ${scanText(referred, "id")}.`);
    en.push(`The page is cloaked: visitors arriving from a search engine get gambling content: ${scanText(referred, "en")}.`);
  }
  return m(id.join(" "), en.join(" "));
}
export const fixGambling = (file: string) =>
  m(
    `Segera: OPD mematikan situs, membersihkan dan menambal (CMS, plugin, kata sandi), lalu melapor ke CSIRT daerah/BSSN. Diskominfo mengajukan penangguhan darurat DNS (${file}); penangguhan dicabut lewat permohonan perubahan setelah situs bersih.`,
    `Now: the agency takes the site down, cleans and patches it (CMS, plugins, passwords) and reports to the regional CSIRT/BSSN. Diskominfo proposes an emergency DNS suspension (${file}); it is lifted by a change request once the site is clean.`,
  );

export function tls(v: TlsVerdict, port: number): Message {
  switch (v.kind) {
    case "tls-expired":
      return m(`Sertifikat HTTPS (port ${port}) kedaluwarsa pada ${v.notAfter}; peramban menampilkan peringatan keamanan.`, `The HTTPS certificate (port ${port}) expired on ${v.notAfter}; browsers show a security warning.`);
    case "tls-expiring":
      return m(`Sertifikat HTTPS (port ${port}) habis pada ${v.notAfter}, ${v.days} hari lagi.`, `The HTTPS certificate (port ${port}) expires on ${v.notAfter}, in ${v.days} days.`);
    case "tls-name-mismatch":
      return m(`Sertifikat HTTPS (port ${port}) dibuat untuk nama lain: ${v.names}.`, `The HTTPS certificate (port ${port}) is for another name: ${v.names}.`);
    case "tls-self-signed":
      return m(`Sertifikat HTTPS (port ${port}) tidak diterbitkan otoritas tepercaya (${v.issuer}; ${v.code}).`, `The HTTPS certificate (port ${port}) is not from a trusted authority (${v.issuer}; ${v.code}).`);
  }
}
export function fixTls(v: TlsVerdict, name: string): Message {
  switch (v.kind) {
    case "tls-expired":
    case "tls-expiring":
      return m(`OPD: perbarui sertifikat untuk ${name}, sebaiknya otomatis (misalnya Let's Encrypt dengan certbot atau cert-manager).`, `Agency: renew the certificate for ${name}, preferably automatically (for example Let's Encrypt with certbot or cert-manager).`);
    case "tls-name-mismatch":
      return m(`OPD: pasang sertifikat yang memuat nama ${name}.`, `Agency: install a certificate that names ${name}.`);
    case "tls-self-signed":
      return m(`OPD: pasang sertifikat dari otoritas tepercaya (misalnya Let's Encrypt) untuk ${name}.`, `Agency: install a certificate from a trusted authority (for example Let's Encrypt) for ${name}.`);
  }
}
