// Parts of out/ that can be written on this thread or on a second one (src/artifacts/out-thread.ts),
// or on both at once: the same function either way, so the same bytes.
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Tenant } from "../state/types.ts";
import { tenantManifests, type ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { renderManifests } from "../targets/kubernetes/render.ts";
import { clusterBaseline } from "../targets/kubernetes/baseline.ts";
import { registryCsvLines, registryMarkdownLines } from "../targets/registry/render.ts";
import type { RegistryRow } from "../targets/registry/rows.ts";
import type { OutFolder } from "./out-folder.ts";

/**
 * out/kubernetes/ (the cluster baseline and one file per tenant), the registry (registry.md,
 * registry.csv), or tenants' files claimed one by one from a shared counter (`claim`): two threads
 * running such a job over the same tenants write each file once between them. A registry job with
 * a `claim` is written by whichever thread claims it first; the other writes nothing.
 */
export type OutJob =
  | { kind: "manifests"; tenants: readonly Tenant[]; cluster: ClusterSettings }
  | { kind: "tenants"; tenants: readonly Tenant[]; cluster: ClusterSettings; claim: Int32Array }
  | { kind: "registry"; rows: readonly RegistryRow[]; lang: Lang; claim?: Int32Array };

/** One tenant's manifest file. A tenant released for deletion gets only its final backup: the rest would recreate what goes. */
export function tenantManifestText(t: Tenant, cluster: ClusterSettings): string {
  const objects = tenantManifests(t, cluster);
  return renderManifests(t.releaseData ? objects.filter((o) => o.kind === "Backup") : objects);
}

/** Where a tenant's file goes in out/. */
export const tenantPath = (t: Tenant) => `kubernetes/${t.namespace}.yaml`;

/** The cluster baseline's file in out/ (written when there are tenants). */
export const BASELINE_PATH = "kubernetes/00-baseline.yaml";

/** Writes the job's files into `o`; `progress` is told of each file. */
export function runOutJob(o: OutFolder, job: OutJob, progress?: () => void): void {
  if (job.kind === "registry") {
    if (job.claim && Atomics.add(job.claim, 0, 1) !== 0) return;
    o.putLines("registry.md", "\n", (line) => registryMarkdownLines(job.rows, job.lang, line));
    o.putLines("registry.csv", "\r\n", (line) => registryCsvLines(job.rows, job.lang, line));
    return;
  }
  if (job.kind === "tenants") {
    for (let i = Atomics.add(job.claim, 0, 1); i < job.tenants.length; i = Atomics.add(job.claim, 0, 1)) {
      o.put(tenantPath(job.tenants[i]!), tenantManifestText(job.tenants[i]!, job.cluster));
      progress?.();
    }
    return;
  }
  const before = o.folder("kubernetes", ".yaml");
  // Cluster-wide roles and network baseline; the name sorts first, so `kubectl apply -f` on the
  // folder creates them before any tenant binds to them.
  if (job.tenants.length) o.put(BASELINE_PATH, renderManifests(clusterBaseline(job.cluster)));
  runOutJob(o, { kind: "tenants", tenants: job.tenants, cluster: job.cluster, claim: new Int32Array(1) }, progress);
  // What an earlier run left for tenants that are gone.
  o.prune("kubernetes", before);
}
