// The files `npm run plan` writes to out/: manifests that validate against the Kubernetes
// OpenAPI schemas, one per managed tenant, and no stale files from an earlier run.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ResourceQuota } from "kubernetes-models/v1/ResourceQuota";
import { LimitRange } from "kubernetes-models/v1/LimitRange";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { runPlan } from "../../src/plan/run.ts";
import { requestYaml, sampleRequests, tempRepo, writeFiles } from "./fixture.ts";

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  Namespace: Namespace as never,
  ResourceQuota: ResourceQuota as never,
  LimitRange: LimitRange as never,
  ServiceAccount: ServiceAccount as never,
  RoleBinding: RoleBinding as never,
  NetworkPolicy: NetworkPolicy as never,
  Ingress: Ingress as never,
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function plan(root: string) {
  const r = runPlan({
    root,
    out: join(root, "out"),
    lang: "id",
    allowLargeChange: false,
    today: "2026-06-01",
    ingress: { ipv4: ["192.0.2.80"] },
    nameserverAddresses: {},
    cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
  });
  if (r.kind !== "planned") throw new Error("fixture invalid");
  return r;
}

describe("out/kubernetes", () => {
  it("holds one file per managed tenant, every object valid against the Kubernetes schemas", () => {
    const root = tempRepo(sampleRequests());
    dirs.push(root);
    const r = plan(root);
    const files = readdirSync(join(root, "out/kubernetes")).sort();
    expect(files).toEqual(r.state.tenants.map((t) => `${t.namespace}.yaml`).sort());
    expect(files).toEqual(["tenant-arsip.yaml", "tenant-lama.yaml", "tenant-pendaftaran.yaml"]);
    let objects = 0;
    for (const f of files) {
      const docs = parseAllDocuments(readFileSync(join(root, "out/kubernetes", f), "utf8"));
      const kinds = new Set<string>();
      for (const d of Array.isArray(docs) ? docs : []) {
        expect(d.errors).toEqual([]);
        const o = d.toJS() as { kind: string; metadata: { name: string; namespace?: string } };
        const Model = MODELS[o.kind];
        expect(Model, o.kind).toBeDefined();
        expect(() => new Model!(o as never).validate()).not.toThrow();
        if (o.kind !== "Namespace") expect(o.metadata.namespace).toBe(f.replace(/\.yaml$/, ""));
        kinds.add(o.kind);
        objects++;
      }
      for (const k of ["Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "RoleBinding"]) expect(kinds, `${f} ${k}`).toContain(k);
    }
    expect(objects).toBeGreaterThan(files.length * 4);
  });

  it("writes the same bytes on every run", () => {
    const root = tempRepo(sampleRequests());
    dirs.push(root);
    const first = plan(root);
    const read = () => Object.fromEntries(first.written.map((f) => [f, readFileSync(join(root, "out", f), "utf8")]));
    const a = read();
    plan(root);
    expect(read()).toEqual(a);
    expect(Object.keys(a)).toContain("zones/contohkab.go.id.zone");
  });

  it("writes no manifests for a tenant released for deletion, and removes stale files", () => {
    const root = tempRepo(sampleRequests());
    dirs.push(root);
    plan(root);
    expect(existsSync(join(root, "out/kubernetes/tenant-arsip.yaml"))).toBe(true);
    writeFiles(root, {
      "requests/setda/arsip.yaml": requestYaml({ label: "arsip", opd: "setda", target: { hosting: { storage: "10Gi" } }, decommission: { deleteData: true } }),
      "requests/disdik/pendaftaran.yaml": null,
    });
    const r = plan(root);
    expect(r.state.tenants.find((t) => t.namespace === "tenant-arsip")?.releaseData).toBe(true);
    expect(readdirSync(join(root, "out/kubernetes")).sort()).toEqual(["tenant-lama.yaml"]);
    expect(readFileSync(join(root, "out/zones/contohkab.go.id.zone"), "utf8")).not.toContain("arsip");
  });
});
