// Cloudflare refuses a CNAME beside an A, AAAA or other CNAME of the same name. Pulumi creates new
// resources before it deletes old ones, so turning a server (A) into an alias (CNAME), or back,
// would fail halfway. Such deletions are therefore run first, as a targeted destroy of exactly
// those records (already removed by the reviewed change), then the update proper.
export interface StepInfo {
  op: string;
  urn: string;
  type: string;
}

const DNS_TYPE = "cloudflare:index/dnsRecord:DnsRecord";
const ADDRESS = new Set(["A", "AAAA", "CNAME"]);

/** The logical name in `urn:pulumi:<stack>::<project>::<type>::<name>`; a name may hold "::" (IPv6). */
export function urnName(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

/** zone, name and record type from a record's URN (its logical name is zone/name/type[/value]). */
export function recordOfUrn(urn: string): { zone: string; name: string; type: string } | undefined {
  const [zone, name, type] = urnName(urn).split("/");
  return zone && name && type ? { zone, name, type } : undefined;
}

/** URNs of the records to delete before the update so no create collides with them. Sorted. */
export function deletesFirst(steps: readonly StepInfo[]): string[] {
  const creates = new Map<string, Set<string>>();
  const deletes: { key: string; type: string; urn: string }[] = [];
  for (const s of steps) {
    if (s.type !== DNS_TYPE) continue;
    const r = recordOfUrn(s.urn);
    if (!r || !ADDRESS.has(r.type)) continue;
    const key = `${r.zone}/${r.name}`;
    if (s.op === "create") creates.set(key, (creates.get(key) ?? new Set()).add(r.type));
    else if (s.op === "delete") deletes.push({ key, type: r.type, urn: s.urn });
  }
  const out = deletes.filter((d) => {
    const created = creates.get(d.key);
    if (!created) return false;
    // A new CNAME collides with any address record; a new A/AAAA collides with an old CNAME.
    return created.has("CNAME") || d.type === "CNAME";
  });
  return [...new Set(out.map((d) => d.urn))].sort();
}
