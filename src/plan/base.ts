// The base side of a plan: governance and requests of a git revision, read from the object store
// and run through the same load and validation as the working tree. Invalid base files are
// skipped with a note: the base was merged already, and the plan must still be computable.
import type { Message } from "../diagnostics/diagnostic.ts";
import { parseYaml } from "../load/parse.ts";
import { LIMITS } from "../load/limits.ts";
import { GOVERNANCE_FILE } from "../load/repository.ts";
import { checkGovernance, checkRequest, type RequestCheck } from "../validate/validate.ts";
import type { RequestFile } from "../validate/rule.ts";
import { desiredState } from "../state/desired-state.ts";
import type { DesiredState } from "../state/types.ts";
import type { Governance } from "../model/governance.ts";
import { listTreeSteps, readBlobs, type TreeListing } from "../git/tree.ts";
import { retainedSteps, type RetainedRequest } from "../git/retained.ts";
import { runSteps, type GitSteps } from "../git/run.ts";
import type { CachedCheck, CheckCache } from "./check-cache.ts";
import type { Request } from "../model/request.ts";

export const EMPTY_STATE: DesiredState = { records: [], tenants: [] };

export interface BaseState {
  /** The commit read, or null when there was none and everything counts as new. */
  commit: string | null;
  state: DesiredState;
  notes: Message[];
}

const isRequestPath = (p: string) => /^requests\/[^/]+\/[^/]+\.yaml$/.test(p);

/** Results of single files already known (same blob, same governance, same day), and where new ones go. */
export interface KnownChecks {
  /** The governance these results were made under (the base's own governance file, same blob). */
  governance: Governance;
  get(path: string): CachedCheck | undefined;
  set(path: string, check: RequestCheck): void;
}

/** Pure part: files of a revision -> desired state, with notes for whatever had to be skipped. */
export function stateFromFiles(files: ReadonlyMap<string, Uint8Array>, today: string, retained: readonly { file: string; request: Request }[] = []): { state: DesiredState; notes: Message[] } {
  const r = requestsFromFiles(files, today);
  return { state: r.governance ? desiredState(r.requests, r.governance, retained) : EMPTY_STATE, notes: r.notes };
}

/** Files of a revision -> its governance and valid requests (the letters need the requests themselves). */
export function requestsFromFiles(files: ReadonlyMap<string, Uint8Array>, today: string): { governance?: Governance; requests: RequestFile[]; notes: Message[] } {
  return requestsOf([...files.keys()], (p) => files.get(p), today);
}

/**
 * `paths`: every path of the revision; `bytes`: a path's content (asked only for governance when
 * `known` is absent, and for the files `known` lacks).
 */
function requestsOf(paths: readonly string[], bytes: (path: string) => Uint8Array | undefined, today: string, known?: KnownChecks): { governance?: Governance; requests: RequestFile[]; notes: Message[] } {
  const notes: Message[] = [];
  let governance = known?.governance;
  if (!governance) {
    const govBytes = paths.includes(GOVERNANCE_FILE) ? bytes(GOVERNANCE_FILE) : undefined;
    if (!govBytes) {
      notes.push({ id: `Revisi dasar tidak memiliki ${GOVERNANCE_FILE}: semua dianggap baru.`, en: `The base revision has no ${GOVERNANCE_FILE}: everything counts as new.` });
      return { requests: [], notes };
    }
    const gov = checkGovernance(parseYaml(GOVERNANCE_FILE, govBytes, LIMITS.governanceBytes));
    if (!gov.governance || gov.diagnostics.some((d) => d.severity === "error")) {
      notes.push({ id: `${GOVERNANCE_FILE} di revisi dasar tidak sah: semua dianggap baru.`, en: `${GOVERNANCE_FILE} in the base revision is invalid: everything counts as new.` });
      return { requests: [], notes };
    }
    governance = gov.governance;
  }
  const ctx = { governance, today };
  const requests: RequestFile[] = [];
  for (const path of paths.filter(isRequestPath).sort()) {
    const hit = known?.get(path);
    let ok: RequestFile | undefined;
    if (hit) ok = hit.request && !hit.diagnostics.some((d) => d.severity === "error") ? { file: path, request: hit.request, positions: {} } : undefined;
    else {
      const b = bytes(path);
      if (!b) continue; // not a blob after all: reported by the caller as skipped
      const r = checkRequest(parseYaml(path, b), ctx);
      known?.set(path, r);
      // Only errors skip a file: an expired review date (a warning) must not make it look deleted.
      if (r.request && !r.diagnostics.some((d) => d.severity === "error")) ok = r.request;
    }
    if (ok) requests.push(ok);
    else notes.push({ id: `Berkas dasar ${path} tidak sah dan dilewati.`, en: `Base file ${path} is invalid and was skipped.` });
  }
  return { governance, requests, notes };
}

