// The monthly service-time figures: which requests fall in the period, and per disposition step
// the median working time, the share done within the standard, the breaches and the reminders.
// Pure. Each request is judged by the chain in force for it (governance at its base commit,
// governance-at.ts), in its phase: the decision before the merge on the request's own pull
// request, the reply letter after the deployment on the letter's pull request.
import { phaseOf, rulesForPhase, taskOf } from "../disposition/phases.ts";
import type { Governance, Step, StepPhase } from "../model/governance.ts";
import { calendarOf, type WorkCalendar } from "../worktime/calendar.ts";
import { parseWorkDuration } from "../worktime/duration.ts";
import { analyseTimeline, nominalMinutes, type ServiceTime, type StepTime } from "../worktime/steps.ts";
import type { Timeline } from "../worktime/timeline.ts";
import { zonedInstant, addDays } from "../worktime/zoned.ts";
import type { GovernanceAt } from "./governance-at.ts";

export interface ReportPeriod {
  /** YYYY-MM-DD, inclusive, in the governance time zone. */
  since: string;
  /** YYYY-MM-DD, inclusive. */
  until: string;
}

export interface StepSummary {
  step: string;
  role: string;
  task: string;
  phase: StepPhase;
  /** As governance writes it; more than one when the chain changed within the requests counted. */
  standards: string[];
  /** Nominal standard in minutes (for the chart); a `d` standard varies by weekday. */
  standardMinutes: number;
  /** Every distinct standard in minutes among the requests counted (a changed chain gives more than one). */
  standardMinutesAll: number[];
  count: number;
  medianMinutes: number;
  maxMinutes: number;
  withinStandard: number;
  /** withinStandard / count, 0..1; undefined when count is 0. */
  share?: number;
  /** Reminders sent to this step in the period, and escalations to the step above it. */
  reminders: number;
  escalations: number;
}

export interface Breach {
  pull: number;
  subject: string;
  url?: string;
  step: string;
  role: string;
  task: string;
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
  /** What the request is about, in words (subdomain and OPD, or the reply letter of a request). */
  subject: string;
  phase: StepPhase;
  source?: number;
  rejected: boolean;
  /** False when the base's governance could not be read and today's judged it. */
  atBase: boolean;
  steps: Array<StepTime & { task: string }>;
  service: ServiceTime;
}

export interface ServiceReport {
  period: ReportPeriod;
  /** Requests whose decision phase ended (deployed, or merged) within the period. */
  completed: PullSummary[];
  /** Reply letters whose phase ended (signed, sent, archived) within the period. */
  letters: PullSummary[];
  /** Requests rejected within the period. */
  rejected: PullSummary[];
  /** Started before the period's end and not finished by it (times up to its end). */
  inProgress: PullSummary[];
  steps: StepSummary[];
  service: {
    count: number;
    medianMinutes: number;
    deadline?: string;
    withinDeadline?: number;
    share?: number;
  };
  letterService: { count: number; medianMinutes: number };
  rejectedService: { count: number; medianMinutes: number };
  breaches: Breach[];
  returned: number;
  reminders: { reminders: number; escalations: number };
  /** Requests judged by today's governance because their base's could not be read. */
  judgedByToday: number;
}

/** Median of a list (mean of the middle two for even lengths), 0 for an empty list. */
export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** Every step of a governance in chain order: the decision phase, its destructive step, then the letter phase. */
function stepsInOrder(g: Governance): Step[] {
  const d = g.disposition;
  return [...d.steps.filter((s) => phaseOf(s) === "before-merge"), ...(d.destructiveStep ? [d.destructiveStep] : []), ...d.steps.filter((s) => phaseOf(s) === "after-deployment")];
}

