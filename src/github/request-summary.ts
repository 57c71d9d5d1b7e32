// The request in words, at the top of the bot's comment: what is asked (OPD, subdomain, purpose,
// target, the OPD's letter with its scan, the recommendation) and who answers for it (contact
// names only: never phone, NIP or e-mail, which the comment would publish). For a change, what
// differs in plain words; a move from the OPD's server to hosting reads as a change. Pure.
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";
import { formatDate } from "../letter/date.ts";
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

/** The Markdown section "Permohonan" for each request file of a pull request. */
export function renderRequestSummary(governance: Governance, items: ReadonlyArray<{ before?: RequestSide; after?: RequestSide }>): string {
  const lines = ["### Permohonan", ""];
  for (const { before, after } of items) {
    const r = (after ?? before)!.request;
    const zone = r.zone ?? governance.zones[0]!.name;
    const opd = governance.opds.find((o) => o.code === r.opd)?.name ?? r.opd;
    const kind = !after ? "Penghapusan" : !before ? "Permohonan baru" : after.request.decommission && !before.request.decommission ? "Penghapusan" : "Perubahan";
    lines.push(`**${kind}: \`${r.label}.${zone}\`** untuk ${md(opd)}`, "");
    lines.push(`- Kegunaan: ${md(r.purpose)}`);
    lines.push(`- Tujuan: ${md(targetInWords(r.target))}`);
    const l = r.decommission?.letter ?? r.letter;
    lines.push(`- Surat OPD: Nomor ${md(l.number)} tanggal ${formatDate(l.date, "id")}${l.scan ? ` (${link(l.scan, "pindaian surat")})` : " (tanpa pindaian)"}`);
    if (r.recommendation) {
      const rec = r.recommendation;
      lines.push(`- Rekomendasi: Nomor ${md(rec.number)}${rec.date ? ` tanggal ${formatDate(rec.date, "id")}` : ""}${rec.issuer ? ` dari ${md(rec.issuer)}` : ""}${rec.url ? ` (${link(rec.url, "dokumen")})` : ""}`);
    }
    lines.push(`- Penanggung jawab: ${md(r.contacts.administrative.name)} (administratif), ${md(r.contacts.technical.name)} (teknis)`);
    if (before && after) {
      const changes = changesInWords(before.request, after.request);
      lines.push(`- Yang berubah: ${changes.length ? changes.map(md).join("; ") : "tidak ada perubahan isi"}`);
    }
    if (!after) lines.push("- Berkas permohonan dihapus: subdomain dan rekamannya akan dihapus.");
    lines.push("");
  }
  return lines.join("\n");
}
