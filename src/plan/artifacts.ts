// Writes the offline artifacts of a desired state to a folder: zone files, tenant manifests, the
// registry, and the plan itself (the workflow artifact the pull request comment points to).
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import type { DesiredState, RecordSet } from "../state/types.ts";
import { asciiHost } from "../state/names.ts";
import { zoneLines, type ZoneSettings } from "../targets/zone/render.ts";
import { registryCsvLines, registryMarkdownLines } from "../targets/registry/render.ts";
import type { RegistryRow } from "../targets/registry/rows.ts";
import type { ClusterSettings } from "../targets/kubernetes/manifests.ts";
import type { Plan } from "./types.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { renderJson } from "./render-json.ts";
import { OutFolder } from "./out-folder.ts";
import { writeManifests } from "./manifest-files.ts";
export { tenantManifestText } from "./manifest-files.ts";
import type { ManifestThread } from "./manifest-thread.ts";

export interface ArtifactInput {
  state: DesiredState;
  governance: Governance;
  zone: ZoneSettings;
  cluster: ClusterSettings;
  registry: RegistryRow[];
  plan: Plan;
  lang: Lang;
  /** Hears every line of the zones and the registry as it is written (the snapshot's offsets, src/plan/snapshot.ts). */
  tap?: LineTap;
}

/** A listener to the streamed zones and registry: each line (without its end) and, in a zone, each record set before its lines. */
export interface LineTap {
  line(path: string, text: string): void;
  recordSet(path: string, rs: RecordSet): void;
}

/** `line`, told to `tap` first. */
const tapped = (tap: LineTap | undefined, path: string, line: (text: string) => void) =>
  tap
    ? (text: string) => {
        tap.line(path, text);
        line(text);
      }
    : line;

/** A plan's artifacts being written: out/ made, out/kubernetes/ perhaps under way on its own thread. */
export interface PendingArtifacts {
  /** Writes the rest and waits for the manifests; the paths written, relative to out/ (unchanged files count: they hold this run's output). */
  finish(rest: Omit<ArtifactInput, "state" | "cluster">): string[];
}

/**
 * Starts writing as soon as the desired state is known: makes out/ and, given a thread, hands it
 * out/kubernetes/ (~3,000 files on a full plan) to write while this thread computes the rest.
 */
export function startArtifacts(out: string, state: DesiredState, cluster: ClusterSettings, thread?: ManifestThread): PendingArtifacts {
  const o = new OutFolder(out);
  o.folder("", "");
  thread?.begin(out, state.tenants, cluster);
  return {
    finish(a) {
      const zones = o.folder("zones", ".zone");
      const tap = a.tap;
      for (const z of a.governance.zones) {
        const path = `zones/${asciiHost(z.name)}.zone`;
        o.putLines(path, "\n", (line) => zoneLines(z, state.records, a.zone, tapped(tap, path, line), tap && ((rs) => tap.recordSet(path, rs))));
      }
      o.prune("zones", zones);
      const zonesEnd = o.written.length;
      o.putLines("registry.md", "\n", (line) => registryMarkdownLines(a.registry, a.lang, tapped(tap, "registry.md", line)));
      o.putLines("registry.csv", "\r\n", (line) => registryCsvLines(a.registry, a.lang, tapped(tap, "registry.csv", line)));
      // The full plan, never truncated: the comment on the pull request points here.
      o.put("plan.md", renderMarkdown(a.plan, a.lang, Number.MAX_SAFE_INTEGER));
      o.put("plan.json", renderJson(a.plan));
      const restEnd = o.written.length;
      // The manifests from their thread; written here when there is none, or it failed.
      const manifests = thread?.finish();
      if (manifests) o.written.push(...manifests);
      else writeManifests(o, state.tenants, cluster);
      // Listed in out/'s order, whichever was written first: zones, manifests, registry, plan.
      const w = o.written;
      return [...w.slice(0, zonesEnd), ...w.slice(restEnd), ...w.slice(zonesEnd, restEnd)];
    },
  };
}

/** All artifacts at once, on this thread. */
export function writeArtifacts(out: string, a: ArtifactInput): string[] {
  return startArtifacts(out, a.state, a.cluster).finish(a);
}
