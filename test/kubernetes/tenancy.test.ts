// What each tenant subject may and may not do, evaluated on the generated roles and bindings with
// the RBAC authorizer of rbac.ts. The denied rows follow the Kubernetes multi-tenancy benchmark's
// level 1 (kubernetes-sigs/multi-tenancy, benchmarks): no cluster resources, no other tenant's
// resources, no changing the tenant's own quota, limits, network rules or bindings, no privileged
// or host-level pods, no NodePort, a quota in every namespace.
import { describe, expect, it } from "vitest";
import { tenantManifests, type KubeObject } from "../../src/targets/kubernetes/manifests.ts";
import { clusterBaseline } from "../../src/targets/kubernetes/baseline.ts";
import { allowed, type Access, type Subject } from "./rbac.ts";
import { cluster, sehat } from "./fixtures.ts";

const arsip = { ...sehat, namespace: "tenant-arsip", host: "arsip.contohkab.go.id", technicalContact: { name: "Sari", email: "sari@setda.contohkab.go.id", github: "sari" }, source: { file: "requests/setda/arsip.yaml", opd: "setda", label: "arsip" } };
const objects: KubeObject[] = [...clusterBaseline(cluster), ...tenantManifests(sehat, cluster), ...tenantManifests(arsip, cluster)];

const OWN = sehat.namespace;
const OTHER = arsip.namespace;
const contact: Subject = { kind: "User", name: "budi.santoso@dinkes.contohkab.go.id" };
const ci: Subject = { kind: "ServiceAccount", name: "ci-opd", namespace: OWN };
const SUBJECTS = { contact, ci };

type Row = [verb: string, group: string, resource: string, where: "own" | "other" | "cluster" | "velero", contact: boolean, ci: boolean, why: string];