/** "sehat (Dinas Kesehatan)" from requests/dinkes/sehat.yaml; a reply letter names the request it answers. */
function subjectOf(t: Timeline, g: Governance): string {
  if (t.phase === "after-deployment") return t.source ? `Surat balasan permohonan #${t.source}` : "Surat balasan";
  const names = (t.files ?? []).flatMap((f) => {
    const m = /^requests\/([^/]+)\/([^/]+)\.yaml$/.exec(f);
    return m ? [`${m[2]} (${g.opds.find((o) => o.code === m[1])?.name ?? m[1]})`] : [];
  });
  return names.length ? names.join(", ") : t.title;
}

const sameJudge = (): GovernanceAt | undefined => undefined;

export function serviceReport(
  timelines: readonly Timeline[],
  governance: Governance,
  period: ReportPeriod,
  teams: Record<string, string[]> = {},
  governanceAt: (t: Timeline) => GovernanceAt | undefined = sameJudge,
): ServiceReport {
  const tz = governance.workingHours.timeZone;
  const from = zonedInstant(period.since, 0, tz).getTime();
  const to = zonedInstant(addDays(period.until, 1), 0, tz);
  const inPeriod = (iso: string) => Date.parse(iso) >= from && Date.parse(iso) < to.getTime();
  const calendars = new WeakMap<Governance, WorkCalendar>();
  const calendar = (g: Governance) => calendars.get(g) ?? (calendars.set(g, calendarOf(g.workingHours)), calendars.get(g)!);

  // What each step is, learnt from today's chain first, then from the chains that judged requests;
  // a step only an older chain has is placed after the step it followed there.
  const info = new Map<string, { role: string; task: string; phase: StepPhase; standard: string; current: boolean }>();
  const order: string[] = [];
  const learn = (g: Governance, current: boolean) => {
    let after = -1;
    for (const s of stepsInOrder(g)) {
      if (!info.has(s.id)) {
        info.set(s.id, { role: s.role, task: taskOf(s), phase: s === g.disposition.destructiveStep ? "before-merge" : phaseOf(s), standard: s.standardTime, current });
        order.splice(after + 1, 0, s.id);
      }
      after = order.indexOf(s.id);
    }
  };
  learn(governance, true);

  const completed: PullSummary[] = [];
  const letters: PullSummary[] = [];
  const rejected: PullSummary[] = [];
  const inProgress: PullSummary[] = [];
  const reminders = new Map<string, { reminders: number; escalations: number }>();
  let judgedByToday = 0;
  for (const t of [...timelines].sort((a, b) => a.pull - b.pull)) {
    const judged = governanceAt(t);
    const g = judged?.governance ?? governance;
    if (judged && !judged.atBase) judgedByToday++;
    learn(g, false);
    const phase = t.phase ?? "before-merge";
    const rules = { ...g, disposition: rulesForPhase(g.disposition, phase) };
    const chain = stepsInOrder(g);
    const withTask = (steps: StepTime[]) => steps.map((s) => ({ ...s, task: taskOf(chain.find((c) => c.id === s.step) ?? { kind: "disposition" }) }));
    for (const e of t.events)
      if (e.type === "reminder" && inPeriod(e.at)) {
        const r = reminders.get(e.step) ?? { reminders: 0, escalations: 0 };
        if (e.kind === "reminder") r.reminders++;
        else r.escalations++;
        reminders.set(e.step, r);
      }
    const a = analyseTimeline(t, rules, { teams, calendar: calendar(g), now: to });
    if (!a.service.start) continue;
    const summary: PullSummary = {
      pull: t.pull,
      title: t.title,
      ...(t.url ? { url: t.url } : {}),
      files: t.files ?? [],
      subject: subjectOf(t, g),
      phase,
      ...(t.source ? { source: t.source } : {}),
      rejected: t.rejected === true,
      atBase: judged?.atBase ?? false,
      steps: withTask(a.steps),
      service: a.service,
    };
    const start = Date.parse(a.service.start);
    const end = a.service.end ? Date.parse(a.service.end) : undefined;
    if (end !== undefined && end >= from && end < to.getTime()) {
      // A pull request closed without a rejection was withdrawn: no service to measure.
      if (a.service.endedBy !== "closed") (phase === "after-deployment" ? letters : completed).push(summary);
      else if (t.rejected) rejected.push(summary);
    } else if (start < to.getTime() && (end === undefined || end >= to.getTime())) {
      // Re-analysed up to the period's end: events after it belong to the next report.
      const cut = { ...t, events: t.events.filter((e) => Date.parse(e.at) < to.getTime()) };
      const b = analyseTimeline(cut, rules, { teams, calendar: calendar(g), now: to });
      inProgress.push({ ...summary, steps: withTask(b.steps), service: b.service });
    }
  }

  const counted = [...completed, ...letters, ...rejected];
  const currentCalendar = calendar(governance);
  const steps: StepSummary[] = order.map((id) => {
    const s = info.get(id)!;
    const done = counted.flatMap((p) => p.steps.filter((x) => x.step === id && x.status === "done"));
    const minutes = done.map((x) => x.workingMinutes);
    const within = done.filter((x) => x.withinStandard).length;
    const duration = parseWorkDuration(s.standard);
    const standards = [...new Set(done.length ? done.map((x) => x.standard) : [s.standard])];
    const r = reminders.get(id) ?? { reminders: 0, escalations: 0 };
    return {
      step: id,
      role: s.role,
      task: s.task,
      phase: s.phase,
      standards,
      standardMinutes: done[0]?.standardMinutes ?? (duration ? nominalMinutes(currentCalendar, duration) : 0),
      standardMinutesAll: done.length ? [...new Set(done.map((x) => x.standardMinutes))].sort((a, b) => a - b) : [duration ? nominalMinutes(currentCalendar, duration) : 0],
      count: done.length,
      medianMinutes: median(minutes),
      maxMinutes: minutes.length ? Math.max(...minutes) : 0,
      withinStandard: within,
      ...(done.length ? { share: within / done.length } : {}),
      ...r,
    };
  });
  // Today's chain always shows (its destructive step only when used); a step of an older chain
  // only when a request went through it or it was reminded.
  const destructive = governance.disposition.destructiveStep?.id;
  const shown = steps
    .filter((s) => (info.get(s.step)!.current && s.step !== destructive) || s.count > 0 || s.reminders + s.escalations > 0)
    .sort((a, b) => (a.phase === b.phase ? 0 : a.phase === "before-merge" ? -1 : 1));

  const breaches: Breach[] = [...counted, ...inProgress].flatMap((p) =>
    p.steps
      .filter((s) => s.withinStandard === false)
      .map((s) => ({
        pull: p.pull,
        subject: p.subject,
        ...(p.url ? { url: p.url } : {}),
        step: s.step,
        role: s.role,
        task: s.task,
        workingMinutes: s.workingMinutes,
        standardMinutes: s.standardMinutes,
        start: s.start!,
        ...(s.end ? { end: s.end } : {}),
      })),
  );
  const deadline = governance.disposition.deadline;
  const withinDeadline = completed.filter((p) => p.service.withinDeadline).length;
  const total = [...reminders.values()].reduce((n, r) => ({ reminders: n.reminders + r.reminders, escalations: n.escalations + r.escalations }), { reminders: 0, escalations: 0 });
  return {
    period,
    completed,
    letters,
    rejected,
    inProgress,
    steps: shown,
    service: {
      count: completed.length,
      medianMinutes: median(completed.map((p) => p.service.workingMinutes)),
      ...(deadline ? { deadline, withinDeadline, ...(completed.length ? { share: withinDeadline / completed.length } : {}) } : {}),
    },
    letterService: { count: letters.length, medianMinutes: median(letters.map((p) => p.service.workingMinutes)) },
    rejectedService: { count: rejected.length, medianMinutes: median(rejected.map((p) => p.service.workingMinutes)) },
    breaches,
    // A rejection is a decision, not a return for fixing.
    returned: [...completed, ...letters].reduce((n, p) => n + p.steps.reduce((m, s) => m + s.returned, 0), 0),
    reminders: total,
    judgedByToday,
  };
}
