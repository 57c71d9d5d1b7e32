// The two ClusterRoles a tenant's subjects are bound to, in their own namespace only (RoleBinding).
// Written for this product instead of the built-in `admin`/`edit`: those let a tenant change its
// NetworkPolicies and RoleBindings, write Endpoints that point anywhere, and more. What is listed
// is all there is (RBAC only adds); src/targets/kubernetes/admission.ts narrows what may be written.
import { TENANT_ROLES } from "../../state/types.ts";
import type { KubeObject } from "./manifests.ts";

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const READ = ["get", "list", "watch"];
const WRITE = [...READ, "create", "update", "patch", "delete", "deletecollection"];

/** What the OPD's own deployments need: workloads, configuration, secrets, Services, volumes, Ingresses. */
const WORKLOADS: PolicyRule[] = [
  { apiGroups: [""], resources: ["pods", "configmaps", "secrets", "services", "persistentvolumeclaims"], verbs: WRITE },
  { apiGroups: [""], resources: ["pods/log", "pods/status", "services/status", "persistentvolumeclaims/status"], verbs: READ },
  { apiGroups: ["apps"], resources: ["deployments", "statefulsets", "replicasets", "deployments/scale", "statefulsets/scale", "replicasets/scale"], verbs: WRITE },
  { apiGroups: ["apps"], resources: ["deployments/status", "statefulsets/status", "replicasets/status"], verbs: READ },
  { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: WRITE },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: WRITE },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: WRITE },
  { apiGroups: ["networking.k8s.io"], resources: ["ingresses"], verbs: WRITE },
  // Read only: Endpoints written by hand would let the ingress controller reach any address.
  { apiGroups: [""], resources: ["endpoints", "events", "serviceaccounts", "resourcequotas", "limitranges"], verbs: READ },
  { apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: READ },
  { apiGroups: ["events.k8s.io"], resources: ["events"], verbs: READ },
  { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: READ },
];

/** A person may also look inside a running container; a CI job never needs to. */
const DEBUG: PolicyRule[] = [{ apiGroups: [""], resources: ["pods/exec", "pods/attach", "pods/portforward"], verbs: ["get", "create"] }];

export const ROLE_RULES: Record<keyof typeof TENANT_ROLES, PolicyRule[]> = {
  contact: [...WORKLOADS, ...DEBUG],
  ci: WORKLOADS,
};

export function tenantClusterRoles(labels: Record<string, string>): KubeObject[] {
  return (Object.keys(TENANT_ROLES) as (keyof typeof TENANT_ROLES)[]).map((who) => ({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name: TENANT_ROLES[who], labels },
    rules: ROLE_RULES[who],
  }));
}
