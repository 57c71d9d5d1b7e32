import { describe, expect, it } from "vitest";
import { parseStackSettings, SettingsError } from "../../src/pulumi/settings.ts";
import { CONTOH } from "../fixtures/contoh.ts";

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

  it("reads the node/control-plane ranges tenants must not reach and Velero's namespace; refuses a range that is no CIDR", () => {
    const s = parseStackSettings({ ...ok, cluster: { ...cluster, veleroNamespace: "cadangan", blockedRanges: ["10.0.0.0/24", "fd00:10::/64"] } });
    expect(s.cluster).toMatchObject({ veleroNamespace: "cadangan", blockedRanges: ["10.0.0.0/24", "fd00:10::/64"] });
    expect(parseStackSettings(ok).cluster).not.toHaveProperty("blockedRanges");
    expect(() => parseStackSettings({ ...ok, cluster: { ...cluster, blockedRanges: ["10.0.0.0"] } })).toThrow(/cluster\.blockedRanges\.0/);
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

describe("stack files", () => {
  // The fixture government's stacks (test/fixtures/contoh/stacks, as the product ships them): an
  // adopted repository points its own stacks/ at its zone and fills in real zone ids.
  it("the shipped stacks are complete but for the zone id placeholder, which is refused", async () => {
    const { readStackSettings } = await import("../../src/pulumi/preflight.ts");
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "stacks-"));
    cpSync(join(CONTOH, "stacks"), join(dir, "stacks"), { recursive: true });
    for (const stack of ["staging", "production"]) {
      expect(() => readStackSettings(dir, stack)).toThrow(/placeholder/);
      const file = join(dir, "stacks", `Pulumi.${stack}.yaml`);
      writeFileSync(file, readFileSync(file, "utf8").replace(/"0{32}"/, '"0123456789abcdef0123456789abcdef"'));
      const s = readStackSettings(dir, stack);
      expect(s.zones.get("contohkab.go.id")).toBe("0123456789abcdef0123456789abcdef");
      expect(s.cluster.ingressNamespace).toBe("ingress-nginx");
    }
    expect(() => readStackSettings(dir, "tidak-ada")).toThrow(SettingsError);
  });
});
