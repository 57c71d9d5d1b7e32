// What each finding kind is called for people, and how urgent it is.
import type { Lang, Message } from "../diagnostics/diagnostic.ts";
import type { FindingKind } from "./types.ts";

export type Urgency = "critical" | "important" | "notice";

export const KIND: Record<FindingKind, { label: Message; urgency: Urgency }> = {
  "gambling-content": { label: { id: "Konten judi online", en: "Online gambling content" }, urgency: "critical" },
  "takeover-risk": { label: { id: "Dapat diambil alih pihak lain", en: "Can be taken over by others" }, urgency: "critical" },
  "dangling-cname": { label: { id: "Alias ke nama yang tidak ada", en: "Alias to a name that does not exist" }, urgency: "important" },
  unreachable: { label: { id: "Situs tidak dapat dibuka", en: "Site cannot be reached" }, urgency: "important" },
  "tls-expired": { label: { id: "Sertifikat keamanan kedaluwarsa", en: "Security certificate expired" }, urgency: "important" },
  "tls-self-signed": { label: { id: "Sertifikat keamanan tidak tepercaya", en: "Security certificate not trusted" }, urgency: "important" },
  "tls-name-mismatch": { label: { id: "Sertifikat keamanan untuk nama lain", en: "Security certificate for another name" }, urgency: "important" },
  "tls-expiring": { label: { id: "Sertifikat keamanan segera habis", en: "Security certificate expiring soon" }, urgency: "notice" },
  "live-differs": { label: { id: "DNS berbeda dari catatan resmi", en: "DNS differs from the official record" }, urgency: "notice" },
};

/** What must happen, in a sentence for leadership (the technical fix is in the issue). */
export const ACTION: Record<FindingKind, Message> = {
  "gambling-content": { id: "OPD mematikan dan membersihkan situs lalu melapor ke CSIRT; Diskominfo menangguhkan DNS sampai bersih", en: "the agency takes the site down, cleans it and reports to the CSIRT; Diskominfo suspends DNS until it is clean" },
  "takeover-risk": { id: "OPD mengklaim kembali layanan hosting atau menghapus alias; Diskominfo menangguhkan DNS sampai aman", en: "the agency reclaims the hosting service or removes the alias; Diskominfo suspends DNS until it is safe" },
  "dangling-cname": { id: "OPD mengarahkan alias ke layanan yang aktif atau mengajukan penghapusan", en: "the agency points the alias at a live service or asks for removal" },
  unreachable: { id: "OPD menghidupkan kembali server atau mengajukan penghapusan", en: "the agency brings the server back or asks for removal" },
  "tls-expired": { id: "OPD memperbarui sertifikat", en: "the agency renews the certificate" },
  "tls-self-signed": { id: "OPD memasang sertifikat resmi", en: "the agency installs a proper certificate" },
  "tls-name-mismatch": { id: "OPD memasang sertifikat untuk nama ini", en: "the agency installs a certificate for this name" },
  "tls-expiring": { id: "OPD memperbarui sertifikat sebelum habis", en: "the agency renews the certificate before it expires" },
  "live-differs": { id: "Diskominfo menyamakan DNS dengan catatan resmi", en: "Diskominfo brings DNS back in line with the official record" },
};

export const URGENCY: Record<Urgency, Message> = {
  critical: { id: "Gawat", en: "Critical" },
  important: { id: "Penting", en: "Important" },
  notice: { id: "Perlu diperhatikan", en: "Notice" },
};

export const label = (k: FindingKind, lang: Lang) => KIND[k].label[lang];

/** Markdown text from request or page data: no markup, no mentions, no HTML. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "&#64;")
    .replace(/([\\`*_[\]#|~!])/g, "\\$1");
}
