// out/kubernetes/: the cluster baseline and one file per tenant. Written on this thread or on a
// second one (src/plan/manifest-thread.ts); the same function either way, so the same bytes.
import type { Tenant } from "../state/types.ts";
import { tenantManifests, type ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { renderManifests } from "../targets/kubernetes/render.ts";
import { clusterBaseline } from "../targets/kubernetes/baseline.ts";
import type { OutFolder } from "./out-folder.ts";

/** One tenant's manifest file. A tenant released for deletion gets only its final backup: the rest would recreate what goes. */
export function tenantManifestText(t: Tenant, cluster: ClusterSettings): string {
  const objects = tenantManifests(t, cluster);
  return renderManifests(t.releaseData ? objects.filter((o) => o.kind === "Backup") : objects);
}

/** Writes out/kubernetes/ into `o` and removes what an earlier run left there for tenants that are gone. */
export function writeManifests(o: OutFolder, tenants: readonly Tenant[], cluster: ClusterSettings, progress?: () => void): void {
  const before = o.folder("kubernetes", ".yaml");
  // Cluster-wide roles and network baseline; the name sorts first, so `kubectl apply -f` on the
  // folder creates them before any tenant binds to them.
  if (tenants.length) o.put("kubernetes/00-baseline.yaml", renderManifests(clusterBaseline(cluster)));
  for (const t of tenants) {
    o.put(`kubernetes/${t.namespace}.yaml`, tenantManifestText(t, cluster));
    progress?.();
  }
  o.prune("kubernetes", before);
}
