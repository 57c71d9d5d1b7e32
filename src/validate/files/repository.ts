// Loads and validates a whole repository checkout: the edge between the file system and the pure
// validation stage. Other commands (plan, deploy, intake) start from here.
import { discoverRequests } from "../../load/discover.ts";
import { retainedRequests, type RetainedRequest } from "../../git/retained.ts";
import { readGovernance, readYamlFile } from "../../load/read.ts";
import { GOVERNANCE_FILE, governanceToday } from "../../load/repository.ts";
import { assemble, checkGovernance, checkRequest, unusableGovernance, type ValidationResult } from "../validate.ts";
import type { RepositoryFile, RequestFile } from "../rule.ts";

export interface RepositoryValidation<F extends RepositoryFile = RequestFile> extends ValidationResult<F> {
  filesChecked: number;
  /** The date the rules were judged on (YYYY-MM-DD). */
  today: string;
  /** Deleted hosting requests whose data is still kept (src/git/retained.ts); for the state. */
  retained?: RetainedRequest[];
}

/**
 * Validates every request file under `root`. `today` defaults to the date in the governance
 * time zone. Synchronous, on this thread; validateRepositoryParallel does the same on all cores.
 */
export function validateRepository(root: string, today?: string): RepositoryValidation {
  const discovery = discoverRequests(root);
  const governanceFile = readGovernance(root, GOVERNANCE_FILE);
  const gov = checkGovernance(governanceFile);
  const day = today ?? governanceToday(gov.governance);
  const filesChecked = discovery.files.length + 1;
  if (!gov.governance) return { ...unusableGovernance(governanceFile.file, gov, discovery.diagnostics), filesChecked, today: day };
  const ctx = { governance: gov.governance, today: day, retained: retainedRequests(root, new Set(discovery.files), "HEAD", gov.governance.adoption?.base) };
  const checks = discovery.files.map((f) => checkRequest(readYamlFile(root, f), ctx));
  return { ...assemble(gov, checks, discovery.diagnostics, ctx), filesChecked, today: day, retained: ctx.retained };
}
