import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cloudflareTtl, dnsRecordSpecs, fullName, txtContent } from "../../src/pulumi/records.ts";
import type { RecordSet } from "../../src/state/types.ts";
import { recordArb } from "./arbitraries.ts";
import { cloudflareProblems } from "./cloudflare-constraints.ts";

const ZONE_ID = "0123456789abcdef0123456789abcdef";
const source = { file: "requests/dinkes/sehat.yaml", opd: "dinkes", label: "sehat" };
const rs = (data: Partial<RecordSet> & Pick<RecordSet, "type" | "values">): RecordSet =>
  ({ zone: "contohkab.go.id", name: "sehat", ttl: 3600, proxied: false, source, ...data }) as RecordSet;

describe("Cloudflare record arguments", () => {
  it("gives one record per value with the full name, the file as comment and the OPD as tag", () => {
    const specs = dnsRecordSpecs(rs({ type: "A", values: ["203.0.113.10", "203.0.113.11"] }), ZONE_ID, { tags: true });
    expect(specs.map((s) => s.logicalName)).toEqual(["contohkab.go.id/sehat/A/203.0.113.10", "contohkab.go.id/sehat/A/203.0.113.11"]);
    expect(specs[0]!.inputs).toEqual({
      zoneId: ZONE_ID,
      name: "sehat.contohkab.go.id",
      type: "A",
      content: "203.0.113.10",
      ttl: 3600,
      proxied: false,
      comment: "requests/dinkes/sehat.yaml",
      tags: ["managed-by:subdomain-gitops", "opd:dinkes"],
    });
    expect(dnsRecordSpecs(rs({ type: "A", values: ["203.0.113.10"] }), ZONE_ID, { tags: false })[0]!.inputs.tags).toBeUndefined();
  });

  it("puts MX priority beside the content, and SRV and CAA fields in data", () => {
    const [mx] = dnsRecordSpecs(rs({ type: "MX", values: [{ priority: 10, exchange: "mail.contohkab.go.id" }] }), ZONE_ID, { tags: true });
    expect(mx!.inputs).toMatchObject({ type: "MX", content: "mail.contohkab.go.id", priority: 10 });
    const [srv] = dnsRecordSpecs(rs({ name: "_sip._tcp.sehat", type: "SRV", values: [{ priority: 1, weight: 5, port: 5060, target: "sip.contohkab.go.id" }] }), ZONE_ID, { tags: true });
    expect(srv!.inputs).toMatchObject({ name: "_sip._tcp.sehat.contohkab.go.id", data: { priority: 1, weight: 5, port: 5060, target: "sip.contohkab.go.id" } });
    expect(srv!.inputs.content).toBeUndefined();
    const [caa] = dnsRecordSpecs(rs({ type: "CAA", values: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }] }), ZONE_ID, { tags: true });
    expect(caa!.inputs.data).toEqual({ flags: 0, tag: "issue", value: "letsencrypt.org" });
  });

  it("keeps TTL 1 or within 60..86400, and automatic when proxied", () => {
    expect([cloudflareTtl(1, false), cloudflareTtl(30, false), cloudflareTtl(300, false), cloudflareTtl(100_000, false), cloudflareTtl(300, true)]).toEqual([1, 60, 300, 86_400, 1]);
  });

  it("quotes TXT values and splits them at 255 bytes without breaking a character", () => {
    expect(txtContent('v=spf1 "x" \\ -all')).toBe('"v=spf1 \\"x\\" \\\\ -all"');
    const long = "a".repeat(254) + "é" + "b";
    expect(txtContent(long)).toBe(`"${"a".repeat(254)}" "éb"`);
  });

  it("refuses an unresolved INGRESS record", () => {
    expect(() => dnsRecordSpecs(rs({ type: "INGRESS", values: [] }), ZONE_ID, { tags: true })).toThrow(/resolved/);
  });

  it("names records by zone, name, type and value only: the file they come from does not matter", () => {
    const a = dnsRecordSpecs(rs({ type: "TXT", values: ["v=spf1 -all"] }), ZONE_ID, { tags: true });
    const b = dnsRecordSpecs({ ...rs({ type: "TXT", values: ["v=spf1 -all"] }), source: { file: "requests/diskominfo/sehat.yaml", opd: "diskominfo", label: "sehat" } }, ZONE_ID, { tags: true });
    expect(b.map((s) => s.logicalName)).toEqual(a.map((s) => s.logicalName));
    expect(fullName("contohkab.go.id", "@")).toBe("contohkab.go.id");
  });

  it("respects the provider's constraints for random record sets", () => {
    fc.assert(
      fc.property(recordArb, (r) => {
        const specs = dnsRecordSpecs(r, ZONE_ID, { tags: true });
        expect(specs).toHaveLength(r.values.length);
        for (const s of specs) expect(cloudflareProblems(s.inputs as unknown as Record<string, unknown>)).toEqual([]);
        expect(new Set(specs.map((s) => s.logicalName)).size).toBe(specs.length);
      }),
      { numRuns: 200 },
    );
  });
});
