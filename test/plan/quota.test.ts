// The provider's record quota in the plan: warned from 80%, refused above, whatever
// --allow-large-change says; each Cloudflare plan's quota, and the Free plan's two generations.
import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { parseDocument } from "yaml";
import { requestPath } from "../../src/model/names.ts";
import type { Zone } from "../../src/model/governance.ts";
import { quotaMessages, quotaUsage, recordQuota } from "../../src/plan/quota.ts";
import { runPlan, type PlanOptions } from "../../src/artifacts/run.ts";
import { parseIngress } from "../../src/state/ingress.ts";
import { GOVERNANCE, requestYaml, tempRepo, validated } from "./fixture.ts";
import { desiredState } from "../../src/state/desired-state.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const zone = (provider?: Zone["provider"]): Zone => ({ name: "contohkab.go.id", nameservers: ["ns1.contohkab.go.id"], soa: { mname: "ns1.contohkab.go.id", rname: "h@contohkab.go.id" }, ...(provider ? { provider } : {}) });

/** The fixture governance with the zone's provider set (or left out). */
function governanceWith(provider?: Record<string, unknown>): string {
  const doc = parseDocument(GOVERNANCE);
  if (provider) doc.setIn(["zones", 0, "provider"], provider);
  return doc.toString();
}

/** `n` one-address requests. */
function requests(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) out[requestPath("dinkes", `layanan${i}`)] = requestYaml({ label: `layanan${i}`, target: { server: { ipv4: [`103.10.${i >> 8}.${i & 255}`] } } });
  return out;
}

const PROTECTED = 5; // @, www, mail, ns1, ns2 in the fixture governance
const OPTIONS = (root: string, allowLargeChange = false): PlanOptions => ({
  root,
  lang: "en",
  allowLargeChange,
  today: "2026-06-01",
  ingress: parseIngress("192.0.2.80")!,
  nameserverAddresses: {},
  cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
});

describe("record quota of the zone's plan", () => {
  it("knows each Cloudflare plan's quota", () => {
    expect(recordQuota(zone())?.limit).toBe(200); // default: Free, the newer quota
    expect(recordQuota(zone({ name: "cloudflare", plan: "free" }))?.limit).toBe(200);
    expect(recordQuota(zone({ name: "cloudflare", plan: "free", zoneCreated: "2024-09-01" }))?.limit).toBe(200);
    expect(recordQuota(zone({ name: "cloudflare", plan: "free", zoneCreated: "2024-08-31" }))?.limit).toBe(1000);
    expect(recordQuota(zone({ name: "cloudflare", plan: "pro" }))?.limit).toBe(3500);
    expect(recordQuota(zone({ name: "cloudflare", plan: "business", zoneCreated: "2020-01-01" }))?.limit).toBe(3500);
    expect(recordQuota(zone({ name: "cloudflare", plan: "enterprise" }))).toBeUndefined();
    expect(recordQuota(zone({ name: "cloudflare", plan: "enterprise", recordQuota: 10000 }))?.limit).toBe(10000);
  });

  it("counts every value, hosted names by the ingress they resolve to, and the protected names", () => {
    const files = {
      [requestPath("dinkes", "dua")]: requestYaml({ label: "dua", target: { server: { ipv4: ["103.10.0.1", "103.10.0.2"], ipv6: ["2400:cb00::1"] } }, records: [{ type: "TXT", values: ["a", "b"] }] }),
      [requestPath("disdik", "web")]: requestYaml({ label: "web", opd: "disdik", target: { hosting: {} } }),
    };
    const { governance, requests: reqs } = validated(files);
    const state = desiredState(reqs, governance);
    expect(quotaUsage(state, governance, parseIngress("192.0.2.80,2001:db8::80")!)[0]!.records).toBe(3 + 2 + 2 + PROTECTED);
    expect(quotaUsage(state, governance, parseIngress("ingress.contohkab.go.id")!)[0]!.records).toBe(3 + 2 + 1 + PROTECTED);
  });

  it("warns from 80% and refuses above the quota, in the plan a pull request shows", () => {
    const u = (records: number) => quotaMessages([{ zone: "contohkab.go.id", records, limit: 200, basis: { id: "Free", en: "Free" } }]);
    expect(u(159)).toEqual({ warnings: [], over: [] });
    expect(u(160).warnings[0]!.en).toContain("160 of 200 records (80%)");
    expect(u(200).over).toEqual([]);
    expect(u(201).over[0]!.en).toContain("201 records, over its quota of 200");
  });

  it("fails a plan of 201 records on a new Free zone even with --allow-large-change, passes it on an old Free zone", { timeout: 60_000 }, async () => {
    const over = tempRepo({ ...requests(200 - PROTECTED + 1), "governance.yaml": governanceWith() });
    dirs.push(over);
    const refused = await runPlan(OPTIONS(over, true));
    expect(refused.kind).toBe("planned");
    if (refused.kind !== "planned") return;
    expect(refused.unsafe.map((m) => m.en).join("\n")).toContain("201 records, over its quota of 200");
    expect(refused.plan.notes.map((m) => m.en).join("\n")).toContain("over its quota");

    const old = tempRepo({ ...requests(200 - PROTECTED + 1), "governance.yaml": governanceWith({ name: "cloudflare", plan: "free", zoneCreated: "2023-05-01" }) });
    dirs.push(old);
    const fine = await runPlan(OPTIONS(old));
    expect(fine.kind === "planned" && fine.unsafe).toEqual([]);

    const near = tempRepo({ ...requests(160 - PROTECTED), "governance.yaml": governanceWith() });
    dirs.push(near);
    const warned = await runPlan(OPTIONS(near));
    expect(warned.kind === "planned" && warned.unsafe).toEqual([]);
    expect(warned.kind === "planned" && warned.plan.notes.map((m) => m.en).join("\n")).toContain("160 of 200 records (80%)");
  });
});
