// From an existing zone's records to this product's shapes: one request per top label (its
// address or alias, and the records at and below it), the apex, name servers, delegations and
// wildcards to governance, and everything the request model cannot hold to the report with the
// reason and what to do. Every record lands in exactly one of the three; the caller checks the
// sum. Pure: no files, no processes.
import type { Message } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import { placeholder, PLACEHOLDER_HANDLE } from "../model/placeholder.ts";
import { rdataFields, unquote, type Rr } from "./canonical.ts";

export interface Drafted {
  label: string;
  opd: string;
  /** Whether the OPD came from the map (false: the default OPD, listed in the report). */
  mapped: boolean;
  request: Record<string, unknown>;
  records: Rr[];
}

export interface Routed {
  rr: Rr;
  rule: string;
  message: Message;
}

export interface Mapping {
  requests: Drafted[];
  /** Records governance holds (apex, name servers, delegations, wildcards, DNSSEC). */
  governance: Routed[];
  /** Records not imported: each with the rule it breaks and how to fix it. */
  report: Routed[];
  nameservers: string[];
  soa?: { mname: string; rname: string; refresh: number; retry: number; expire: number; minimum: number };
  /** Top labels governance must keep out of requests (its `protected` list). */
  protected: string[];
}

export interface MappingOptions {
  zone: string;
  governance: Governance;
  /** Label (or full name) -> OPD code. */
  opdMap: ReadonlyMap<string, string>;
  defaultOpd: string;
  /** YYYY-MM-DD: letter date placeholder and review date base. */
  today: string;
  source: string;
}

const DNSSEC = new Set(["RRSIG", "NSEC", "NSEC3", "NSEC3PARAM", "DNSKEY", "CDS", "CDNSKEY", "ZONEMD", "KEY", "SIG"]);
const MODEL = new Set(["A", "AAAA", "CNAME", "TXT", "MX", "CAA", "SRV"]);
const dot = (name: string) => name.toLowerCase().replace(/\.$/, "");

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** TXT strings as the model holds them: one value, split at 255 bytes on output. */
function txtValue(rr: Rr): string | Message {
  const parts = rdataFields(rr.rdata).map(unquote);
  const bytes = parts.map((p) => new TextEncoder().encode(p).length);
  if (bytes.slice(0, -1).some((b) => b !== 255))
    return {
      id: `TXT berisi ${parts.length} string terpisah; model permohonan menyimpan satu nilai dan memotongnya tiap 255 bita, sehingga batas string akan berubah. Gabungkan menjadi satu string bila penerimanya tidak bergantung pada batas itu (misalnya SPF), lalu tambahkan ke permohonan.`,
      en: `The TXT holds ${parts.length} separate strings; the request model keeps one value split every 255 bytes, so the string boundaries would change. Join them into one string if the reader does not depend on the boundaries (e.g. SPF), then add it to the request.`,
    };
  return parts.join("");
}

/** One record as the request model's extra record (name relative to the label), or why not. */
function extraRecord(rr: Rr, name: string | undefined, ttl: number | undefined): Record<string, unknown> | Message {
  const f = rdataFields(rr.rdata);
  const base = { ...(name ? { name } : {}), ...(ttl !== undefined ? { ttl } : {}) };
  switch (rr.type) {
    case "A":
    case "AAAA":
      return { type: rr.type, ...base, values: [rr.rdata] };
    case "CNAME":
      return { type: "CNAME", ...base, value: dot(rr.rdata) };
    case "TXT": {
      const v = txtValue(rr);
      return typeof v === "string" ? { type: "TXT", ...base, values: [v] } : v;
    }
    case "MX":
      return { type: "MX", ...base, values: [{ priority: Number(f[0]), exchange: dot(f[1] ?? "") }] };
    case "CAA":
      return { type: "CAA", ...base, values: [{ flags: Number(f[0]), tag: f[1], value: unquote(f.slice(2).join(" ")) }] };
    case "SRV":
      return { type: "SRV", ...base, name: name ?? "@", values: [{ priority: Number(f[0]), weight: Number(f[1]), port: Number(f[2]), target: dot(f[3] ?? "") }] };
  }
  return { id: `Jenis ${rr.type} tidak ada di model permohonan.`, en: `Type ${rr.type} is not in the request model.` };
}

