// Files of a revision read straight from the object store: one `git ls-tree` for the listing (with
// each file's blob id, which names its content) and one `git cat-file --batch` for the blobs
// wanted, so no checkout and no process per file.
import { resolveCommitSteps, runSteps, type GitSteps } from "./run.ts";
import { TREE_PATHS, treeArgs } from "./spawn.mjs";

export interface TreeAt {
  commit: string;
  /** Repository-relative path -> bytes, for regular files only. */
  files: Map<string, Uint8Array>;
  /** Entries that are not regular files (links, submodules): reported, never read. */
  skipped: string[];
}

export interface TreeListing {
  commit: string;
  /** Repository-relative path -> blob id, for regular files only. Shared within a git session: read it, never change it. */
  blobs: Map<string, string>;
  skipped: string[];
}

export { TREE_PATHS };

/**
 * Listings parsed, by git's output: within a git session (src/git/run.ts) the same question gets
 * the same output object, so a base that is HEAD's commit lists the same tree as the working
 * tree's side and it is parsed once (15,000 entries).
 */
const parsed = new WeakMap<Buffer, { blobs: Map<string, string>; skipped: string[] }>();

/** `git ls-tree -r -z` output -> regular files' blob ids, and the other entries' paths. */
function parseListing(out: Buffer): { blobs: Map<string, string>; skipped: string[] } {
  const known = parsed.get(out);
  if (known) return known;
  const blobs = new Map<string, string>();
  const skipped: string[] = [];
  for (const line of out.toString("utf8").split("\0")) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    const [mode, type, oid] = line.slice(0, tab).split(" ");
    const path = line.slice(tab + 1);
    if (type === "blob" && (mode === "100644" || mode === "100755")) blobs.set(path, oid!);
    else skipped.push(path);
  }
  parsed.set(out, { blobs, skipped });
  return { blobs, skipped };
}

/** Steps of listTreeAt. */
export function* listTreeSteps(ref: string, paths: string[] = TREE_PATHS): GitSteps<TreeListing | undefined> {
  const commit = yield* resolveCommitSteps(ref);
  if (!commit) return undefined;
  const ls = yield { args: treeArgs(commit, paths) };
  if (!ls.ok) return undefined;
  const { blobs, skipped } = parseListing(ls.stdout);
  return { commit, blobs, skipped: [...skipped] };
}

/** The regular files under `paths` at `ref` with their blob ids, without reading any of them. */
export function listTreeAt(root: string, ref: string, paths: string[] = TREE_PATHS): TreeListing | undefined {
  return runSteps(root, listTreeSteps(ref, paths));
}

/** Steps of readBlobs. */
export function* readBlobsSteps(oids: readonly string[]): GitSteps<Map<string, Uint8Array> | undefined> {
  const out = new Map<string, Uint8Array>();
  if (oids.length === 0) return out;
  const batch = yield { args: ["cat-file", "--batch"], input: oids.join("\n") + "\n" };
  if (!batch.ok) return undefined;
  // Output per object: "<oid> blob <size>\n<bytes>\n", in the order asked ("<oid> missing\n" for none).
  const buf = batch.stdout;
  let at = 0;
  for (const oid of oids) {
    const nl = buf.indexOf(0x0a, at);
    const header = buf.subarray(at, nl).toString("utf8").split(" ");
    const size = Number(header[2]);
    if (header[1] !== "blob" || !Number.isFinite(size)) {
      at = nl + 1;
      continue;
    }
    out.set(oid, buf.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return out;
}

/** The bytes of blobs by id; undefined when git fails. An id that is not a blob is left out. */
export function readBlobs(root: string, oids: readonly string[]): Map<string, Uint8Array> | undefined {
  return runSteps(root, readBlobsSteps(oids));
}

/** `governance.yaml` and everything under `requests/` at `ref`; undefined when `ref` names no commit. */
export function readTreeAt(root: string, ref: string, paths: string[] = TREE_PATHS): TreeAt | undefined {
  const listing = listTreeAt(root, ref, paths);
  if (!listing) return undefined;
  const { commit, blobs, skipped } = listing;
  const bytes = readBlobs(root, [...new Set(blobs.values())]);
  if (!bytes) return undefined;
  const files = new Map<string, Uint8Array>();
  for (const [path, oid] of blobs) {
    const b = bytes.get(oid);
    if (b) files.set(path, b);
    else skipped.push(path);
  }
  return { commit, files, skipped };
}
