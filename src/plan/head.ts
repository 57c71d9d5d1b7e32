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
import { retainedSteps, type RetainedRequest } from "../git/retained.ts";
import { changedSinceSteps } from "../git/changed.ts";
import { listTreeSteps } from "../git/tree.ts";
import { handled, runStepsAsync } from "../git/run.ts";
import type { Governance } from "../model/governance.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import type { RequestFile } from "../validate/rule.ts";
import { assemble, checkGovernance, unusableGovernance, type RequestCheck } from "../validate/validate.ts";
import { checkRequestFiles, startRequestFiles } from "../validate/files/check-files.ts";
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
 * Every file passed its own checks: what the plan may start its work from while the rules across
 * files run (they can still refuse the whole, and then that work is undone).
 */
export interface FilesValid {
  governance: Governance;
  /** Every file's request, in discovery order: the requests the validation gives if the rules across files find nothing. */
  requests: RequestFile[];
  retained: RetainedRequest[];
  /** The day the files were checked for (YYYY-MM-DD). */
  today: string;
}

/**
 * Validates the working tree; `cacheDir` undefined: results are shared only within this run.
 * `threads`: for the per-file stage (default: all cores, for repositories of thousands of files).
 * `onGovernance`: told of the governance as soon as it is read, before the files are checked
 * (the plan starts its questions to git then, to have the answers when the checks end).
 * `beforeRepositoryRules`: told when every file has passed its own checks, before the rules across
 * files run (see FilesValid).
 */
export async function validateWorkingTree(
  root: string,
  today: string | undefined,
  cacheDir: string | undefined,
  threads?: number,
  onGovernance?: (governance: Governance) => void,
  beforeRepositoryRules?: (valid: FilesValid) => void,
): Promise<HeadValidation> {
  const discovery = discoverRequests(root);
  const readAll = () => startRequestFiles(root, discovery.files, threads !== undefined ? { threads } : {});
  // Without a cache every file is read: the reading threads start now (see startRequestFiles).
  let reading = cacheDir ? undefined : readAll();
  const governanceFile = readGovernance(root, GOVERNANCE_FILE);
  const gov = checkGovernance(governanceFile);
  const day = today ?? governanceToday(gov.governance);
  const filesChecked = discovery.files.length + 1;
  if (!gov.governance) {
    await reading?.stop();
    return { ...unusableGovernance(governanceFile.file, gov, discovery.diagnostics), filesChecked, today: day, cache: openCheckCache(undefined, undefined) };
  }
  onGovernance?.(gov.governance);
  // git answers while the files are checked: the tenants kept from deleted files (for the rules
  // across files), HEAD's tree and what the working tree changed since (blob ids for the cache).
  const retainedAsked = handled(runStepsAsync(root, retainedSteps(root, new Set(discovery.files), "HEAD", gov.governance.adoption?.base)));
  const sinceHead = handled(
    (async () => {
      const listing = await runStepsAsync(root, listTreeSteps("HEAD"));
      return { listing, dirty: listing && (await runStepsAsync(root, changedSinceSteps(listing.commit))) };
    })(),
  );
  let governanceBlob: string | undefined;
  try {
    governanceBlob = blobId(readFileSync(join(root, GOVERNANCE_FILE)));
  } catch {
    governanceBlob = undefined;
  }
  const fileCtx = { governance: gov.governance, today: day };
  // The stored results for this repository, governance, day and code. When there are none (the
  // first plan of a clone, of a day, of a governance: what fills the cache), nothing waits for
  // git's blob ids: every file is read at once, as without a cache, and the results are stored
  // by blob id once git has answered (~0.3-0.5 s of a 15,000-file plan's wall time).
  const stored = cacheDir ? openStored(root, cacheDir, governanceBlob, day) : undefined;
  if (stored && stored.size === 0) reading = readAll();

  // Blob ids from HEAD's tree, for the files the working tree has not changed since HEAD.
  const blobOf = (since: Awaited<typeof sinceHead>) => (file: string) => (since.dirty && !since.dirty.has(file) ? since.listing!.blobs.get(file) : undefined);
  let checks: RequestCheck[];
  let cache: CheckCache;
  let since: Awaited<typeof sinceHead>;
  if (reading) {
    // Nothing stored to look up: check every file while git answers, then share the results
    // with the base side by blob id.
    checks = await reading.check(fileCtx);
    since = await sinceHead;
    cache = stored ?? openCheckCache(undefined, undefined);
    const blob = blobOf(since);
    discovery.files.forEach((file, i) => {
      const b = blob(file);
      if (b) cache.set(file, b, checks[i]!);
    });
  } else {
    // A stored result spares reading its file: the blob ids are needed before the checks start.
    // (No reading started: there is a cache folder, and it holds results.)
    const kept = stored!;
    since = await sinceHead;
    const blob = blobOf(since);
    // On all cores (src/validate/files/check-files.ts); a file the cache knows is not read.
    checks = await checkRequestFiles(root, discovery.files, fileCtx, {
      ...(threads !== undefined ? { threads } : {}),
      known: (file) => {
        const b = blob(file);
        const cached = b ? kept.get(file, b) : undefined;
        return cached ? restoreCheck(file, cached, () => readYamlFile(root, file).positions) : undefined;
      },
      checked: (file, _index, check) => {
        const b = blob(file);
        if (b) kept.set(file, b, check);
      },
    });
    cache = kept;
  }
  const { listing, dirty } = since;
  const ctx = { ...fileCtx, retained: await retainedAsked };
  // Clean: git sees no change, and the files found are exactly HEAD's request files.
  const tracked = listing ? [...listing.blobs.keys()].filter((p) => /^requests\/[^/]+\/[^/]+\.yaml$/.test(p)) : [];
  if (beforeRepositoryRules && !hasErrors(discovery.diagnostics) && !hasErrors(gov.diagnostics) && checks.every((c) => c.request && !hasErrors(c.diagnostics))) {
    beforeRepositoryRules({ governance: gov.governance, requests: checks.map((c) => c.request!), retained: ctx.retained, today: day });
  }
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

/**
 * The check cache of `cacheDir` in this repository's namespace; only in memory outside a git
 * repository (no identity, so nothing is read or kept). Git's facts were asked ahead by the
 * launcher (src/git/spawn.mjs), so the identity costs no wait here.
 */
function openStored(root: string, cacheDir: string, governanceBlob: string | undefined, today: string): CheckCache {
  const identity = repositoryIdentity(root);
  return openCheckCache(cacheDir, identity && governanceBlob ? { repository: identity, governance: governanceBlob, today } : undefined);
}