/** Extra records of one label merged per (type, name), as the request model writes them. */
function merge(records: Record<string, unknown>[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const byKey = new Map<string, Record<string, unknown>>();
  for (const r of records) {
    const key = `${r.type as string} ${(r.name as string | undefined) ?? "@"}`;
    const prev = byKey.get(key);
    if (prev && Array.isArray(prev.values) && Array.isArray(r.values)) prev.values.push(...r.values);
    else {
      byKey.set(key, r);
      out.push(r);
    }
  }
  return out;
}

export function mapZone(rrs: readonly Rr[], o: MappingOptions): Mapping {
  const zone = dot(o.zone);
  const out: Mapping = { requests: [], governance: [], report: [], nameservers: [], protected: [] };
  const gov = (rr: Rr, rule: string, id: string, en: string) => out.governance.push({ rr, rule, message: { id, en } });
  const rep = (rr: Rr, rule: string, message: Message) => out.report.push({ rr, rule, message });
  const protect = (label: string) => {
    if (!out.protected.includes(label)) out.protected.push(label);
  };
  const governed = o.governance.zones.find((z) => dot(z.name) === zone);
  const zoneTtl = governed?.ttl;
  const already = new Set((governed?.protected ?? []).filter((p) => p !== "@").map((p) => p.toLowerCase()));

  // Names at or below a delegation belong to the child zone; in-zone name servers to governance.
  const delegations = new Set(rrs.filter((r) => r.type === "NS" && r.owner !== zone).map((r) => r.owner));
  const underDelegation = (owner: string) => [...delegations].some((d) => owner === d || owner.endsWith(`.${d}`));
  const nameservers = rrs.filter((r) => r.type === "NS" && r.owner === zone).map((r) => dot(r.rdata));
  out.nameservers = nameservers;

  const byLabel = new Map<string, { rel: string; rr: Rr }[]>();
  for (const rr of rrs) {
    if (rr.owner !== zone && !rr.owner.endsWith(`.${zone}`)) {
      rep(rr, "import.out-of-zone", { id: `Nama ${rr.owner} di luar zona ${zone}.`, en: `Name ${rr.owner} is outside the zone ${zone}.` });
      continue;
    }
    if (DNSSEC.has(rr.type)) {
      gov(rr, "import.dnssec", "Rekaman DNSSEC dibuat ulang oleh penyedia DNS saat penandatanganan zona; tidak disimpan di permohonan.", "DNSSEC records are made again by the DNS provider when it signs the zone; requests do not hold them.");
      continue;
    }
    if (rr.owner === zone) {
      if (rr.type === "SOA") {
        const f = rdataFields(rr.rdata);
        const rname = dot(f[1] ?? "");
        const at = rname.indexOf(".");
        out.soa = { mname: dot(f[0] ?? ""), rname: at > 0 ? `${rname.slice(0, at)}@${rname.slice(at + 1)}` : rname, refresh: Number(f[3]), retry: Number(f[4]), expire: Number(f[5]), minimum: Number(f[6]) };
        gov(rr, "import.soa", "SOA zona: governance.yaml zones[].soa.", "The zone's SOA: governance.yaml zones[].soa.");
      } else if (rr.type === "NS") gov(rr, "import.nameserver", "Server nama zona: governance.yaml zones[].nameservers.", "The zone's name servers: governance.yaml zones[].nameservers.");
      else {
        protect("@");
        gov(rr, "import.apex", "Rekaman di puncak zona (@) dikelola di luar berkas permohonan: nama @ masuk daftar protected.", "Records at the zone apex (@) are managed outside request files: @ is listed as protected.");
      }
      continue;
    }
    const rel = rr.owner.slice(0, -(zone.length + 1));
    const top = rel.slice(rel.lastIndexOf(".") + 1);
    if (already.has(top)) {
      gov(rr, "import.protected", `${top} sudah ada di protected (governance.yaml): dikelola di luar berkas permohonan.`, `${top} is already protected (governance.yaml): managed outside request files.`);
      continue;
    }
    if (underDelegation(rr.owner)) {
      protect(top);
      gov(rr, "import.delegation", `Delegasi subzona ${rr.owner}: NS, DS dan glue dikelola di governance (nama ${top} masuk protected).`, `Delegated subzone ${rr.owner}: NS, DS and glue stay with governance (${top} is listed as protected).`);
      continue;
    }
    if (rel.split(".").includes("*")) {
      if (top === "*") {
        protect("*");
        gov(rr, "import.wildcard", "Wildcard di puncak zona: nama * masuk protected.", "A wildcard at the zone apex: * is listed as protected.");
      } else
        rep(rr, "import.wildcard", {
          id: `Wildcard ${rel} tidak ada di model permohonan; tambahkan ${top} ke protected di governance.yaml dan kelola rekaman ini di penyedia DNS, atau hapus.`,
          en: `The wildcard ${rel} is not in the request model; add ${top} to protected in governance.yaml and keep this record at the DNS provider, or remove it.`,
        });
      continue;
    }
    if (nameservers.some((ns) => ns === rr.owner) && (rr.type === "A" || rr.type === "AAAA")) {
      protect(top);
      gov(rr, "import.glue", `Alamat server nama ${rr.owner}: berikan lewat npm run plan --ns-address atau konfigurasi stack.`, `Address of name server ${rr.owner}: give it with npm run plan --ns-address or the stack configuration.`);
      continue;
    }
    const list = byLabel.get(top) ?? [];
    list.push({ rel, rr });
    byLabel.set(top, list);
  }

  const maxMonths = o.governance.review.maxMonths;
  for (const [label, items] of [...byLabel].sort(([a], [b]) => a.localeCompare(b))) {
    const atLabel = items.filter((i) => i.rel === label).map((i) => i.rr);
    const cname = atLabel.find((r) => r.type === "CNAME");
    const a = atLabel.filter((r) => r.type === "A");
    const aaaa = atLabel.filter((r) => r.type === "AAAA");
    if (!cname && !a.length && !aaaa.length) {
      for (const i of items)
        rep(i.rr, "import.no-target", {
          id: `${label} tidak punya alamat (A/AAAA) atau alias (CNAME), sedangkan permohonan wajib punya target; tambahkan target (server atau alias) lalu pindahkan rekaman ini ke berkas requests/<opd>/${label}.yaml, atau masukkan ${label} ke protected.`,
          en: `${label} has no address (A/AAAA) or alias (CNAME), and a request needs a target; add one (server or alias), then move this record into requests/<opd>/${label}.yaml, or list ${label} as protected.`,
        });
      continue;
    }
    const targetTtl = (cname ?? a[0] ?? aaaa[0])!.ttl;
    const target = cname ? { alias: dot(cname.rdata) } : { server: { ...(a.length ? { ipv4: a.map((r) => r.rdata) } : {}), ...(aaaa.length ? { ipv6: aaaa.map((r) => r.rdata) } : {}) } };
    const used = new Set<Rr>([...(cname ? [cname] : a.concat(aaaa))]);
    const extras: Record<string, unknown>[] = [];
    const taken: Rr[] = [...used];
    for (const { rel, rr } of items) {
      if (used.has(rr)) continue;
      if (rel === label && (rr.type === "A" || rr.type === "AAAA") && cname) {
        rep(rr, "cname.alone", { id: `${label} punya CNAME dan ${rr.type} sekaligus; hapus salah satunya.`, en: `${label} has both a CNAME and ${rr.type}; remove one of them.` });
        continue;
      }
      if (!MODEL.has(rr.type)) {
        rep(rr, "import.type", {
          id: `Jenis rekaman ${rr.type} tidak ada di model permohonan (A, AAAA, CNAME, TXT, MX, CAA, SRV); kelola di penyedia DNS dan masukkan ${label} ke protected, atau hapus bila tidak dipakai.`,
          en: `Record type ${rr.type} is not in the request model (A, AAAA, CNAME, TXT, MX, CAA, SRV); keep it at the DNS provider and list ${label} as protected, or remove it if unused.`,
        });
        continue;
      }
      const name = rel === label ? undefined : rel.slice(0, -(label.length + 1));
      const rec = extraRecord(rr, name, rr.ttl !== targetTtl ? rr.ttl : undefined);
      if (!("type" in rec)) rep(rr, rr.type === "TXT" ? "import.txt-strings" : "import.type", rec as Message);
      else {
        extras.push(rec);
        taken.push(rr);
      }
    }
    const mappedOpd = o.opdMap.get(label) ?? o.opdMap.get(`${label}.${zone}`);
    const opd = mappedOpd ?? o.defaultOpd;
    const contact = { name: placeholder("nama pengelola"), email: placeholder("e-mail dinas"), phone: placeholder("telepon"), github: PLACEHOLDER_HANDLE };
    const request: Record<string, unknown> = {
      label,
      opd,
      purpose: placeholder(`kegunaan ${label}.${zone} (diimpor dari ${o.source})`),
      letter: { number: placeholder("nomor surat permohonan"), date: o.today },
      contacts: { administrative: contact, technical: contact },
      target,
      ...(targetTtl !== zoneTtl ? { ttl: targetTtl } : {}),
      ...(extras.length ? { records: merge(extras) } : {}),
      reviewBy: addMonths(o.today, maxMonths),
    };
    out.requests.push({ label, opd, mapped: mappedOpd !== undefined, request, records: taken });
  }
  return out;
}