const T = true;
const F = false;
const TABLE: Row[] = [
  // What the OPD is there for.
  ["create", "apps", "deployments", "own", T, T, "deploy its application"],
  ["patch", "apps", "deployments/scale", "own", T, T, "scale it"],
  ["create", "apps", "statefulsets", "own", T, T, "run a database"],
  ["create", "batch", "cronjobs", "own", T, T, "run scheduled jobs"],
  ["create", "", "pods", "own", T, T, "run pods (Pod Security 'restricted' decides which)"],
  ["get", "", "pods/log", "own", T, T, "read logs"],
  ["create", "", "configmaps", "own", T, T, "configuration"],
  ["update", "", "secrets", "own", T, T, "its own secrets"],
  ["create", "", "services", "own", T, T, "a Service (the admission policy allows ClusterIP only)"],
  ["create", "", "persistentvolumeclaims", "own", T, T, "storage within the quota"],
  ["create", "networking.k8s.io", "ingresses", "own", T, T, "its Ingress (the admission policy allows its own host only)"],
  ["delete", "networking.k8s.io", "ingresses", "own", T, T, "remove its Ingress"],
  ["list", "", "events", "own", T, T, "see what happens"],
  ["get", "", "resourcequotas", "own", T, T, "read its quota"],
  ["get", "networking.k8s.io", "networkpolicies", "own", T, T, "read its network rules"],
  ["create", "", "pods/exec", "own", T, F, "a person may debug; CI never needs to"],
  ["create", "", "pods/portforward", "own", T, F, "a person may debug"],
  // MTB L1: block modification of resource quotas and object limits.
  ["update", "", "resourcequotas", "own", F, F, "quota is set by governance"],
  ["delete", "", "resourcequotas", "own", F, F, "quota is required"],
  ["patch", "", "limitranges", "own", F, F, "limits are set by governance"],
  ["delete", "", "limitranges", "own", F, F, "limits are required"],
  // The network rules and who has access: not the tenant's to change (stricter than MTB L1).
  ["delete", "networking.k8s.io", "networkpolicies", "own", F, F, "default deny must stay"],
  ["create", "networking.k8s.io", "networkpolicies", "own", F, F, "no self-granted traffic"],
  ["create", "rbac.authorization.k8s.io", "rolebindings", "own", F, F, "no self-granted access"],
  ["update", "rbac.authorization.k8s.io", "rolebindings", "own", F, F, "no self-granted access"],
  ["create", "rbac.authorization.k8s.io", "roles", "own", F, F, "no new roles"],
  ["bind", "rbac.authorization.k8s.io", "clusterroles", "own", F, F, "no binding of cluster roles"],
  ["escalate", "rbac.authorization.k8s.io", "roles", "own", F, F, "no escalation"],
  // Ways around the ingress and the network rules.
  ["create", "", "endpoints", "own", F, F, "hand-written endpoints could point the ingress anywhere"],
  ["create", "discovery.k8s.io", "endpointslices", "own", F, F, "same, through EndpointSlices"],
  ["create", "", "serviceaccounts", "own", F, F, "no new identities"],
  ["create", "", "serviceaccounts/token", "own", F, F, "no tokens for the CI account"],
  ["create", "apps", "daemonsets", "own", F, F, "no pod on every node"],
  ["patch", "", "pods/ephemeralcontainers", "own", F, F, "no containers outside the pod spec"],
  ["create", "admissionregistration.k8s.io", "validatingadmissionpolicybindings", "own", F, F, "no changing the admission policy"],
  // MTB L1: block access to other tenants' resources.
  ["get", "", "pods", "other", F, F, "another OPD's pods"],
  ["list", "", "secrets", "other", F, F, "another OPD's secrets"],
  ["create", "apps", "deployments", "other", F, F, "deploying into another OPD"],
  ["create", "networking.k8s.io", "ingresses", "other", F, F, "an Ingress in another OPD"],
  ["create", "velero.io", "restores", "velero", F, F, "restoring is Diskominfo's"],
  ["delete", "velero.io", "schedules", "velero", F, F, "the backup schedule"],
  ["get", "velero.io", "backups", "velero", F, F, "other tenants' backups"],
  // MTB L1: block access to cluster resources (and to multi-tenant resources).
  ["list", "", "namespaces", "cluster", F, F, "other tenants' existence"],
  ["patch", "", "namespaces", "cluster", F, F, "Pod Security labels on its own namespace"],
  ["delete", "", "namespaces", "cluster", F, F, "deleting its own data"],
  ["get", "", "nodes", "cluster", F, F, "nodes"],
  ["create", "", "persistentvolumes", "cluster", F, F, "MTB: block use of existing PVs (hostPath PVs)"],
  ["create", "storage.k8s.io", "storageclasses", "cluster", F, F, "storage classes"],
  ["list", "rbac.authorization.k8s.io", "clusterroles", "cluster", F, F, "cluster roles"],
  ["create", "rbac.authorization.k8s.io", "clusterrolebindings", "cluster", F, F, "cluster-wide access"],
  ["update", "admissionregistration.k8s.io", "validatingadmissionpolicies", "cluster", F, F, "the policy that ties hosts"],
  ["delete", "policy.networking.k8s.io", "adminnetworkpolicies", "cluster", F, F, "the network baseline"],
  ["create", "apiextensions.k8s.io", "customresourcedefinitions", "cluster", F, F, "new APIs"],
  ["create", "certificates.k8s.io", "certificatesigningrequests", "cluster", F, F, "certificates for other names"],
  ["list", "", "pods", "cluster", F, F, "pods of every namespace"],
];

const where = (w: Row[3]) => (w === "own" ? OWN : w === "other" ? OTHER : w === "velero" ? "velero" : undefined);

describe("RBAC of the tenant subjects (multi-tenancy benchmark level 1)", () => {
  for (const [verb, group, resource, w, forContact, forCi, why] of TABLE) {
    for (const [name, expected] of [["contact", forContact], ["ci", forCi]] as const) {
      it(`${name} ${expected ? "may" : "may not"} ${verb} ${group || "core"}/${resource} (${w}): ${why}`, () => {
        const ns = where(w);
        const access: Access = { verb, group, resource, ...(ns ? { namespace: ns } : {}) };
        expect(allowed(objects, SUBJECTS[name], access)).toBe(expected);
      });
    }
  }

  it("gives the other tenant's subjects nothing in this one, and nobody else anything", () => {
    const theirs: Subject = { kind: "User", name: "sari@setda.contohkab.go.id" };
    const theirCi: Subject = { kind: "ServiceAccount", name: "ci-opd", namespace: OTHER };
    expect(allowed(objects, theirs, { verb: "create", group: "apps", resource: "deployments", namespace: OTHER })).toBe(true);
    for (const s of [theirs, theirCi, { kind: "User", name: "anyone@example.org" } as Subject]) {
      expect(allowed(objects, s, { verb: "get", group: "", resource: "secrets", namespace: OWN })).toBe(false);
    }
  });

  it("leaves a retained tenant's subjects no access at all, while the namespace stays", () => {
    const retained = [...clusterBaseline(cluster), ...tenantManifests({ ...sehat, status: "retained" }, cluster)];
    for (const [verb, group, resource] of TABLE.filter((r) => r[3] === "own").map((r) => [r[0], r[1], r[2]] as const)) {
      expect(allowed(retained, contact, { verb, group, resource, namespace: OWN })).toBe(false);
      expect(allowed(retained, ci, { verb, group, resource, namespace: OWN })).toBe(false);
    }
    expect(retained.some((o) => o.kind === "Namespace" && o.metadata.name === OWN)).toBe(true);
  });

  it("the evaluator itself grants what a wildcard role grants (it can say yes)", () => {
    const admin: KubeObject[] = [
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "all", labels: {} }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "b", namespace: OWN, labels: {} }, subjects: [{ kind: "User", name: contact.name }], roleRef: { kind: "ClusterRole", name: "all" } },
    ];
    expect(allowed(admin, contact, { verb: "delete", group: "networking.k8s.io", resource: "networkpolicies", namespace: OWN })).toBe(true);
    expect(allowed(admin, contact, { verb: "delete", group: "networking.k8s.io", resource: "networkpolicies", namespace: OTHER })).toBe(false);
    expect(allowed(admin, contact, { verb: "create", group: "", resource: "pods/exec", namespace: OWN })).toBe(false);
  });
});

