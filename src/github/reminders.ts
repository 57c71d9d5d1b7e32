// The scheduled reminder job on GitHub (npm run remind): for every open request pull request and
// reply-letter pull request, the waiting step of its phase is judged exactly as the `disposisi`
// status judges it (evaluatePhase, base-branch governance), and what is due (dueReminders) is
// added to ONE bot comment per pull request, found by its hidden marker and updated in place.
// Nothing due: no write at all, so running the job again changes nothing.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { dueReminders, parseReminderLog, REMINDER_MARKER, renderReminderComment, type ReminderEntry } from "../disposition/reminders.ts";
import type { DispositionResult } from "../disposition/types.ts";
import type { Governance, StepPhase } from "../model/governance.ts";
import { botActionOf, withEmergencyChain } from "./bot-action.ts";
import { readPolicyTree } from "./files.ts";
import { letterDisposition, letterSourceOf } from "./letter-flow.ts";
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";
import { evaluatePhase } from "./phase-disposition.ts";
import { analysePullRequest, readPullRequest } from "./pull-request.ts";
import { failClosed } from "./refresh.ts";

export interface RemindOptions {
  botLogin: string;
  today: string;
  now: Date;
  lang?: Lang;
  /** governance.yaml and requests/** of the base branch; read through the API when absent. */
  baseFiles?: ReadonlyMap<string, Uint8Array>;
}

export interface RemindResult {
  number: number;
  /** What happened to the reminder comment; `skipped` with the reason when nothing was judged. */
  action: "created" | "updated" | "unchanged" | "skipped";
  reason?: string;
  added: ReminderEntry[];
  /** Whether GitHub accepted the review request for the reminded step (refused: the mention alone). */
  reviewRequest?: "requested" | "refused";
}

/** The bot's own reminder comment: only a comment by the bot account counts (nobody can plant a marker). */
export async function findReminderComment(gh: GitHub, ref: RepoRef, number: number, botLogin: string) {
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...ref, issue_number: number, per_page: 100 });
  return comments.find((c) => c.user?.type === "Bot" && c.user.login.toLowerCase() === botLogin.toLowerCase() && (c.body ?? "").includes(REMINDER_MARKER));
}

async function phaseDisposition(gh: GitHub, ref: RepoRef, number: number, o: RemindOptions): Promise<{ governance: Governance; phase: StepPhase; disposition: DispositionResult; author: string } | string> {
  const pr = await readPullRequest(gh, ref, number, o.botLogin);
  if (!pr.open) return pr.merged ? "merged" : "closed";
  const source = letterSourceOf(pr.author, pr.headRef, o.botLogin);
  if (source !== undefined) return { phase: "after-deployment", author: pr.author, ...(await letterDisposition(gh, ref, pr, source, o)) };
  const baseFiles = o.baseFiles ?? (await readPolicyTree(gh, ref, pr.baseRef));
  const analysis = await analysePullRequest(gh, ref, pr, baseFiles, o.today);
  if (!analysis.governance) return "governance";
  // The same chain as the `disposisi` status: a pure suspension goes through the emergency chain.
  const governance = (await botActionOf(gh, ref, pr, baseFiles)) === "suspension" ? withEmergencyChain(analysis.governance) : analysis.governance;
  return { governance, phase: "before-merge", author: pr.author, disposition: failClosed(await evaluatePhase(gh, ref, pr, governance, analysis.destructive, "before-merge"), analysis) };
}

export async function remindPullRequest(gh: GitHub, ref: RepoRef, number: number, o: RemindOptions): Promise<RemindResult> {
  const judged = await phaseDisposition(gh, ref, number, o);
  if (typeof judged === "string") return { number, action: "skipped", reason: judged, added: [] };
  const { governance, phase, disposition, author } = judged;
  // Returned to the applicant, failed or complete: no official is waited on.
  if (disposition.state !== "pending") return { number, action: "skipped", reason: disposition.state, added: [] };
  const existing = await findReminderComment(gh, ref, number, o.botLogin);
  const log = parseReminderLog(existing?.body);
  const added = dueReminders({ governance, phase, result: disposition, now: o.now, log });
  if (!added.length) return { number, action: "unchanged", added };
  const body = renderReminderComment({ ...log, entries: [...log.entries, ...added] }, governance, o.lang ?? "id");
  let action: RemindResult["action"];
  if (existing) {
    await gh.rest.issues.updateComment({ ...ref, comment_id: existing.id, body });
    action = "updated";
  } else {
    await gh.rest.issues.createComment({ ...ref, issue_number: number, body });
    action = "created";
  }
  const requested = await requestReview(gh, ref, number, author, added);
  return { number, action, added, ...(requested ? { reviewRequest: requested } : {}) };
}

/**
 * A mention added by editing a comment may not notify anyone; a review request always does. So the
 * reminded step's team and users are also asked for their review (once per reminder: a rerun adds
 * no entry, hence no request). The step above is only mentioned: its review would not count.
 */
async function requestReview(gh: GitHub, ref: RepoRef, number: number, author: string, added: readonly ReminderEntry[]): Promise<RemindResult["reviewRequest"]> {
  const to = [...new Set(added.filter((e) => e.kind === "reminder").flatMap((e) => e.to))];
  const team_reviewers = to.filter((x) => x.includes("/")).map((x) => x.split("/")[1]!);
  const reviewers = to.filter((x) => !x.includes("/") && x.toLowerCase() !== author.toLowerCase());
  if (!team_reviewers.length && !reviewers.length) return undefined;
  try {
    await gh.rest.pulls.requestReviewers({ ...ref, pull_number: number, reviewers, team_reviewers });
    return "requested";
  } catch (e) {
    // 422: a team without access to the repository, or of another organisation: the mention stays.
    if (statusOf(e) !== 422) throw e;
    return "refused";
  }
}

/** Every open, ready pull request, oldest first; drafts are not waiting for anyone yet. */
export async function remindOpenPullRequests(gh: GitHub, ref: RepoRef, o: RemindOptions): Promise<RemindResult[]> {
  const open = await gh.paginate(gh.rest.pulls.list, { ...ref, state: "open", per_page: 100 });
  const out: RemindResult[] = [];
  for (const pr of open.sort((a, b) => a.number - b.number)) {
    if (pr.draft) out.push({ number: pr.number, action: "skipped", reason: "draft", added: [] });
    else {
      // One pull request that cannot be judged (say, a reply letter whose base governance is
      // invalid) must not hold back the reminders of the others; the command exits 1 for it.
      try {
        out.push(await remindPullRequest(gh, ref, pr.number, o));
      } catch (e) {
        out.push({ number: pr.number, action: "skipped", reason: `error: ${e instanceof Error ? e.message : String(e)}`, added: [] });
      }
    }
  }
  return out;
}
