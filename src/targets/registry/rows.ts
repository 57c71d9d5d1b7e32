// The registry of subdomains (the "daftar subdomain" every SOP keeps): one row per request file,
// with its dates from git history. Pure: the caller passes the history.
import type { Governance } from "../../model/governance.ts";
import { hygieneSettings, reviewStatus } from "../../model/hygiene.ts";
import { unicodeLabel, zoneOf } from "../../model/names.ts";
import { todayIn } from "../../load/repository.ts";
import type { RequestFile } from "../../validate/rule.ts";
import type { FileDates } from "../../git/history.ts";
import { asciiHost, relativeName } from "../../state/names.ts";
import { canonicalIp } from "../../state/desired-state.ts";

/** `suspended` and `awaiting` (confirmation before reviewBy, issue 15) are active names too. */
export type RegistryStatus = "active" | "awaiting" | "suspended" | "decommissioned" | "data-deleted";
export type TargetKind = "server" | "alias" | "hosting" | "delegation" | "records";

export interface RegistryRow {
  /** ASCII host name: sehat.contohkab.go.id. */
  name: string;
  /** The same name as people write it (Unicode labels decoded). */
  displayName: string;
  opd: string;
  opdName: string;
  purpose: string;
  targetKind: TargetKind;
  /** Addresses, alias host, or the quota of the hosting. */
  target: string;
  /** The hosting quota, for pages that say it in words. */
  hosting?: { cpu: string; memory: string; storage: string };
  status: RegistryStatus;
  /** YYYY-MM-DD in the governance time zone; null when the file is not committed yet. */
  created: string | null;
  lastChanged: string | null;
  reviewBy: string;
  file: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `today` (YYYY-MM-DD): names whose review date is near or past show as awaiting confirmation. */
export function registryRows(requests: readonly RequestFile[], governance: Governance, history: ReadonlyMap<string, FileDates>, today?: string): RegistryRow[] {
  const review = hygieneSettings(governance);
  const tz = governance.workingHours.timeZone;
  // The date of each moment in the governance's zone, by its fixed offset (todayIn): an
  // Intl.DateTimeFormat loads ICU's zone data first, ~20 ms of a one-file plan. History repeats
  // moments (one merge, many files): memoised.
  const days = new Map<string, string>();
  const day = (iso: string | undefined) => {
    if (!iso) return null;
    let d = days.get(iso);
    if (d === undefined) days.set(iso, (d = todayIn(tz, new Date(iso))));
    return d;
  };
  // The review status of an active name depends on its review date alone: asked once per date.
  const awaiting = new Map<string, boolean>();
  const isAwaiting = (reviewBy: string) => {
    let a = awaiting.get(reviewBy);
    if (a === undefined) awaiting.set(reviewBy, (a = today !== undefined && reviewStatus({ reviewBy }, today, review) !== "ok"));
    return a;
  };
  const opdNames = new Map<string, string>();
  for (const o of governance.opds) if (!opdNames.has(o.code)) opdNames.set(o.code, o.name);
  const rows: RegistryRow[] = [];
  for (const { file, request: r } of requests) {
    const zone = zoneOf(r, governance);
    if (!zone) continue;
    const name = `${relativeName(r.label, undefined)}.${asciiHost(zone.name)}`;
    const t = r.target ?? {};
    const d = governance.hosting.defaults;
    const [targetKind, target]: [TargetKind, string] = !r.target
      ? ["records", [...new Set((r.records ?? []).map((x) => x.type))].sort().join(" ")]
      : t.delegation
        ? ["delegation", t.delegation.nameservers.map(asciiHost).join(" ")]
        : t.hosting
      ? ["hosting", `cpu ${t.hosting.cpu ?? d.cpu}, memory ${t.hosting.memory ?? d.memory}, storage ${t.hosting.storage ?? d.storage}`]
      : t.alias
        ? ["alias", asciiHost(t.alias)]
        : ["server", [...(t.server?.ipv4 ?? []), ...(t.server?.ipv6 ?? [])].map(canonicalIp).join(" ")];
    const dates = history.get(file);
    rows.push({
      name,
      displayName: name.includes("xn--") ? name.split(".").map(unicodeLabel).join(".") : name,
      opd: r.opd,
      opdName: opdNames.get(r.opd) ?? r.opd,
      purpose: r.purpose,
      targetKind,
      target,
      ...(t.hosting ? { hosting: { cpu: t.hosting.cpu ?? d.cpu, memory: t.hosting.memory ?? d.memory, storage: t.hosting.storage ?? d.storage } } : {}),
      status: r.decommission ? (r.decommission.deleteData ? "data-deleted" : "decommissioned") : r.suspension ? "suspended" : isAwaiting(r.reviewBy) ? "awaiting" : "active",
      created: day(dates?.created),
      lastChanged: day(dates?.lastChanged),
      reviewBy: r.reviewBy,
      file,
    });
  }
  return rows.sort((a, b) => cmp(a.name, b.name) || cmp(a.file, b.file));
}
