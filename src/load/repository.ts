// Loads and validates a whole repository checkout: the edge between the file system and the pure
// validation stage. Other commands (plan, deploy, intake) start from here.
import { discoverRequests } from "./discover.ts";
import { readGovernance, readYamlFile } from "./read.ts";
import { validate, type ValidationResult } from "../validate/validate.ts";

export const GOVERNANCE_FILE = "governance.yaml";

export interface RepositoryValidation extends ValidationResult {
  filesChecked: number;
}

export function validateRepository(root: string, today: string): RepositoryValidation {
  const discovery = discoverRequests(root);
  const governance = readGovernance(root, GOVERNANCE_FILE);
  const requests = discovery.files.map((f) => readYamlFile(root, f));
  const result = validate(governance, requests, discovery.diagnostics, today);
  return { ...result, filesChecked: discovery.files.length + 1 };
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
