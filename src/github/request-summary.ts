// The request in words, at the top of the bot's comment: what is asked (OPD, subdomain, purpose,
// target, the OPD's letter with its scan, the recommendation) and who answers for it (contact
// names only: never phone, NIP or e-mail, which the comment would publish). For a change, what
// differs in plain words; a move from the OPD's server to hosting reads as a change. Pure.
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";
import { formatDate } from "../letter/date.ts";

/** Request text is data: it must not become Markdown, HTML or a mention. */
export function md(s: string): string {
  return s
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/@/g, "@\u200b");
}

const link = (url: string, text: string) => (/^https:\/\/[^\s()<>]+$/.test(url) ? `[${md(text)}](${url})` : md(url));

export function targetInWords(t: Request["target"]): string {
  // A mail-only name has no web target, only its records.
  if (!t) return "hanya rekaman DNS (tanpa tujuan web)";
  if (t.server) return `server OPD ${[...(t.server.ipv4 ?? []), ...(t.server.ipv6 ?? [])].join(", ")}`;
  if (t.alias) return `alias (CNAME) ke ${t.alias}`;
  const h = t.hosting ?? {};
  const parts = [h.storage ? `penyimpanan ${h.storage}` : "", h.cpu ? `CPU ${h.cpu}` : "", h.memory ? `memori ${h.memory}` : "", h.volumes !== undefined ? `${h.volumes} volume` : ""].filter(Boolean);
  return `hosting di klaster Diskominfo${parts.length ? ` (${parts.join(", ")})` : " (kuota bawaan)"}`;
}

/** What differs between the merged request and the proposed one, one plain sentence each. */
export function changesInWords(before: Request, after: Request): string[] {
  const out: string[] = [];
  const tb = targetInWords(before.target);
  const ta = targetInWords(after.target);
  if (tb !== ta) {
    const kind = (t: Request["target"]) => (!t ? "records" : t.server ? "server" : t.alias ? "alias" : "hosting");
    out.push(kind(before.target) === kind(after.target) && before.target?.server ? `alamat server berubah dari ${tb.replace("server OPD ", "")} ke ${ta.replace("server OPD ", "")}` : `tujuan berubah dari ${tb} menjadi ${ta}`);
  }
  if (before.purpose !== after.purpose) out.push(`kegunaan berubah dari "${before.purpose}" menjadi "${after.purpose}"`);
  for (const k of ["administrative", "technical"] as const) {
    if (before.contacts[k].name !== after.contacts[k].name) out.push(`kontak ${k === "administrative" ? "administratif" : "teknis"} berganti dari ${before.contacts[k].name} ke ${after.contacts[k].name}`);
  }
  if (before.reviewBy !== after.reviewBy) out.push(`tanggal tinjau ulang berubah dari ${formatDate(before.reviewBy, "id")} ke ${formatDate(after.reviewBy, "id")}`);
  if (JSON.stringify(before.records ?? []) !== JSON.stringify(after.records ?? [])) out.push("rekaman DNS tambahan diubah (rinciannya di rencana perubahan)");
  if (before.ttl !== after.ttl) out.push(`TTL berubah dari ${before.ttl ?? "bawaan"} ke ${after.ttl ?? "bawaan"}`);
  if (!before.decommission && after.decommission) out.push(`subdomain diminta dihapus: ${after.decommission.reason}${after.decommission.deleteData ? " (data hosting ikut dihapus)" : ""}`);
  return out;
}

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
