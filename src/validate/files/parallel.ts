// The same validation as validateRepository, with the per-file stage (read, parse, schema, file
// rules) spread over all cores by startRequestFiles (check-files.ts). The repository rules, which
// need every file, run afterwards on this thread.
import { discoverRequests } from "../../load/discover.ts";
import { readGovernance } from "../../load/read.ts";
import { defaultThreads, startRequestFiles } from "./check-files.ts";
import { retainedSteps } from "../../git/retained.ts";
import { handled, runStepsAsync } from "../../git/run.ts";
import { GOVERNANCE_FILE, governanceToday } from "../../load/repository.ts";
import type { RepositoryValidation } from "./repository.ts";
import type { RepositoryFile } from "../rule.ts";
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

/** Of each request, only what the rules across files read is kept (repository-view.ts): the result's `requests` are their views. */
export async function validateRepositoryParallel(root: string, today?: string, options: ParallelOptions = {}): Promise<RepositoryValidation<RepositoryFile>> {
  const discovery = discoverRequests(root);
  const files = discovery.files;
  // The reading threads start before the governance is read and git asked (see startRequestFiles).
  // Only the rules across files run after the per-file stage: of each request, only what they read is kept.
  const reading = startRequestFiles(root, files, {
    repositoryView: true,
    threads: options.threads ?? defaultThreads(),
    ...(options.minFiles !== undefined ? { minFiles: options.minFiles } : {}),
    ...(options.stats ? { stats: options.stats } : {}),
  });
  const governanceFile = readGovernance(root, GOVERNANCE_FILE);
  const gov = checkGovernance(governanceFile);
  const day = today ?? governanceToday(gov.governance);
  const filesChecked = files.length + 1;
  if (!gov.governance) {
    await reading.stop();
    return { ...unusableGovernance(governanceFile.file, gov, discovery.diagnostics), filesChecked, today: day };
  }
  // Only the rules across files read the retained tenants: git answers while the files are checked.
  const retained = handled(runStepsAsync(root, retainedSteps(root, new Set(files), "HEAD", gov.governance.adoption?.base)));
  const checks = await reading.check({ governance: gov.governance, today: day });
  const ctx = { governance: gov.governance, today: day, retained: await retained };
  return { ...assemble(gov, checks, discovery.diagnostics, ctx), filesChecked, today: day, retained: ctx.retained };
}
