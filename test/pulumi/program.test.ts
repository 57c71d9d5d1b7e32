// The program under Pulumi mocks: what it registers must be exactly what the desired state says.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildProgram } from "../../src/pulumi/program.ts";
import { parseStackSettings, type StackSettings } from "../../src/pulumi/settings.ts";
import { repositoryState } from "../../src/pulumi/state.ts";
import { fullName } from "../../src/pulumi/records.ts";
import { tenantManifests } from "../../src/targets/kubernetes/manifests.ts";
import { clusterBaseline } from "../../src/targets/kubernetes/baseline.ts";
import { objectProblems } from "../kubernetes/validate-object.ts";
import type { DesiredState, RecordSet } from "../../src/state/types.ts";
import { installMocks, settled, type MockSession, type Registered } from "./mocks.ts";
import { stateArb } from "./arbitraries.ts";
import { cloudflareProblems } from "./cloudflare-constraints.ts";
import { cluster, sehat } from "../kubernetes/fixtures.ts";
import { CONTOH } from "../fixtures/contoh.ts";
import { desiredState } from "../../src/state/desired-state.ts";
import { DELEGATING_GOVERNANCE, REAL_SHAPES, validated } from "../plan/fixture.ts";

const DNS = "cloudflare:index/dnsRecord:DnsRecord";
const ZONE_IDS = { "contohkab.go.id": "0123456789abcdef0123456789abcdef", "contohkota.go.id": "fedcba9876543210fedcba9876543210" };
const settings: StackSettings = parseStackSettings({ zones: ZONE_IDS, ingress: "192.0.2.80,2001:db8::80", cluster });
let mocks: MockSession;
beforeAll(async () => {
  mocks = await installMocks();
});
beforeEach(() => mocks.reset());

async function run(state: DesiredState, s: StackSettings = settings, prepare: string[] = []): Promise<Registered[]> {
  mocks.reset();
  const program = buildProgram(state, s, { prepare: new Set(prepare) });
  await settled(program.resources);
  expect(mocks.registered).toHaveLength(program.resources.length);
  return [...mocks.registered];
}

/** What the state says Cloudflare should hold, computed independently of src/pulumi. */
function expectedRecords(state: DesiredState): string[] {
  const out: string[] = [];
  const add = (r: RecordSet, type: string, value: string) => out.push(`${fullName(r.zone, r.name)} ${type} ${value}`);
  for (const r of state.records) {
    if (r.type === "INGRESS") {
      add(r, "A", "192.0.2.80");
      add(r, "AAAA", "2001:db8::80");
    } else if (r.type === "MX") r.values.forEach((v) => add(r, "MX", `${v.priority} ${v.exchange}`));
    else if (r.type === "SRV") r.values.forEach((v) => add(r, "SRV", `${v.priority} ${v.weight} ${v.port} ${v.target}`));
    else if (r.type === "CAA") r.values.forEach((v) => add(r, "CAA", `${v.flags} ${v.tag} ${v.value}`));
    else if (r.type === "TXT") r.values.forEach((v) => add(r, "TXT", JSON.stringify(v)));
    else if (r.type === "DS") r.values.forEach((v) => add(r, "DS", `${v.keyTag} ${v.algorithm} ${v.digestType} ${v.digest}`));
    else r.values.forEach((v) => add(r, r.type, v));
  }
  return out.sort();
}

/** RFC 1035 character strings back to the value: `"a\\"b" "c"` -> `a"bc`. */
function decodeTxt(content: string): string {
  let out = "";
  let inside = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    if (c === '"') inside = !inside;
    else if (inside && c === "\\") out += content[++i];
    else if (inside) out += c;
  }
  return out;
}

/** The same description read back from what was registered. */
function registeredRecords(reg: Registered[]): string[] {
  return reg
    .filter((r) => r.type === DNS)
    .map((r) => {
      const i = r.inputs as { name: string; type: string; content?: string; priority?: number; data?: Record<string, unknown> };
      const d = i.data ?? {};
      const value =
        i.type === "MX" ? `${i.priority} ${i.content}`
        : i.type === "SRV" ? `${d.priority} ${d.weight} ${d.port} ${d.target}`
        : i.type === "CAA" ? `${d.flags} ${d.tag} ${d.value}`
        : i.type === "DS" ? `${d.keyTag} ${d.algorithm} ${d.digestType} ${d.digest}`
        : i.type === "TXT" ? JSON.stringify(decodeTxt(i.content!))
        : i.content!;
      return `${i.name} ${i.type} ${value}`;
    })
    .sort();
}

