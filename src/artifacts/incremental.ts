// The plan of a working tree that differs from its base in a few files, from the snapshot the
// base commit's own plan left (src/artifacts/snapshot.ts): only the changed files are read and checked,
// the rules across files re-judge only what the change can reach (src/artifacts/incremental-rules.ts),
// the diff covers only the changed files' pieces of the desired state, and out/ is written from
// the stored pieces with the changed ones replaced. Used only when the snapshot was made at the
// base commit, which is also HEAD, under the same repository, governance, day, code and options;
// anything else, or anything doubtful, returns a reason and the caller takes the full path, which
// gives the same result.
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hasErrors, sortDiagnostics, type Diagnostic, type Message } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import { GOVERNANCE_FILE, governanceToday } from "../load/repository.ts";
import { readGovernance, readYamlFile } from "../load/read.ts";
import { definePositions } from "../load/parse.ts";
import { checkGovernance, checkRequest, type RequestCheck } from "../validate/validate.ts";
import { REPOSITORY_RULES } from "../validate/rules/index.ts";
import type { RequestFile, RuleContext, RuleLinks } from "../validate/rule.ts";
import { git, gitAsync, isAncestor, resolveCommit, type GitResult } from "../git/run.ts";
import { retainedRequests } from "../git/retained.ts";
import { desiredState, compareRecords } from "../state/desired-state.ts";
import type { DesiredState, RecordSet, Tenant } from "../state/types.ts";
import { registryRows, type RegistryRow } from "../targets/registry/rows.ts";
import { fileHistory, type FileDates } from "../git/history.ts";
import { zoneSerial } from "../targets/zone/render.ts";
import type { ZoneSettings } from "../targets/zone/render.ts";
import { blobId, repositoryFacts, repositoryIdentity } from "../plan/check-cache.ts";
import { baseFirst, changedArgs, PLAN_FIRST, UNTRACKED_REQUESTS } from "../git/spawn.mjs";
import { openSnapshot, saveSnapshot, type PieceTap, type FileEntry, type Snapshot, type SnapshotKey } from "./snapshot.ts";
import { rejudge, type ChangedFile } from "./incremental-rules.ts";
import { diffStates, planSafety, unsafeReasons } from "../plan/diff.ts";
import { quotaMessages, quotaUsage, type ZoneQuota } from "../plan/quota.ts";
import { baseRef, completeNameserverAddresses, type PlanOptions, type PlanOutcome } from "./run.ts";
import type { HeadValidation } from "../plan/head.ts";
import { writeFromSnapshot, type ChangedPieces } from "./snapshot-out.ts";
import { linkManifestsAhead, type ManifestLinking } from "./manifest-links.ts";
import type { SortedList } from "./sorted.ts";

const REQUEST_PATH = /^requests\/[^/]+\/[^/]+\.yaml$/;

function snapshotKey(o: PlanOptions, repository: string, governanceBlob: string, today: string): SnapshotKey {
  return { repository, governanceBlob, today, options: JSON.stringify({ ingress: o.ingress, ns: o.nameserverAddresses, cluster: o.cluster, lang: o.lang }) };
}

/** After a full plan of a clean tree: the snapshot for the next plan based on this commit. */
export function keepSnapshot(
  o: PlanOptions,
  head: HeadValidation,
  made: { state: DesiredState; registry: RegistryRow[]; history: ReadonlyMap<string, FileDates>; zone: ZoneSettings; quota: ZoneQuota[]; tap: PieceTap },
): string | undefined {
  if (!o.cacheDir || !o.out || !head.governance || !head.checks || !head.files || !head.commit || !head.blobs || !head.governanceBlob || !head.repositoryDiagnostics) return "incomplete";
  const repository = repositoryIdentity(o.root);
  if (!repository) return "no repository";
  return saveSnapshot(o.cacheDir, {
    key: snapshotKey(o, repository, head.governanceBlob, head.today),
    commit: head.commit,
    files: head.files,
    blobs: head.blobs,
    checks: head.checks,
    repositoryDiagnostics: head.repositoryDiagnostics,
    ctx: { governance: head.governance, today: head.today, retained: head.retained ?? [] },
    governance: head.governance,
    lang: o.lang,
    out: o.out,
    ...made,
  });
}

