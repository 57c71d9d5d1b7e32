// The disposition check: which steps of the chain are approved, by whom and when, and where the
// request waits. Pure: the same reviews, commits and memberships give the same result.
//
// Rules (governance.disposition):
// - steps in order; with a destructive plan, destructiveStep is added at the end;
// - an approval counts for a step only from a member of the step's team or users, never from
//   the applicant, the pull request's author or anyone whose commits are on it, and each approval
//   counts for one step only, and each person completes one step of the chain only (two steps of
//   one team need two people); the destructive step is the exception: it is a separate, later
//   decision that governance often gives to an official already in the chain (Kepala Dinas);
// - staleOnPush: only approvals on the current head commit count (a new push makes them stale),
//   or on an earlier commit with exactly the head's changes (bringing the branch up to date with
//   the base changes nothing that was approved);
//   otherwise approvals on any commit of the pull request count;
// - ordered: an approval counts only when made after the previous step was approved;
// - a "request changes" review on the head commit by a member of the chain returns the request to
//   the applicant until they push a fix (or the reviewer approves);
// - an acting official (governance `acting`: Plt./Plh./a.n. with from/until) counts for that step
//   only with a review made on a day inside the appointment (in governance's time zone); outside
//   it they are nobody in the chain.
import type { Message } from "../diagnostics/diagnostic.ts";
import { localDay } from "./phases.ts";
import type { DispositionInput, DispositionResult, IgnoredApproval, Returned, Review, Step, StepOutcome } from "./types.ts";

const MAX_DESCRIPTION = 140;

const lower = (s: string) => s.toLowerCase();
const time = (iso: string) => Date.parse(iso);

function byTime(a: Review, b: Review): number {
  return time(a.submittedAt) - time(b.submittedAt) || a.id - b.id;
}

export function chainOf(input: Pick<DispositionInput, "rules" | "destructive">): Step[] {
  const extra = input.destructive && input.rules.destructiveStep ? [input.rules.destructiveStep] : [];
  return [...input.rules.steps, ...extra];
}

