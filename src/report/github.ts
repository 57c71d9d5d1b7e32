// The thin adapter that reads pull request timelines from GitHub for the service-time report:
// pull requests touching requests/, their timeline (reviews, commits, ready-for-review, merge),
// the deployment of the merge commit, and the members of the disposition teams (to attribute
// reviews to steps). Everything else (the arithmetic, the report) works on the result, which has
// the same format as a `--input` JSON file.
//
// Also: each pull request's base commit (the chain in force for it), the reply-letter pull requests
// (the bot's branches surat/pr-N: the phase after the deployment), the `ditolak` label
// (rejected), and the reminders recorded in the reminder job's comment.
// Permissions: contents, pull-requests, deployments: read. Listing team members needs a token that
// can read the organisation (GitHub Actions' GITHUB_TOKEN cannot): without it the report says so
// and attributes reviews by governance's `users` lists and each review's step only.
// A commit's time is its committer date: the timeline does not give the push time.
import { parseReminderLog, REMINDER_MARKER } from "../disposition/reminders.ts";
import { REJECTED_LABEL } from "../github/rejection.ts";
import type { Governance } from "../model/governance.ts";
import type { GitHub, RepoRef } from "../github/octokit.ts";
import type { Timeline, TimelineEvent, TimelineFile } from "../worktime/timeline.ts";

export interface FetchOptions {
  since: Date;
  until: Date;
  /** Only pull requests that change files under this folder. */
  folder?: string;
  log?: (line: string) => void;
}

type Loose = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const login = (v: unknown): string | undefined => str((v as Loose | null | undefined)?.login);

/** The timeline of one pull request in the report's format. */
export function timelineOf(pr: Loose, events: Loose[], files: string[], deployment?: { at: string; sha: string; state: "success" | "failure" }): Timeline {
  const out: TimelineEvent[] = [];
  const author = login(pr.user) ?? "ghost";
  const wasDraft = events.some((e) => e.event === "ready_for_review") || pr.draft === true;
  if (!wasDraft) out.push({ type: "opened", at: String(pr.created_at), actor: author });
  for (const e of events) {
    switch (e.event) {
      case "ready_for_review":
        out.push({ type: "ready_for_review", at: String(e.created_at), actor: login(e.actor) ?? author });
        break;
      case "reviewed": {
        const state = String(e.state).toLowerCase();
        const at = str(e.submitted_at);
        if (at && (state === "approved" || state === "changes_requested" || state === "commented"))
          out.push({ type: "review", at, actor: login(e.user) ?? "ghost", state });
        break;
      }
      case "committed": {
        const committer = e.committer as Loose | undefined;
        const at = str(committer?.date);
        if (at) out.push({ type: "push", at, actor: author, ...(str(e.sha) ? { sha: str(e.sha)! } : {}) });
        break;
      }
      case "head_ref_force_pushed":
        out.push({ type: "push", at: String(e.created_at), actor: login(e.actor) ?? author, ...(str(e.commit_id) ? { sha: str(e.commit_id)! } : {}) });
        break;
      case "merged":
        out.push({ type: "merged", at: String(e.created_at), actor: login(e.actor) ?? "ghost", ...(str(e.commit_id) ? { sha: str(e.commit_id)! } : {}) });
        break;
      case "closed":
        if (!pr.merged_at) out.push({ type: "closed", at: String(e.created_at), actor: login(e.actor) ?? "ghost" });
        break;
    }
  }
  if (deployment) out.push({ type: "deployed", at: deployment.at, state: deployment.state, sha: deployment.sha });
  return {
    pull: Number(pr.number),
    title: String(pr.title ?? ""),
    ...(str(pr.html_url) ? { url: str(pr.html_url)! } : {}),
    author,
    files,
    events: out,
  };
}

/** The first successful deployment status of a commit, if any. */
async function deploymentOf(gh: GitHub, ref: RepoRef, sha: string): Promise<{ at: string; sha: string; state: "success" | "failure" } | undefined> {
  const deployments = await gh.paginate(gh.rest.repos.listDeployments, { ...ref, sha, per_page: 100 });
  let first: { at: string; state: "success" | "failure" } | undefined;
  for (const d of deployments) {
    const statuses = await gh.paginate(gh.rest.repos.listDeploymentStatuses, { ...ref, deployment_id: d.id, per_page: 100 });
    for (const s of statuses)
      if (s.state === "success" && (!first || s.created_at < first.at)) first = { at: s.created_at, state: "success" };
  }
  return first ? { ...first, sha } : undefined;
}

