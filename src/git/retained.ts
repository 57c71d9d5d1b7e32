// Hosting tenants whose request file was deleted before their data was released. The request file
// is the record and its git history the memory: the newest deleted version of each request path
// that asked for hosting and did not say `decommission.deleteData` still owns its namespace, and
// its label, until the same OPD takes it back or releases it. One `git log` for the deletions and
// one `git cat-file --batch` for their last versions.
//
// A deleted version is checked with the schema validators every request file is checked with
// (src/validate/schema.ts), not zod: the commands then load without zod (~600 KB of their bundles).
import { parse } from "yaml";
import type { Request } from "../model/request.ts";
import { matchesSchema } from "../validate/schema.ts";
import { realpathSync } from "node:fs";
import { resolveCommitSteps, runSteps, type GitSteps } from "./run.ts";
import { listTreeSteps } from "./tree.ts";
import { deletionsArgs, TOP_LEVEL } from "./spawn.mjs";

/** Only a repository's own top level has this layout's history (a folder of fixtures inside another repository has none). */
function* isTopLevelSteps(root: string): GitSteps<boolean> {
  const r = yield { args: TOP_LEVEL };
  if (!r.ok) return false;
  try {
    return realpathSync(r.stdout.toString("utf8").trim()) === realpathSync(root);
  } catch {
    return false;
  }
}

export interface RetainedRequest {
  /** The deleted path, e.g. requests/dinkes/sehat.yaml. */
  file: string;
  request: Request;
  /** The commit that deleted it. */
  deletedIn: string;
}

/**
 * Deleted hosting requests whose data is still kept, as of `ref` (default HEAD). `present`: paths
 * that exist at `ref`; a path deleted once and added again is governed by its present file.
 * An empty list when there is no repository or no history.
 */
export function retainedRequests(root: string, present: ReadonlySet<string>, ref = "HEAD", since?: string): RetainedRequest[] {
  return runSteps(root, retainedSteps(root, present, ref, since));
}

/** Steps of retainedRequests. */
export function* retainedSteps(root: string, present: ReadonlySet<string>, ref = "HEAD", since?: string): GitSteps<RetainedRequest[]> {
  if (ref.startsWith("-") || since?.startsWith("-") || !(yield* isTopLevelSteps(root))) return [];
  // `since` (governance's adoption base): the product's example tenants, deleted by the adoption,
  // never held anything of this government's.
  // HEAD by its commit: a base that is HEAD's commit then asks git the very same questions (src/git/run.ts).
  const rev = ref === "HEAD" ? yield* resolveCommitSteps("HEAD") : ref;
  if (rev === undefined) return []; // no commit yet: no history
  if (since && (yield { args: ["merge-base", "--is-ancestor", rev, since] }).ok) return [];
  const log = yield { args: deletionsArgs(since ? `${since}..${rev}` : rev) };
  if (!log.ok) return [];
  const newest = new Map<string, string>(); // path -> commit that deleted it last
  for (const chunk of log.stdout.toString("utf8").split("\x01")) {
    if (!chunk) continue;
    const [head, ...paths] = chunk.split("\0");
    const commit = head!.trim();
    for (const raw of paths) {
      const path = raw.trim();
      if (/\.ya?ml$/.test(path) && !present.has(path) && !newest.has(path)) newest.set(path, commit);
    }
  }
  // A deletion not yet committed (a liaison's working tree): the file as HEAD holds it.
  if (ref === "HEAD") {
    // HEAD's listing, the one the plan reads for blob ids too (one git call, parsed once).
    const tracked = yield* listTreeSteps("HEAD");
    for (const path of tracked ? [...tracked.blobs.keys(), ...tracked.skipped] : []) if (path.startsWith("requests/") && /\.ya?ml$/.test(path) && !present.has(path)) newest.set(path, "HEAD");
  }
  // After an adoption, only files the government itself added can hold a tenant: the adoption
  // commit deletes the product's examples, which never deployed anything of its own.
  if (since) {
    const added = yield { args: ["log", "--first-parent", "--diff-filter=A", "--name-only", "-z", "--format=", `${since}..${rev}`, "--", "requests"] };
    const own = new Set(added.ok ? added.stdout.toString("utf8").split("\0").map((p) => p.trim()).filter(Boolean) : []);
    for (const path of [...newest.keys()]) if (!own.has(path)) newest.delete(path);
  }
  if (newest.size === 0) return [];
  const entries = [...newest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const batch = yield { args: ["cat-file", "--batch"], input: entries.map(([path, commit]) => (commit === "HEAD" ? `HEAD:${path}` : `${commit}^:${path}`)).join("\n") + "\n" };
  if (!batch.ok) return [];
  const out: RetainedRequest[] = [];
  const buf = batch.stdout;
  let at = 0;
  for (const [file, commit] of entries) {
    const nl = buf.indexOf(0x0a, at);
    const header = buf.subarray(at, nl).toString("utf8").split(" ");
    if (header[1] !== "blob") {
      at = nl + 1; // "<name> missing": nothing to read
      continue;
    }
    const size = Number(header[2]);
    const text = buf.subarray(nl + 1, nl + 1 + size).toString("utf8");
    at = nl + 1 + size + 1;
    let value: unknown;
    try {
      value = parse(text, { maxAliasCount: 0 });
    } catch {
      continue;
    }
    // A version that never passed the schema never deployed a tenant.
    if (!matchesSchema(value, "request")) continue;
    const request = value as Request;
    if (!request.target?.hosting || request.decommission?.deleteData) continue;
    out.push({ file, request, deletedIn: commit });
  }
  return out;
}
