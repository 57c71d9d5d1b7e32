// The clock of the disposition check, built from governance's working calendar. The evaluation
// takes a WorkClock so it stays pure and testable with any clock; the working-time arithmetic
// (hours, holidays, cuti bersama) is src/worktime's, the single source of it.
import type { Governance } from "../model/governance.ts";
import { calendarOf, parseWorkDuration, standardMinutes, workingMinutes } from "../worktime/index.ts";
import type { WorkClock } from "./types.ts";

export function clockFor(governance: Governance): WorkClock {
  const calendar = calendarOf(governance.workingHours);
  return {
    minutesBetween: (start, end) => workingMinutes(calendar, start, end),
    standardMinutes: (standardTime, start) => {
      const d = parseWorkDuration(standardTime);
      return d ? (standardMinutes(calendar, start, d) ?? 0) : 0;
    },
  };
}
