// Writes the offline artifacts of a desired state to a folder: zone files, tenant manifests, the
// registry, and the plan itself (the workflow artifact the pull request comment points to).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { insideOutput } from "../load/out-path.ts";
import type { Governance } from "../model/governance.ts";
import type { DesiredState, Tenant } from "../state/types.ts";
import { asciiHost } from "../state/names.ts";
import { renderZone, type ZoneSettings } from "../targets/zone/render.ts";
import { registryCsv, registryMarkdown } from "../targets/registry/render.ts";
import type { RegistryRow } from "../targets/registry/rows.ts";
import { tenantManifests, type ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { renderManifests } from "../targets/kubernetes/render.ts";
import { clusterBaseline } from "../targets/kubernetes/baseline.ts";
import type { Plan } from "./types.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { renderJson } from "./render-json.ts";

export interface ArtifactInput {
  state: DesiredState;
  governance: Governance;
  zone: ZoneSettings;
  cluster: ClusterSettings;
  registry: RegistryRow[];
  plan: Plan;
  lang: Lang;
}

/** The names in `dir` ending in `ext` (the folder is made when missing). */
function existing(dir: string, ext: string): Set<string> {
  mkdirSync(dir, { recursive: true });
  return new Set(readdirSync(dir).filter((f) => f.endsWith(ext)));
}

/** Whether `path` holds exactly `bytes` already: the size first, the bytes only when it matches. */
function holds(path: string, bytes: Buffer): boolean {
  try {
    return statSync(path).size === bytes.length && readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}

/** One tenant's manifest file. A tenant released for deletion gets only its final backup: the rest would recreate what goes. */
export function tenantManifestText(t: Tenant, cluster: ClusterSettings): string {
  const objects = tenantManifests(t, cluster);
  return renderManifests(t.releaseData ? objects.filter((o) => o.kind === "Backup") : objects);
}

/** Returns the paths written, relative to `out` (unchanged files count: they hold this run's output). */
export function writeArtifacts(out: string, a: ArtifactInput): string[] {
  const written: string[] = [];
  // A file whose bytes are already right is left alone (a re-run or a one-file change rewrites a
  // handful of 3,000 manifests); the rest is written beside and renamed into place, so a reader (a
  // DNS server loading the zone, a shell that redirected stdout to out/plan.md) sees the old file
  // or the new one, never half of each.
  const put = (rel: string, text: string) => {
    const target = insideOutput(out, rel);
    const bytes = Buffer.from(text);
    if (!holds(target, bytes)) {
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
    }
    written.push(rel);
  };
  /** Removes what an earlier run wrote in one of our subfolders and this one did not, so a removed zone or tenant leaves no stale file. */
  const prune = (sub: string, before: Set<string>) => {
    const now = new Set(written.filter((w) => w.startsWith(`${sub}/`)).map((w) => w.slice(sub.length + 1)));
    for (const f of before) if (!now.has(f)) rmSync(join(out, sub, f), { force: true });
  };
  mkdirSync(out, { recursive: true });
  const zones = existing(join(out, "zones"), ".zone");
  for (const z of a.governance.zones) put(`zones/${asciiHost(z.name)}.zone`, renderZone(z, a.state.records, a.zone));
  prune("zones", zones);
  const manifests = existing(join(out, "kubernetes"), ".yaml");
  // Cluster-wide roles and network baseline; the name sorts first, so `kubectl apply -f` on the
  // folder creates them before any tenant binds to them.
  if (a.state.tenants.length) put("kubernetes/00-baseline.yaml", renderManifests(clusterBaseline(a.cluster)));
  for (const t of a.state.tenants) put(`kubernetes/${t.namespace}.yaml`, tenantManifestText(t, a.cluster));
  prune("kubernetes", manifests);
  put("registry.md", registryMarkdown(a.registry, a.lang));
  put("registry.csv", registryCsv(a.registry, a.lang));
  // The full plan, never truncated: the comment on the pull request points here.
  put("plan.md", renderMarkdown(a.plan, a.lang, Number.MAX_SAFE_INTEGER));
  put("plan.json", renderJson(a.plan));
  return written;
}
