// A small RBAC authorizer over the objects this product writes, following the API server's rules
// (k8s.io/apiserver RBAC: a request is allowed when any rule of any role bound to the subject
// matches; there is no deny). Written by hand because no npm package evaluates RBAC offline.
// Only the objects given are considered: a real cluster adds its default bindings (discovery,
// self-review for all authenticated users), which grant no namespaced or cluster resources.
import type { KubeObject } from "../../src/targets/kubernetes/manifests.ts";
import type { PolicyRule } from "../../src/targets/kubernetes/roles.ts";

export type Subject = { kind: "User"; name: string } | { kind: "ServiceAccount"; name: string; namespace: string };

export interface Access {
  verb: string;
  /** "" for the core group. */
  group: string;
  /** Plural resource, with "/sub" for a subresource: "pods/exec". */
  resource: string;
  /** Absent for cluster-scoped resources (and for cluster-wide list/watch). */
  namespace?: string;
  name?: string;
}

interface Binding {
  kind: "RoleBinding" | "ClusterRoleBinding";
  namespace?: string;
  subjects: { kind: string; name: string; namespace?: string }[];
  roleRef: { kind: "Role" | "ClusterRole"; name: string };
}

const has = (list: readonly string[], x: string) => list.includes("*") || list.includes(x);

function ruleAllows(rule: PolicyRule & { resourceNames?: string[] }, a: Access): boolean {
  if (!has(rule.apiGroups, a.group) || !has(rule.verbs, a.verb)) return false;
  const [base] = a.resource.split("/");
  // "*" matches every resource but no subresource; "*/x" and "pods/*" are not used here and not matched.
  const resourceOk = rule.resources.includes(a.resource) || (rule.resources.includes("*") && base === a.resource);
  if (!resourceOk) return false;
  return !rule.resourceNames?.length || (a.name !== undefined && rule.resourceNames.includes(a.name));
}

function subjectMatches(s: Binding["subjects"][number], who: Subject, bindingNamespace?: string): boolean {
  if (s.kind !== who.kind || s.name !== who.name) return false;
  return who.kind !== "ServiceAccount" || (s.namespace ?? bindingNamespace) === who.namespace;
}

/** Whether `who` may do `a` given exactly these objects. */
export function allowed(objects: readonly KubeObject[], who: Subject, a: Access): boolean {
  const roles = new Map<string, PolicyRule[]>();
  for (const o of objects) {
    if (o.kind === "ClusterRole") roles.set(`ClusterRole//${o.metadata.name}`, (o.rules as PolicyRule[]) ?? []);
    if (o.kind === "Role") roles.set(`Role/${o.metadata.namespace}/${o.metadata.name}`, (o.rules as PolicyRule[]) ?? []);
  }
  for (const o of objects) {
    if (o.kind !== "RoleBinding" && o.kind !== "ClusterRoleBinding") continue;
    const b = { ...(o as unknown as Binding), namespace: o.metadata.namespace };
    // A RoleBinding grants only inside its own namespace, even when it refers to a ClusterRole.
    if (b.kind === "RoleBinding" && b.namespace !== a.namespace) continue;
    if (!b.subjects.some((s) => subjectMatches(s, who, b.namespace))) continue;
    const key = b.roleRef.kind === "ClusterRole" ? `ClusterRole//${b.roleRef.name}` : `Role/${b.namespace}/${b.roleRef.name}`;
    if ((roles.get(key) ?? []).some((r) => ruleAllows(r, a))) return true;
  }
  return false;
}
