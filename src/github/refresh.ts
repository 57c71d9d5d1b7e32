// Everything the bot shows on a pull request, recomputed from GitHub's data in one pass: the plan,
// the labels, the ownership verdict, the disposition status, and ONE comment holding the plan,
// ownership and disposition, so a reviewer sees in one place what the request changes and whose
// approval it waits for. Runs from base-branch code only (pull_request_target / workflow_run);
// the pull request's files are read as data through the API. Safe to run any number of times.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { renderDispositionSummary } from "../disposition/summary.ts";
import type { DispositionResult } from "../disposition/types.ts";
import { PLAN_MARKER, renderMarkdown, GITHUB_COMMENT_LIMIT } from "../plan/render-markdown.ts";
import { botActionOf, withEmergencyChain } from "./bot-action.ts";
import { upsertComment } from "./comments.ts";
import { evaluatePullRequest } from "./disposition.ts";
import { readPolicyTree } from "./files.ts";
import { isPullRequestLabel, syncLabels } from "./labels.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import { checkOwnership, isAdmin, type OwnershipVerdict } from "./ownership.ts";
import { analysePullRequest, labelsFor, readPullRequest, type PullRequestAnalysis } from "./pull-request.ts";
import { setStatus } from "./status.ts";

export const DISPOSITION_CONTEXT = "disposisi";
export const OWNERSHIP_CONTEXT = "kepemilikan";

export interface RefreshOptions {
  botLogin: string;
  today: string;
  lang?: Lang;
  /** governance.yaml and requests/** of the base branch; read through the API when absent. */
  baseFiles?: ReadonlyMap<string, Uint8Array>;
}

export interface RefreshResult {
  skipped?: string;
  analysis?: PullRequestAnalysis;
  ownership?: OwnershipVerdict;
  disposition?: DispositionResult;
  commentUrl?: string;
}

const SEPARATOR = "\n\n---\n\n";

function ownershipSection(v: OwnershipVerdict, applicant: string, lang: Lang): string {
  const title = lang === "en" ? "Ownership" : "Kepemilikan";
  if (v.ok) return `### ${title}: ✅\n\n${lang === "en" ? `@${applicant} may change these files.` : `@${applicant} berhak mengubah berkas-berkas ini.`}\n`;
  return `### ${title}: ❌\n\n${v.problems.map((p) => `- ${p[lang]}`).join("\n")}\n`;
}

export async function refreshPullRequest(gh: GitHub, ref: RepoRef, number: number, o: RefreshOptions): Promise<RefreshResult> {
  const lang = o.lang ?? "id";
  const pr = await readPullRequest(gh, ref, number, o.botLogin);
  if (!pr.open) return { skipped: pr.merged ? "merged" : "closed" };
  const baseFiles = o.baseFiles ?? (await readPolicyTree(gh, ref, pr.baseRef));
  const analysis = await analysePullRequest(gh, ref, pr, baseFiles, o.today);
  const governance = analysis.governance;
  if (!governance) {
    const description = lang === "en" ? "The base branch's governance.yaml is invalid" : "governance.yaml di cabang dasar tidak sah";
    for (const context of [OWNERSHIP_CONTEXT, DISPOSITION_CONTEXT]) await setStatus(gh, ref, pr.headSha, { context, state: "error", description });
    return { skipped: "governance", analysis };
  }

  // The applicant, and anyone else whose commits are on the pull request, must each be allowed.
  // Issue 15: the bot's own suspension or review decommission (judged from the files) is the
  // bot's to propose; a pure suspension is approved through the emergency chain.
  const action = await botActionOf(gh, ref, pr, baseFiles);
  const botOwn = action !== undefined && pr.author.toLowerCase() === o.botLogin.toLowerCase() && pr.applicant.toLowerCase() === o.botLogin.toLowerCase() && pr.coAuthors.length === 0;
  const verdicts: OwnershipVerdict[] = [];
  for (const person of botOwn ? [] : [pr.applicant, ...pr.coAuthors]) verdicts.push(checkOwnership(analysis.paths, person, await isAdmin(gh, governance, person), governance));
  const ownership: OwnershipVerdict = { ok: verdicts.every((v) => v.ok), problems: verdicts.flatMap((v) => v.problems) };
  const disposition = await evaluatePullRequest(gh, ref, pr, action === "suspension" ? withEmergencyChain(governance) : governance, analysis.destructive);

  await syncLabels(gh, ref, pr.number, labelsFor(analysis), isPullRequestLabel);

  const mine = [ownershipSection(ownership, pr.applicant, lang), renderDispositionSummary(disposition, lang, governance.workingHours.timeZone)].join("\n");
  const plan = renderMarkdown(analysis.plan, lang, GITHUB_COMMENT_LIMIT - mine.length - SEPARATOR.length - 400);
  // First line: where the request stands, so it is seen before the plan's details.
  const icon = disposition.state === "success" ? "✅" : disposition.state === "failure" ? "↩️" : "⏳";
  const headline = `> ${icon} **${lang === "en" ? "Disposition" : "Disposisi"}:** ${disposition.description[lang]} · **${lang === "en" ? "Ownership" : "Kepemilikan"}:** ${ownership.ok ? "✅" : "❌"}\n\n`;
  const comment = await upsertComment(gh, ref, pr.number, PLAN_MARKER, `${PLAN_MARKER}\n${headline}${plan.replace(PLAN_MARKER, "").replace(/^\n/, "")}${SEPARATOR}${mine}`);

  await setStatus(gh, ref, pr.headSha, {
    context: OWNERSHIP_CONTEXT,
    state: ownership.ok ? "success" : "failure",
    description: ownership.ok ? (lang === "en" ? `@${pr.applicant} may change these files` : `@${pr.applicant} berhak mengubah berkas ini`) : ownership.problems[0]![lang],
    targetUrl: comment.url,
  });
  await setStatus(gh, ref, pr.headSha, { context: DISPOSITION_CONTEXT, state: disposition.state, description: disposition.description[lang], targetUrl: comment.url });
  return { analysis, ownership, disposition, commentUrl: comment.url };
}
