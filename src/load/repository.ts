// What every command reading a repository checkout shares: the governance file's name, and the
// government's today. Validating the checkout is src/validate/files/ (validateRepository).
import type { Governance } from "../model/governance.ts";

export const GOVERNANCE_FILE = "governance.yaml";

/**
 * Indonesia's three zones, hours ahead of UTC: fixed since 1988, with no daylight saving. Their
 * date is plain arithmetic; asking Intl first loads ICU's time zone data (~16 ms), on the path of
 * every `npm run validate`.
 */
const INDONESIA: Record<string, number> = { "Asia/Jakarta": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9 };

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const hours = INDONESIA[timeZone];
  if (hours !== undefined) return new Date(now.getTime() + hours * 3_600_000).toISOString().slice(0, 10);
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The government's today: in its working-hours time zone (WIB, WITA or WIT). */
export function governanceToday(governance: Governance | undefined, now: Date = new Date()): string {
  return todayIn(governance?.workingHours.timeZone ?? "Asia/Jakarta", now);
}
