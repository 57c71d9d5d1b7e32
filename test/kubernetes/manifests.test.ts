import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseAllDocuments } from "yaml";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ResourceQuota } from "kubernetes-models/v1/ResourceQuota";
import { LimitRange } from "kubernetes-models/v1/LimitRange";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { tenantManifests, type KubeObject } from "../../src/targets/kubernetes/manifests.ts";
import { renderManifests } from "../../src/targets/kubernetes/render.ts";
import { quantityValue } from "../../src/targets/kubernetes/quantity.ts";
import { cluster, sehat } from "./fixtures.ts";
import { tenantArb } from "../pulumi/arbitraries.ts";

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  Namespace: Namespace as never,
  ResourceQuota: ResourceQuota as never,
  LimitRange: LimitRange as never,
  ServiceAccount: ServiceAccount as never,
  RoleBinding: RoleBinding as never,
  NetworkPolicy: NetworkPolicy as never,
  Ingress: Ingress as never,
};

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** What the API server would check beyond the schema: names and label syntax. */
function expectValid(o: KubeObject): void {
  const Model = MODELS[o.kind];
  expect(Model, o.kind).toBeDefined();
  expect(() => new Model!(o as never).validate()).not.toThrow();
  expect(o.metadata.name).toMatch(DNS1123_LABEL);
  for (const [k, v] of Object.entries(o.metadata.labels)) {
    expect(k).toMatch(LABEL_KEY);
    expect(v).toMatch(LABEL_VALUE);
  }
  for (const k of Object.keys(o.metadata.annotations ?? {})) expect(k).toMatch(LABEL_KEY);
}

const find = (objs: KubeObject[], kind: string, name?: string) => objs.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));

describe("tenantManifests", () => {
  const objs = tenantManifests(sehat, cluster);

  it("produces objects that validate against the Kubernetes schemas", () => {
    objs.forEach(expectValid);
    expect(objs.map((o) => o.kind)).toEqual([
      "Namespace",
      "ResourceQuota",
      "LimitRange",
      "ServiceAccount",
      "RoleBinding",
      "RoleBinding",
      "NetworkPolicy",
      "NetworkPolicy",
      "NetworkPolicy",
      "NetworkPolicy",
      "Ingress",
    ]);
  });

  it("labels the namespace for restricted Pod Security and with the OPD and subdomain", () => {
    const ns = find(objs, "Namespace")[0]!;
    expect(ns.metadata.name).toBe("dinkes-sehat");
    expect(ns.metadata.labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    expect(ns.metadata.labels["subdomain-gitops/opd"]).toBe("dinkes");
    expect(ns.metadata.labels["subdomain-gitops/subdomain"]).toBe("sehat");
    expect(ns.metadata.annotations?.["subdomain-gitops/host"]).toBe("sehat.contohkab.go.id");
    expect(ns.metadata.annotations?.["subdomain-gitops/request"]).toBe("requests/dinkes/sehat.yaml");
    for (const o of objs.slice(1)) expect(o.metadata.namespace).toBe("dinkes-sehat");
  });

  it("sets the quota from the tenant and LimitRange defaults within it", () => {
    const hard = (find(objs, "ResourceQuota")[0]!.spec as { hard: Record<string, string> }).hard;
    expect(hard).toMatchObject({ "requests.cpu": "500m", "limits.memory": "512Mi", "requests.storage": "5Gi", persistentvolumeclaims: "2" });
    expect(hard["local-path.storageclass.storage.k8s.io/requests.storage"]).toBe("5Gi");
    const small = tenantManifests({ ...sehat, quota: { cpu: "200m", memory: "256Mi", storage: "1Gi", volumes: 1 } }, cluster);
    const [container] = (find(small, "LimitRange")[0]!.spec as { limits: Record<string, Record<string, string>>[] }).limits;
    expect(container!.default).toEqual({ cpu: "200m", memory: "256Mi" });
    expect(container!.defaultRequest).toEqual({ cpu: "100m", memory: "128Mi" });
  });

  it("denies all traffic by default and allows the ingress controller, the namespace itself and DNS", () => {
    const policies = find(objs, "NetworkPolicy");
    const deny = policies.find((p) => p.metadata.name === "tolak-semua")!.spec as Record<string, unknown>;
    expect(deny).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    expect(JSON.stringify(policies)).toContain('"kubernetes.io/metadata.name":"ingress-nginx"');
    const dns = policies.find((p) => p.metadata.name === "izinkan-dns")!;
    expect(JSON.stringify(dns)).toContain('"port":53');
  });

  it("binds the technical contact (lower-cased e-mail) to the governance role, and CI to edit", () => {
    const [contact, ci] = [find(objs, "RoleBinding", "kontak-teknis")[0]!, find(objs, "RoleBinding", "ci-opd")[0]!];
    expect(contact.subjects).toEqual([{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "budi.santoso@dinkes.contohkab.go.id" }]);
    expect(contact.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" });
    expect((tenantManifests({ ...sehat, accessRole: "edit" }, cluster).find((o) => o.metadata.name === "kontak-teknis")!.roleRef as { name: string }).name).toBe("edit");
    expect(ci.subjects).toEqual([{ kind: "ServiceAccount", name: "ci-opd", namespace: "dinkes-sehat" }]);
  });

  it("serves the host over TLS from cert-manager through the cluster's ingress class", () => {
    const ing = find(objs, "Ingress")[0]!;
    expect(ing.metadata.annotations?.["cert-manager.io/cluster-issuer"]).toBe("letsencrypt");
    expect(ing.spec).toMatchObject({ ingressClassName: "nginx", tls: [{ hosts: ["sehat.contohkab.go.id"], secretName: "web-tls" }], rules: [{ host: "sehat.contohkab.go.id" }] });
  });

  it("is deterministic and renders YAML that parses back to the same objects", () => {
    expect(JSON.stringify(tenantManifests(sehat, cluster))).toBe(JSON.stringify(objs));
    const docs = parseAllDocuments(renderManifests(objs)).map((d) => d.toJSON());
    expect(docs).toEqual(objs);
  });

  it("keeps every object valid for random tenants", () => {
    fc.assert(
      fc.property(tenantArb, (t) => {
        const out = tenantManifests(t, cluster);
        out.forEach(expectValid);
        const limits = (out.find((o) => o.kind === "LimitRange")!.spec as { limits: Record<string, Record<string, string>>[] }).limits[0]!;
        // Defaults never above the quota, or no pod could start.
        expect(quantityValue(limits.default!.cpu!)).toBeLessThanOrEqual(quantityValue(t.quota.cpu));
        expect(quantityValue(limits.default!.memory!)).toBeLessThanOrEqual(quantityValue(t.quota.memory));
      }),
      { numRuns: 50 },
    );
  });
});
