// The same validation as validateRepository, with the per-file stage (read, parse, schema, file
// rules) spread over all cores by checkRequestFiles (check-files.ts). The repository rules, which
// need every file, run afterwards on this thread.
import { discoverRequests } from "../../load/discover.ts";
import { readGovernance } from "../../load/read.ts";
import { checkRequestFiles, defaultThreads } from "./check-files.ts";
import { retainedRequests } from "../../git/retained.ts";
import { GOVERNANCE_FILE, governanceToday } from "../../load/repository.ts";
import type { RepositoryValidation } from "./repository.ts";
import { assemble, checkGovernance, unusableGovernance } from "../validate.ts";

export { defaultThreads, startWorker } from "./check-files.ts";

export interface ParallelOptions {
  /** Threads in all, this one included; default: defaultThreads(). */
  threads?: number;
  /** Below this many files the thread start-up costs more than it saves. */
  minFiles?: number;
  /** Filled in when given: how the work was shared, and why a worker failed (its files are then redone here). */
  stats?: { workerFiles: number; workerFailures: string[] };
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

  const checks = await checkRequestFiles(root, files, ctx, {
    threads: options.threads ?? defaultThreads(),
    ...(options.minFiles !== undefined ? { minFiles: options.minFiles } : {}),
    ...(options.stats ? { stats: options.stats } : {}),
  });
  return { ...assemble(gov, checks, discovery.diagnostics, ctx), filesChecked, today: day, retained: ctx.retained };
}
