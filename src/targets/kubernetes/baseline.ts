// What every tenant shares and none can touch: cluster-scoped objects, which no tenant role can
// read or write. The product's two ClusterRoles, and an AdminNetworkPolicy that denies egress from
// every tenant namespace to the nodes, the control plane and the cloud metadata service, ahead of
// (and whatever) the NetworkPolicies inside the namespaces say.
//
// CNI requirement: AdminNetworkPolicy (policy.networking.k8s.io/v1alpha1, SIG Network) is enforced
// only by network plugins that implement it (e.g. OVN-Kubernetes, Antrea, Calico 3.30+, or
// kube-network-policies beside another plugin). With any other plugin the object is stored but not
// enforced; the README says what to install or use instead.
import { MANAGED_BY, PREFIX, type ClusterSettings, type KubeObject } from "./manifests.ts";
import { tenantClusterRoles } from "./roles.ts";

/** Link-local (cloud metadata at 169.254.169.254, and on AWS fd00:ec2::254). */
export const METADATA_RANGES = ["169.254.0.0/16", "fd00:ec2::254/128"];

export const BASELINE_NAME = "subdomain-gitops-tenant-baseline";

/** Namespaces this product created: the label is set on the Namespace, which tenants cannot edit. */
export const TENANT_SELECTOR = { matchLabels: { "app.kubernetes.io/managed-by": MANAGED_BY } };

export function clusterBaseline(cluster: ClusterSettings): KubeObject[] {
  const labels = { "app.kubernetes.io/managed-by": MANAGED_BY, [`${PREFIX}/part`]: "baseline" };
  const networks = [...METADATA_RANGES, ...(cluster.blockedRanges ?? [])];
  return [
    ...tenantClusterRoles(labels),
    {
      apiVersion: "policy.networking.k8s.io/v1alpha1",
      kind: "AdminNetworkPolicy",
      metadata: { name: BASELINE_NAME, labels },
      spec: {
        // Highest precedence among AdminNetworkPolicies (0 is evaluated first).
        priority: 0,
        subject: { namespaces: TENANT_SELECTOR },
        egress: [
          { name: "tolak-node", action: "Deny", to: [{ nodes: { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "Exists" }] } }] },
          { name: "tolak-jaringan-infrastruktur", action: "Deny", to: [{ networks }] },
        ],
      },
    },
  ];
}
