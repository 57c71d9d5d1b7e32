// Parts of out/ that can be written on this thread or on a second one (src/artifacts/out-thread.ts):
// the same function either way, so the same bytes.
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Tenant } from "../state/types.ts";
import { tenantManifests, type ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { renderManifests } from "../targets/kubernetes/render.ts";
import { clusterBaseline } from "../targets/kubernetes/baseline.ts";
import { registryCsvLines, registryMarkdownLines } from "../targets/registry/render.ts";
import type { RegistryRow } from "../targets/registry/rows.ts";
import type { OutFolder } from "./out-folder.ts";

/** out/kubernetes/ (the cluster baseline and one file per tenant), or the registry (registry.md, registry.csv). */
export type OutJob = { kind: "manifests"; tenants: readonly Tenant[]; cluster: ClusterSettings } | { kind: "registry"; rows: readonly RegistryRow[]; lang: Lang };

/** One tenant's manifest file. A tenant released for deletion gets only its final backup: the rest would recreate what goes. */
export function tenantManifestText(t: Tenant, cluster: ClusterSettings): string {
  const objects = tenantManifests(t, cluster);
  return renderManifests(t.releaseData ? objects.filter((o) => o.kind === "Backup") : objects);
}

/** Writes the job's files into `o`; `progress` is told of each file. */
export function runOutJob(o: OutFolder, job: OutJob, progress?: () => void): void {
  if (job.kind === "registry") {
    o.putLines("registry.md", "\n", (line) => registryMarkdownLines(job.rows, job.lang, line));
    o.putLines("registry.csv", "\r\n", (line) => registryCsvLines(job.rows, job.lang, line));
    return;
  }
  const before = o.folder("kubernetes", ".yaml");
  // Cluster-wide roles and network baseline; the name sorts first, so `kubectl apply -f` on the
  // folder creates them before any tenant binds to them.
  if (job.tenants.length) o.put("kubernetes/00-baseline.yaml", renderManifests(clusterBaseline(job.cluster)));
  for (const t of job.tenants) {
    o.put(`kubernetes/${t.namespace}.yaml`, tenantManifestText(t, job.cluster));
    progress?.();
  }
  // What an earlier run left for tenants that are gone.
  o.prune("kubernetes", before);
}
