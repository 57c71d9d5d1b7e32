// The same validation as validateRepository, with the per-file stage (read, parse, schema, file
// rules) spread over all cores by checkRequestFiles (check-files.ts). The repository rules, which
// need every file, run afterwards on this thread.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { discoverRequests } from "../../load/discover.ts";
import { readGovernance } from "../../load/read.ts";
import { digest, openParseCache } from "../../load/cache.ts";
import { checkRequestFiles, defaultThreads } from "./check-files.ts";
import { retainedRequests } from "../../git/retained.ts";
import { GOVERNANCE_FILE, governanceToday } from "../../load/repository.ts";
import type { RepositoryValidation } from "./repository.ts";
import { assemble, checkGovernance, checkRequest, unusableGovernance } from "../validate.ts";

export { defaultThreads, startWorker } from "./check-files.ts";

export interface ParallelOptions {
  /** Threads in all, this one included; default: defaultThreads(). */
  threads?: number;
  /** Below this many files the thread start-up costs more than it saves. */
  minFiles?: number;
  /** Folder of the parse cache (see cache.ts); none by default. */
  cacheDir?: string;
  /** Filled in when given: how the work was shared, and why a worker failed (its files are then redone here). */
  stats?: { workerFiles: number; workerFailures: string[]; cacheHits?: number };
}

export async function validateRepositoryParallel(root: string, today?: string, options: ParallelOptions = {}): Promise<RepositoryValidation> {
  const discovery = discoverRequests(root);
  const files = discovery.files;
  const governanceFile = readGovernance(root, GOVERNANCE_FILE);
  const gov = checkGovernance(governanceFile);
  const day = today ?? governanceToday(gov.governance);
  const filesChecked = files.length + 1;
  if (!gov.governance) return { ...unusableGovernance(governanceFile.file, gov, discovery.diagnostics), filesChecked, today: day };
  const ctx = { governance: gov.governance, today: day, retained: retainedRequests(root, new Set(files), "HEAD", gov.governance.adoption?.base) };

  // The parse cache: a hit is checked here without parsing; a miss is parsed (on any thread) and stored.
  const cache = options.cacheDir ? openParseCache(options.cacheDir) : undefined;
  const digests: (string | undefined)[] = [];
  const checks = await checkRequestFiles(root, files, ctx, {
    threads: options.threads ?? defaultThreads(),
    ...(options.minFiles !== undefined ? { minFiles: options.minFiles } : {}),
    ...(options.stats ? { stats: options.stats } : {}),
    ...(cache
      ? {
          keepLoaded: true,
          known: (file, i) => {
            let bytes: Uint8Array;
            try {
              bytes = readFileSync(join(root, file));
            } catch {
              return undefined; // readYamlFile will report it
            }
            const loaded = cache.get((digests[i] = digest(bytes)), file);
            return loaded && checkRequest(loaded, ctx);
          },
          checked: (_file, i, _check, loaded) => {
            if (loaded && digests[i]) cache.set(digests[i], loaded);
          },
        }
      : {}),
  });
  if (cache && options.stats) options.stats.cacheHits = cache.hits;
  cache?.save();
  return { ...assemble(gov, checks, discovery.diagnostics, ctx), filesChecked, today: day, retained: ctx.retained };
}
