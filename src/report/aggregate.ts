// The monthly service-time figures: which pull requests fall in the period, and per disposition
// step the median working time, the share done within the standard, and the breaches. Pure.
import type { Governance } from "../model/governance.ts";
import { calendarOf } from "../worktime/calendar.ts";
import { parseWorkDuration } from "../worktime/duration.ts";
import { analyseTimeline, chainOf, nominalMinutes, type ServiceTime, type StepTime } from "../worktime/steps.ts";
import type { Timeline } from "../worktime/timeline.ts";
import { zonedInstant, addDays } from "../worktime/zoned.ts";

export interface ReportPeriod {
  /** YYYY-MM-DD, inclusive, in the governance time zone. */
  since: string;
  /** YYYY-MM-DD, inclusive. */
  until: string;
}

export interface StepSummary {
  step: string;
  role: string;
  standard: string;
  /** Nominal standard in minutes (for the chart); a `d` standard varies by weekday. */
  standardMinutes: number;
  count: number;
  medianMinutes: number;
  maxMinutes: number;
  withinStandard: number;
  /** withinStandard / count, 0..1; undefined when count is 0. */
  share?: number;
}

export interface Breach {
  pull: number;
  title: string;
  url?: string;
  step: string;
  role: string;
  workingMinutes: number;
  standardMinutes: number;
  start: string;
  end?: string;
}

export interface PullSummary {
  pull: number;
  title: string;
  url?: string;
  files: string[];
  steps: StepTime[];
  service: ServiceTime;
}

export interface ServiceReport {
  period: ReportPeriod;
  /** Pull requests whose service ended (deployed, merged or closed) within the period. */
  completed: PullSummary[];
  /** Pull requests started before the period's end and not finished by it (times up to its end). */
  inProgress: PullSummary[];
  steps: StepSummary[];
  service: {
    count: number;
    medianMinutes: number;
    deadline?: string;
    withinDeadline?: number;
    share?: number;
  };
  breaches: Breach[];
  returned: number;
}

/** Median of a list (mean of the middle two for even lengths), 0 for an empty list. */
export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

export function serviceReport(timelines: readonly Timeline[], governance: Governance, period: ReportPeriod, teams: Record<string, string[]> = {}): ServiceReport {
  const calendar = calendarOf(governance.workingHours);
  const tz = governance.workingHours.timeZone;
  const from = zonedInstant(period.since, 0, tz).getTime();
  const to = zonedInstant(addDays(period.until, 1), 0, tz);
  const completed: PullSummary[] = [];
  const inProgress: PullSummary[] = [];
  for (const t of [...timelines].sort((a, b) => a.pull - b.pull)) {
    const a = analyseTimeline(t, governance, { teams, calendar, now: to });
    const summary: PullSummary = { pull: t.pull, title: t.title, ...(t.url ? { url: t.url } : {}), files: t.files ?? [], steps: a.steps, service: a.service };
    if (!a.service.start) continue;
    const start = Date.parse(a.service.start);
    const end = a.service.end ? Date.parse(a.service.end) : undefined;
    if (end !== undefined && end >= from && end < to.getTime()) {
      if (a.service.endedBy !== "closed") completed.push(summary);
    } else if (start < to.getTime() && (end === undefined || end >= to.getTime())) {
      // Re-analyse up to the period's end: events after it belong to the next report.
      const cut = { ...t, events: t.events.filter((e) => Date.parse(e.at) < to.getTime()) };
      const b = analyseTimeline(cut, governance, { teams, calendar, now: to });
      inProgress.push({ ...summary, steps: b.steps, service: b.service });
    }
  }

  const chain = chainOf(governance);
  const extra = governance.disposition.destructiveStep;
  const ids = [...chain, ...(extra ? [extra] : [])];
  const steps: StepSummary[] = ids.map((step) => {
    const done = completed.flatMap((p) => p.steps.filter((s) => s.step === step.id && s.status === "done"));
    const minutes = done.map((s) => s.workingMinutes);
    const within = done.filter((s) => s.withinStandard).length;
    const duration = parseWorkDuration(step.standardTime);
    const nominal = done[0]?.standardMinutes ?? (duration ? nominalMinutes(calendar, duration) : 0);
    return {
      step: step.id,
      role: step.role,
      standard: step.standardTime,
      standardMinutes: nominal,
      count: done.length,
      medianMinutes: median(minutes),
      maxMinutes: minutes.length ? Math.max(...minutes) : 0,
      withinStandard: within,
      ...(done.length ? { share: within / done.length } : {}),
    };
  });
  // The destructive step appears only when some pull request went through it.
  const shown = steps.filter((s, i) => i < chain.length || s.count > 0);

  const breaches: Breach[] = [...completed, ...inProgress].flatMap((p) =>
    p.steps
      .filter((s) => s.withinStandard === false)
      .map((s) => ({
        pull: p.pull,
        title: p.title,
        ...(p.url ? { url: p.url } : {}),
        step: s.step,
        role: s.role,
        workingMinutes: s.workingMinutes,
        standardMinutes: s.standardMinutes,
        start: s.start!,
        ...(s.end ? { end: s.end } : {}),
      })),
  );
  const serviceMinutes = completed.map((p) => p.service.workingMinutes);
  const deadline = governance.disposition.deadline;
  const withinDeadline = completed.filter((p) => p.service.withinDeadline).length;
  return {
    period,
    completed,
    inProgress,
    steps: shown,
    service: {
      count: completed.length,
      medianMinutes: median(serviceMinutes),
      ...(deadline ? { deadline, withinDeadline, ...(completed.length ? { share: withinDeadline / completed.length } : {}) } : {}),
    },
    breaches,
    returned: completed.reduce((n, p) => n + p.steps.reduce((m, s) => m + s.returned, 0), 0),
  };
}