export function evaluateDisposition(input: DispositionInput): DispositionResult {
  const { rules, clock } = input;
  const chain = chainOf(input);
  const excluded = new Set([input.applicant, input.author, ...(input.contributors ?? [])].map(lower));
  const members = new Map(Object.entries(input.members).map(([team, users]) => [lower(team), new Set(users.map(lower))]));
  const timeZone = input.timeZone ?? "UTC";
  const regular = (step: Step, user: string) =>
    (step.users ?? []).some((u) => lower(u) === lower(user)) || (step.team !== undefined && (members.get(lower(step.team))?.has(lower(user)) ?? false));
  const actingAt = (step: Step, user: string, at: string) => {
    if (!step.acting?.length) return undefined; // most steps: no day to work out
    const day = localDay(at, timeZone);
    return step.acting?.find((a) => lower(a.user) === lower(user) && a.from <= day && day <= a.until);
  };
  // Without a time (an approval's time is always known): any appointment makes the user one of the step's people.
  const eligible = (step: Step, user: string, at?: string) =>
    !excluded.has(lower(user)) && (regular(step, user) || (at === undefined ? (step.acting ?? []).some((a) => lower(a.user) === lower(user)) : actingAt(step, user, at) !== undefined));
  const prCommits = new Set(input.commits.map((c) => c.sha));
  const same = new Set(input.sameChangesAs ?? []);
  const validCommit = (r: Review) => r.commitId === input.headSha || same.has(r.commitId) || (!rules.staleOnPush && prCommits.has(r.commitId));

  const reviews = [...input.reviews].sort(byTime);
  // A reviewer's latest verdict supersedes their earlier ones.
  const latestVerdict = new Map<string, Review>();
  for (const r of reviews) if (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED" || r.state === "DISMISSED") latestVerdict.set(lower(r.user), r);

  // The clock starts when the request is opened, and again at the head push when that push made
  // earlier approvals stale: from then on the chain is walked anew.
  // A head that only merged the base in restarts nothing: the clock restarts at the earliest commit with the head's changes.
  const head = input.commits.filter((c) => c.sha === input.headSha || same.has(c.sha)).sort((a, b) => time(a.at) - time(b.at))[0];
  const opened = input.openedAt;
  const start = rules.staleOnPush && head && time(head.at) > time(opened) ? head.at : opened;

  // An approval is withdrawn by the same reviewer's later "request changes". GitHub shows a
  // dismissed review as DISMISSED whatever it was: dismissing the request for changes ends the
  // return, but does not bring back the approval it withdrew (the reviewer approves again).
  const lastChangesRequest = new Map<string, Review>();
  for (const r of reviews) if (r.state === "CHANGES_REQUESTED" || r.state === "DISMISSED") lastChangesRequest.set(lower(r.user), r);
  const withdrawn = (a: Review) => {
    const cr = lastChangesRequest.get(lower(a.user));
    return cr !== undefined && byTime(cr, a) > 0;
  };
  const approvals = reviews.filter((r) => r.state === "APPROVED" && !withdrawn(r));
  const used = new Set<number>();
  const approvers = new Set<string>();
  const steps: StepOutcome[] = [];
  let previousDone: string | undefined = start;
  chain.forEach((step, i) => {
    const base = { id: step.id, role: step.role, position: i + 1, standardTime: step.standardTime, ...(step.team ? { team: step.team } : {}), ...(step.users?.length ? { users: [...step.users] } : {}) };
    const opensAt = rules.ordered ? previousDone : start;
    if (opensAt === undefined) {
      steps.push({ ...base, status: "not-started" });
      return;
    }
    const standardMinutes = clock.standardMinutes(step.standardTime, new Date(opensAt));
    const hit = approvals.find(
      (r) => !used.has(r.id) && (step === rules.destructiveStep || !approvers.has(lower(r.user))) && eligible(step, r.user, r.submittedAt) && validCommit(r) && (!rules.ordered || time(r.submittedAt) >= time(opensAt)),
    );
    if (!hit) {
      steps.push({ ...base, standardMinutes, status: "waiting", startedAt: opensAt });
      previousDone = undefined;
      return;
    }
    used.add(hit.id);
    approvers.add(lower(hit.user));
    const elapsedMinutes = clock.minutesBetween(new Date(opensAt), new Date(hit.submittedAt));
    const acting = regular(step, hit.user) ? undefined : actingAt(step, hit.user, hit.submittedAt);
    steps.push({
      ...base,
      standardMinutes,
      status: "approved",
      startedAt: opensAt,
      approver: hit.user,
      approvedAt: hit.submittedAt,
      elapsedMinutes,
      overdue: elapsedMinutes > standardMinutes,
      ...(acting ? { acting: acting.title } : {}),
    });
    previousDone = hit.submittedAt;
  });

  const ignored: IgnoredApproval[] = reviews
    .filter((r) => r.state === "APPROVED" && !used.has(r.id))
    .map((r) => ({ user: r.user, at: r.submittedAt, reason: ignoredReason(r, chain, steps, eligible, (x) => validCommit(x) && !withdrawn(x), excluded) }));

  const returned = findReturned(input, chain, eligible, latestVerdict);
  const complete = steps.every((s) => s.status === "approved");
  let total: DispositionResult["total"];
  if (complete && steps.length) {
    const end = new Date(steps.reduce((a, s) => (time(s.approvedAt!) > time(a) ? s.approvedAt! : a), start));
    const elapsedMinutes = clock.minutesBetween(new Date(start), end);
    const deadline = rules.deadline;
    const deadlineMinutes = deadline ? clock.standardMinutes(deadline, new Date(start)) : undefined;
    total = { elapsedMinutes, ...(deadline ? { deadline, deadlineMinutes, overdue: elapsedMinutes > deadlineMinutes! } : {}) };
  }
  return { state: returned ? "failure" : complete ? "success" : "pending", description: describe(steps, returned), steps, returned, ignored, ...(total ? { total } : {}) };
}

function ignoredReason(
  r: Review,
  chain: Step[],
  steps: readonly StepOutcome[],
  eligible: (s: Step, u: string, at?: string) => boolean,
  validCommit: (r: Review) => boolean,
  excluded: Set<string>,
): IgnoredApproval["reason"] {
  if (excluded.has(lower(r.user))) return "applicant";
  if (!chain.some((s) => eligible(s, r.user))) return "not-member";
  if (!chain.some((s) => eligible(s, r.user, r.submittedAt))) return "acting-outside-dates";
  if (!validCommit(r)) return "stale";
  // A valid approval left over: either its steps were approved by someone else, or it came early.
  const open = chain.some((s, i) => eligible(s, r.user, r.submittedAt) && steps[i]?.status !== "approved");
  return open ? "out-of-order" : "redundant";
}

function findReturned(input: DispositionInput, chain: Step[], eligible: (s: Step, u: string, at?: string) => boolean, latest: Map<string, Review>): Returned | undefined {
  const active = [...latest.values()]
    .filter((r) => r.state === "CHANGES_REQUESTED" && r.commitId === input.headSha && chain.some((s) => eligible(s, r.user, r.submittedAt)))
    .sort(byTime);
  const last = active[active.length - 1];
  if (!last) return undefined;
  const roles = [...new Set(chain.filter((s) => eligible(s, last.user, last.submittedAt)).map((s) => s.role))];
  return { user: last.user, roles, at: last.submittedAt, ...(last.body ? { body: last.body } : {}) };
}

function clip(s: string): string {
  return s.length <= MAX_DESCRIPTION ? s : s.slice(0, MAX_DESCRIPTION - 1) + "…";
}

export function describe(steps: readonly StepOutcome[], returned: Returned | undefined): Message {
  const total = steps.length;
  const done = steps.filter((s) => s.status === "approved").length;
  if (returned) {
    const who = `@${returned.user}${returned.roles.length ? ` (${returned.roles.join(", ")})` : ""}`;
    return { id: clip(`Dikembalikan untuk diperbaiki oleh ${who}`), en: clip(`Returned for correction by ${who}`) };
  }
  if (done === total) return { id: clip(`Disposisi lengkap (${total}/${total})`), en: clip(`Disposition complete (${total}/${total})`) };
  const waiting = steps.filter((s) => s.status === "waiting");
  if (waiting.length === 1) {
    const w = waiting[0]!;
    return { id: clip(`Menunggu: ${w.role} (${w.position}/${total})`), en: clip(`Waiting for: ${w.role} (${w.position}/${total})`) };
  }
  const roles = [...new Set(waiting.map((s) => s.role))].join(", ");
  return { id: clip(`Menunggu: ${roles} (${done}/${total} selesai)`), en: clip(`Waiting for: ${roles} (${done}/${total} done)`) };
}
