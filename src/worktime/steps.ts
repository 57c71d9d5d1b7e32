// Time spent at each disposition step of one pull request, in working time, against the step's
// standard time (mutu baku waktu), and the whole service against the overall deadline.
//
// How the clock runs:
// - the chain starts when the pull request is opened (or marked ready for review);
// - ordered chains: step k starts when step k-1 is approved; unordered: all start together;
// - a review "changes requested" returns the request to the applicant: the clock stops until the
//   applicant's next push (that time is the applicant's, shown as pausedMinutes);
// - with `staleOnPush`, a push after approvals voids them (GitHub dismisses stale approvals), so
//   a new round starts at the push; the steps report the round that counted, `rounds` says how many;
// - the service ends at the first successful deployment after merge (else at merge or close).
import type { Governance, Step } from "../model/governance.ts";
import { addWorkingTime, standardMinutes, workingMinutes } from "./arithmetic.ts";
import { calendarOf, type WorkCalendar } from "./calendar.ts";
import { parseWorkDuration } from "./duration.ts";
import type { Timeline, TimelineEvent } from "./timeline.ts";

export type StepStatus = "done" | "running" | "waiting";

export interface StepTime {
  step: string;
  role: string;
  status: StepStatus;
  /** ISO instants as they happened (the clock itself starts at the next opening). */
  start?: string;
  end?: string;
  /** Working minutes the step held the request, pauses excluded; for a running step, until `now`. */
  workingMinutes: number;
  /** Working minutes the request spent back with the applicant during this step. */
  pausedMinutes: number;
  /** Times this step returned the request to the applicant. */
  returned: number;
  /** As governance writes it: 30m, 1h, 1d. */
  standard: string;
  standardMinutes: number;
  /** Undefined while the step is waiting for earlier steps. */
  withinStandard?: boolean;
}

export interface ServiceTime {
  start?: string;
  end?: string;
  endedBy?: "deployed" | "merged" | "closed";
  workingMinutes: number;
  pausedMinutes: number;
  /** Governance's `disposition.deadline` (e.g. 7d), when set. */
  deadline?: string;
  deadlineMinutes?: number;
  /** The instant the deadline falls, when the service has started. */
  deadlineAt?: string;
  withinDeadline?: boolean;
  rounds: number;
}

export interface TimelineAnalysis {
  steps: StepTime[];
  service: ServiceTime;
}

export interface StepTimeOptions {
  /** Measures running steps up to this instant; default: the last event (pure, no clock read). */
  now?: Date;
  /** Team slug -> member logins, to attribute reviews that carry no `step`. */
  teams?: Record<string, string[]>;
  /** A calendar built once with calendarOf(governance.workingHours), to save rebuilding it per timeline. */
  calendar?: WorkCalendar;
}

interface StepState {
  start?: Date;
  end?: Date;
  paused: number;
  returned: number;
}

/** The chain a pull request goes through: governance's steps, plus the destructive step when needed. */
export function chainOf(governance: Governance, destructive = false): Step[] {
  const steps = [...governance.disposition.steps];
  if (destructive && governance.disposition.destructiveStep) steps.push(governance.disposition.destructiveStep);
  return steps;
}

function eligible(step: Step, login: string, teams: Record<string, string[]>): boolean {
  const l = login.toLowerCase();
  if (step.users?.some((u) => u.toLowerCase() === l)) return true;
  return step.team !== undefined && (teams[step.team] ?? []).some((u) => u.toLowerCase() === l);
}