const LETTER_BRANCH = /^surat\/pr-([1-9][0-9]{0,9})$/;

/** The reminders the reminder job recorded in its one bot comment (src/disposition/reminders.ts). */
async function remindersOf(gh: GitHub, ref: RepoRef, pull: number): Promise<TimelineEvent[]> {
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...ref, issue_number: pull, per_page: 100 });
  const own = comments.find((c) => c.user?.type === "Bot" && (c.body ?? "").includes(REMINDER_MARKER));
  return parseReminderLog(own?.body).entries.map((e) => ({ type: "reminder" as const, at: e.at, step: e.step, kind: e.kind }));
}

/** Members of each team the disposition names; teams that cannot be read are reported and skipped. */
export async function teamMembers(gh: GitHub, governance: Governance, log: (line: string) => void): Promise<Record<string, string[]>> {
  const teams = new Set<string>();
  for (const s of [...governance.disposition.steps, ...(governance.disposition.destructiveStep ? [governance.disposition.destructiveStep] : [])]) if (s.team) teams.add(s.team);
  const out: Record<string, string[]> = {};
  for (const team of [...teams].sort()) {
    const [org, slug] = team.split("/");
    try {
      const members = await gh.paginate(gh.rest.teams.listMembersInOrg, { org: org!, team_slug: slug!, per_page: 100 });
      out[team] = members.map((m) => m.login).sort();
    } catch (e) {
      log(`Anggota tim ${team} tidak dapat dibaca (${(e as { status?: number }).status ?? "?"}); ulasan anggotanya tidak dapat dikaitkan ke langkah. / Team ${team} cannot be read; its reviews cannot be attributed.`);
    }
  }
  return out;
}

export async function fetchTimelines(gh: GitHub, ref: RepoRef, governance: Governance, o: FetchOptions): Promise<TimelineFile> {
  const log = o.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const folder = (o.folder ?? "requests").replace(/\/$/, "") + "/";
  const timelines: Timeline[] = [];
  // Newest updates first: stop at the first pull request not touched since the period began.
  for await (const page of gh.paginate.iterator(gh.rest.pulls.list, { ...ref, state: "all", sort: "updated", direction: "desc", per_page: 100 })) {
    let older = false;
    for (const pr of page.data) {
      if (Date.parse(pr.updated_at) < o.since.getTime()) {
        older = true;
        break;
      }
      if (Date.parse(pr.created_at) >= o.until.getTime()) continue;
      // A reply-letter pull request: the bot's own, on its branch surat/pr-N (the letter phase).
      const source = pr.user?.type === "Bot" ? LETTER_BRANCH.exec(pr.head.ref) : null;
      const files = (await gh.paginate(gh.rest.pulls.listFiles, { ...ref, pull_number: pr.number, per_page: 100 })).map((f) => f.filename).filter((f) => f.startsWith(folder));
      if (!files.length && !source) continue;
      const events = (await gh.paginate(gh.rest.issues.listEventsForTimeline, { ...ref, issue_number: pr.number, per_page: 100 })) as unknown as Loose[];
      const deployment = !source && pr.merge_commit_sha && pr.merged_at ? await deploymentOf(gh, ref, pr.merge_commit_sha) : undefined;
      const t = timelineOf(pr as unknown as Loose, events, files.sort(), deployment);
      t.events.push(...(await remindersOf(gh, ref, pr.number)));
      timelines.push({
        ...t,
        ...(/^[0-9a-f]{40}$/.test(pr.base.sha) ? { base: pr.base.sha } : {}),
        ...(source ? { phase: "after-deployment" as const, source: Number(source[1]) } : {}),
        ...(pr.labels.some((l) => l.name === REJECTED_LABEL) ? { rejected: true } : {}),
      });
    }
    if (older) break;
  }
  return { repository: `${ref.owner}/${ref.repo}`, teams: await teamMembers(gh, governance, log), timelines: timelines.sort((a, b) => a.pull - b.pull) };
}
