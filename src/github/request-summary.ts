// The request in words, at the top of the bot's comment: what is asked (OPD, subdomain, purpose,
// target, the OPD's letter with its scan, the recommendation) and who answers for it (contact
// names only: never phone, NIP or e-mail, which the comment would publish). For a change, what
// differs in plain words; a move from the OPD's server to hosting reads as a change. Pure.
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";
import { formatDate } from "../worktime/format.ts";
import { changesInWords, targetInWords } from "../letter/request-words.ts";

export { changesInWords, targetInWords };

/** Request text is data: it must not become Markdown, HTML or a mention. */
export function md(s: string): string {
  return s
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/@/g, "@\u200b");
}

const link = (url: string, text: string) => (/^https:\/\/[^\s()<>]+$/.test(url) ? `[${md(text)}](${url})` : md(url));

export interface RequestSide {
  file: string;
  request: Request;
}

/** The Markdown section "Permohonan" for each request file of a pull request: one sentence saying what is asked, then the particulars. */
export function renderRequestSummary(governance: Governance, items: ReadonlyArray<{ before?: RequestSide; after?: RequestSide }>): string {
  const lines = ["### Permohonan", ""];
  const defaults = governance.hosting.defaults;
  for (const { before, after } of items) {
    const r = (after ?? before)!.request;
    const zone = r.zone ?? governance.zones[0]!.name;
    const opd = md(governance.opds.find((o) => o.code === r.opd)?.name ?? r.opd);
    const host = `\`${r.label}.${zone}\``;
    const removing = !after || (after.request.decommission !== undefined && !before?.request.decommission);
    const changes = before && after ? changesInWords(before.request, after.request, defaults).filter((c) => !c.startsWith("subdomain diminta dihapus")) : [];
    // The first sentence says what the official approves, without opening any file.
    if (!after) lines.push(`**Penghapusan subdomain ${host}** milik ${opd}: berkas permohonannya dihapus, sehingga subdomain dan semua rekamannya akan dihapus.`, "");
    else if (removing) {
      const d = after.request.decommission!;
      const data = r.target?.hosting ? (d.deleteData ? " Data hosting (namespace dan penyimpanannya) ikut dihapus atas permintaan OPD." : " Data hosting (namespace dan penyimpanannya) tidak dihapus dan tetap disimpan.") : "";
      lines.push(`**${opd} memohon penghapusan subdomain ${host}** dengan alasan: ${md(d.reason)}.${data}`, "");
    } else if (!before) lines.push(`**${opd} memohon subdomain baru ${host}** untuk ${md(r.purpose)}, diarahkan ke ${md(targetInWords(r.target, defaults))}.`, "");
    else lines.push(`**${opd} memohon perubahan subdomain ${host}**: ${changes.length ? changes.map(md).join("; ") : "tidak ada perubahan isi"}.`, "");
    lines.push(`- Kegunaan: ${md(r.purpose)}`);
    lines.push(`- Tujuan${before && after && !removing ? " setelah perubahan" : ""}: ${md(targetInWords(r.target, defaults))}`);
    const l = r.decommission?.letter ?? r.letter;
    lines.push(`- Surat OPD: Nomor ${md(l.number)} tanggal ${formatDate(l.date, "id")}${l.scan ? ` (${link(l.scan, "pindaian surat")})` : " (tanpa pindaian)"}`);
    if (r.recommendation) {
      const rec = r.recommendation;
      lines.push(`- Rekomendasi: Nomor ${md(rec.number)}${rec.date ? ` tanggal ${formatDate(rec.date, "id")}` : ""}${rec.issuer ? ` dari ${md(rec.issuer)}` : ""}${rec.url ? ` (${link(rec.url, "dokumen")})` : ""}`);
    }
    lines.push(`- Penanggung jawab: ${md(r.contacts.administrative.name)} (administratif), ${md(r.contacts.technical.name)} (teknis)`);
    lines.push("");
  }
  return lines.join("\n");
}