function sortedEvents(events: TimelineEvent[]): TimelineEvent[] {
  return events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

/** Step times and the service time of one pull request. Pure. */
export function analyseTimeline(timeline: Timeline, governance: Governance, options: StepTimeOptions = {}): TimelineAnalysis {
  const calendar = options.calendar ?? calendarOf(governance.workingHours);
  const teams = options.teams ?? {};
  const chain = chainOf(governance, timeline.destructive);
  const ordered = governance.disposition.ordered;
  const events = sortedEvents(timeline.events);
  const lastAt = events.length ? new Date(events[events.length - 1]!.at) : undefined;
  const now = options.now ?? lastAt ?? new Date(0);

  let started: Date | undefined;
  let states: StepState[] = chain.map(() => ({ paused: 0, returned: 0 }));
  let current = 0;
  let pauseFrom: Date | undefined;
  let servicePaused = 0;
  let rounds = 0;
  let merged: Date | undefined;
  let end: { at: Date; by: ServiceTime["endedBy"] } | undefined;

  const beginRound = (at: Date): void => {
    rounds++;
    states = chain.map(() => ({ paused: 0, returned: 0 }));
    current = 0;
    if (ordered) states[0]!.start = at;
    else for (const s of states) s.start = at;
  };
  const running = (): StepState[] => states.filter((s) => s.start && !s.end);

  for (const ev of events) {
    const at = new Date(ev.at);
    if (end) break;
    switch (ev.type) {
      case "opened":
      case "ready_for_review":
        if (!started) {
          started = at;
          beginRound(at);
        }
        break;
      case "review": {
        if (!started) break;
        const byStep = ev.step !== undefined ? chain.findIndex((s) => s.id === ev.step) : -1;
        const canAct = (i: number): boolean => (byStep >= 0 ? byStep === i : eligible(chain[i]!, ev.actor, teams));
        if (ev.state === "approved") {
          if (ordered) {
            if (current < chain.length && canAct(current) && !pauseFrom) {
              states[current]!.end = at;
              current++;
              if (current < chain.length) states[current]!.start = at;
            }
          } else {
            const i = states.findIndex((s, k) => !s.end && canAct(k));
            if (i >= 0 && !pauseFrom) states[i]!.end = at;
          }
        } else if (ev.state === "changes_requested") {
          const acting = ordered
            ? current < chain.length && canAct(current)
              ? [states[current]!]
              : []
            : states.filter((st, k) => st.start && !st.end && canAct(k));
          if (acting.length && !pauseFrom) {
            pauseFrom = at;
            for (const s of acting) s.returned++;
          }
        }
        break;
      }
      case "push": {
        if (!started) break;
        if (pauseFrom) {
          const paused = workingMinutes(calendar, pauseFrom, at);
          for (const s of running()) s.paused += paused;
          servicePaused += paused;
          pauseFrom = undefined;
        }
        if (governance.disposition.staleOnPush && states.some((s) => s.end)) {
          const carried = states.reduce((n, s) => n + s.returned, 0);
          beginRound(at);
          // A return in an earlier round is still a return: keep the count on the first step.
          states[0]!.returned += carried;
        }
        break;
      }
      case "merged":
        merged = at;
        break;
      case "deployed":
        if (merged && ev.state === "success") end = { at, by: "deployed" };
        break;
      case "closed":
        if (!merged) end = { at, by: "closed" };
        break;
    }
  }
  if (!end && merged) end = { at: merged, by: "merged" };
  const until = end?.at ?? now;
  const openPause = pauseFrom ? workingMinutes(calendar, pauseFrom, until) : 0;

  const steps: StepTime[] = chain.map((step, i) => {
    const s = states[i]!;
    const duration = parseWorkDuration(step.standardTime);
    const standard = (s.start && duration && standardMinutes(calendar, s.start, duration)) || (duration ? nominalMinutes(calendar, duration) : 0);
    const status: StepStatus = s.end ? "done" : s.start ? "running" : "waiting";
    const stop = s.end ?? (s.start ? until : undefined);
    const paused = s.paused + (status === "running" ? openPause : 0);
    const minutes = s.start && stop ? Math.max(0, workingMinutes(calendar, s.start, stop) - paused) : 0;
    return {
      step: step.id,
      role: step.role,
      status,
      ...(s.start ? { start: s.start.toISOString() } : {}),
      ...(s.end ? { end: s.end.toISOString() } : {}),
      workingMinutes: minutes,
      pausedMinutes: paused,
      returned: s.returned,
      standard: step.standardTime,
      standardMinutes: standard,
      ...(status === "waiting" ? {} : { withinStandard: minutes <= standard }),
    };
  });

  const service: ServiceTime = { workingMinutes: 0, pausedMinutes: servicePaused + openPause, rounds };
  if (started) {
    service.start = started.toISOString();
    if (end) {
      service.end = end.at.toISOString();
      service.endedBy = end.by;
    }
    service.workingMinutes = Math.max(0, workingMinutes(calendar, started, until) - service.pausedMinutes);
  }
  const deadline = governance.disposition.deadline;
  const deadlineDuration = deadline ? parseWorkDuration(deadline) : undefined;
  if (deadline && deadlineDuration) {
    service.deadline = deadline;
    if (started) {
      service.deadlineMinutes = standardMinutes(calendar, started, deadlineDuration);
      const due = addWorkingTime(calendar, started, deadlineDuration);
      if (due) service.deadlineAt = due.toISOString();
      if (service.deadlineMinutes !== undefined) service.withinDeadline = service.workingMinutes <= service.deadlineMinutes;
    } else {
      service.deadlineMinutes = nominalMinutes(calendar, deadlineDuration);
    }
  }
  return { steps, service };
}

/** The time spent at each disposition step (see analyseTimeline). */
export function stepTimes(timeline: Timeline, governance: Governance, options: StepTimeOptions = {}): StepTime[] {
  return analyseTimeline(timeline, governance, options).steps;
}

/** A standard without a start date: days count as the longest working day of the week. */
export function nominalMinutes(calendar: WorkCalendar, duration: { amount: number; unit: "m" | "h" | "d" }): number {
  if (duration.unit === "m") return duration.amount;
  if (duration.unit === "h") return duration.amount * 60;
  const longest = Math.max(0, ...calendar.hours.map((h) => (h ? h[1] - h[0] : 0)));
  return duration.amount * longest;
}
