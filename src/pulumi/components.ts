// The two components of the program. Each registers exactly what its plan lists; all decisions
// (names, values, retention) were taken in plan.ts, where they are tested without Pulumi.
import * as pulumi from "@pulumi/pulumi";
import * as cloudflare from "@pulumi/cloudflare";
import * as k8s from "@pulumi/kubernetes";
import type { KubeObject } from "../targets/kubernetes/manifests.ts";
import type { KubeObjectPlan, SubdomainPlan, TenantPlan } from "./plan.ts";

/** One subdomain's DNS records at Cloudflare: one DnsRecord per value. */
export class Subdomain extends pulumi.ComponentResource {
  readonly records: cloudflare.DnsRecord[];

  constructor(plan: SubdomainPlan, opts?: pulumi.ComponentResourceOptions) {
    super("subdomain-gitops:dns:Subdomain", plan.name, {}, opts);
    // deleteBeforeReplace: Cloudflare refuses two identical records, so a replacement that
    // created first (the default) would fail; a record is a few seconds away at worst.
    this.records = plan.records.map((r) => new cloudflare.DnsRecord(r.logicalName, r.inputs, { parent: this, deleteBeforeReplace: true }));
    this.registerOutputs({});
  }
}

type KubeClass = new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** The Pulumi class for each kind tenantManifests produces. */
const CLASSES: Record<string, KubeClass> = {
  Namespace: k8s.core.v1.Namespace as unknown as KubeClass,
  ResourceQuota: k8s.core.v1.ResourceQuota as unknown as KubeClass,
  LimitRange: k8s.core.v1.LimitRange as unknown as KubeClass,
  ServiceAccount: k8s.core.v1.ServiceAccount as unknown as KubeClass,
  RoleBinding: k8s.rbac.v1.RoleBinding as unknown as KubeClass,
  NetworkPolicy: k8s.networking.v1.NetworkPolicy as unknown as KubeClass,
  Ingress: k8s.networking.v1.Ingress as unknown as KubeClass,
  ValidatingAdmissionPolicy: k8s.admissionregistration.v1.ValidatingAdmissionPolicy as unknown as KubeClass,
  ValidatingAdmissionPolicyBinding: k8s.admissionregistration.v1.ValidatingAdmissionPolicyBinding as unknown as KubeClass,
  ClusterRole: k8s.rbac.v1.ClusterRole as unknown as KubeClass,
  // Custom resources (Velero, AdminNetworkPolicy): the provider takes the whole object as is.
  Schedule: k8s.apiextensions.CustomResource as unknown as KubeClass,
  Backup: k8s.apiextensions.CustomResource as unknown as KubeClass,
  AdminNetworkPolicy: k8s.apiextensions.CustomResource as unknown as KubeClass,
};

function kubeClass(o: KubeObject): KubeClass {
  const c = CLASSES[o.kind];
  if (!c) throw new Error(`no Pulumi class for Kubernetes kind ${o.kind}`);
  return c;
}

/** A hosting tenant: its namespace and everything in it, from the same objects as out/kubernetes. */
export class HostingTenant extends pulumi.ComponentResource {
  readonly objects: pulumi.CustomResource[];

  constructor(plan: TenantPlan, opts?: pulumi.ComponentResourceOptions) {
    super("subdomain-gitops:hosting:Tenant", plan.name, {}, opts);
    const [ns, ...rest] = plan.objects;
    if (!ns || ns.object.kind !== "Namespace") throw new Error(`tenant ${plan.name}: the namespace must come first`);
    const retainOnDelete = plan.retainOnDelete;
    const namespace = new (kubeClass(ns.object))(ns.logicalName, ns.object as never, { parent: this, retainOnDelete });
    this.objects = [
      namespace,
      ...rest.map(
        (o) =>
          new (kubeClass(o.object))(o.logicalName, o.object as never, {
            parent: this,
            // The final backup outlives the tenant it copied.
            retainOnDelete: retainOnDelete || o.object.kind === "Backup",
            dependsOn: [namespace],
          }),
      ),
    ];
    this.registerOutputs({});
  }
}

/** The cluster-scoped objects every tenant shares (src/targets/kubernetes/baseline.ts). */
export class TenantBaseline extends pulumi.ComponentResource {
  readonly objects: pulumi.CustomResource[];

  constructor(plan: KubeObjectPlan[], opts?: pulumi.ComponentResourceOptions) {
    super("subdomain-gitops:hosting:Baseline", "baseline", {}, opts);
    this.objects = plan.map((o) => new (kubeClass(o.object))(o.logicalName, o.object as never, { parent: this }));
    this.registerOutputs({});
  }
}
