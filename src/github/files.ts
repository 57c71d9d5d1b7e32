// Reading repository files through the API, as data: the governance and request files of a
// commit, and single files of a pull request's head. Nothing read here is ever executed.
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";

export interface FileAt {
  text: string;
  bytes: Uint8Array;
  /** Blob sha, needed to update or delete the file through the contents API. */
  sha: string;
}

export async function readFileAt(gh: GitHub, ref: RepoRef, path: string, gitRef: string): Promise<FileAt | undefined> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...ref, path, ref: gitRef });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return undefined;
    const bytes = new Uint8Array(Buffer.from(data.content, "base64"));
    return { text: Buffer.from(bytes).toString("utf8"), bytes, sha: data.sha };
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

export const isRequestPath = (p: string) => /^requests\/[^/]+\/[^/]+\.yaml$/.test(p);

/** governance.yaml and requests/** of a commit: the same selection src/git/tree.ts reads locally. */
export async function readPolicyTree(gh: GitHub, ref: RepoRef, commitish: string): Promise<Map<string, Uint8Array>> {
  const { data } = await gh.rest.git.getTree({ ...ref, tree_sha: commitish, recursive: "true" });
  const files = new Map<string, Uint8Array>();
  for (const entry of data.tree) {
    if (entry.type !== "blob" || !entry.path || !entry.sha) continue;
    if (entry.path !== "governance.yaml" && !isRequestPath(entry.path)) continue;
    const blob = await gh.rest.git.getBlob({ ...ref, file_sha: entry.sha });
    files.set(entry.path, new Uint8Array(Buffer.from(blob.data.content, blob.data.encoding === "base64" ? "base64" : "utf8")));
  }
  return files;
}