function checkAgainstState(state: DesiredState, reg: Registered[], released: string[] = []): void {
  expect(registeredRecords(reg)).toEqual(expectedRecords(state));
  for (const r of reg.filter((x) => x.type === DNS)) {
    expect(cloudflareProblems(r.inputs), r.name).toEqual([]);
    expect(r.deleteBeforeReplace).toBe(true);
  }
  const kube = reg.filter((r) => r.type.startsWith("kubernetes:"));
  const live = state.tenants.filter((t) => !t.releaseData || released.includes(t.namespace));
  const baseline = state.tenants.length ? clusterBaseline(settings.cluster) : [];
  const expected = [...baseline, ...live.flatMap((t) => tenantManifests(t, settings.cluster))];
  // The engine sees registrations in completion order; compare as sets keyed by identity.
  const key = (o: unknown) => { const x = o as { kind: string; metadata: { name: string; namespace?: string } }; return `${x.metadata.namespace ?? ""}/${x.kind}/${x.metadata.name}`; };
  const byKey = (xs: unknown[]) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  expect(byKey(kube.map((r) => r.inputs))).toEqual(byKey(expected));
  for (const r of kube) {
    const o = r.inputs as { kind: string; metadata: { name: string } };
    expect(objectProblems(r.inputs as never), `${o.kind}/${o.metadata.name}`).toEqual([]);
    if (r.parent.includes("hosting:Baseline")) continue;
    const tenant = live.find((t) => r.parent.endsWith(`::${t.namespace}`))!;
    // Retained unless this run prepares an approved release of the tenant's data; the final
    // backup always outlives the tenant.
    expect(r.retainOnDelete).toBe(!tenant.releaseData || o.kind === "Backup");
  }
}

const records: RecordSet[] = [
  { type: "INGRESS", values: [], zone: "contohkab.go.id", name: "sehat", ttl: 3600, proxied: false, source: sehat.source },
  { type: "TXT", values: ["v=spf1 -all"], zone: "contohkab.go.id", name: "sehat", ttl: 3600, proxied: false, source: sehat.source },
  { type: "MX", values: [{ priority: 10, exchange: "mail.contohkab.go.id" }], zone: "contohkab.go.id", name: "sehat", ttl: 300, proxied: false, source: sehat.source },
];
const handBuilt: DesiredState = { records, tenants: [sehat] };

describe("Pulumi program under mocks", () => {
  it("registers the hand-built state: records per value, the tenant's objects, components as parents", async () => {
    const reg = await run(handBuilt);
    checkAgainstState(handBuilt, reg);
    expect(reg.filter((r) => r.type === "subdomain-gitops:dns:Subdomain").map((r) => r.name)).toEqual(["sehat.contohkab.go.id"]);
    expect(reg.filter((r) => r.type === "subdomain-gitops:hosting:Tenant").map((r) => r.name)).toEqual(["dinkes-sehat"]);
    expect(reg.filter((r) => r.type === DNS).map((r) => r.name).sort()).toEqual([
      "contohkab.go.id/sehat/A/192.0.2.80",
      "contohkab.go.id/sehat/AAAA/2001:db8::80",
      "contohkab.go.id/sehat/MX/10-mail.contohkab.go.id",
      expect.stringMatching(/^contohkab\.go\.id\/sehat\/TXT\/[0-9a-f]{12}$/),
    ]);
    const ns = reg.find((r) => r.type === "kubernetes:core/v1:Namespace")!;
    expect(ns.parent).toContain("subdomain-gitops:hosting:Tenant::dinkes-sehat");
  });

  it("points hosted names at an ingress host name with a CNAME when the stack says so", async () => {
    const cname = parseStackSettings({ zones: ZONE_IDS, ingress: "ingress.contohkab.go.id", cluster });
    const reg = await run(handBuilt, cname);
    const hosted = reg.filter((r) => r.type === DNS && (r.inputs as { name: string }).name === "sehat.contohkab.go.id" && ["A", "AAAA", "CNAME"].includes((r.inputs as { type: string }).type));
    expect(hosted.map((r) => r.inputs)).toEqual([expect.objectContaining({ type: "CNAME", content: "ingress.contohkab.go.id" })]);
  });

  it("registers the fixture government's requests", async () => {
    const repo = repositoryState(CONTOH);
    expect(repo.ok, JSON.stringify(repo.diagnostics.slice(0, 3))).toBe(true);
    if (!repo.ok) return;
    const reg = await run(repo.state);
    checkAgainstState(repo.state, reg);
    expect(reg.filter((r) => r.type === DNS).length).toBeGreaterThan(0);
  });

  it("registers a delegation (NS, DS, glue), a mail-only name and SRV under a host within Cloudflare's constraints", async () => {
    const { governance, requests } = validated(REAL_SHAPES, DELEGATING_GOVERNANCE);
    const state = desiredState(requests, governance);
    const reg = await run(state);
    checkAgainstState(state, reg);
    const dns = reg.filter((r) => r.type === DNS).map((r) => r.inputs as Record<string, unknown>);
    for (const i of dns) expect(cloudflareProblems(i), JSON.stringify(i)).toEqual([]);
    const at = (name: string, type: string) => dns.filter((i) => i.name === `${name}.contohkab.go.id` && i.type === type);
    expect(at("sekolah", "NS").map((i) => i.content).sort()).toEqual(["ns1.sekolah.contohkab.go.id", "ns2.dns-opd.example.net"]);
    expect(at("sekolah", "DS")).toEqual([expect.objectContaining({ data: expect.objectContaining({ keyTag: 2371, algorithm: 13, digestType: 2 }) })]);
    expect(at("ns1.sekolah", "A").map((i) => i.content)).toEqual(["103.10.20.53"]);
    expect(at("surel", "MX").length).toBe(1);
    expect(at("surel", "A").length + at("surel", "CNAME").length).toBe(0);
    expect(at("_minecraft._tcp.mc.game", "SRV").length).toBe(1);
  });

  it("matches the state for random states", async () => {
    await fc.assert(
      fc.asyncProperty(stateArb, async (state) => {
        const reg = await run(state);
        checkAgainstState(state, reg);
      }),
      { numRuns: 15 },
    );
  });

  it("fails with a clear message when a zone has no Cloudflare zone id", () => {
    const other = { ...handBuilt, records: [{ ...records[1]!, zone: "lain.go.id" }] };
    expect(() => buildProgram(other, settings)).toThrow(/lain\.go\.id.*subdomain-gitops:zones/);
  });
});