/** What the working tree's side found, offered to the base side: results by path and blob. */
export interface HeadChecks {
  cache: CheckCache;
  /** Blob id of the working tree's governance file: results are shared only under the same one. */
  governanceBlob?: string;
  governance: Governance;
  /** The working tree's desired state and what it was made of, shared when the base has the same. */
  made?: MadeState;
}

/** A desired state with its inputs: desiredState(requests, governance, retained) gave `state`. */
export interface MadeState {
  requests: readonly RequestFile[];
  retained: readonly { file: string; request: Request }[];
  state: DesiredState;
}

/**
 * The state already made from the same inputs, or undefined. The state is a pure function of the
 * requests' paths and values, the governance and the retained tenants; a base whose files have the
 * working tree's blobs gets the very request values the working tree's checks made (the cache hands
 * out the same objects), so identity of each value proves equality without comparing them.
 * The retained tenants are few and parsed on each side: compared by content.
 */
function sameInputs(requests: readonly RequestFile[], retained: readonly { file: string; request: Request }[], made: MadeState): boolean {
  if (requests.length !== made.requests.length || retained.length !== made.retained.length) return false;
  const byFile = new Map<string, Request>();
  for (const rf of made.requests) byFile.set(rf.file, rf.request);
  if (byFile.size !== requests.length) return false;
  for (const rf of requests) if (byFile.get(rf.file) !== rf.request) return false;
  const text = (list: readonly { file: string; request: Request }[]) => JSON.stringify([...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((r) => [r.file, r.request]));
  return retained.length === 0 || text(retained) === text(made.retained);
}

/** What git says of the base revision before its files are read: its listing, and the tenants retained as of it. */
export type BaseTree = { listing: TreeListing; retained: RetainedRequest[] } | undefined;

/**
 * Steps for baseState's questions to git about `ref` (the plan asks them while the working tree
 * is checked); undefined when `ref` names no commit.
 */
export function* baseTreeSteps(root: string, ref: string, since?: string): GitSteps<BaseTree> {
  const listing = yield* listTreeSteps(ref);
  if (!listing) return undefined;
  // Tenants kept from request files deleted before the base, so the plan never shows them as new.
  const retained = yield* retainedSteps(root, new Set([...listing.blobs.keys()].filter(isRequestPath)), listing.commit, since);
  return { listing, retained };
}

/**
 * `since`: the adoption base; deletions up to it are the product's examples, not retained tenants.
 * `head`: results of single files to reuse; only blobs it lacks are read and checked.
 * `asked`: baseTreeSteps' answer for the same `ref` and `since`, when the caller has it already.
 */
export function baseState(root: string, ref: string | undefined, today: string, since?: string, head?: HeadChecks, asked?: BaseTree): BaseState {
  if (ref === undefined)
    return { commit: null, state: EMPTY_STATE, notes: [{ id: "Tidak ada riwayat git atau cabang main: semua dianggap baru.", en: "No git history or main branch: everything counts as new." }] };
  const tree = asked === undefined ? runSteps(root, baseTreeSteps(root, ref, since)) : asked;
  const notFound = { commit: null, state: EMPTY_STATE, notes: [{ id: `Revisi ${ref} tidak ditemukan: semua dianggap baru.`, en: `Revision ${ref} was not found: everything counts as new.` }] };
  if (!tree) return notFound;
  const { listing, retained } = tree;
  const { commit, blobs, skipped } = listing;
  const paths = [...blobs.keys()];
  const shared = head && head.governanceBlob !== undefined && blobs.get(GOVERNANCE_FILE) === head.governanceBlob ? head : undefined;
  const known: KnownChecks | undefined = shared && {
    governance: shared.governance,
    get: (p) => shared.cache.get(p, blobs.get(p)!),
    set: (p, check) => shared.cache.set(p, blobs.get(p)!, check),
  };
  // Read only what is not known already (everything when nothing is).
  const wanted = paths.filter((p) => (known ? isRequestPath(p) && !known.get(p) : true));
  const bytes = readBlobs(root, [...new Set(wanted.map((p) => blobs.get(p)!))]);
  if (!bytes) return notFound;
  const r = requestsOf(paths, (p) => bytes.get(blobs.get(p)!), today, known);
  const made = shared?.made;
  const state =
    !r.governance ? EMPTY_STATE
    : made && r.governance === shared.governance && sameInputs(r.requests, retained, made) ? made.state
    : desiredState(r.requests, r.governance, retained);
  for (const p of [...skipped, ...wanted.filter((p) => !bytes.has(blobs.get(p)!))]) r.notes.push({ id: `Entri dasar ${p} bukan berkas biasa dan dilewati.`, en: `Base entry ${p} is not a regular file and was skipped.` });
  return { commit, state, notes: r.notes };
}
