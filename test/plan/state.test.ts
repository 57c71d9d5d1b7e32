import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { desiredState } from "../../src/state/desired-state.ts";
import { namespaceName } from "../../src/state/names.ts";
import { resolveIngress, parseIngress } from "../../src/state/ingress.ts";
import { requestPath } from "../../src/model/names.ts";
import { requestYaml, sampleRequests, validated, GOVERNANCE, type RequestSpec } from "./fixture.ts";

const one = (s: RequestSpec, gov = GOVERNANCE) => {
  const v = validated({ [requestPath(s.opd ?? "dinkes", s.label)]: requestYaml(s) }, gov);
  return desiredState(v.requests, v.governance);
};

describe("desired state", () => {
  it("points target.server at the label with A and AAAA, values canonical and sorted", () => {
    const s = one({ label: "vaksin", target: { server: { ipv4: ["103.10.20.32", "103.10.20.31"], ipv6: ["2400:CB00:0:0::10"] } } });
    expect(s.records.map((r) => [r.name, r.type, r.values])).toEqual([
      ["vaksin", "A", ["103.10.20.31", "103.10.20.32"]],
      ["vaksin", "AAAA", ["2400:cb00::10"]],
    ]);
    expect(s.records[0]!.source).toEqual({ file: "requests/dinkes/vaksin.yaml", opd: "dinkes", label: "vaksin" });
    expect(s.tenants).toEqual([]);
  });

  it("makes target.alias a CNAME to the absolute ASCII host", () => {
    const s = one({ label: "jadwal", target: { alias: "Jadwal.Bücher.example.org." } });
    expect(s.records).toMatchObject([{ name: "jadwal", type: "CNAME", values: ["jadwal.xn--bcher-kva.example.org"] }]);
  });

  it("writes Unicode labels in punycode", () => {
    const s = one({ label: "bücher", opd: "disdik", target: { server: { ipv4: ["103.10.20.33"] } } });
    expect(s.records[0]!.name).toBe("xn--bcher-kva");
  });

  it("takes TTL from the record, then the request, then the zone", () => {
    const s = one({ label: "sehat", ttl: 600, target: { server: { ipv4: ["103.10.20.30"] } }, records: [{ type: "TXT", values: ["a"], ttl: 120 }, { type: "TXT", name: "_x", values: ["b"] }] });
    expect(s.records.map((r) => [r.name, r.type, r.ttl])).toEqual([
      ["_x.sehat", "TXT", 600],
      ["sehat", "A", 600],
      ["sehat", "TXT", 120],
    ]);
    const z = one({ label: "sehat", target: { server: { ipv4: ["103.10.20.30"] } } });
    expect(z.records[0]!.ttl).toBe(3600);
    const noZoneTtl = one({ label: "sehat", target: { server: { ipv4: ["103.10.20.30"] } } }, GOVERNANCE.replace("    ttl: 3600\n", ""));
    expect(noZoneTtl.records[0]!.ttl).toBe(3600);
    const zone300 = one({ label: "sehat", target: { server: { ipv4: ["103.10.20.30"] } } }, GOVERNANCE.replace("    ttl: 3600\n", "    ttl: 300\n"));
    expect(zone300.records[0]!.ttl).toBe(300);
  });

  it("places extra records relative to the label, @ being the label", () => {
    const s = one({
      label: "surat",
      opd: "setda",
      target: { server: { ipv4: ["103.10.20.34"] } },
      records: [
        { type: "MX", name: "@", values: [{ priority: 20, exchange: "mx2.example.net" }, { priority: 10, exchange: "MX1.example.net" }] },
        { type: "SRV", name: "_sip._tcp", values: [{ priority: 10, weight: 5, port: 5060, target: "sip.example.net" }] },
      ],
    });
    expect(s.records.map((r) => `${r.name} ${r.type}`)).toEqual(["_sip._tcp.surat SRV", "surat A", "surat MX"]);
    expect(s.records[2]!.values).toEqual([
      { priority: 10, exchange: "mx1.example.net" },
      { priority: 20, exchange: "mx2.example.net" },
    ]);
  });

  it("turns target.hosting into a tenant and an INGRESS record at the label", () => {
    const s = one({ label: "arsip", opd: "setda", target: { hosting: { storage: "10Gi" } } });
    expect(s.records).toMatchObject([{ name: "arsip", type: "INGRESS", values: [] }]);
    expect(s.tenants).toEqual([
      {
        namespace: "tenant-arsip",
        zone: "contohkab.go.id",
        host: "arsip.contohkab.go.id",
        quota: { cpu: "500m", memory: "512Mi", storage: "10Gi", volumes: 2 },
        accessRole: "subdomain-gitops-tenant-pengelola",
        technicalContact: { name: "Budi Santoso", email: "budi@setda.contohkab.go.id", github: "budi-dinkes" },
        source: { file: "requests/setda/arsip.yaml", opd: "setda", label: "arsip" },
        status: "active",
        deletedFile: false,
        backup: { daily: true, time: "01:00", timeZone: "Asia/Jakarta", retentionDays: 30, finalRetentionDays: 365 },
        releaseData: false,
      },
    ]);
  });

  it("decommission removes every DNS record and keeps the tenant; deleteData releases it", () => {
    const kept = one({ label: "lama", opd: "bpbd", target: { hosting: {} }, records: [{ type: "TXT", values: ["x"] }], decommission: {} });
    expect(kept.records).toEqual([]);
    expect(kept.tenants).toMatchObject([{ namespace: "tenant-lama", status: "retained", releaseData: false }]);
    const released = one({ label: "lama", opd: "bpbd", target: { hosting: {} }, decommission: { deleteData: true } });
    expect(released.records).toEqual([]);
    expect(released.tenants).toMatchObject([{ namespace: "tenant-lama", releaseData: true }]);
    const server = one({ label: "lama", opd: "bpbd", target: { server: { ipv4: ["103.10.20.30"] } }, decommission: {} });
    expect(server).toEqual({ records: [], tenants: [] });
  });

  it("is the same whatever the order of the files", () => {
    const v = validated(sampleRequests());
    const expected = desiredState(v.requests, v.governance);
    expect(expected.records.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.shuffledSubarray(v.requests, { minLength: v.requests.length }), (shuffled) => {
        expect(JSON.stringify(desiredState(shuffled, v.governance))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 50 },
    );
  });
});

describe("namespace names", () => {
  it("prefixes every tenant so no system namespace can be taken", () => {
    for (const label of ["default", "kube-system", "kube-public", "cert-manager"]) {
      const ns = namespaceName(label, "contohkab.go.id", "contohkab.go.id");
      expect(ns).toBe(`tenant-${label}`);
      expect(ns).not.toMatch(/^(kube-|default$)/);
    }
  });

  it("adds the zone only outside the default zone, so adding a zone renames nothing", () => {
    expect(namespaceName("sehat", "contohkab.go.id", "contohkab.go.id")).toBe("tenant-sehat");
    expect(namespaceName("sehat", "kec.contohkab.go.id", "contohkab.go.id")).toMatch(/^tenant--sehat-kec-contohkab-go-id-[0-9a-f]{12}$/);
  });

  it("never gives two different hosts one name, whatever the labels and zones (a label cannot fake the hashed form)", () => {
    const zones = ["contohkab.go.id", "kec.contohkab.go.id", "contohkab-go.id", "go.id"];
    const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    fc.assert(
      fc.property(label, fc.constantFrom(...zones), label, fc.constantFrom(...zones), (l1, z1, l2, z2) => {
        fc.pre(`${l1}.${z1}` !== `${l2}.${z2}`);
        const [a, b] = [namespaceName(l1, z1, zones[0]!), namespaceName(l2, z2, zones[0]!)];
        expect(a).not.toBe(b);
        expect(a.length).toBeLessThanOrEqual(63);
      }),
      { numRuns: 3000 },
    );
    // The collisions of the first version: dots and hyphens, a label spelling another zone.
    expect(namespaceName("sehat-kec-contohkab-go-id", "contohkab.go.id", "contohkab.go.id")).not.toBe(namespaceName("sehat", "kec.contohkab.go.id", "contohkab.go.id"));
    expect(namespaceName("a", "b-c.id", "contohkab.go.id")).not.toBe(namespaceName("a-b", "c.id", "contohkab.go.id"));
  });

  it("stays a DNS-1123 label of at most 63 characters, stable, with a hash when truncated", () => {
    const long = "a".repeat(60);
    const a = namespaceName(long, "contohkab.go.id", "contohkab.go.id");
    const b = namespaceName(long.slice(0, 59) + "b", "contohkab.go.id", "contohkab.go.id");
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(a).toMatch(/^tenant--.*-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(namespaceName(long, "contohkab.go.id", "contohkab.go.id")).toBe(a);
    expect(namespaceName("bücher", "contohkab.go.id", "contohkab.go.id")).toBe("tenant-xn--bcher-kva");
  });
});

describe("ingress resolution", () => {
  const rs = { zone: "contohkab.go.id", name: "arsip", ttl: 300, proxied: false, source: { file: "f", opd: "o", label: "arsip" }, type: "INGRESS" as const, values: [] as [] };
  it("is a CNAME for a host and A/AAAA for addresses", () => {
    expect(resolveIngress(rs, parseIngress("Ingress.Contohkab.go.id")!)).toMatchObject([{ type: "CNAME", values: ["ingress.contohkab.go.id"], ttl: 300 }]);
    expect(resolveIngress(rs, parseIngress("203.0.113.5, 2001:DB8::5")!)).toMatchObject([
      { type: "A", values: ["203.0.113.5"] },
      { type: "AAAA", values: ["2001:db8::5"] },
    ]);
    expect(parseIngress("not a host!")).toBeUndefined();
  });
});

describe("tenants of random requests", () => {
  // One valid hosting request, cloned with other labels, zones and OPDs: the state is computed on
  // sets that validation would also judge, to see what the state alone guarantees.
  const base = validated({ "requests/dinkes/ruang.yaml": requestYaml({ label: "ruang", target: { hosting: {} } }) });
  const governance = { ...base.governance, zones: [...base.governance.zones, { ...base.governance.zones[0]!, name: "kec.contohkab.go.id" }, { ...base.governance.zones[0]!, name: "contohkab-go.id" }] };
  const proto = base.requests[0]!;
  const file = (label: string, zone: string, i: number) => ({
    ...proto,
    file: `requests/opd${i}/${label}-${i}.yaml`,
    request: { ...proto.request, label, opd: `opd${i}`, zone },
  });
  const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
  const zone = fc.constantFrom("contohkab.go.id", "kec.contohkab.go.id", "contohkab-go.id");

  it("never share a namespace, and a newcomer never renames an existing tenant", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(label, zone), { minLength: 2, maxLength: 12, selector: ([l, z]) => `${l}.${z}` }), (hosts) => {
        const files = hosts.map(([l, z], i) => file(l, z, i));
        const all = desiredState(files, governance);
        expect(new Set(all.tenants.map((t) => t.namespace)).size).toBe(files.length);
        // Each tenant's namespace is the one it has alone: no other request changes it.
        for (const f of files) {
          const alone = desiredState([f], governance).tenants[0]!;
          expect(all.tenants.find((t) => t.source.file === f.file)!.namespace).toBe(alone.namespace);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the collisions of the first version stay apart: a label spelling another zone, a dot against a hyphen", () => {
    const files = [file("sehat-kec-contohkab-go-id", "contohkab.go.id", 1), file("sehat", "kec.contohkab.go.id", 2), file("sehat-kec", "contohkab-go.id", 3)];
    const s = desiredState(files, governance);
    expect(new Set(s.tenants.map((t) => t.namespace)).size).toBe(3);
  });
});