describe("stable names and data safety", () => {
  it("replaces nothing when request files are moved or the state is listed in another order", async () => {
    const a = await run(handBuilt);
    const moved: DesiredState = {
      records: [...records].reverse().map((r) => ({ ...r, source: { ...r.source, file: "requests/dinkes/arsip/sehat.yaml" } })),
      tenants: [{ ...sehat, source: { ...sehat.source, file: "requests/dinkes/arsip/sehat.yaml" } }],
    };
    const b = await run(moved);
    expect(b.map((r) => r.urn).sort()).toEqual(a.map((r) => r.urn).sort());
  });

  it("gives a record of another type a new name, deleted before any replacement", async () => {
    const a = await run({ records: [{ ...records[1]!, type: "A", values: ["203.0.113.10"] }], tenants: [] });
    const b = await run({ records: [{ ...records[1]!, type: "CNAME", values: ["web.contohkab.go.id"] }], tenants: [] });
    const names = (x: Registered[]) => x.filter((r) => r.type === DNS).map((r) => r.name);
    expect(names(a)).toEqual(["contohkab.go.id/sehat/A/203.0.113.10"]);
    expect(names(b)).toEqual(["contohkab.go.id/sehat/CNAME"]);
    // A new alias target keeps the name: an update in place, never a second CNAME.
    const c = await run({ records: [{ ...records[1]!, type: "CNAME", values: ["lain.contohkab.go.id"] }], tenants: [] });
    expect(names(c)).toEqual(names(b));
    expect(b.find((r) => r.type === DNS)!.deleteBeforeReplace).toBe(true);
  });

  it("retains every object of a tenant on delete unless its release is being prepared", async () => {
    const kept = await run(handBuilt);
    expect(kept.filter((r) => r.type.startsWith("kubernetes:") && !r.parent.includes("Baseline")).every((r) => r.retainOnDelete)).toBe(true);

    const released: DesiredState = { records: [], tenants: [{ ...sehat, status: "retained", releaseData: true }] };
    // Phase 1 of a release: registered, with retention lifted; nothing changes on the cluster.
    const prepared = await run(released, settings, ["dinkes-sehat"]);
    const kube = prepared.filter((r) => r.type.startsWith("kubernetes:") && !r.parent.includes("Baseline"));
    // Access is already revoked (no RoleBinding, CI account, Ingress); the final backup is added.
    expect(kube.map((r) => (r.inputs as { kind: string }).kind).sort()).toEqual(
      ["Backup", "LimitRange", "Namespace", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "ResourceQuota", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"],
    );
    expect(kube.filter((r) => (r.inputs as { kind: string }).kind !== "Backup").every((r) => !r.retainOnDelete)).toBe(true);
    checkAgainstState(released, prepared, ["dinkes-sehat"]);
    // Phase 2 (and every later run): not registered, so Pulumi deletes it, and never recreates it.
    const after = await run(released);
    expect(after.filter((r) => (r.type.startsWith("kubernetes:") && !r.parent.includes("Baseline")) || r.type === "subdomain-gitops:hosting:Tenant")).toEqual([]);
    // A tenant without the marker is never prepared, whatever deploy asks.
    const unmarked = await run(handBuilt, settings, ["dinkes-sehat"]);
    expect(unmarked.filter((r) => r.type.startsWith("kubernetes:") && !r.parent.includes("Baseline")).every((r) => r.retainOnDelete)).toBe(true);
  });
});
