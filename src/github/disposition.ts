// The GitHub side of the disposition check: reads reviews, the pull request's commits and the
// members of the chain's teams; the verdict itself is the pure evaluateDisposition.
import { chainOf, evaluateDisposition } from "../disposition/evaluate.ts";
import type { DispositionInput, DispositionResult, Review, ReviewState } from "../disposition/types.ts";
import { clockFor } from "../disposition/work-clock.ts";
import type { Governance } from "../model/governance.ts";
import { readFileAt } from "./files.ts";
import { teamMembers } from "./ownership.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import type { PullRequestView } from "./pull-request.ts";

const STATES = new Set<ReviewState>(["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"]);

export async function readDispositionInput(gh: GitHub, ref: RepoRef, pr: PullRequestView, governance: Governance, destructive: boolean): Promise<DispositionInput> {
  const rawReviews = await gh.paginate(gh.rest.pulls.listReviews, { ...ref, pull_number: pr.number, per_page: 100 });
  const reviews: Review[] = rawReviews
    .filter((r) => r.user && r.submitted_at && r.commit_id && STATES.has(r.state as ReviewState))
    .map((r) => ({ id: r.id, user: r.user!.login, state: r.state as ReviewState, submittedAt: r.submitted_at!, commitId: r.commit_id!, ...(r.body ? { body: r.body } : {}) }));
  // The committer date stands for the time a commit reached the pull request: it is what the API
  // gives for every commit; a forged date can only shorten a step's measured time, never make a
  // stale approval count (that is decided by commit identity).
  const commits = pr.commits.map((c) => ({ sha: c.sha, at: c.at }));
  const rules = governance.disposition;
  const teams = [...new Set(chainOf({ rules, destructive }).flatMap((s) => (s.team ? [s.team] : [])))].sort();
  const members: Record<string, string[]> = {};
  for (const team of teams) members[team] = await teamMembers(gh, team);
  const sameChangesAs = await commitsWithHeadChanges(gh, ref, pr, reviews.map((r) => r.commitId));
  return { rules, applicant: pr.applicant, author: pr.author, sameChangesAs, contributors: [...pr.coAuthors, ...pr.pushers], headSha: pr.headSha, commits, reviews, members, destructive, openedAt: pr.createdAt, clock: clockFor(governance), timeZone: governance.workingHours.timeZone };
}

/**
 * Of the reviewed commits, those on the pull request where every file the pull request changes
 * has the same content (or is equally absent) as at the head: the head differs from them only by
 * what came from the base. Only consulted when the file list is complete.
 */
async function commitsWithHeadChanges(gh: GitHub, ref: RepoRef, pr: PullRequestView, reviewed: readonly string[]): Promise<string[]> {
  if (!pr.filesComplete || !pr.files.length) return [];
  const onPr = new Set(pr.commits.map((c) => c.sha));
  const candidates = [...new Set(reviewed)].filter((sha) => sha !== pr.headSha && onPr.has(sha));
  if (!candidates.length) return [];
  const paths = [...new Set(pr.files.flatMap((f) => [f.path, ...(f.previous ? [f.previous] : [])]))];
  const blobs = async (sha: string) => Promise.all(paths.map(async (p) => (await readFileAt(gh, ref, p, sha))?.sha ?? null));
  const head = await blobs(pr.headSha);
  const out: string[] = [];
  for (const sha of candidates) if ((await blobs(sha)).every((b, i) => b === head[i])) out.push(sha);
  return out.sort();
}

export async function evaluatePullRequest(gh: GitHub, ref: RepoRef, pr: PullRequestView, governance: Governance, destructive: boolean): Promise<DispositionResult> {
  return evaluateDisposition(await readDispositionInput(gh, ref, pr, governance, destructive));
}
