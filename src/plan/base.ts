// The base side of a plan: governance and requests of a git revision, read from the object store
// and run through the same load and validation as the working tree. Invalid base files are
// skipped with a note: the base was merged already, and the plan must still be computable.
import type { Message } from "../diagnostics/diagnostic.ts";
import { parseYaml } from "../load/parse.ts";
import { LIMITS } from "../load/limits.ts";
import { GOVERNANCE_FILE } from "../load/repository.ts";
import { checkGovernance, checkRequest } from "../validate/validate.ts";
import type { RequestFile } from "../validate/rule.ts";
import { desiredState } from "../state/desired-state.ts";
import type { DesiredState } from "../state/types.ts";
import type { Governance } from "../model/governance.ts";
import { readTreeAt } from "../git/tree.ts";
import { retainedRequests } from "../git/retained.ts";
import { changedSince } from "../git/changed.ts";
import type { Request } from "../model/request.ts";

export const EMPTY_STATE: DesiredState = { records: [], tenants: [] };

export interface BaseState {
  /** The commit read, or null when there was none and everything counts as new. */
  commit: string | null;
  state: DesiredState;
  notes: Message[];
}

const isRequestPath = (p: string) => /^requests\/[^/]+\/[^/]+\.yaml$/.test(p);

/**
 * What the working tree already computed, for the files whose content is the same at the base: the
 * same bytes under the same governance on the same day pass the same checks to the same request,
 * so the base side takes them as they are instead of parsing and checking them a second time.
 */
export interface Reuse {
  /** Paths whose content differs between the working tree and the base (deleted ones included). */
  changed: ReadonlySet<string>;
  governance: Governance;
  /** The working tree's requests that passed every check of their own file, by path. */
  requests: ReadonlyMap<string, RequestFile>;
}

/** Pure part: files of a revision -> desired state, with notes for whatever had to be skipped. */
export function stateFromFiles(files: ReadonlyMap<string, Uint8Array>, today: string, retained: readonly { file: string; request: Request }[] = [], reuse?: Reuse): { state: DesiredState; notes: Message[] } {
  const r = requestsFromFiles(files, today, reuse);
  return { state: r.governance ? desiredState(r.requests, r.governance, retained) : EMPTY_STATE, notes: r.notes };
}

/** Files of a revision -> its governance and valid requests (the letters need the requests themselves). */
export function requestsFromFiles(files: ReadonlyMap<string, Uint8Array>, today: string, reuse?: Reuse): { governance?: Governance; requests: RequestFile[]; notes: Message[] } {
  const notes: Message[] = [];
  const govBytes = files.get(GOVERNANCE_FILE);
  if (!govBytes) {
    notes.push({ id: `Revisi dasar tidak memiliki ${GOVERNANCE_FILE}: semua dianggap baru.`, en: `The base revision has no ${GOVERNANCE_FILE}: everything counts as new.` });
    return { requests: [], notes };
  }
  // Only under the very same governance is a file's result the same.
  const same = reuse && !reuse.changed.has(GOVERNANCE_FILE) ? reuse : undefined;
  const gov = same ? { governance: same.governance, diagnostics: [] } : checkGovernance(parseYaml(GOVERNANCE_FILE, govBytes, LIMITS.governanceBytes));
  if (!gov.governance || gov.diagnostics.some((d) => d.severity === "error")) {
    notes.push({ id: `${GOVERNANCE_FILE} di revisi dasar tidak sah: semua dianggap baru.`, en: `${GOVERNANCE_FILE} in the base revision is invalid: everything counts as new.` });
    return { requests: [], notes };
  }
  const ctx = { governance: gov.governance, today };
  const requests: RequestFile[] = [];
  for (const path of [...files.keys()].filter(isRequestPath).sort()) {
    const known = same && !same.changed.has(path) ? same.requests.get(path) : undefined;
    if (known) {
      requests.push(known);
      continue;
    }
    const r = checkRequest(parseYaml(path, files.get(path)!), ctx);
    // Only errors skip a file: an expired review date (a warning) must not make it look deleted.
    if (r.request && !r.diagnostics.some((d) => d.severity === "error")) requests.push(r.request);
    else notes.push({ id: `Berkas dasar ${path} tidak sah dan dilewati.`, en: `Base file ${path} is invalid and was skipped.` });
  }
  return { governance: gov.governance, requests, notes };
}

/** `since`: the adoption base; deletions up to it are the product's examples, not retained tenants. */
export function baseState(root: string, ref: string | undefined, today: string, since?: string, head?: Omit<Reuse, "changed">): BaseState {
  if (ref === undefined)
    return { commit: null, state: EMPTY_STATE, notes: [{ id: "Tidak ada riwayat git atau cabang main: semua dianggap baru.", en: "No git history or main branch: everything counts as new." }] };
  const tree = readTreeAt(root, ref);
  if (!tree)
    return { commit: null, state: EMPTY_STATE, notes: [{ id: `Revisi ${ref} tidak ditemukan: semua dianggap baru.`, en: `Revision ${ref} was not found: everything counts as new.` }] };
  // Tenants kept from request files deleted before the base, so the plan never shows them as new.
  const retained = retainedRequests(root, new Set([...tree.files.keys()].filter(isRequestPath)), tree.commit, since);
  const changed = head && changedSince(root, tree.commit);
  const { state, notes } = stateFromFiles(tree.files, today, retained, changed ? { ...head!, changed } : undefined);
  for (const p of tree.skipped) notes.push({ id: `Entri dasar ${p} bukan berkas biasa dan dilewati.`, en: `Base entry ${p} is not a regular file and was skipped.` });
  return { commit: tree.commit, state, notes };
}