describe("what RBAC leaves to other mechanisms (multi-tenancy benchmark level 1)", () => {
  const own = tenantManifests(sehat, cluster);
  const ns = own.find((o) => o.kind === "Namespace")!;
  const quota = (own.find((o) => o.kind === "ResourceQuota")!.spec as { hard: Record<string, string> }).hard;

  it("privileged pods, host paths, host network/PID/IPC, added capabilities, root: Pod Security 'restricted', which the tenant cannot relabel", () => {
    expect(ns.metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest" });
    expect(allowed(objects, contact, { verb: "patch", group: "", resource: "namespaces", name: OWN })).toBe(false);
  });

  it("NodePort and LoadBalancer: zero in the quota, refused again by the admission policy", () => {
    expect(quota["services.nodeports"]).toBe("0");
    expect(quota["services.loadbalancers"]).toBe("0");
  });

  it("a quota and object limits in every tenant namespace", () => {
    for (const k of ["requests.cpu", "limits.cpu", "requests.memory", "limits.memory", "requests.storage", "persistentvolumeclaims"]) expect(quota[k], k).toBeDefined();
    expect(own.some((o) => o.kind === "LimitRange")).toBe(true);
  });

  it("network access across tenants: denied by default, only the namespace itself, DNS, and the ingress to web pods", () => {
    const policies = own.filter((o) => o.kind === "NetworkPolicy").map((o) => JSON.stringify(o.spec));
    expect(policies).toContain(JSON.stringify({ podSelector: {}, policyTypes: ["Ingress", "Egress"] }));
    // No rule admits another tenant's namespace: every namespaceSelector names ingress-nginx or kube-system.
    const selectors = policies.join("").match(/"kubernetes.io\/metadata.name":"[^"]+"/g) ?? [];
    expect(new Set(selectors)).toEqual(new Set(['"kubernetes.io/metadata.name":"ingress-nginx"', '"kubernetes.io/metadata.name":"kube-system"']));
  });

  it("the baseline denies tenant egress to nodes, the control plane and metadata, selected by a label only the product sets", () => {
    const anp = clusterBaseline({ ...cluster, blockedRanges: ["10.96.0.1/32", "192.168.10.0/24"] }).find((o) => o.kind === "AdminNetworkPolicy")!;
    const spec = anp.spec as { subject: unknown; egress: { action: string; to: { networks?: string[]; nodes?: unknown }[] }[] };
    expect(spec.subject).toEqual({ namespaces: { matchLabels: { "app.kubernetes.io/managed-by": "subdomain-gitops" } } });
    expect(spec.egress.every((r) => r.action === "Deny")).toBe(true);
    const networks = spec.egress.flatMap((r) => r.to.flatMap((p) => p.networks ?? []));
    expect(networks).toEqual(expect.arrayContaining(["169.254.0.0/16", "10.96.0.1/32", "192.168.10.0/24"]));
    expect(spec.egress.some((r) => r.to.some((p) => p.nodes))).toBe(true);
    expect(ns.metadata.labels["app.kubernetes.io/managed-by"]).toBe("subdomain-gitops");
  });
});
