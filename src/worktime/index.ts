// Working time (waktu kerja): calendar, arithmetic, and the service time of a pull request.
// Stable API, imported by the GitHub disposition summary and the service-time report.
export { calendarOf, hoursOn, type WorkCalendar } from "./calendar.ts";
export { parseWorkDuration, type WorkDuration, type DurationUnit } from "./duration.ts";
export { clockStart, workingMinutes, addWorkingTime, standardMinutes } from "./arithmetic.ts";
export { localTime, zonedInstant, addDays } from "./zoned.ts";
export { Timeline, TimelineEvent, TimelineFile } from "./timeline.ts";
export {
  analyseTimeline,
  stepTimes,
  chainOf,
  nominalMinutes,
  type StepTime,
  type StepStatus,
  type ServiceTime,
  type TimelineAnalysis,
  type StepTimeOptions,
} from "./steps.ts";
export { formatMinutes } from "./format.ts";

import { calendarOf } from "./calendar.ts";
import { workingMinutes } from "./arithmetic.ts";
import { parseWorkDuration } from "./duration.ts";
import { nominalMinutes } from "./steps.ts";
import type { Governance } from "../model/governance.ts";

/**
 * The two operations the disposition check needs (its WorkClock), backed by this module:
 * working minutes between instants, and a standard time in working minutes (a day counts as the
 * longest working day; use standardMinutes(calendar, start, duration) when the start is known).
 */
export function workClockOf(workingHours: Governance["workingHours"]): {
  minutesBetween(start: Date, end: Date): number;
  standardMinutes(standardTime: string): number;
} {
  const calendar = calendarOf(workingHours);
  return {
    minutesBetween: (start, end) => workingMinutes(calendar, start, end),
    standardMinutes: (text) => {
      const d = parseWorkDuration(text);
      return d ? nominalMinutes(calendar, d) : 0;
    },
  };
}
