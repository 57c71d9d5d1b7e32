// The working calendar of a government: opening hours per weekday in its time zone, Indonesian
// public holidays (date-holidays, type "public" only, dates not names: see NOTES.md) and the
// extra closed days (cuti bersama) that governance lists.
import Holidays from "date-holidays";
import type { Governance } from "../model/governance.ts";
import { weekdayOf } from "./zoned.ts";

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export interface WorkCalendar {
  timeZone: string;
  /** Opening and closing minute per weekday (0 = Sunday); undefined = closed all day. */
  hours: ReadonlyArray<readonly [number, number] | undefined>;
  /** True when the date (YYYY-MM-DD, local) is a holiday or an extra closed day. */
  isClosedDate(date: string): boolean;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Builds the calendar from governance's `workingHours`. Holiday years are computed lazily and cached. */
export function calendarOf(workingHours: Governance["workingHours"]): WorkCalendar {
  const hours = WEEKDAYS.map((day) => {
    const span = workingHours.days[day];
    if (!span) return undefined;
    const open = minutesOf(span[0]);
    const close = minutesOf(span[1]);
    return close > open ? ([open, close] as const) : undefined;
  });
  const closed = new Set(workingHours.holidays.closed ?? []);
  const holidays = workingHours.holidays.region
    ? new Holidays(workingHours.holidays.country, workingHours.holidays.region)
    : new Holidays(workingHours.holidays.country);
  const byYear = new Map<number, Set<string>>();
  const publicHolidays = (year: number): Set<string> => {
    let set = byYear.get(year);
    if (!set) {
      // `date` is "YYYY-MM-DD hh:mm:ss[ offset]"; Islamic holidays begin the evening before, but
      // the calendar date in the first ten characters is the day offices close.
      set = new Set(holidays.getHolidays(year).filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)));
      byYear.set(year, set);
    }
    return set;
  };
  return {
    timeZone: workingHours.timeZone,
    hours,
    isClosedDate: (date) => closed.has(date) || publicHolidays(Number(date.slice(0, 4))).has(date),
  };
}

/** Opening hours on a local date, or undefined when the office is closed that day. */
export function hoursOn(calendar: WorkCalendar, date: string): readonly [number, number] | undefined {
  if (calendar.isClosedDate(date)) return undefined;
  return calendar.hours[weekdayOf(date)];
}
