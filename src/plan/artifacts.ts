// Writes the offline artifacts of a desired state to a folder: zone files, tenant manifests, the
// registry, and the plan itself (the workflow artifact the pull request comment points to).
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import type { DesiredState } from "../state/types.ts";
import { asciiHost } from "../state/names.ts";
import { zoneLines, type ZoneSettings } from "../targets/zone/render.ts";
import { registryCsvLines, registryMarkdownLines } from "../targets/registry/render.ts";
import type { RegistryRow } from "../targets/registry/rows.ts";
import { tenantManifests, type ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { renderManifests } from "../targets/kubernetes/render.ts";
import { clusterBaseline } from "../targets/kubernetes/baseline.ts";
import type { Plan } from "./types.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { renderJson } from "./render-json.ts";
import { OutFolder } from "./out-folder.ts";

export interface ArtifactInput {
  state: DesiredState;
  governance: Governance;
  zone: ZoneSettings;
  cluster: ClusterSettings;
  registry: RegistryRow[];
  plan: Plan;
  lang: Lang;
}

/** Returns the paths written, relative to `out` (unchanged files count: they hold this run's output). */
export function writeArtifacts(out: string, a: ArtifactInput): string[] {
  const o = new OutFolder(out);
  o.folder("", "");
  const zones = o.folder("zones", ".zone");
  for (const z of a.governance.zones) o.putLines(`zones/${asciiHost(z.name)}.zone`, "\n", (line) => zoneLines(z, a.state.records, a.zone, line));
  o.prune("zones", zones);
  const manifests = o.folder("kubernetes", ".yaml");
  // Cluster-wide roles and network baseline; the name sorts first, so `kubectl apply -f` on the
  // folder creates them before any tenant binds to them.
  if (a.state.tenants.length) o.put("kubernetes/00-baseline.yaml", renderManifests(clusterBaseline(a.cluster)));
  for (const t of a.state.tenants) {
    const objects = tenantManifests(t, a.cluster);
    // A tenant released for deletion gets only its final backup: the rest would recreate what goes.
    o.put(`kubernetes/${t.namespace}.yaml`, renderManifests(t.releaseData ? objects.filter((x) => x.kind === "Backup") : objects));
  }
  o.prune("kubernetes", manifests);
  o.putLines("registry.md", "\n", (line) => registryMarkdownLines(a.registry, a.lang, line));
  o.putLines("registry.csv", "\r\n", (line) => registryCsvLines(a.registry, a.lang, line));
  // The full plan, never truncated: the comment on the pull request points here.
  o.put("plan.md", renderMarkdown(a.plan, a.lang, Number.MAX_SAFE_INTEGER));
  o.put("plan.json", renderJson(a.plan));
  return o.written;
}
