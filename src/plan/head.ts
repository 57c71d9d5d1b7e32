// The working tree's side of a plan: the same validation as `npm run validate` (the same checks
// per file, the same rules across files, the same sorted diagnostics), except that a file git
// says is unchanged since HEAD takes its own checks' result from the cache by its blob id.
// Rules across files always run on every request: a one-file change can break another file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { discoverRequests } from "../load/discover.ts";
import { GOVERNANCE_FILE, governanceToday } from "../load/repository.ts";
import type { RepositoryValidation } from "../validate/files/repository.ts";
import { readGovernance, readYamlFile } from "../load/read.ts";
import { retainedRequests } from "../git/retained.ts";
import { changedSince } from "../git/changed.ts";
import { listTreeAt } from "../git/tree.ts";
import { assemble, checkGovernance, unusableGovernance, type RequestCheck } from "../validate/validate.ts";
import { checkRequestFiles } from "../validate/files/check-files.ts";
import { blobId, openCheckCache, repositoryIdentity, restoreCheck, type CheckCache } from "./check-cache.ts";

export interface HeadValidation extends RepositoryValidation {
  /** Results of single files by path and blob, for the base side of this plan and for the next run. */
  cache: CheckCache;
  /** Blob id of the working tree's governance file, the cache's namespace. */
  governanceBlob?: string;
  /** Each discovered file's own check, in discovery order (for the plan's snapshot). */
  checks?: RequestCheck[];
  files?: string[];
  /** HEAD's commit and blob ids, and whether the working tree is exactly HEAD (for the snapshot). */
  commit?: string;
  blobs?: Map<string, string>;
  clean?: boolean;
}

/**
 * Validates the working tree; `cacheDir` undefined: results are shared only within this run.
 * `threads`: for the per-file stage (default: all cores, for repositories of thousands of files).
 */
export async function validateWorkingTree(root: string, today: string | undefined, cacheDir: string | undefined, threads?: number): Promise<HeadValidation> {
  const discovery = discoverRequests(root);
  const governanceFile = readGovernance(root, GOVERNANCE_FILE);
  const gov = checkGovernance(governanceFile);
  const day = today ?? governanceToday(gov.governance);
  const filesChecked = discovery.files.length + 1;
  if (!gov.governance) return { ...unusableGovernance(governanceFile.file, gov, discovery.diagnostics), filesChecked, today: day, cache: openCheckCache(undefined, undefined) };
  const ctx = { governance: gov.governance, today: day, retained: retainedRequests(root, new Set(discovery.files), "HEAD", gov.governance.adoption?.base) };

  // Blob ids from HEAD's tree, for the files the working tree has not changed since HEAD.
  const listing = listTreeAt(root, "HEAD");
  const dirty = listing && changedSince(root, listing.commit);
  const blobs = dirty ? listing.blobs : new Map<string, string>();
  let governanceBlob: string | undefined;
  try {
    governanceBlob = blobId(readFileSync(join(root, GOVERNANCE_FILE)));
  } catch {
    governanceBlob = undefined;
  }
  const identity = dirty ? repositoryIdentity(root) : undefined;
  const cache = openCheckCache(cacheDir, identity && governanceBlob ? { repository: identity, governance: governanceBlob, today: day } : undefined);

  // On all cores (src/validate/files/check-files.ts); a file the cache knows is not read.
  const blobOf = (file: string) => (dirty && !dirty.has(file) ? blobs.get(file) : undefined);
  const checks: RequestCheck[] = await checkRequestFiles(root, discovery.files, ctx, {
    ...(threads !== undefined ? { threads } : {}),
    known: (file) => {
      const blob = blobOf(file);
      const cached = blob ? cache.get(file, blob) : undefined;
      return cached ? restoreCheck(file, cached, () => readYamlFile(root, file).positions) : undefined;
    },
    checked: (file, _index, check) => {
      const blob = blobOf(file);
      if (blob) cache.set(file, blob, check);
    },
  });
  // Clean: git sees no change, and the files found are exactly HEAD's request files.
  const tracked = listing ? [...listing.blobs.keys()].filter((p) => /^requests\/[^/]+\/[^/]+\.yaml$/.test(p)) : [];
  const clean = !!dirty && dirty.size === 0 && discovery.diagnostics.length === 0 && listing!.skipped.length === 0 && tracked.length === discovery.files.length && tracked.sort().every((p, i) => p === discovery.files[i]);
  return {
    ...assemble(gov, checks, discovery.diagnostics, ctx),
    filesChecked,
    today: day,
    retained: ctx.retained,
    cache,
    ...(governanceBlob ? { governanceBlob } : {}),
    checks,
    files: discovery.files,
    ...(listing ? { commit: listing.commit, blobs: listing.blobs } : {}),
    clean,
  };
}
