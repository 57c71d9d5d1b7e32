// The working-time seam of the disposition check. The evaluation takes a WorkClock so it stays
// pure and testable with any clock; this file builds the real one from governance.
//
// SEAM: the reports engineer's src/worktime (working hours, holidays, cuti bersama) is the single
// source of working-time arithmetic. Until its `workingDuration` lands, `provisionalClock` below
// counts working minutes by hand from governance's weekly hours in the governance time zone,
// without public holidays. Replace its body with a call into src/worktime when it is committed.
import type { Governance } from "../model/governance.ts";
import type { WorkClock } from "./types.ts";

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Local wall-clock parts of an instant in a zone (Indonesian zones have no daylight saving). */
function offsetMinutes(timeZone: string, at: Date): number {
  const f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
  const name = f.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

export function provisionalClock(workingHours: Governance["workingHours"]): WorkClock {
  const spans = DAYS.map((d) => {
    const h = workingHours.days[d];
    return h ? ([minutesOf(h[0]), minutesOf(h[1])] as const) : undefined;
  });
  const closed = new Set(workingHours.holidays.closed ?? []);
  const dayLength = Math.max(0, ...spans.map((s) => (s ? s[1] - s[0] : 0))) || 480;
  return {
    minutesBetween(start, end) {
      if (end <= start) return 0;
      const off = offsetMinutes(workingHours.timeZone, start) * 60_000;
      // Walk local days from the start's date to the end's date, adding each day's open overlap.
      let total = 0;
      const localStart = start.getTime() + off;
      const localEnd = end.getTime() + off;
      for (let day = Math.floor(localStart / 86_400_000); day * 86_400_000 < localEnd; day++) {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const span = spans[new Date(day * 86_400_000).getUTCDay()];
        if (!span || closed.has(date)) continue;
        const open = day * 86_400_000 + span[0] * 60_000;
        const close = day * 86_400_000 + span[1] * 60_000;
        total += Math.max(0, Math.min(close, localEnd) - Math.max(open, localStart));
      }
      return Math.round(total / 60_000);
    },
    standardMinutes(standardTime) {
      const m = /^([1-9][0-9]*)(m|h|d)$/.exec(standardTime);
      if (!m) return 0;
      const n = Number(m[1]);
      return m[2] === "m" ? n : m[2] === "h" ? n * 60 : n * dayLength;
    },
  };
}

/** The clock used by the disposition check for a governance file. */
export function clockFor(governance: Governance): WorkClock {
  return provisionalClock(governance.workingHours);
}
