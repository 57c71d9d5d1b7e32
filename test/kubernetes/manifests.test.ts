import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseAllDocuments } from "yaml";
import { tenantManifests, type KubeObject } from "../../src/targets/kubernetes/manifests.ts";
import { renderManifests } from "../../src/targets/kubernetes/render.ts";
import { quantityValue } from "../../src/targets/kubernetes/quantity.ts";
import { clusterBaseline } from "../../src/targets/kubernetes/baseline.ts";
import { cluster, sehat } from "./fixtures.ts";
import { tenantArb } from "../pulumi/arbitraries.ts";
import { expectValid, objectProblems } from "./validate-object.ts";

const find = (objs: KubeObject[], kind: string, name?: string) => objs.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));

describe("tenantManifests", () => {
  const objs = tenantManifests(sehat, cluster);

  it("produces objects that validate against the Kubernetes schemas", () => {
    objs.forEach(expectValid);
    expect(objs.map((o) => o.kind)).toEqual([
      "Namespace",
      "ResourceQuota",
      "LimitRange",
      "ValidatingAdmissionPolicy",
      "ValidatingAdmissionPolicyBinding",
      "ServiceAccount",
      "RoleBinding",
      "RoleBinding",
      "NetworkPolicy",
      "NetworkPolicy",
      "NetworkPolicy",
      "NetworkPolicy",
      "Ingress",
      "Schedule",
    ]);
    clusterBaseline({ ...cluster, blockedRanges: ["10.0.0.0/24", "fd00:10::/64"] }).forEach(expectValid);
  });

  it("labels the namespace for restricted Pod Security and with the OPD and subdomain", () => {
    const ns = find(objs, "Namespace")[0]!;
    expect(ns.metadata.name).toBe("dinkes-sehat");
    expect(ns.metadata.labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    expect(ns.metadata.labels["subdomain-gitops/opd"]).toBe("dinkes");
    expect(ns.metadata.labels["subdomain-gitops/subdomain"]).toBe("sehat");
    expect(ns.metadata.annotations?.["subdomain-gitops/host"]).toBe("sehat.contohkab.go.id");
    expect(ns.metadata.annotations?.["subdomain-gitops/request"]).toBe("requests/dinkes/sehat.yaml");
    const clusterScoped = ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"];
    for (const o of objs.slice(1)) expect(o.metadata.namespace).toBe(clusterScoped.includes(o.kind) ? undefined : o.kind === "Schedule" ? "velero" : "dinkes-sehat");
  });

  it("sets the quota from the tenant and LimitRange defaults within it", () => {
    const hard = (find(objs, "ResourceQuota")[0]!.spec as { hard: Record<string, string> }).hard;
    expect(hard).toMatchObject({ "requests.cpu": "500m", "limits.memory": "512Mi", "requests.storage": "5Gi", persistentvolumeclaims: "2" });
    expect(hard["local-path.storageclass.storage.k8s.io/requests.storage"]).toBe("5Gi");
    // No node port and no load balancer, whatever a Service asks.
    expect(hard).toMatchObject({ "services.nodeports": "0", "services.loadbalancers": "0" });
    const small = tenantManifests({ ...sehat, quota: { cpu: "200m", memory: "256Mi", storage: "1Gi", volumes: 1 } }, cluster);
    const [container] = (find(small, "LimitRange")[0]!.spec as { limits: Record<string, Record<string, string>>[] }).limits;
    expect(container!.default).toEqual({ cpu: "200m", memory: "256Mi" });
    expect(container!.defaultRequest).toEqual({ cpu: "100m", memory: "128Mi" });
  });

  it("denies all traffic by default and allows the ingress controller, the namespace itself and DNS", () => {
    const policies = find(objs, "NetworkPolicy");
    const deny = policies.find((p) => p.metadata.name === "tolak-semua")!.spec as Record<string, unknown>;
    expect(deny).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    // The ingress controller reaches only the web pods, and only their serving port.
    expect(policies.find((p) => p.metadata.name === "izinkan-ingress-controller")!.spec).toEqual({
      podSelector: { matchLabels: { "app.kubernetes.io/name": "web" } },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }], ports: [{ protocol: "TCP", port: 8080 }] }],
    });
    const dns = policies.find((p) => p.metadata.name === "izinkan-dns")!;
    expect(JSON.stringify(dns)).toContain('"port":53');
  });

  it("binds the technical contact (lower-cased e-mail) and CI to this product's roles, never admin or edit", () => {
    const [contact, ci] = [find(objs, "RoleBinding", "kontak-teknis")[0]!, find(objs, "RoleBinding", "ci-opd")[0]!];
    expect(contact.subjects).toEqual([{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "budi.santoso@dinkes.contohkab.go.id" }]);
    expect(contact.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "subdomain-gitops-tenant-pengelola" });
    expect(ci.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "subdomain-gitops-tenant-ci" });
    expect(ci.subjects).toEqual([{ kind: "ServiceAccount", name: "ci-opd", namespace: "dinkes-sehat" }]);
  });

  it("revokes access of a retained tenant but keeps its namespace, quota, network rules and backups", () => {
    const kept = tenantManifests({ ...sehat, status: "retained" }, cluster);
    kept.forEach(expectValid);
    const kinds = kept.map((o) => o.kind);
    for (const gone of ["RoleBinding", "ServiceAccount", "Ingress"]) expect(kinds).not.toContain(gone);
    for (const stays of ["Namespace", "ResourceQuota", "NetworkPolicy", "Schedule", "ValidatingAdmissionPolicy"]) expect(kinds).toContain(stays);
  });

  it("schedules a daily Velero backup at the governance time for a tenant with storage, none without", () => {
    const [schedule] = find(objs, "Schedule");
    expect(schedule!.metadata).toMatchObject({ name: "dinkes-sehat", namespace: "velero" });
    expect(schedule!.spec).toEqual({
      schedule: "CRON_TZ=Asia/Jakarta 0 1 * * *",
      useOwnerReferencesInBackup: false,
      template: { includedNamespaces: ["dinkes-sehat"], defaultVolumesToFsBackup: true, snapshotVolumes: false, ttl: "720h0m0s" },
    });
    const late = tenantManifests({ ...sehat, backup: { ...sehat.backup, time: "23:45", timeZone: "Asia/Jayapura", retentionDays: 7 } }, { ...cluster, veleroNamespace: "cadangan" });
    expect(find(late, "Schedule")[0]!.spec).toMatchObject({ schedule: "CRON_TZ=Asia/Jayapura 45 23 * * *", template: { ttl: "168h0m0s" } });
    expect(find(late, "Schedule")[0]!.metadata.namespace).toBe("cadangan");
    expect(find(tenantManifests({ ...sehat, backup: { ...sehat.backup, daily: false } }, cluster), "Schedule")).toEqual([]);
  });

  it("takes a final backup, awaited before deletion, for a tenant whose data is released", () => {
    const released = tenantManifests({ ...sehat, status: "retained", releaseData: true }, cluster);
    const [backup] = find(released, "Backup");
    expectValid(backup!);
    expect(backup!.metadata.annotations).toMatchObject({ "pulumi.com/waitFor": "jsonpath={.status.phase}=Completed" });
    expect(backup!.spec).toMatchObject({ includedNamespaces: ["dinkes-sehat"], ttl: "8760h0m0s" });
    expect(find(released, "Schedule")).toEqual([]);
  });

  it("the transcribed Velero schemas refuse what Velero would refuse", () => {
    const [schedule] = find(objs, "Schedule");
    const spec = schedule!.spec as Record<string, unknown>;
    expect(objectProblems({ ...schedule!, spec: { ...spec, schedule: "every day at one" } })).not.toEqual([]);
    expect(objectProblems({ ...schedule!, spec: { ...spec, template: { ...(spec.template as object), ttl: "30 days" } } })).not.toEqual([]);
    expect(objectProblems({ ...schedule!, spec: { ...spec, template: { ...(spec.template as object), includeNamespaces: ["x"] } } })).not.toEqual([]);
    expect(objectProblems({ ...schedule!, spec: { template: spec.template } })).not.toEqual([]);
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
