// fast-check arbitraries of the desired state, shaped as src/state produces it: sorted, unique
// identities, ASCII lowercase names. Shared by the Kubernetes and Pulumi tests.
import fc from "fast-check";
import type { DesiredState, RecordSet, Tenant } from "../../src/state/types.ts";

const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789".split(""));
export const dnsLabel = fc
  .tuple(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz".split("")), fc.array(letter, { maxLength: 12 }))
  .map(([h, t]) => h + t.join(""));
export const zoneArb = fc.constantFrom("contohkab.go.id", "contohkota.go.id");
const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((p) => p.join("."));
const ipv6 = fc.tuple(fc.nat(0xffff), fc.nat(0xffff), fc.nat(0xffff)).map(([a, b, c]) => `2001:db8:${a.toString(16)}:${b.toString(16)}::${c.toString(16) || "1"}`);
const host = fc.tuple(dnsLabel, zoneArb).map(([l, z]) => `${l}.${z}`);
const ttl = fc.oneof(fc.constant(1), fc.integer({ min: 60, max: 86_400 }));
const quantity = (units: string[]) => fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.constantFrom(...units)).map(([n, u]) => `${n}${u}`);

const uniq = <T>(xs: T[]) => [...new Set(xs)].sort();

const recordData = fc.oneof(
  fc.uniqueArray(ipv4, { minLength: 1, maxLength: 3 }).map((values) => ({ type: "A" as const, values: uniq(values) })),
  fc.uniqueArray(ipv6, { minLength: 1, maxLength: 3 }).map((values) => ({ type: "AAAA" as const, values: uniq(values) })),
  host.map((h) => ({ type: "CNAME" as const, values: [h] as [string] })),
  fc.uniqueArray(fc.string({ minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 2 }).map((values) => ({ type: "TXT" as const, values: uniq(values) })),
  fc
    .uniqueArray(fc.record({ priority: fc.nat(100), exchange: host }), { minLength: 1, maxLength: 2, selector: (v) => `${v.priority} ${v.exchange}` })
    .map((values) => ({ type: "MX" as const, values })),
  fc
    .uniqueArray(fc.record({ flags: fc.constantFrom(0, 128), tag: fc.constantFrom("issue", "issuewild", "iodef"), value: fc.constantFrom("letsencrypt.org", "sectigo.com", "mailto:hostmaster@contohkab.go.id") }), {
      minLength: 1,
      maxLength: 2,
      selector: (v) => `${v.flags} ${v.tag} ${v.value}`,
    })
    .map((values) => ({ type: "CAA" as const, values })),
  fc
    .uniqueArray(fc.record({ priority: fc.nat(100), weight: fc.nat(100), port: fc.integer({ min: 1, max: 65535 }), target: host }), {
      minLength: 1,
      maxLength: 2,
      selector: (v) => `${v.priority} ${v.weight} ${v.port} ${v.target}`,
    })
    .map((values) => ({ type: "SRV" as const, values })),
);

export const opdArb = fc.constantFrom("dinkes", "disdik", "diskominfo", "bpbd");

export const recordArb: fc.Arbitrary<RecordSet> = fc
  .record({ zone: zoneArb, label: dnsLabel, opd: opdArb, data: recordData, ttl, proxied: fc.boolean() })
  .map(({ zone, label, opd, data, ttl, proxied }) => ({
    ...data,
    zone,
    name: data.type === "SRV" ? `_sip._tcp.${label}` : label,
    ttl,
    // Only addresses and aliases may go through Cloudflare's proxy.
    proxied: proxied && ["A", "AAAA", "CNAME"].includes(data.type),
    source: { file: `requests/${opd}/${label}.yaml`, opd, label },
  }));

export const tenantArb: fc.Arbitrary<Tenant> = fc
  .record({
    zone: zoneArb,
    label: dnsLabel,
    opd: opdArb,
    cpu: quantity(["m", ""]),
    memory: quantity(["Mi", "Gi"]),
    storage: quantity(["Gi"]),
    volumes: fc.nat(10),
    contact: fc.record({ name: fc.constantFrom("Budi Santoso", "Dewi Lestari"), email: fc.constantFrom("budi@dinkes.contohkab.go.id", "Dewi.L@disdik.contohkab.go.id"), github: fc.constantFrom("budi-dinkes", "dewi") }),
    releaseData: fc.boolean(),
  })
  .map((t) => ({
    namespace: `${t.opd}-${t.label}`,
    zone: t.zone,
    host: `${t.label}.${t.zone}`,
    quota: { cpu: t.cpu, memory: t.memory, storage: t.storage, volumes: t.volumes },
    accessRole: "subdomain-gitops-tenant-pengelola",
    technicalContact: t.contact,
    source: { file: `requests/${t.opd}/${t.label}.yaml`, opd: t.opd, label: t.label },
    status: t.releaseData ? ("retained" as const) : ("active" as const),
    deletedFile: false,
    backup: { daily: t.volumes > 0, time: "01:00", timeZone: "Asia/Jakarta", retentionDays: 30, finalRetentionDays: 365 },
    releaseData: t.releaseData,
  }));

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A whole state with unique record sets (zone, name, type) and unique namespaces and hosts. */
export const stateArb: fc.Arbitrary<DesiredState> = fc
  .record({
    records: fc.uniqueArray(recordArb, { maxLength: 12, selector: (r) => `${r.zone} ${r.name} ${r.type}` }),
    tenants: fc.uniqueArray(tenantArb, { maxLength: 4, selector: (t) => t.namespace }),
  })
  .map(({ records, tenants }) => {
    const hosts = new Set<string>();
    const ts = tenants.filter((t) => !hosts.has(t.host) && hosts.add(t.host));
    // A hosted name is served by its INGRESS record; no other record may take it. A tenant whose
    // data is released comes from a decommissioned request, which has no records any more.
    const rs: RecordSet[] = records.filter((r) => !hosts.has(`${r.name}.${r.zone}`));
    for (const t of ts) {
      if (!t.releaseData) rs.push({ type: "INGRESS", values: [], zone: t.zone, name: t.source.label, ttl: 3600, proxied: false, source: t.source });
    }
    return {
      records: rs.sort((a, b) => cmp(a.zone, b.zone) || cmp(a.name, b.name) || cmp(a.type, b.type)),
      tenants: ts.sort((a, b) => cmp(a.namespace, b.namespace)),
    };
  });
