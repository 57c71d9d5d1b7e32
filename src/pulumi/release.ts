// Releasing a tenant's data takes two Pulumi updates, because Pulumi applies the retainOnDelete
// that the *state* recorded at the last update, not the one in the program: a resource that
// simply leaves the program while retained is only forgotten. So, in one deploy run:
//   1. "prepare": tenants whose approved decommission says deleteData and that the stack still
//      holds are registered with retainOnDelete false. Nothing changes on the cluster.
//   2. the normal update: those tenants are no longer registered, so Pulumi deletes them.
// A tenant marked releaseData that the stack does not hold is never registered at all, so a
// later run can never create it again. Without the marker a tenant is always retained: deleting
// or renaming its request file, or `pulumi destroy`, leaves the namespace and its volumes alone.

/** The environment variable through which deploy tells the program which tenants to prepare. */
export const RELEASE_ENV = "SUBDOMAIN_GITOPS_RELEASE_PREPARE";

export function parseReleaseEnv(value: string | undefined): Set<string> {
  return new Set((value ?? "").split(",").map((s) => s.trim()).filter(Boolean));
}

/** Namespaces of HostingTenant components in an exported stack deployment (`stack export`). */
export function tenantsInDeployment(deployment: unknown): Set<string> {
  const resources = (deployment as { deployment?: { resources?: { type?: string; urn?: string }[] } })?.deployment?.resources ?? [];
  const out = new Set<string>();
  for (const r of resources) {
    if (r.type === "subdomain-gitops:hosting:Tenant" && r.urn) out.add(r.urn.split("::").slice(3).join("::"));
  }
  return out;
}

/** Namespaces to prepare: marked for release in the state and still present in the stack. */
export function namespacesToPrepare(releaseMarked: readonly string[], inStack: ReadonlySet<string>): string[] {
  return releaseMarked.filter((ns) => inStack.has(ns)).sort();
}
