// The disposition check of one phase of the chain (see disposition/phases.ts): the before-merge
// steps on a request's pull request, the after-deployment steps on its reply-letter pull request.
// Adds to the evaluation what governance says about each step: its task in words, and acting
// officials (Plt./Plh.), whose approvals count only inside their appointment's dates.
import { describe, evaluateDisposition } from "../disposition/evaluate.ts";
import { actingOn, rulesForPhase, taskOf } from "../disposition/phases.ts";
import type { DispositionResult } from "../disposition/types.ts";
import type { Governance, StepPhase } from "../model/governance.ts";
import { readDispositionInput } from "./disposition.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import type { PullRequestView } from "./pull-request.ts";

export async function evaluatePhase(gh: GitHub, ref: RepoRef, pr: PullRequestView, governance: Governance, destructive: boolean, phase: StepPhase): Promise<DispositionResult> {
  const rules = rulesForPhase(governance.disposition, phase);
  const input = await readDispositionInput(gh, ref, pr, { ...governance, disposition: rules }, destructive);
  const timeZone = governance.workingHours.timeZone;
  const chain = [...rules.steps, ...(destructive && rules.destructiveStep ? [rules.destructiveStep] : [])];
  const lower = (s: string) => s.toLowerCase();
  // Someone who may approve only as an acting official: outside the appointment's dates the
  // approval is read as a comment (it neither counts nor withdraws anything).
  const regular = (user: string) =>
    chain.some((s) => (s.users ?? []).some((u) => lower(u) === lower(user)) && !(s.acting ?? []).some((a) => lower(a.user) === lower(user))) ||
    chain.some((s) => s.team !== undefined && (input.members[s.team] ?? []).some((m) => lower(m) === lower(user)));
  const reviews = input.reviews.map((r) => {
    const actingOnly = chain.some((s) => (s.acting ?? []).some((a) => lower(a.user) === lower(r.user))) && !regular(r.user);
    if (!actingOnly || r.state !== "APPROVED") return r;
    return chain.some((s) => actingOn(s, r.user, r.submittedAt, timeZone)) ? r : { ...r, state: "COMMENTED" as const };
  });
  const result = evaluateDisposition({ ...input, reviews });
  const steps = result.steps.map((o, i) => {
    const step = chain[i]!;
    const acting = o.approver && o.approvedAt ? actingOn(step, o.approver, o.approvedAt, timeZone) : undefined;
    return { ...o, task: taskOf(step), ...(acting ? { acting: acting.title } : {}) };
  });
  // The status line names the task too ("Menunggu: Kepala Dinas - tanda tangan (3/4)").
  const description = describe(steps.map((s) => ({ ...s, role: `${s.role} - ${s.task}` })), result.returned);
  return { ...result, steps, description };
}