const withFile = (file: string, ds: readonly Diagnostic[]) => ds.map((d) => ({ ...d, file }));
const recordKey = (r: RecordSet) => `${r.zone}\u0000${r.name}\u0000${r.type}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Asks git, together and on the event loop, the questions incrementalPlan asks first one after
 * the other (the repository's facts and the untracked files): in the run's git session
 * (src/git/run.ts) its synchronous calls then find the answers, and four calls cost about one
 * call's time (~30 ms less on a pull request's plan, whose budget is 0.5 s). Run by `npm run
 * plan`, the launcher asked them already, while the code was loading (src/git/spawn.mjs).
 */
export async function askIncrementalAhead(root: string, base?: string): Promise<void> {
  // A base other than HEAD is resolved (synchronously, in the session) once these are in.
  await Promise.all([...PLAN_FIRST, ...baseFirst(base)].map((args) => gitAsync(root, args)));
}

/** The plan from the snapshot, or why it cannot be made that way. Never throws for a bad snapshot. */
export async function incrementalPlan(o: PlanOptions): Promise<PlanOutcome | { fallback: string }> {
  try {
    return await plan(o);
  } catch (e) {
    return { fallback: `error: ${(e as Error).message}` };
  }
}

/** What differs from the base in git's eyes (tracked files; src/git/changed.ts's call, its top-folder check done by repositoryFacts). */
const diffArgs = (baseCommit: string) => changedArgs(baseCommit);

async function plan(o: PlanOptions): Promise<PlanOutcome | { fallback: string }> {
  const root = o.root;
  const facts = repositoryFacts(root);
  if (!facts) return { fallback: "no repository" };
  if (!facts.atTop) return { fallback: "not the repository's top" };
  const head = facts.head;
  let govBytes: Buffer;
  try {
    govBytes = readFileSync(join(root, GOVERNANCE_FILE));
  } catch {
    return { fallback: "no governance" };
  }
  const gov = checkGovernance(readGovernance(root, GOVERNANCE_FILE));
  if (!gov.governance || hasErrors(gov.diagnostics)) return { fallback: "governance" };
  const governance = gov.governance;
  const today = o.today ?? governanceToday(governance);
  const { ref, notes } = baseRef(o);
  const baseCommit = ref === undefined ? undefined : ref === "HEAD" ? head : resolveCommit(root, ref);
  if (!baseCommit) return { fallback: "no base" };
  // git compares the working tree with the base (~35 ms for 15,000 files, mostly git's own) while
  // this thread opens and checks the snapshot.
  const tracked = gitAsync(root, diffArgs(baseCommit));
  // The snapshot of the base commit; HEAD may be later (a pull request's commits on top of it).
  const snap = openSnapshot(o.cacheDir!, snapshotKey(o, facts.identity, blobId(govBytes), today), baseCommit);
  if (typeof snap === "string") return { fallback: snap };
  // The unchanged tenants' manifests are linked into a fresh out/ by another process meanwhile.
  const linking = o.out && snap.meta.manifests.size ? linkManifestsAhead(snap.manifestsDir, o.out) : undefined;
  let wrote = false;
  try {
    const r = await fromSnapshot(o, snap, { root, head, baseCommit, governance, govDiagnostics: gov.diagnostics, today, notes, ref: ref!, tracked: await tracked, linking });
    wrote = "kind" in r && r.kind === "planned";
    return r;
  } finally {
    snap.close();
    // Not written from the snapshot after all (a fallback, an invalid plan, an error): out/ as it was.
    if (!wrote) await linking?.undo();
  }
}

interface Context {
  root: string;
  head: string;
  baseCommit: string;
  governance: Governance;
  govDiagnostics: Diagnostic[];
  today: string;
  notes: Message[];
  ref: string;
  /** git's answer to diffArgs(baseCommit). */
  tracked: GitResult;
  /** The stored manifests being linked into out/ (manifest-links.ts). */
  linking: ManifestLinking | undefined;
}

async function fromSnapshot(o: PlanOptions, snap: Snapshot, x: Context): Promise<PlanOutcome | { fallback: string }> {
  const { root, head, baseCommit, governance, today, notes, ref, tracked } = x;
  if (governance.adoption && isAncestor(root, ref!, governance.adoption.base)) return { fallback: "before adoption" };
  const moved = head !== baseCommit;

  // What differs from the base: git's diff (tracked) and every untracked entry under requests/.
  const untracked = git(root, UNTRACKED_REQUESTS);
  if (!tracked.ok || !untracked.ok) return { fallback: "no diff" };
  const delta = new Set([...tracked.stdout.toString("utf8").split("\0"), ...untracked.stdout.toString("utf8").split("\0")].filter(Boolean));
  const changed: ChangedFile[] = [];
  const checks = new Map<string, RequestCheck>();
  let added = 0;
  let deleted = 0;
  const ctx: RuleContext = { governance, today, retained: snap.meta.retained };
  const entries = new Map<string, FileEntry>();
  const entryOf = (p: string) => {
    let e = entries.get(p);
    if (!e) {
      const i = snap.indexOf.get(p);
      e = i === undefined ? undefined : snap.entry(i);
      if (!e) throw new Error(`snapshot entry ${p}`);
      entries.set(p, e);
    }
    return e;
  };
  for (const p of [...delta].sort()) {
    if (!REQUEST_PATH.test(p)) return { fallback: `path ${p}` };
    let exists = true;
    try {
      if (!lstatSync(join(root, p)).isFile()) return { fallback: `not a file ${p}` };
    } catch {
      exists = false;
    }
    const known = snap.indexOf.has(p);
    if (!exists && !known) continue;
    if (!known) added++;
    if (!exists) deleted++;
    const check = exists ? checkRequest(readYamlFile(root, p), ctx) : undefined;
    if (check) checks.set(p, check);
    if (known) entryOf(p); // read and checked now: a damaged entry falls back before any work
    changed.push({ path: p, ...(check?.request ? { now: check.request } : {}) });
  }
  if (added || deleted || moved) {
    const present = new Set(snap.meta.files.filter((f) => !delta.has(f) || checks.has(f)));
    for (const p of checks.keys()) present.add(p);
    const retained = retainedRequests(root, present, "HEAD", governance.adoption?.base).map((r) => ({ file: r.file, request: r.request }));
    if (JSON.stringify(retained) !== JSON.stringify(snap.meta.retained)) return { fallback: "retained" };
  }
  const changedPaths = new Set(changed.map((c) => c.path));

  // Findings: the changed files' own, every rule re-judged where the change reaches, the rest stored.
  const diagnostics: Diagnostic[] = [...x.govDiagnostics];
  for (const c of checks.values()) diagnostics.push(...c.diagnostics);
  const rejudged = new Map<string, Set<string>>();
  for (const rule of REPOSITORY_RULES) {
    if (!rule.links) return { fallback: `rule ${rule.id}` };
    const withOld = changed.map((c) => {
      const l = snap.indexOf.has(c.path) ? entryOf(c.path).l[rule.id] : undefined;
      return { ...c, ...(l ? { old: { group: l[0], provides: l[1], consumes: l[2] } } : {}) };
    });
    const r = rejudge(rule, withOld, {
      lookup: (role, key) => snap.lookup(rule.id, role, key).map((i) => snap.meta.files[i]!),
      links: (p) => {
        const l = entryOf(p).l[rule.id];
        return l ? ({ group: l[0], provides: l[1], consumes: l[2] } satisfies RuleLinks) : undefined;
      },
      request: (p, positions) => {
        const e = entryOf(p);
        if (!e.r) return undefined;
        const rf = { file: p, request: e.r };
        return positions ? definePositions(rf, () => readYamlFile(root, p).positions) : ({ ...rf, positions: {} } satisfies RequestFile);
      },
    }, ctx);
    if (r.diagnostics.some((d) => d.rule !== rule.id)) return { fallback: `rule ${rule.id} failed` };
    diagnostics.push(...r.diagnostics);
    rejudged.set(rule.id, r.affected);
  }
  for (const i of snap.meta.withFindings) {
    const p = snap.meta.files[i]!;
    if (changedPaths.has(p)) continue;
    const e = entryOf(p);
    diagnostics.push(...withFile(p, e.d));
    for (const [rule, ds] of Object.entries(e.x)) if (!rejudged.get(rule)?.has(p)) diagnostics.push(...withFile(p, ds));
  }
  const sorted = sortDiagnostics(diagnostics);
  const filesChecked = snap.meta.filesChecked + added - deleted;
  if (hasErrors(sorted)) return { kind: "invalid", diagnostics: sorted, filesChecked, cache: { hits: 0, incremental: "used" } };

  // The desired state's pieces of the changed files, before and after.
  const oldRecords: RecordSet[] = [];
  const oldTenants: Tenant[] = [];
  const nowFiles: RequestFile[] = [];
  for (const c of changed) {
    if (snap.indexOf.has(c.path)) {
      const e = entryOf(c.path);
      oldRecords.push(...e.rs);
      if (e.t) oldTenants.push(e.t);
    }
    if (c.now) nowFiles.push(c.now);
  }
  const now = { records: [] as RecordSet[], tenants: [] as Tenant[] };
  for (const f of nowFiles) {
    const s = desiredState([f], governance, []);
    now.records.push(...s.records);
    now.tenants.push(...s.tenants);
  }
  now.records.sort(compareRecords);
  oldRecords.sort(compareRecords);
  const byNs = (a: Tenant, b: Tenant) => cmp(a.namespace, b.namespace) || cmp(a.host, b.host);
  now.tenants.sort(byNs);
  oldTenants.sort(byNs);
  // A changed piece may meet no unchanged file's piece (then it would merge) nor a kept tenant.
  const zoneKeys = new Map<string, SortedList>();
  for (const [zi, z] of snap.meta.zones.entries()) {
    const keys = snap.keys(zi);
    if (!keys) return { fallback: "zone altered" };
    zoneKeys.set(z.name, keys);
  }
  const oldKeys = new Set(oldRecords.map(recordKey));
  const nowKeys = new Set<string>();
  for (const r of now.records) {
    const k = recordKey(r);
    if (nowKeys.has(k)) return { fallback: "record of two changed files" };
    nowKeys.add(k);
    if (!oldKeys.has(k) && zoneKeys.get(r.zone)?.has(k)) return { fallback: "record shared" };
  }
  const retainedNs = new Set(snap.meta.retainedTenants.map((t) => t.namespace));
  for (const t of [...now.tenants, ...oldTenants]) {
    if (retainedNs.has(t.namespace)) return { fallback: "retained namespace" };
    const holder = snap.meta.tenantFiles.get(t.namespace);
    if (holder !== undefined && !changedPaths.has(snap.meta.files[holder]!)) return { fallback: "namespace shared" };
  }

  const before: DesiredState = { records: oldRecords, tenants: oldTenants };
  const label = o.base ? `${o.base} (${snap.meta.commit.slice(0, 12)})` : snap.meta.commit.slice(0, 12);
  const quota = quotaMessages(addUsage(snap.meta.quota, quotaUsage(before, governance, o.ingress), quotaUsage(now, governance, o.ingress)));
  const partial = diffStates(before, now, { base: label, notes: [...notes, ...quota.warnings, ...quota.over], ...(o.safety ? { safety: o.safety } : {}) });
  const planValue = { ...partial, safety: planSafety(snap.meta.counts.records, partial.records, partial.tenants, o.safety) };
  const unsafe = [...unsafeReasons(planValue, o.allowLargeChange), ...quota.over];
  const ns = completeNameserverAddresses(governance.zones, o.nameserverAddresses);

  const counts = {
    records: snap.meta.counts.records - oldRecords.length + now.records.length,
    tenants: snap.meta.counts.tenants - oldTenants.length + now.tenants.length,
  };
  let written: string[] = [];
  if (o.out) {
    // Dates and the zone serial come from HEAD's history: the base's, unless HEAD is later, when
    // every file whose dates moved (a commit may touch a file and leave it as it was) gets its row anew.
    let serial = snap.meta.serial;
    const history = new Map<string, FileDates>();
    const rowFiles = [...nowFiles];
    if (moved) {
      const fresh = fileHistory(root, undefined, governance.adoption?.base);
      serial = zoneSerial(fresh.commits, governance.workingHours.timeZone, today);
      const stored = snap.dates();
      if (!stored) return { fallback: "dates altered" };
      for (const [i, p] of snap.meta.files.entries()) {
        const d = fresh.files.get(p);
        if (d) history.set(p, d);
        if (changedPaths.has(p) || (d ? `${d.created}\t${d.lastChanged}` : "") === stored[i]) continue;
        const e = entryOf(p);
        if (!e.r) return { fallback: "dates of an invalid file" };
        rowFiles.push({ file: p, request: e.r, positions: {} });
      }
      for (const f of nowFiles) if (fresh.files.get(f.file)) history.set(f.file, fresh.files.get(f.file)!);
    } else for (const f of nowFiles) if (snap.indexOf.has(f.file) && entryOf(f.file).h) history.set(f.file, entryOf(f.file).h!);
    const pieces: ChangedPieces = {
      changed: changedPaths,
      rows: new Set([...changedPaths, ...rowFiles.map((f) => f.file)]),
      records: now.records,
      tenants: now.tenants,
      registry: registryRows(rowFiles, governance, history, today),
      tenantCount: counts.tenants,
    };
    const done = await writeFromSnapshot(o.out, snap, pieces, {
      governance,
      zone: { serial, ingress: o.ingress, nameserverAddresses: ns.addresses },
      cluster: o.cluster,
      plan: planValue,
      lang: o.lang,
    }, x.linking);
    if (typeof done === "string") return { fallback: done };
    written = done;
  }
  const sources = snap.meta.counts.sources - changed.filter((c) => snap.indexOf.has(c.path) && (entryOf(c.path).rs.length || entryOf(c.path).t)).length + nowFiles.filter((f) => now.records.some((r) => r.source.file === f.file) || now.tenants.some((t) => t.source.file === f.file)).length;
  return {
    kind: "planned",
    plan: planValue,
    state: lazyState(snap, changedPaths, now, entryOf),
    diagnostics: sorted,
    filesChecked,
    unsafe,
    written,
    defaultedNameservers: o.out ? ns.defaulted : [],
    cache: { hits: 0, incremental: "used" },
    counts: { ...counts, zones: countZones(snap, oldRecords, now.records), sources },
  };
}

/** Base usage with the changed files' old pieces taken out and their new ones put in. */
function addUsage(base: readonly ZoneQuota[], old: readonly ZoneQuota[], now: readonly ZoneQuota[]): ZoneQuota[] {
  // Each usage counts the zone's protected names once: base + now - old keeps them once.
  return base.map((u, i) => ({ ...u, records: u.records - old[i]!.records + now[i]!.records }));
}

function countZones(snap: Snapshot, old: readonly RecordSet[], now: readonly RecordSet[]): number {
  let n = 0;
  for (const z of snap.meta.zones) {
    const count = z.count - old.filter((r) => r.zone === z.name).length + now.filter((r) => r.zone === z.name).length;
    if (count > 0) n++;
  }
  return n;
}

/** The whole desired state, built only if a caller asks for it (the CLI needs only counts). */
function lazyState(snap: Snapshot, changed: ReadonlySet<string>, now: DesiredState, entryOf: (p: string) => FileEntry): DesiredState {
  let built: DesiredState | undefined;
  const build = (): DesiredState => {
    if (built) return built;
    const records = [...now.records];
    const tenants = [...now.tenants, ...snap.meta.retainedTenants];
    snap.meta.files.forEach((p) => {
      if (changed.has(p)) return;
      const e = entryOf(p);
      records.push(...e.rs);
      if (e.t) tenants.push(e.t);
    });
    records.sort(compareRecords);
    tenants.sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.host, b.host));
    return (built = { records, tenants });
  };
  return {
    get records() {
      return build().records;
    },
    get tenants() {
      return build().tenants;
    },
  };
}
