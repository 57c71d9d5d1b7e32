// The two phases of one disposition chain. Steps before the merge decide whether the subdomain is
// made; steps after a successful deployment carry the SOP's tail (report, draft reply, paraf,
// signature, sending) and are approved on the reply-letter pull request the bot opens. Both
// phases are judged by the same evaluation (evaluate.ts): ordered, timed and team-checked.
import type { Acting, Governance, Step, StepPhase } from "../model/governance.ts";

export const phaseOf = (step: Step): StepPhase => step.phase ?? "before-merge";

/** The rules of one phase: its steps only; the destructive step belongs to the decision before the merge. */
export function rulesForPhase(rules: Governance["disposition"], phase: StepPhase): Governance["disposition"] {
  const steps = rules.steps.filter((s) => phaseOf(s) === phase);
  const { destructiveStep, ...rest } = rules;
  return { ...rest, steps, ...(phase === "before-merge" && destructiveStep ? { destructiveStep } : {}) };
}

/** What a step does, in Indonesian: governance's own words, else a default for its kind. */
export function taskOf(step: Pick<Step, "task" | "kind">): string {
  if (step.task) return step.task;
  switch (step.kind) {
    case "intake":
      return "registrasi permohonan";
    case "disposition":
      return "disposisi";
    case "verification":
      return "verifikasi data";
    case "technical":
      return "pembuatan subdomain/hosting";
    case "decision":
      return "keputusan persetujuan atau penolakan";
    case "signature":
      return "tanda tangan";
  }
}

/** The local calendar day of an instant in the government's time zone (YYYY-MM-DD). */
// One formatter per time zone: building an Intl formatter per call made judging 100 pull requests
// of 200 reviews take seconds instead of a quarter of one.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
export function localDay(iso: string, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return f.format(new Date(iso));
}

/** The acting appointment of `user` for `step` on the day of `at`, if any. */
export function actingOn(step: Pick<Step, "acting">, user: string, at: string, timeZone: string): Acting | undefined {
  const day = localDay(at, timeZone);
  return step.acting?.find((a) => a.user.toLowerCase() === user.toLowerCase() && a.from <= day && day <= a.until);
}
