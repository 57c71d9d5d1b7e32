// A request in plain Indonesian words, for readers who are not technicians: the target ("server
// OPD 103.147.8.10", "hosting di klaster Diskominfo dengan penyimpanan data 10 GB"), and for a
// change, each difference as one sentence ("alamat server berubah dari A ke B"). Shared by the
// pull request comment (github/request-summary.ts) and the reply letter. Pure.
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";
import { formatDate } from "../worktime/format.ts";

type Target = Request["target"];
type Defaults = Governance["hosting"]["defaults"];

const decimal = (n: number) => String(Math.round(n * 100) / 100).replace(".", ",");

/** "10Gi" -> "10 GB", "512Mi" -> "512 MB", "1.5Gi" -> "1,5 GB": binary units read as the familiar ones. */
export function bytesInWords(q: string): string {
  const m = /^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti|K|k|M|G|T)?$/.exec(q);
  if (!m) return q;
  const unit = { Ki: "KB", K: "KB", k: "KB", Mi: "MB", M: "MB", Gi: "GB", G: "GB", Ti: "TB", T: "TB" }[m[2] ?? ""] ?? "bita";
  return `${decimal(Number(m[1]))} ${unit}`;
}

/** "500m" -> "setengah inti prosesor", "2" -> "2 inti prosesor", "250m" -> "0,25 inti prosesor". */
export function cpuInWords(q: string): string {
  const m = /^([0-9]+(?:\.[0-9]+)?)(m)?$/.exec(q);
  if (!m) return q;
  const cores = m[2] ? Number(m[1]) / 1000 : Number(m[1]);
  return cores === 0.5 ? "setengah inti prosesor" : `${decimal(cores)} inti prosesor`;
}

/** The hosting sizes in words; `defaults` fills what the request leaves to governance. */
export function hostingSizesInWords(h: NonNullable<NonNullable<Target>["hosting"]>, defaults?: Defaults): string {
  const v = { cpu: h.cpu ?? defaults?.cpu, memory: h.memory ?? defaults?.memory, storage: h.storage ?? defaults?.storage, volumes: h.volumes ?? defaults?.volumes };
  const parts = [
    v.storage ? `penyimpanan data ${bytesInWords(v.storage)}` : "",
    v.memory ? `memori ${bytesInWords(v.memory)}` : "",
    v.cpu ? `prosesor ${cpuInWords(v.cpu).replace(" inti prosesor", " inti")}` : "",
    v.volumes !== undefined ? (v.volumes === 0 ? "tanpa volume penyimpanan" : `${v.volumes} volume penyimpanan`) : "",
  ].filter(Boolean);
  const own = [h.cpu, h.memory, h.storage, h.volumes].some((x) => x !== undefined);
  return `${parts.join(", ") || "ukuran bawaan"}${!own && parts.length ? " (ukuran bawaan)" : ""}`;
}

export function targetInWords(t: Target, defaults?: Defaults): string {
  // A mail-only name has no web target, only its records.
  if (!t) return "hanya rekaman DNS (tanpa tujuan web)";
  if (t.server) return `server OPD ${[...(t.server.ipv4 ?? []), ...(t.server.ipv6 ?? [])].join(", ")}`;
  if (t.alias) return `alias (CNAME) ke ${t.alias}`;
  if (t.delegation) return "delegasi ke server nama milik OPD";
  return `hosting di klaster Diskominfo dengan ${hostingSizesInWords(t.hosting ?? {}, defaults)}`;
}

const kindOf = (t: Target) => (!t ? "records" : t.server ? "server" : t.alias ? "alias" : t.delegation ? "delegation" : "hosting");
const serverList = (t: Target) => [...(t?.server?.ipv4 ?? []), ...(t?.server?.ipv6 ?? [])].join(", ");

/** What differs between the merged request and the proposed one, one plain sentence each. */
export function changesInWords(before: Request, after: Request, defaults?: Defaults): string[] {
  const out: string[] = [];
  const kb = kindOf(before.target);
  const ka = kindOf(after.target);
  if (kb === "server" && ka === "server") {
    if (serverList(before.target) !== serverList(after.target)) out.push(`alamat server berubah dari ${serverList(before.target)} ke ${serverList(after.target)}`);
  } else if (kb === "hosting" && ka === "hosting") {
    const sb = hostingSizesInWords(before.target!.hosting ?? {}, defaults);
    const sa = hostingSizesInWords(after.target!.hosting ?? {}, defaults);
    if (sb !== sa) out.push(`ukuran hosting berubah dari ${sb} menjadi ${sa}`);
  } else if (targetInWords(before.target, defaults) !== targetInWords(after.target, defaults)) {
    // A move (server to hosting, alias to server, ...) is a change of where the name points: the
    // name itself stays; the old target stops answering once the change is deployed.
    out.push(`tujuan dipindahkan dari ${targetInWords(before.target, defaults)} ke ${targetInWords(after.target, defaults)}; nama subdomain tetap`);
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
