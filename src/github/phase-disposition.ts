// The disposition check of one phase of the chain (see disposition/phases.ts): the before-merge
// steps on a request's pull request, the after-deployment steps on its reply-letter pull request.
// Adds to the evaluation what governance says about each step: its task in words. Acting officials
// (Plt./Plh./a.n.) count only inside their appointment's dates: see disposition/evaluate.ts.
import { describe, evaluateDisposition } from "../disposition/evaluate.ts";
import { rulesForPhase, taskOf } from "../disposition/phases.ts";
import type { DispositionResult } from "../disposition/types.ts";
import type { Governance, StepPhase } from "../model/governance.ts";
import { readDispositionInput } from "./disposition.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import type { PullRequestView } from "./pull-request.ts";

export async function evaluatePhase(gh: GitHub, ref: RepoRef, pr: PullRequestView, governance: Governance, destructive: boolean, phase: StepPhase): Promise<DispositionResult> {
  const rules = rulesForPhase(governance.disposition, phase);
  const input = await readDispositionInput(gh, ref, pr, { ...governance, disposition: rules }, destructive);
  const chain = [...rules.steps, ...(destructive && rules.destructiveStep ? [rules.destructiveStep] : [])];
  // Acting officials (Plt./Plh./a.n.) are judged inside the evaluation, per step and date.
  const result = evaluateDisposition(input);
  const steps = result.steps.map((o, i) => ({ ...o, task: taskOf(chain[i]!) }));
  // The status line names the task too ("Menunggu: Kepala Dinas - tanda tangan (3/4)").
  const description = describe(steps.map((s) => ({ ...s, role: `${s.role} - ${s.task}` })), result.returned);
  return { ...result, steps, description };
}
