// Working-time arithmetic over a WorkCalendar. Written by hand: no maintained library combines
// per-weekday hours, a time zone and a holiday list (business-time libraries assume one fixed
// schedule and no IANA zone). Pure: same input, same output.
import { hoursOn, type WorkCalendar } from "./calendar.ts";
import type { WorkDuration } from "./duration.ts";
import { addDays, localTime, zonedInstant } from "./zoned.ts";

/** How far ahead to look for an open day before concluding that the calendar never opens. */
const MAX_SEARCH_DAYS = 3660;

/**
 * The instant the clock starts for something that arrives at `at`: `at` itself within working
 * hours, otherwise the next opening. Undefined only when the calendar has no working day at all.
 */
export function clockStart(calendar: WorkCalendar, at: Date): Date | undefined {
  const local = localTime(at, calendar.timeZone);
  for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
    const date = addDays(local.date, i);
    const span = hoursOn(calendar, date);
    if (!span) continue;
    if (i === 0) {
      if (local.minutes < span[0]) return zonedInstant(date, span[0], calendar.timeZone);
      if (local.minutes < span[1]) return at;
      continue;
    }
    return zonedInstant(date, span[0], calendar.timeZone);
  }
  return undefined;
}

// Opening and closing instants per local date, per calendar: the Intl work behind zonedInstant is
// the costly part of long spans, and reports ask for the same days again and again.
const spansCache = new WeakMap<WorkCalendar, Map<string, readonly [number, number] | null>>();

function openSpan(calendar: WorkCalendar, date: string): readonly [number, number] | null {
  let cache = spansCache.get(calendar);
  if (!cache) spansCache.set(calendar, (cache = new Map()));
  let span = cache.get(date);
  if (span === undefined) {
    const hours = hoursOn(calendar, date);
    span = hours ? [zonedInstant(date, hours[0], calendar.timeZone).getTime(), zonedInstant(date, hours[1], calendar.timeZone).getTime()] : null;
    cache.set(date, span);
  }
  return span;
}

/** Working minutes between two instants (0 when end is not after start). */
export function workingMinutes(calendar: WorkCalendar, start: Date, end: Date): number {
  if (end.getTime() <= start.getTime()) return 0;
  const first = localTime(start, calendar.timeZone).date;
  const last = localTime(end, calendar.timeZone).date;
  let total = 0;
  for (let date = first, i = 0; date <= last && i <= MAX_SEARCH_DAYS * 10; date = addDays(date, 1), i++) {
    const span = openSpan(calendar, date);
    if (!span) continue;
    const [open, close] = span;
    const from = Math.max(open, start.getTime());
    const to = Math.min(close, end.getTime());
    if (to > from) total += (to - from) / 60_000;
  }
  // Whole minutes: what a report shows and a standard is written in.
  return Math.round(total);
}

/**
 * The instant at which a working duration that starts at `at` runs out.
 * Minutes and hours are counted through opening hours only. A working day (`d`) runs to the same
 * clock time on the next working day (clamped to that day's hours), so one day is "that day's
 * working hours": from Friday's opening, 1d ends at Monday's opening after Friday's 7½ hours.
 */
export function addWorkingTime(calendar: WorkCalendar, at: Date, duration: WorkDuration): Date | undefined {
  const start = clockStart(calendar, at);
  if (!start) return undefined;
  const tz = calendar.timeZone;
  const local = localTime(start, tz);
  if (duration.unit === "d") {
    let date = local.date;
    let left = duration.amount;
    for (let i = 0; i < MAX_SEARCH_DAYS && left > 0; i++) {
      date = addDays(date, 1);
      if (hoursOn(calendar, date)) left--;
    }
    if (left > 0) return undefined;
    const span = hoursOn(calendar, date)!;
    return zonedInstant(date, Math.min(Math.max(local.minutes, span[0]), span[1]), tz);
  }
  let left = duration.amount * (duration.unit === "h" ? 60 : 1);
  let date = local.date;
  let minute = local.minutes;
  for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
    const span = hoursOn(calendar, date);
    if (span) {
      const from = Math.max(minute, span[0]);
      const available = span[1] - from;
      if (available >= left) return zonedInstant(date, from + left, tz);
      if (available > 0) left -= available;
    }
    date = addDays(date, 1);
    minute = 0;
  }
  return undefined;
}

/** The standard, in working minutes, of a duration that starts at `at` (depends on the day for `d`). */
export function standardMinutes(calendar: WorkCalendar, at: Date, duration: WorkDuration): number | undefined {
  if (duration.unit !== "d") return duration.amount * (duration.unit === "h" ? 60 : 1);
  const start = clockStart(calendar, at);
  const end = addWorkingTime(calendar, at, duration);
  return start && end ? workingMinutes(calendar, start, end) : undefined;
}
