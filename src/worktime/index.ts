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
  type StepTime,
  type StepStatus,
  type ServiceTime,
  type TimelineAnalysis,
  type StepTimeOptions,
} from "./steps.ts";
export { formatMinutes } from "./format.ts";
