// name.dangling looks up only the destinations' names among the names requests own, instead of
// making every owned name absolute (src/validate/rules/dangling.ts). This checks it against the
// plain reading of the rule (every owned name of every active request made absolute, then each
// destination looked up) on random repositories: nested and unknown zones, zone fields written
// in other cases, delegations with and without glue, decommissioned requests, destinations inside
// and outside the zones.
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import type { Governance } from "../../../src/model/governance.ts";
import { absoluteName } from "../../../src/model/names.ts";
import { hostKey as host, ownedNames, zoneFor } from "../../../src/validate/request-names.ts";
import { nameDangling } from "../../../src/validate/rules/dangling.ts";
import { report, type RepositoryFile, type RuleContext } from "../../../src/validate/rule.ts";
import { CONTOH_GOVERNANCE_TEXT } from "../../fixtures/contoh.ts";

const base = parse(CONTOH_GOVERNANCE_TEXT) as Governance;
const first = base.zones[0]!;
// A zone nested in the first one, and another beside it: a name belongs to the longest zone it ends with.
const governance: Governance = {
  ...base,
  zones: [
    { ...first, delegation: { allowed: true } },
    { ...first, name: "layanan.contohkab.go.id", nameservers: ["ns1.contohkab.go.id"], protected: ["@"] },
    { ...first, name: "contohkota.go.id", nameservers: ["ns.contohkota.go.id"], protected: ["www"] },
  ],
} as Governance;
const ctx: RuleContext = { governance, today: "2026-06-01" };

/** The rule as first written: every owned name of every active request absolute, then each destination looked up. */
function reference(all: readonly RepositoryFile[]): Diagnostic[] {
  const zones = governance.zones.map((z) => host(z.name)).sort((a, b) => b.length - a.length);
  const zoneOfName = (name: string) => zones.find((z) => name === z || name.endsWith(`.${z}`));
  const exists = new Map<string, boolean>();
  const delegated = new Set<string>();
  for (const z of governance.zones) {
    const origin = host(z.name);
    exists.set(origin, false);
    for (const ns of z.nameservers) exists.set(host(ns), true);
    for (const p of z.protected ?? []) exists.set(p === "@" ? origin : `${host(p)}.${origin}`, true);
  }
  const zoneName = (req: RepositoryFile) => host(zoneFor(req.request, governance)?.name ?? req.request.zone ?? governance.zones[0]!.name);
  const active = all.filter((r) => !r.request.decommission);
  for (const req of active)
    for (const n of ownedNames(req.request)) {
      const abs = absoluteName(n.name, zoneName(req));
      exists.set(abs, exists.get(abs) === true || ["A", "AAAA", "GLUE"].includes(n.type));
      if (n.type === "NS") delegated.add(abs);
    }
  const below = (name: string) => name.split(".").some((_, i, parts) => i > 0 && delegated.has(parts.slice(i).join(".")));
  const out: Diagnostic[] = [];
  for (const req of active) {
    const r = req.request;
    const ds: [string, string, string][] = [];
    if (r.target?.alias !== undefined) ds.push(["CNAME", r.target.alias, "/target/alias"]);
    (r.target?.delegation?.nameservers ?? []).forEach((ns, i) => ds.push(["NS", ns, `/target/delegation/nameservers/${i}`]));
    (r.records ?? []).forEach((x, i) => {
      if (x.type === "CNAME") ds.push(["CNAME", x.value, `/records/${i}/value`]);
      if (x.type === "MX") x.values.forEach((v, j) => v.exchange !== "." && ds.push(["MX", v.exchange, `/records/${i}/values/${j}/exchange`]));
      if (x.type === "SRV") x.values.forEach((v, j) => v.target !== "." && ds.push(["SRV", v.target, `/records/${i}/values/${j}/target`]));
    });
    for (const [type, text, ptr] of ds) {
      const name = host(text);
      const zone = zoneOfName(name);
      if (!zone || below(name)) continue;
      const known = exists.get(name);
      if (known === undefined) out.push(report(nameDangling, req, ptr, { id: `dangling ${type} ${text}`, en: "" }));
      else if (type === "NS" && !known && !name.endsWith(`.${absoluteName(host(r.label), zoneName(req))}`)) out.push(report(nameDangling, req, ptr, { id: `no address ${text}`, en: "" }));
    }
  }
  return out;
}

