// Reminders and escalation of a waiting disposition step (SOP: "mutu baku waktu"). Pure: given
// the evaluation of one phase, governance, the instant and what was already sent, it says what is
// due now; the GitHub adapter (src/github/reminders.ts) keeps the result in ONE bot comment.
//
// Rules:
// - a step waits when the evaluation says so (the previous step approved, or the chain started);
//   only while the request is with the officials (state "pending": not returned to the applicant,
//   not failed, not complete);
// - reminder: once the step has waited longer than its standard time, in working time
//   (governance's hours, holidays and closed days), the step's own team and users are mentioned;
// - escalation: once it has waited `disposition.reminders.escalateAfter` (working time, default 1d)
//   beyond its standard, the step above is told: the nearest earlier step of the chain with other
//   people (the official who disposed the request down), or the admins for the first step;
// - each (step, waiting since, kind) is sent once: a rerun adds nothing; a new round (a push
//   voiding approvals restarts the step) may be reminded again;
// - nothing is sent while the office is closed (evenings, weekends, holidays), so a reminder
//   never arrives on a Sunday for time that was never working time.
import { z } from "zod";
import { markdownText } from "../diagnostics/inert.ts";
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Governance, Step, StepPhase } from "../model/governance.ts";
import { addWorkingTime, calendarOf, hoursOn, localTime, parseWorkDuration, type WorkCalendar } from "../worktime/index.ts";
import { actingOn, localDay, phaseOf, taskOf } from "./phases.ts";
import { fmtStandard, fmtTime } from "./summary.ts";
import type { DispositionResult } from "./types.ts";

export const REMINDER_MARKER = "<!-- pengingat-disposisi -->";
const DATA = /<!-- data-pengingat: (\{.*?\}) -->/s;
export const DEFAULT_ESCALATE_AFTER = "1d";

export const ReminderEntry = z.strictObject({
  kind: z.enum(["reminder", "escalation"]),
  /** The step's id (data only; the comment shows its role and task). */
  step: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  phase: z.enum(["before-merge", "after-deployment"]),
  /** When the step started waiting: identifies the round. */
  since: z.iso.datetime({ offset: true }),
  /** When the bot sent it. */
  at: z.iso.datetime({ offset: true }),
  /** Who was mentioned: org/team slugs and logins. */
  to: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.\/[\]-]*$/)),
  /** An escalation's step above (its id), absent when the admins were told. */
  above: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
});
export type ReminderEntry = z.infer<typeof ReminderEntry>;
const ReminderLog = z.strictObject({ v: z.literal(1), entries: z.array(ReminderEntry).max(1000) });
export type ReminderLog = z.infer<typeof ReminderLog>;
export const EMPTY_LOG: ReminderLog = { v: 1, entries: [] };

/** The log kept in a reminder comment's hidden data; an unreadable one counts as empty. */
export function parseReminderLog(body: string | undefined): ReminderLog {
  const m = body ? DATA.exec(body) : null;
  if (!m) return EMPTY_LOG;
  try {
    const r = ReminderLog.safeParse(JSON.parse(m[1]!));
    return r.success ? r.data : EMPTY_LOG;
  } catch {
    return EMPTY_LOG;
  }
}

/** The whole chain in order: every step of both phases, the destructive step (when it applies) after the decision phase. */
function fullChain(g: Governance, destructive = false): Step[] {
  const steps = g.disposition.steps;
  const extra = g.disposition.destructiveStep;
  if (!extra || !destructive) return [...steps];
  let cut = 0;
  steps.forEach((s, i) => {
    if (phaseOf(s) === "before-merge") cut = i + 1;
  });
  return [...steps.slice(0, cut), extra, ...steps.slice(cut)];
}

const people = (s: Pick<Step, "team" | "users">) => [...(s.team ? [s.team] : []), ...(s.users ?? [])].map((x) => x.toLowerCase()).sort().join(",");

/** Who is mentioned for a step: its team, its users, and acting officials appointed on that day. */
function addressees(step: Step, now: Date, timeZone: string): string[] {
  const day = localDay(now.toISOString(), timeZone);
  const acting = (step.acting ?? []).filter((a) => a.from <= day && day <= a.until).map((a) => a.user);
  return [...new Set([...(step.team ? [step.team] : []), ...(step.users ?? []), ...acting])];
}

/** The step above: the nearest earlier step of the chain with other people; undefined for the first. */
export function stepAbove(g: Governance, id: string, destructive = false): Step | undefined {
  const chain = fullChain(g, destructive);
  const i = chain.findIndex((s) => s.id === id);
  for (let k = i - 1; k >= 0; k--) if (people(chain[k]!) !== people(chain[i]!)) return chain[k];
  return undefined;
}

/** The office is open at this instant (a working day, within its hours). */
export function officeOpen(calendar: WorkCalendar, now: Date): boolean {
  const l = localTime(now, calendar.timeZone);
  const span = hoursOn(calendar, l.date);
  return span !== undefined && l.minutes >= span[0] && l.minutes < span[1];
}

export interface ReminderInput {
  governance: Governance;
  phase: StepPhase;
  /** The evaluation of that phase (evaluatePhase). */
  result: DispositionResult;
  now: Date;
  log: ReminderLog;
  calendar?: WorkCalendar;
}

