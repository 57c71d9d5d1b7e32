// The whole `npm run plan` job as one function (the CLI only parses flags and prints): validate
// the working tree, compute its desired state, diff it with the base revision, write out/.
import { existsSync, rmSync } from "node:fs";
import type { Diagnostic, Lang, Message } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { validateWorkingTree, type FilesValid, type HeadValidation } from "../plan/head.ts";
import type { RequestFile } from "../validate/rule.ts";
import type { Positions } from "../load/parse.ts";
import type { Governance } from "../model/governance.ts";
import { openCheckCache, type CheckCache } from "../plan/check-cache.ts";
import { desiredRecords, desiredTenants } from "../state/desired-state.ts";
import type { IngressTarget } from "../state/ingress.ts";
import type { DesiredState } from "../state/types.ts";
import { asciiHost } from "../state/names.ts";
import { defaultBase, defaultBaseSteps, forgetGitAnswers, handled, isAncestorSteps, runStepsAsync, withGitSession, type DefaultBase } from "../git/run.ts";
import { fileHistorySteps, type FileHistory } from "../git/history.ts";
import { registryRows, type RegistryRow } from "../targets/registry/rows.ts";
import { zoneSerial } from "../targets/zone/render.ts";
import type { ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { baseState, baseTreeSteps, EMPTY_STATE, type BaseState, type BaseTree } from "../plan/base.ts";
import { diffStates, unsafeReasons } from "../plan/diff.ts";
import { startArtifacts, type PendingArtifacts } from "./artifacts.ts";
import { OutThread } from "./out-thread.ts";
import { quotaMessages, quotaUsage } from "../plan/quota.ts";
import type { Plan, SafetyOptions } from "../plan/types.ts";
import { askIncrementalAhead, incrementalPlan, keepSnapshot } from "./incremental.ts";
import { PieceTap } from "./snapshot.ts";
import { declareRunKind } from "../load/run-bundle.mjs";
import { withHeldHeapGrowth } from "./heap-growth.ts";

export interface PlanOptions {
  root: string;
  /** A git revision; undefined: the merge base of HEAD with main. */
  base?: string;
  /** Folder for the artifacts; undefined: write nothing. */
  out?: string;
  lang: Lang;
  allowLargeChange: boolean;
  /** YYYY-MM-DD; default: today in the governance time zone. */
  today?: string;
  ingress: IngressTarget;
  nameserverAddresses: Record<string, string[]>;
  cluster: ClusterSettings;
  safety?: Partial<SafetyOptions>;
  /** Whether out/'s manifests and registry are written on a second thread; undefined: when there are many requests. */
  outThread?: boolean;
  /** Threads for checking request files (src/validate/files/check-files.ts); undefined: all cores when there are many files. */
  threads?: number;
  /**
   * Folder keeping single files' check results between runs (src/plan/check-cache.ts); undefined:
   * none kept, results are shared only between the two sides of this run.
   */
  cacheDir?: string;
  /**
   * Whether a clean working tree's plan also leaves, in `cacheDir`, the snapshot a plan based on
   * this commit is made from (src/artifacts/snapshot.ts). Asked by main's plan-cache workflow: only
   * a commit of main becomes a pull request's base, and keeping it costs ~1.5 s and ~30 MB more
   * for 15,000 requests, which no other plan should pay.
   */
  snapshot?: boolean;
}

export type PlanOutcome =
  | { kind: "invalid"; diagnostics: Diagnostic[]; filesChecked: number; cache: CacheUse }
  | { kind: "planned"; plan: Plan; state: DesiredState; diagnostics: Diagnostic[]; filesChecked: number; unsafe: Message[]; written: string[]; defaultedNameservers: string[]; cache: CacheUse; counts: StateCounts };

/** Sizes of the desired state, for the summary line (the incremental plan knows them without building the state). */
export interface StateCounts {
  records: number;
  tenants: number;
  zones: number;
  /** Request files (and deleted files' kept tenants) the state comes from. */
  sources: number;
}

/** How much the check cache saved: results taken from it, and why a stored cache was not used. */
export interface CacheUse {
  hits: number;
  rejected?: string;
  /** "used" when the plan came from the base's snapshot; otherwise why not. */
  incremental?: string;
}

/**
 * BIND refuses a zone whose in-zone name server has no address, and the addresses are not in
 * governance (they are infrastructure); missing ones get a documentation address (RFC 5737,
 * 192.0.2.53 onwards) so the offline file always loads, and the caller is told which.
 */
export function completeNameserverAddresses(zones: readonly { name: string; nameservers: string[] }[], given: Record<string, string[]>): { addresses: Record<string, string[]>; defaulted: string[] } {
  const addresses = { ...given };
  const defaulted: string[] = [];
  for (const z of zones) {
    const origin = asciiHost(z.name);
    for (const ns of z.nameservers.map(asciiHost)) {
      if (addresses[ns]?.length || !(ns === origin || ns.endsWith(`.${origin}`))) continue;
      addresses[ns] = [`192.0.2.${53 + defaulted.length}`];
      defaulted.push(ns);
    }
  }
  return { addresses, defaulted };
}

/** From this many request files on, out/ gets a second thread (below, starting it costs more than it saves). */
const OUT_THREAD_MIN_REQUESTS = 1500;

const cacheUse = (c: CheckCache): CacheUse => ({ hits: c.hits, ...(c.rejected ? { rejected: c.rejected } : {}) });

/** Every RequestFile of the plan's own work shares this: nothing after validation asks for a position. */
const NO_POSITIONS: Positions = Object.freeze({});

/**
 * The working tree validated; when valid, its requests without their positions: those (and the
 * parsed files they are read from) served the diagnostics, all made by now, and dropping them
 * (and the per-file checks holding them, unless the snapshot keeps those) frees ~30 MB for
 * 15,000 files before the plan's own work begins.
 */
async function validatedHead(
  o: PlanOptions,
  incremental: string | undefined,
  onGovernance: (governance: Governance) => void,
  early?: (valid: FilesValid) => void,
): Promise<{ invalid: PlanOutcome } | { head: HeadValidation & { governance: Governance } }> {
  const head = await validateWorkingTree(o.root, o.today, o.cacheDir, o.threads, onGovernance, early);
  if (!head.governance || hasErrors(head.diagnostics)) {
    head.cache.save(); // the files that are fine need no check next time either
    return { invalid: { kind: "invalid", diagnostics: head.diagnostics, filesChecked: head.filesChecked, cache: { ...cacheUse(head.cache), ...(incremental ? { incremental } : {}) } } };
  }
  const { checks, ...rest } = head;
  const requests = head.requests.map((r) => ({ file: r.file, request: r.request, positions: NO_POSITIONS }));
  return { head: { ...rest, governance: head.governance, requests, ...(wantsSnapshot(o) && head.clean && checks ? { checks } : {}) } };
}

/** The base revision asked for (or the merge base with main), with notes on how it was chosen. */
export function baseRef(o: Pick<PlanOptions, "root" | "base">): { ref: string | undefined; notes: Message[] } {
  return baseRefOf(o.base, o.base === undefined ? defaultBase(o.root) : undefined);
}

/** `base` as asked, or else the default base `found`, with notes on how it was chosen. */
function baseRefOf(base: string | undefined, found: DefaultBase | undefined): { ref: string | undefined; notes: Message[] } {
  const notes: Message[] = [];
  if (base !== undefined) return { ref: base, notes };
  if (found && !found.tip) notes.push({ id: `Dasar: merge-base dengan ${found.ref} (${found.commit.slice(0, 12)}).`, en: `Base: merge base with ${found.ref} (${found.commit.slice(0, 12)}).` });
  if (found?.tip)
    notes.push({
      id: `Dasar: ujung ${found.ref} (${found.commit.slice(0, 12)}); merge-base tidak ada di klon dangkal ini.`,
      en: `Base: the tip of ${found.ref} (${found.commit.slice(0, 12)}); no merge base in this shallow clone.`,
    });
  return { ref: found?.commit, notes };
}

/** The plan's questions to git that need only the governance, asked while the working tree is checked. */
interface Asked {
  base: Promise<{ ref: string | undefined; notes: Message[] }>;
  beforeAdoption: Promise<boolean>;
  /** Taken (and deleted) by baseSide. */
  tree?: Promise<BaseTree>;
  history: Promise<FileHistory> | undefined;
  /** `history`'s answer once it has come (set on the event loop), for work that cannot wait for it. */
  historyNow?: FileHistory;
}

/**
 * Starts the questions: git runs in processes of its own while this thread checks files, and
 * the answers wait on the event loop (the per-file stage lets it in between chunks of files).
 */
function askGit(o: PlanOptions, governance: Governance): Asked {
  const adoption = governance.adoption;
  const base = handled(o.base !== undefined ? Promise.resolve(baseRefOf(o.base, undefined)) : runStepsAsync(o.root, defaultBaseSteps()).then((found) => baseRefOf(undefined, found)));
  // The adoption's own commit and everything before it hold the product's example government:
  // a government's first plans compare with an empty zone, not with the examples it replaced.
  const beforeAdoption = handled(base.then(({ ref }) => (ref !== undefined && adoption !== undefined ? runStepsAsync(o.root, isAncestorSteps(ref, adoption.base)) : false)));
  const tree = handled(Promise.all([base, beforeAdoption]).then(([{ ref }, before]) => (ref === undefined || before ? undefined : runStepsAsync(o.root, baseTreeSteps(o.root, ref, adoption?.base)))));
  const history = o.out ? handled(runStepsAsync(o.root, fileHistorySteps(undefined, adoption?.base))) : undefined;
  const asked: Asked = { base, beforeAdoption, tree, history };
  history?.then((h) => (asked.historyNow = h)).catch(() => undefined);
  return asked;
}

/**
 * The base's desired state, with notes on how the base was chosen. Files the base shares with the
 * working tree (same blob, same governance) are not checked twice, and a base with the working
 * tree's files shares its state too (a plan of main against main). Git's answer about the base
 * tree is taken out of `git`: nothing holds it once this returns.
 */
async function baseSide(o: PlanOptions, head: HeadValidation & { governance: Governance }, state: DesiredState, git: Asked): Promise<{ base: BaseState; notes: Message[] }> {
  const { ref, notes } = await git.base;
  const adoption = head.governance.adoption;
  if (await git.beforeAdoption) {
    notes.push({
      id: `Dasar ${ref!.slice(0, 12)} ada sebelum adopsi (${adoption!.date}): semua dianggap baru.`,
      en: `Base ${ref!.slice(0, 12)} is before the adoption (${adoption!.date}): everything counts as new.`,
    });
    return { base: { commit: null, state: EMPTY_STATE, notes: [] }, notes };
  }
  const tree = await git.tree;
  delete git.tree;
  const made = { requests: head.requests, retained: head.retained ?? [], state };
  const fromHead = { cache: head.cache, governance: head.governance, made, ...(head.governanceBlob ? { governanceBlob: head.governanceBlob } : {}) };
  return { base: baseState(o.root, ref, head.today, adoption?.base, fromHead, tree), notes };
}

/** Whether this run leaves a snapshot when its working tree turns out clean (see PlanOptions.snapshot). */
const wantsSnapshot = (o: PlanOptions) => !!o.cacheDir && !!o.out && o.snapshot === true;

/** Whether a plan of this many requests writes out/ with a second thread. */
const wantsThread = (o: PlanOptions, requests: number) => o.outThread ?? requests >= OUT_THREAD_MIN_REQUESTS;

/**
 * The desired state, and out/ started when there is one: the tenants first, so that the thread
 * renders their files while this one computes the record sets.
 */
function stateAndArtifacts(
  out: string | undefined,
  made: { requests: readonly RequestFile[]; governance: Governance; retained?: Parameters<typeof desiredTenants>[2] },
  cluster: ClusterSettings,
  thread: OutThread | undefined,
): { state: DesiredState; artifacts: PendingArtifacts | undefined } {
  const tenants = desiredTenants(made.requests, made.governance, made.retained);
  const artifacts = out === undefined ? undefined : startArtifacts(out, tenants, cluster, thread);
  return { state: { records: desiredRecords(made.requests, made.governance), tenants }, artifacts };
}

/** The desired state and the manifests' thread, started once every file passed its own checks. */
export interface EarlyStart {
  state: DesiredState;
  thread: OutThread;
  /** out/ under way (always, for an early start: it has an out/ to write). */
  artifacts: PendingArtifacts | undefined;
  /** The registry's rows, when the files' history was known already (handed to the thread then). */
  registry?: RegistryRow[];
  /** Whether the state was computed from exactly the validation's requests (it always is: checked all the same). */
  madeOf(head: { requests: readonly RequestFile[]; governance: Governance; retained?: readonly unknown[] }): boolean;
  /** The rules across files refused the files: the thread stopped and out/, which this run made, removed. */
  undo(): Promise<void>;
}

/**
 * On a large plan into an out/ that does not exist yet (a fresh clone: what CI runs), the
 * manifests' thread starts rendering and writing the ~3,000 tenants' files while this thread
 * still runs the rules across files: otherwise one core waits ~0.3 s for them. Those rules can
 * still refuse the files; out/ did not exist, so undoing is removing it. An out/ that exists
 * (a plan run again) is never touched before the validation is complete.
 */
export function startEarly(o: PlanOptions, valid: FilesValid, history?: FileHistory): EarlyStart | undefined {
  if (!o.out || existsSync(o.out) || !wantsThread(o, valid.requests.length)) return undefined;
  const thread = OutThread.start();
  if (!thread) return undefined;
  const out = o.out;
  const { state, artifacts } = stateAndArtifacts(out, valid, o.cluster, thread);
  // The registry too, when git has told the files' history by now: the thread writes it after
  // the tenants, while this thread runs the rules across files and writes the zones.
  const registry = history ? registryRows(valid.requests, valid.governance, history.files, valid.today) : undefined;
  if (registry) artifacts?.handRegistry(registry, o.lang);
  return {
    state,
    thread,
    artifacts,
    ...(registry ? { registry } : {}),
    madeOf: (head) =>
      head.governance === valid.governance &&
      (head.retained ?? []) === valid.retained &&
      head.requests.length === valid.requests.length &&
      head.requests.every((r, i) => r.file === valid.requests[i]!.file && r.request === valid.requests[i]!.request),
    async undo() {
      await thread.halt();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** The plan; git answers the same question once within it (src/git/run.ts). */
export function runPlan(o: PlanOptions): Promise<PlanOutcome> {
  return withGitSession(() => plan(o));
}

async function plan(o: PlanOptions): Promise<PlanOutcome> {
  // A pull request's few changed files against a base whose plan left a snapshot (src/artifacts/incremental.ts).
  if (o.cacheDir) await askIncrementalAhead(o.root, o.base);
  const fast = o.cacheDir ? await incrementalPlan(o) : { fallback: "no cache" };
  if ("kind" in fast) return fast;
  // Every file is read after all: the code this run compiles is a full plan's (src/load/run-bundle.mjs).
  if (o.cacheDir) declareRunKind("plan-full");
  // A run that may leave a snapshot (a clean commit's) keeps more: its heap is held down (./heap-growth.ts).
  return wantsSnapshot(o) ? withHeldHeapGrowth(() => fullPlan(o, fast.fallback)) : fullPlan(o, fast.fallback);
}

/** The plan from every file; `fallback` says why the snapshot did not serve. */
async function fullPlan(o: PlanOptions, fallback: string): Promise<PlanOutcome> {
  let asked: Asked | undefined;
  let early: EarlyStart | undefined;
  let checked: Awaited<ReturnType<typeof validatedHead>>;
  try {
    checked = await validatedHead(
      o,
      fallback,
      (governance) => (asked = askGit(o, governance)),
      (valid) => (early = startEarly(o, valid, asked?.historyNow)),
    );
  } catch (e) {
    await (early as EarlyStart | undefined)?.undo();
    throw e;
  }
  if ("invalid" in checked) {
    await early?.undo();
    return checked.invalid;
  }
  const { head } = checked;
  const git = asked!;
  const today = head.today;
  // What started before the rules across files holds if it was made of these very requests.
  if (early && !early.madeOf(head)) {
    await early.thread.halt();
    early = undefined;
  }
  // A large plan writes the manifests and the registry on a second thread, started now: its code
  // loads while this one computes the desired state, and it writes while this one computes the rest.
  const thread = early?.thread ?? (o.out && wantsThread(o, head.requests.length) ? OutThread.start() : undefined);
  const { state, artifacts } = early ?? stateAndArtifacts(o.out, head, o.cluster, thread);

  const { base, notes } = await baseSide(o, head, state, git);
  head.cache.save();
  const cache = { ...cacheUse(head.cache), ...(fallback ? { incremental: fallback } : {}) };
  // A run that keeps no snapshot needs nothing more of what served the base side: the check
  // results by blob, HEAD's listing, git's answers (~10 MB for 15,000 files) go before out/ is written.
  const snapshot = wantsSnapshot(o) && head.clean === true;
  if (!snapshot) {
    head.cache = openCheckCache(undefined, undefined);
    delete head.blobs;
    forgetGitAnswers();
  }
  const label = base.commit ? (o.base ? `${o.base} (${base.commit.slice(0, 12)})` : base.commit.slice(0, 12)) : null;
  // A zone over its provider's quota cannot be deployed: no override flag lets it through.
  const usage = quotaUsage(state, head.governance, o.ingress);
  const quota = quotaMessages(usage);
  const plan = diffStates(base.state, state, { base: label, notes: [...notes, ...base.notes, ...quota.warnings, ...quota.over], ...(o.safety ? { safety: o.safety } : {}) });
  const unsafe = [...unsafeReasons(plan, o.allowLargeChange), ...quota.over];

  let written: string[] = [];
  const ns = completeNameserverAddresses(head.governance.zones, o.nameserverAddresses);
  if (artifacts) {
    const history = await git.history!;
    const zone = { serial: zoneSerial(history.commits, head.governance.workingHours.timeZone, today), ingress: o.ingress, nameserverAddresses: ns.addresses };
    // The rows are the same whichever requests list they came from: madeOf held for these.
    const registry = early?.registry ?? registryRows(head.requests, head.governance, history.files, today);
    // A clean commit's plan is the base of the next pull request's: keep what it computed, cut
    // where the tap heard each piece of the zones and registry being written.
    const tap = snapshot ? new PieceTap() : undefined;
    written = artifacts.finish({ records: state.records, governance: head.governance, zone, registry, plan, lang: o.lang, ...(tap ? { tap } : {}) });
    if (tap) keepSnapshot(o, head, { state, registry, history: history.files, zone, quota: usage, tap });
  }
  const counts: StateCounts = {
    records: state.records.length,
    tenants: state.tenants.length,
    zones: new Set(state.records.map((x) => x.zone)).size,
    sources: new Set([...state.records.map((x) => x.source.file), ...state.tenants.map((x) => x.source.file)]).size,
  };
  return { kind: "planned", plan, state, diagnostics: head.diagnostics, filesChecked: head.filesChecked, unsafe, written, defaultedNameservers: o.out ? ns.defaulted : [], cache, counts };
}