/** What a finding says, in the terms `reference` writes it: where, and of which destination. */
const gist = (d: Diagnostic) => `${d.file} ${d.line}:${d.column}`;

const label = fc.constantFrom("sehat", "surat", "game", "peta", "data", "MAIL", "xn--bcher-kva");
const sub = fc.constantFrom("mail", "mc", "a.b", "ns1", "www", "@", "_sip._tcp", "Mail");
const zoneField = fc.constantFrom(undefined, "contohkab.go.id", "CONTOHKAB.GO.ID", "layanan.contohkab.go.id", "contohkota.go.id", "lain.go.id");
const inZone = fc
  .tuple(fc.constantFrom("sehat", "mail.surat", "mc.game", "tidak-ada", "ns1", "www", "a.b.peta", "x.data", "ns1.data", "", "MAIL"), fc.constantFrom("contohkab.go.id", "layanan.contohkab.go.id", "contohkota.go.id", "CONTOHKOTA.GO.ID."))
  .map(([n, z]) => (n ? `${n}.${z}` : z));
const dest = fc.oneof(inZone, fc.constantFrom("mx.example.net", "ns.dns-opd.example.org"));
const ip = fc.constantFrom("103.10.20.1", "2400:cb00::1");
const record = fc.oneof(
  fc.record({ type: fc.constant("A" as const), name: sub, values: fc.constant(["103.10.20.9"]) }),
  fc.record({ type: fc.constant("TXT" as const), name: sub, values: fc.constant(["v=spf1 -all"]) }),
  fc.record({ type: fc.constant("CNAME" as const), name: sub, value: dest }),
  fc.record({ type: fc.constant("MX" as const), name: sub, values: fc.array(fc.record({ priority: fc.nat(20), exchange: fc.oneof(dest, fc.constant(".")) }), { minLength: 1, maxLength: 2 }) }),
  fc.record({ type: fc.constant("SRV" as const), name: sub, values: fc.array(fc.record({ priority: fc.nat(5), weight: fc.nat(5), port: fc.constant(25565), target: dest }), { minLength: 1, maxLength: 2 }) }),
);
const target = fc.oneof(
  fc.record({ server: fc.record({ ipv4: fc.constant(["103.10.20.7"]) }) }),
  fc.record({ alias: dest }),
  fc.constant({ hosting: {} }),
  fc.constant(undefined),
  fc.record({ delegation: fc.record({ nameservers: fc.array(dest, { minLength: 1, maxLength: 2 }), glue: fc.option(fc.array(fc.record({ name: fc.constantFrom("ns1", "ns"), ipv4: fc.constant(["103.10.20.53"]) }), { maxLength: 2 }), { nil: undefined }) }) }),
);
const request = fc.record({ label, zone: zoneField, target, records: fc.array(record, { maxLength: 4 }), decommission: fc.boolean(), ip });
const repo = fc.array(request, { minLength: 1, maxLength: 12 });

describe("name.dangling against the plain reading of the rule", () => {
  it("finds the same dangling names, at the same places, in random repositories", () => {
    let found = 0;
    fc.assert(
      fc.property(repo, (entries) => {
        const all: RepositoryFile[] = entries.map((e, i) => ({
          file: `requests/dinkes/${String(i).padStart(2, "0")}-${e.label}.yaml`,
          positions: { "": [1, 1], "/records/0/value": [9, 12], "/target/alias": [7, 10] },
          request: {
            label: e.label,
            opd: "dinkes",
            ...(e.zone !== undefined ? { zone: e.zone } : {}),
            ...(e.target !== undefined ? { target: e.target } : {}),
            records: e.records,
            ...(e.decommission ? { decommission: { reason: "selesai", date: "2026-05-01" } } : {}),
          } as RepositoryFile["request"],
        }));
        const got = nameDangling.check(all, ctx);
        const want = reference(all);
        found += got.length;
        expect(got.map(gist)).toEqual(want.map(gist));
        // Same order of findings, and the same kind (dangling or without address) for each.
        expect(got.map((d) => d.message.id.startsWith("Server nama"))).toEqual(want.map((d) => d.message.id.startsWith("no address")));
      }),
      { numRuns: 400, seed: 20261202 },
    );
    expect(found).toBeGreaterThan(100); // the generator reaches both kinds of finding often
  });
});