/** The reminders and escalations due now that the log does not hold yet. */
export function dueReminders(input: ReminderInput): ReminderEntry[] {
  const { governance: g, result, now, log } = input;
  if (result.state !== "pending") return [];
  const calendar = input.calendar ?? calendarOf(g.workingHours);
  if (!officeOpen(calendar, now)) return [];
  // The destructive step is in the chain only when the evaluation put it there.
  const destructive = result.steps.some((s) => s.id === g.disposition.destructiveStep?.id);
  const chain = fullChain(g, destructive);
  const escalateAfter = parseWorkDuration(g.disposition.reminders?.escalateAfter ?? DEFAULT_ESCALATE_AFTER)!;
  const sent = (kind: ReminderEntry["kind"], step: string, since: string) => log.entries.some((e) => e.kind === kind && e.step === step && Date.parse(e.since) === Date.parse(since));
  const out: ReminderEntry[] = [];
  for (const s of result.steps) {
    if (s.status !== "waiting" || !s.startedAt) continue;
    const step = chain.find((c) => c.id === s.id);
    const standard = parseWorkDuration(s.standardTime);
    if (!step || !standard) continue;
    const due = addWorkingTime(calendar, new Date(s.startedAt), standard);
    if (!due || now.getTime() <= due.getTime()) continue;
    const base = { step: s.id, phase: input.phase, since: new Date(s.startedAt).toISOString(), at: now.toISOString() };
    if (!sent("reminder", s.id, s.startedAt)) out.push({ kind: "reminder", ...base, to: addressees(step, now, g.workingHours.timeZone) });
    const escalate = addWorkingTime(calendar, due, escalateAfter);
    if (!escalate || now.getTime() <= escalate.getTime() || sent("escalation", s.id, s.startedAt)) continue;
    const above = stepAbove(g, s.id, destructive);
    const to = above ? addressees(above, now, g.workingHours.timeZone) : [...(g.admins.team ? [g.admins.team] : []), ...(g.admins.users ?? [])];
    out.push({ kind: "escalation", ...base, to, ...(above ? { above: above.id } : {}) });
  }
  return out;
}

const W = {
  id: {
    title: "⏰ Pengingat disposisi",
    intro: "Bot mengingatkan langkah yang menunggu lebih lama dari mutu baku waktunya (dihitung dalam jam kerja). Satu komentar ini diperbarui; riwayatnya tercatat untuk laporan waktu layanan.",
    reminder: (when: string, step: string, since: string, standard: string, to: string) =>
      `- **Pengingat**, ${when}: langkah **${step}** menunggu sejak ${since} dan sudah melewati mutu bakunya (${standard}). ${to} mohon ditindaklanjuti: **Review changes → Approve**, atau **Request changes** dengan alasannya.`,
    escalation: (when: string, step: string, after: string, above: string, to: string) =>
      `- **Eskalasi**, ${when}: langkah **${step}** sudah ${after} melewati mutu bakunya. Diteruskan kepada ${above}: ${to} mohon dibantu agar langkah ini diselesaikan.`,
    above: (s: string) => `langkah di atasnya, **${s}**`,
    admins: "admin layanan",
    nobody: "(tidak ada yang dapat disebut: isi team atau users langkah ini di governance.yaml)",
    step: "langkah",
    locale: "id-ID",
    units: { m: "menit", h: "jam", d: "hari kerja" },
  },
  en: {
    title: "⏰ Disposition reminders",
    intro: "The bot reminds a waiting step once it passes its standard time (counted in working hours). This one comment is updated; its history is kept for the service-time report.",
    reminder: (when: string, step: string, since: string, standard: string, to: string) =>
      `- **Reminder**, ${when}: step **${step}** has waited since ${since} and is past its standard time (${standard}). ${to} please act: **Review changes → Approve**, or **Request changes** with the reason.`,
    escalation: (when: string, step: string, after: string, above: string, to: string) =>
      `- **Escalation**, ${when}: step **${step}** is ${after} past its standard time. Passed on to ${above}: ${to} please help get this step done.`,
    above: (s: string) => `the step above, **${s}**`,
    admins: "the service admins",
    nobody: "(nobody to mention: set the step's team or users in governance.yaml)",
    step: "step",
    locale: "en-GB",
    units: { m: "min", h: "h", d: "working days" },
  },
} as const;

/** The comment: the marker, the log as hidden data, and every reminder sent, oldest first. */
export function renderReminderComment(log: ReminderLog, g: Governance, lang: Lang = "id"): string {
  const w = W[lang];
  const tz = g.workingHours.timeZone;
  const chain = fullChain(g, true);
  const name = (id: string | undefined) => {
    const s = chain.find((c) => c.id === id);
    return s ? markdownText(`${s.role} - ${taskOf(s)}`) : w.step;
  };
  const mention = (to: readonly string[]) => (to.length ? to.map((x) => `@${x}`).join(" ") : w.nobody);
  const after = markdownText(fmtStandard(g.disposition.reminders?.escalateAfter ?? DEFAULT_ESCALATE_AFTER, w.units));
  const lines = log.entries.map((e) => {
    const when = fmtTime(e.at, lang, tz);
    if (e.kind === "reminder") {
      const step = chain.find((c) => c.id === e.step);
      return w.reminder(when, name(e.step), fmtTime(e.since, lang, tz), step ? markdownText(fmtStandard(step.standardTime, w.units)) : "-", mention(e.to));
    }
    return w.escalation(when, name(e.step), after, e.above ? w.above(name(e.above)) : w.admins, mention(e.to));
  });
  // `<` and `>` never appear raw in the data, so it cannot close the HTML comment early.
  const data = JSON.stringify(log).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
  return [REMINDER_MARKER, `<!-- data-pengingat: ${data} -->`, `### ${w.title}`, "", w.intro, "", ...lines, ""].join("\n");
}
