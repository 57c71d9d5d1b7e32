// Writes the offline artifacts of a desired state to a folder: zone files, tenant manifests, the
// registry, and the plan itself (the workflow artifact the pull request comment points to).
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import type { DesiredState, RecordSet, Tenant } from "../state/types.ts";
import { asciiHost } from "../state/names.ts";
import { zoneLines, type ZoneSettings } from "../targets/zone/render.ts";
import type { RegistryRow } from "../targets/registry/rows.ts";
import type { ClusterSettings } from "../targets/kubernetes/manifests.ts";
import type { Plan } from "../plan/types.ts";
import { renderMarkdown } from "../plan/render-markdown.ts";
import { renderJson } from "../plan/render-json.ts";
import { OutFolder } from "./out-folder.ts";
import { BASELINE_PATH, runOutJob, tenantPath, type OutJob } from "./out-jobs.ts";
import { renderManifests } from "../targets/kubernetes/render.ts";
import { clusterBaseline } from "../targets/kubernetes/baseline.ts";
import type { OutThread } from "./out-thread.ts";
export { tenantManifestText } from "./out-jobs.ts";

export interface ArtifactInput {
  state: DesiredState;
  governance: Governance;
  zone: ZoneSettings;
  cluster: ClusterSettings;
  registry: RegistryRow[];
  plan: Plan;
  lang: Lang;
  /** Hears every line of the zones as it is written (the snapshot's offsets, src/artifacts/snapshot.ts). */
  tap?: LineTap;
}

/** A listener to the streamed zones: each line (without its end) and each record set before its lines. */
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

/** A plan's artifacts being written: out/ made, some of it perhaps under way on a second thread. */
export interface PendingArtifacts {
  /**
   * Writes the rest and waits for the thread; the paths written, relative to out/ (unchanged
   * files count: they hold this run's output). `records`: the desired state's record sets (its
   * tenants were given at the start).
   */
  finish(rest: Omit<ArtifactInput, "state" | "cluster"> & { records: DesiredState["records"] }): string[];
  /**
   * Hands the registry to the thread now, to write after the tenants (finish() is then given the
   * same rows); nothing without a thread.
   */
  handRegistry(rows: readonly RegistryRow[], lang: Lang): void;
}

/**
 * Starts writing as soon as the desired state's tenants are known (desiredTenants: before its
 * record sets): makes out/ and, given a thread, hands it the tenants' files of out/kubernetes/
 * (~3,000 on a full plan) to write while this thread computes and writes the rest. The tenants'
 * files are claimed one by one from a shared counter: once this thread has written its own part,
 * it writes the tenants the other has not reached yet instead of waiting for it.
 */
export function startArtifacts(out: string, stateTenants: readonly Tenant[], cluster: ClusterSettings, thread?: OutThread): PendingArtifacts {
  const o = new OutFolder(out);
  o.folder("", "");
  const kubernetesBefore = o.folder("kubernetes", ".yaml");
  const tenants: OutJob = { kind: "tenants", tenants: stateTenants, cluster, claim: new Int32Array(new SharedArrayBuffer(4)) };
  thread?.post(out, o.made, tenants);
  // The registry (~0.2 s of rendering for 15,000 rows), when handed to the thread: whichever
  // thread claims it first writes it.
  let handed: Extract<OutJob, { kind: "registry" }> | undefined;
  const hand = (rows: readonly RegistryRow[], lang: Lang) => {
    handed = { kind: "registry", rows, lang, claim: new Int32Array(new SharedArrayBuffer(4)) };
    thread!.post(out, o.made, handed);
  };
  return {
    handRegistry(rows, lang) {
      if (thread && !handed) hand(rows, lang);
    },
    finish(a) {
      // Not handed yet: the thread gets it if it has claimed every tenant by now, and writes it
      // while this thread writes the zones and the plan. Copying the rows costs this thread
      // ~30-50 ms, so a thread still busy with tenants is not handed it.
      if (thread && !handed && Atomics.load(tenants.claim, 0) >= stateTenants.length) hand(a.registry, a.lang);
      const registryJob: OutJob = handed ?? { kind: "registry", rows: a.registry, lang: a.lang };
      const zones = o.folder("zones", ".zone");
      const tap = a.tap;
      for (const z of a.governance.zones) {
        const path = `zones/${asciiHost(z.name)}.zone`;
        o.putLines(path, "\n", (line) => zoneLines(z, a.records, a.zone, tapped(tap, path, line), tap && ((rs) => tap.recordSet(path, rs))));
      }
      o.prune("zones", zones);
      // The full plan, never truncated: the comment on the pull request points here.
      const plan = new OutFolder(out, o.made);
      plan.put("plan.md", renderMarkdown(a.plan, a.lang, Number.MAX_SAFE_INTEGER));
      plan.put("plan.json", renderJson(a.plan));
      const registry = new OutFolder(out, o.made);
      // out/kubernetes/: the baseline (cluster-wide roles and network policy; its name sorts first,
      // so `kubectl apply -f` on the folder creates them before any tenant binds to them), and the
      // tenants the thread has not claimed yet.
      const kubernetes = new OutFolder(out, o.made);
      if (stateTenants.length) kubernetes.put(BASELINE_PATH, renderManifests(clusterBaseline(cluster)));
      runOutJob(kubernetes, tenants);
      runOutJob(registry, registryJob);
      // The thread's parts; written here when there is no thread, or a job of it failed (again,
      // on a counter of this thread's own: a file already right stays as it is).
      const done = thread?.finish() ?? [];
      if (thread && !done[0]) runOutJob(new OutFolder(out, o.made), { ...tenants, claim: new Int32Array(1) });
      if (done[1]) registry.written.push(...done[1]);
      else if (handed && !registry.written.length) runOutJob(registry, { ...handed, claim: new Int32Array(1) });
      const manifests = [...(stateTenants.length ? [BASELINE_PATH] : []), ...stateTenants.map(tenantPath)];
      // What an earlier run left for tenants that are gone.
      kubernetes.prune("kubernetes", kubernetesBefore, manifests);
      // Listed in out/'s order: zones, manifests, registry, plan.
      return [...o.written, ...manifests, ...registry.written, ...plan.written];
    },
  };
}

/** All artifacts at once, on this thread. */
export function writeArtifacts(out: string, a: ArtifactInput): string[] {
  return startArtifacts(out, a.state.tenants, a.cluster).finish({ ...a, records: a.state.records });
}
