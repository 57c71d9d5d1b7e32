// The names the audit looks at, from the desired state: every owner name with its record sets,
// and the names of suspended or decommissioned requests, which must no longer answer.
import type { Governance } from "../model/governance.ts";
import { zoneOf } from "../model/names.ts";
import { asciiHost, relativeName } from "../state/names.ts";
import type { DesiredState, RecordSet } from "../state/types.ts";
import type { RequestFile } from "../validate/rule.ts";

export interface AuditHost {
  /** Full host name, lowercase ASCII. */
  name: string;
  opd: string;
  file: string;
  records: RecordSet[];
  /** The CNAME target, when the name is an alias. */
  alias?: string;
  /** Serves a web site as far as the repository says (an address, alias or hosting; not _service names). */
  web: boolean;
  /** Set for names the repository has taken out of DNS. */
  absent?: "suspended" | "decommissioned";
}

const WEB_TYPES = new Set(["A", "AAAA", "CNAME", "INGRESS"]);

export function auditHosts(state: DesiredState, requests: readonly RequestFile[], governance: Governance): AuditHost[] {
  const byName = new Map<string, AuditHost>();
  for (const rs of state.records) {
    const name = `${rs.name}.${rs.zone}`;
    let h = byName.get(name);
    if (!h) byName.set(name, (h = { name, opd: rs.source.opd, file: rs.source.file, records: [], web: false }));
    h.records.push(rs);
    if (rs.type === "CNAME") h.alias = rs.values[0];
    if (WEB_TYPES.has(rs.type) && !rs.name.split(".")[0]!.startsWith("_")) h.web = true;
  }
  for (const { file, request: r } of requests) {
    if (!r.decommission && !r.suspension) continue;
    const zone = zoneOf(r, governance);
    if (!zone) continue;
    const name = `${relativeName(r.label, undefined)}.${asciiHost(zone.name)}`;
    if (byName.has(name)) continue; // another file serves the name now
    byName.set(name, { name, opd: r.opd, file, records: [], web: false, absent: r.suspension ? "suspended" : "decommissioned" });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
