// Record quotas of the DNS provider's plan, checked in the plan: a zone over its quota would fail
// half-way through a deployment (Cloudflare refuses the record that does not fit), so the plan
// warns from 80% and refuses above it. Quotas per Cloudflare's documentation ("DNS record
// limits"): Free zones created on or after 2024-09-01 hold 200 records, older Free zones 1,000,
// Pro and Business 3,500; Enterprise is by contract (governance's recordQuota).
import type { Message } from "../diagnostics/diagnostic.ts";
import type { Governance, Zone } from "../model/governance.ts";
import { resolveIngress, type IngressTarget } from "../state/ingress.ts";
import { asciiHost } from "../state/names.ts";
import type { DesiredState } from "../state/types.ts";

export const WARN_SHARE = 0.8;
const FREE_CUTOFF = "2024-09-01";

export interface ZoneQuota {
  zone: string;
  /** Records Cloudflare would count: one per value, plus one per protected name. */
  records: number;
  limit: number;
  basis: Message;
}

/** The zone's quota and why; undefined when none is known (Enterprise without recordQuota). */
export function recordQuota(zone: Zone): { limit: number; basis: Message } | undefined {
  const p = zone.provider ?? { name: "cloudflare" as const, plan: "free" as const };
  if (p.recordQuota) return { limit: p.recordQuota, basis: { id: "kuota di governance.yaml", en: "quota in governance.yaml" } };
  switch (p.plan) {
    case "free":
      if (p.zoneCreated && p.zoneCreated < FREE_CUTOFF) return { limit: 1000, basis: { id: `Cloudflare Free, zona dibuat ${p.zoneCreated}`, en: `Cloudflare Free, zone created ${p.zoneCreated}` } };
      return {
        limit: 200,
        basis: p.zoneCreated
          ? { id: `Cloudflare Free, zona dibuat ${p.zoneCreated}`, en: `Cloudflare Free, zone created ${p.zoneCreated}` }
          : { id: "Cloudflare Free; zona yang dibuat sebelum 2024-09-01 berkuota 1.000: tulis provider.zoneCreated", en: "Cloudflare Free; zones created before 2024-09-01 hold 1,000: set provider.zoneCreated" },
      };
    case "pro":
    case "business":
      return { limit: 3500, basis: { id: `Cloudflare ${p.plan === "pro" ? "Pro" : "Business"}`, en: `Cloudflare ${p.plan === "pro" ? "Pro" : "Business"}` } };
    case "enterprise":
      return undefined;
  }
}

export function quotaUsage(state: DesiredState, governance: Governance, ingress: IngressTarget): ZoneQuota[] {
  const counts = new Map<string, number>();
  for (const rs of state.records)
    for (const r of resolveIngress(rs, ingress)) counts.set(r.zone, (counts.get(r.zone) ?? 0) + (r.type === "INGRESS" ? 1 : r.values.length));
  const out: ZoneQuota[] = [];
  for (const z of governance.zones) {
    const q = recordQuota(z);
    if (!q) continue;
    const name = asciiHost(z.name);
    out.push({ zone: name, records: (counts.get(name) ?? 0) + (z.protected?.length ?? 0), ...q });
  }
  return out;
}

/** Warnings from 80% of a quota, refusals above it. */
export function quotaMessages(usage: readonly ZoneQuota[]): { warnings: Message[]; over: Message[] } {
  const warnings: Message[] = [];
  const over: Message[] = [];
  for (const u of usage) {
    const pct = Math.round((u.records / u.limit) * 100);
    if (u.records > u.limit)
      over.push({
        id: `Zona ${u.zone} akan berisi ${u.records} rekaman, melebihi kuota ${u.limit} (${u.basis.id}); Cloudflare akan menolak sisanya. Kurangi rekaman atau naikkan paket zona (provider di governance.yaml).`,
        en: `Zone ${u.zone} would hold ${u.records} records, over its quota of ${u.limit} (${u.basis.en}); Cloudflare would refuse the rest. Remove records or raise the zone's plan (provider in governance.yaml).`,
      });
    else if (u.records >= u.limit * WARN_SHARE)
      warnings.push({
        id: `Zona ${u.zone}: ${u.records} dari ${u.limit} rekaman (${pct}%) kuota ${u.basis.id} terpakai.`,
        en: `Zone ${u.zone}: ${u.records} of ${u.limit} records (${pct}%) of the ${u.basis.en} quota in use.`,
      });
  }
  return { warnings, over };
}
