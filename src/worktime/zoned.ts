// Local dates and clock times in an IANA time zone. Indonesian zones (WIB, WITA, WIT) have no
// daylight saving, but the offset is still read from Intl rather than hard-coded so that the
// arithmetic stays right for any zone governance may one day name.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** Minutes since local midnight, with seconds as a fraction. */
  minutes: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute) + (Number(parts.second) + at.getUTCMilliseconds() / 1000) / 60;
  return { date, minutes, weekday: weekdayOf(date) };
}

/** Weekday of a calendar date, independent of any zone. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The calendar date `n` days after `date`. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Offset of the zone from UTC at an instant, in minutes (WIB +420). */
function offsetMinutes(at: Date, timeZone: string): number {
  const l = localTime(at, timeZone);
  const asUtc = Date.parse(`${l.date}T00:00:00Z`) + Math.round(l.minutes * 60_000);
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** The instant at which the wall clock of the zone shows `minutes` past midnight on `date`. */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const first = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  // A second pass settles the rare case where the offset differs between the guess and the answer.
  return new Date(naive - offsetMinutes(new Date(first), timeZone) * 60_000);
}
