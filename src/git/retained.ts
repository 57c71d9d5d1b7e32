// Hosting tenants whose request file was deleted before their data was released. The request file
// is the record and its git history the memory: the newest deleted version of each request path
// that asked for hosting and did not say `decommission.deleteData` still owns its namespace, and
// its label, until the same OPD takes it back or releases it. One `git log` for the deletions and
// one `git cat-file --batch` for their last versions.
import { parse } from "yaml";
import { Request } from "../model/request.ts";
import { realpathSync } from "node:fs";
import { git } from "./run.ts";

/** Only a repository's own top level has this layout's history (a folder of fixtures inside another repository has none). */
function isTopLevel(root: string): boolean {
  const r = git(root, ["rev-parse", "--show-toplevel"]);
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
export function retainedRequests(root: string, present: ReadonlySet<string>, ref = "HEAD"): RetainedRequest[] {
  if (ref.startsWith("-") || !isTopLevel(root)) return [];
  const log = git(root, ["log", "--first-parent", "--diff-filter=D", "--name-only", "-z", "--format=%x01%H", ref, "--", "requests"]);
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
    const tracked = git(root, ["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", "requests"]);
    if (tracked.ok) for (const path of tracked.stdout.toString("utf8").split("\0")) if (/\.ya?ml$/.test(path) && !present.has(path)) newest.set(path, "HEAD");
  }
  if (newest.size === 0) return [];
  const entries = [...newest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const batch = git(root, ["cat-file", "--batch"], entries.map(([path, commit]) => (commit === "HEAD" ? `HEAD:${path}` : `${commit}^:${path}`)).join("\n") + "\n");
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
    const parsed = Request.safeParse(value);
    // A version that never passed the schema never deployed a tenant.
    if (!parsed.success || !parsed.data.target?.hosting || parsed.data.decommission?.deleteData) continue;
    out.push({ file, request: parsed.data, deletedIn: commit });
  }
  return out;
}
