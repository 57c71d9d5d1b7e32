// What every command reading a repository checkout shares: the governance file's name, and the
// government's today. Validating the checkout is src/validate/files/ (validateRepository).
import type { Governance } from "../model/governance.ts";

export const GOVERNANCE_FILE = "governance.yaml";

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The government's today: in its working-hours time zone (WIB, WITA or WIT). */
export function governanceToday(governance: Governance | undefined, now: Date = new Date()): string {
  return todayIn(governance?.workingHours.timeZone ?? "Asia/Jakarta", now);
}
