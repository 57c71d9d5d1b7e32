import { describe, expect, it } from "vitest";
import { parseStackSettings, SettingsError } from "../../src/pulumi/settings.ts";

const cluster = { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "local-path", clusterIssuer: "letsencrypt" };
const ok = { zones: { "ContohKab.go.id.": "0123456789abcdef0123456789abcdef" }, ingress: "192.0.2.80, 2001:db8::80", cluster };

describe("stack settings", () => {
  it("reads zones, the ingress address and the cluster; record tags default to on", () => {
    const s = parseStackSettings(ok);
    expect(s.zones.get("contohkab.go.id")).toBe("0123456789abcdef0123456789abcdef");
    expect(s.ingress).toEqual({ ipv4: ["192.0.2.80"], ipv6: ["2001:db8::80"] });
    expect(s.recordTags).toBe(true);
    expect(parseStackSettings({ ...ok, ingress: "ingress.contohkab.go.id", recordTags: false })).toMatchObject({ ingress: { host: "ingress.contohkab.go.id" }, recordTags: false });
  });

  it("names every wrong or missing key in one message", () => {
    let err: unknown;
    try {
      parseStackSettings({ zones: { "contohkab.go.id": "bukan-id" }, ingress: undefined, cluster: { ...cluster, ingressClass: undefined } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SettingsError);
    const text = (err as Error).message;
    expect(text).toContain("subdomain-gitops:zones.contohkab.go.id");
    expect(text).toContain("subdomain-gitops:ingress");
    expect(text).toContain("subdomain-gitops:cluster.ingressClass");
  });

  it("refuses an ingress that is neither addresses nor a host name", () => {
    expect(() => parseStackSettings({ ...ok, ingress: "http://x" })).toThrow(/subdomain-gitops:ingress/);
  });
});
