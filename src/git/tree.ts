// Files of a revision read straight from the object store: one `git ls-tree` for the listing and
// one `git cat-file --batch` for every blob, so no checkout and no process per file.
import { git, resolveCommit } from "./run.ts";

export interface TreeAt {
  commit: string;
  /** Repository-relative path -> bytes, for regular files only. */
  files: Map<string, Uint8Array>;
  /** Entries that are not regular files (links, submodules): reported, never read. */
  skipped: string[];
}

/** `governance.yaml` and everything under `requests/` at `ref`; undefined when `ref` names no commit. */
export function readTreeAt(root: string, ref: string, paths: string[] = ["governance.yaml", "requests"]): TreeAt | undefined {
  const commit = resolveCommit(root, ref);
  if (!commit) return undefined;
  const ls = git(root, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", ...paths]);
  if (!ls.ok) return undefined;
  const entries: { path: string; oid: string }[] = [];
  const skipped: string[] = [];
  for (const line of ls.stdout.toString("utf8").split("\0")) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    const [mode, type, oid] = line.slice(0, tab).split(" ");
    const path = line.slice(tab + 1);
    if (type === "blob" && (mode === "100644" || mode === "100755")) entries.push({ path, oid: oid! });
    else skipped.push(path);
  }
  const files = new Map<string, Uint8Array>();
  if (entries.length === 0) return { commit, files, skipped };
  const batch = git(root, ["cat-file", "--batch"], entries.map((e) => e.oid).join("\n") + "\n");
  if (!batch.ok) return undefined;
  // Output per object: "<oid> blob <size>\n<bytes>\n", in the order asked.
  const out = batch.stdout;
  let at = 0;
  for (const e of entries) {
    const nl = out.indexOf(0x0a, at);
    const header = out.subarray(at, nl).toString("utf8").split(" ");
    const size = Number(header[2]);
    if (header[1] !== "blob" || !Number.isFinite(size)) {
      skipped.push(e.path);
      at = nl + 1;
      continue;
    }
    files.set(e.path, out.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return { commit, files, skipped };
}
