// Everything the bot shows on a pull request, recomputed from GitHub's data in one pass: the plan,
// the labels, the ownership verdict, the disposition status, and ONE comment holding the plan,
// ownership and disposition, so a reviewer sees in one place what the request changes and whose
// approval it waits for. Runs from base-branch code only (pull_request_target / workflow_run);
// the pull request's files are read as data through the API. Safe to run any number of times.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { markdownText } from "../diagnostics/inert.ts";
import { renderDispositionSummary } from "../disposition/summary.ts";
import type { DispositionResult } from "../disposition/types.ts";
import { PLAN_MARKER, renderMarkdown, GITHUB_COMMENT_LIMIT } from "../plan/render-markdown.ts";
import { unsafeReasons } from "../plan/diff.ts";
import { botActionOf, withEmergencyChain } from "./bot-action.ts";
import { upsertComment } from "./comments.ts";
import { evaluatePhase } from "./phase-disposition.ts";
import { readPolicyTree } from "./files.ts";
import { isPullRequestLabel, syncLabels } from "./labels.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import { LARGE_CHANGE_LABEL, largeChangeApproved } from "./large-change.ts";
import { checkOwnership, isAdmin, provenanceProblems, type OwnershipVerdict } from "./ownership.ts";
import { analysePullRequest, labelsFor, readPullRequest, type PullRequestAnalysis } from "./pull-request.ts";
import { setStatus } from "./status.ts";
import { letterSourceOf, refreshLetterPullRequest, type LetterRefreshOptions, type LetterRefreshResult } from "./letter-flow.ts";
import { requestSides } from "./request-sides.ts";
import { handleRejection, type Rejection } from "./rejection.ts";
import { renderRequestSummary } from "./request-summary.ts";

export const DISPOSITION_CONTEXT = "disposisi";
export const OWNERSHIP_CONTEXT = "kepemilikan";
export const VALIDATION_CONTEXT = "validasi";

export interface RefreshOptions {
  botLogin: string;
  today: string;
  lang?: Lang;
  /** governance.yaml and requests/** of the base branch; read through the API when absent. */
  baseFiles?: ReadonlyMap<string, Uint8Array>;
  /** For reply-letter pull requests (letter-flow.ts): the signing key and the sender. */
  letters?: Pick<LetterRefreshOptions, "signingKey" | "deliver" | "now">;
}

export interface RefreshResult {
  skipped?: string;
  analysis?: PullRequestAnalysis;
  ownership?: OwnershipVerdict;
  disposition?: DispositionResult;
  commentUrl?: string;
  rejection?: Rejection;
  /** Set for a reply-letter pull request. */
  letter?: LetterRefreshResult;
}

const SEPARATOR = "\n\n---\n\n";

export function ownershipSection(v: OwnershipVerdict, applicant: string, lang: Lang): string {
  const title = lang === "en" ? "Ownership" : "Kepemilikan";
  if (v.ok) return `### ${title}: ✅\n\n${lang === "en" ? `@${applicant} may change these files.` : `@${applicant} berhak mengubah berkas-berkas ini.`}\n`;
  return `### ${title}: ❌\n\n${v.problems.map((p) => `- ${markdownText(p[lang])}`).join("\n")}\n`;
}

/**
 * The required `validasi` check, computed by base-branch code on the head commit: the base's files
 * with this pull request's changes, validated together (cross-file rules such as one name, one
 * owner included), plus the plan's large-change limit unless an admin approved it by label.
 */
export function validationVerdict(a: PullRequestAnalysis, largeChangeByAdmin: boolean): OwnershipVerdict {
  const problems = a.errors.map((d) => ({ id: `${d.file}:${d.line}: ${d.message.id}`, en: `${d.file}:${d.line}: ${d.message.en}` }));
  problems.push(...unsafeReasons(a.plan, largeChangeByAdmin).map((m) => ({ id: `${m.id} (label ${LARGE_CHANGE_LABEL} dari admin, dipasang sesudah push terakhir)`, en: `${m.en} (label ${LARGE_CHANGE_LABEL} from an admin, added after the last push)` })));
  return { ok: problems.length === 0, problems };
}

/** The destructive step and the chain are judged on valid files only: an invalid changed request fails the disposition. */
export function failClosed(d: DispositionResult, a: PullRequestAnalysis): DispositionResult {
  if (!a.invalidFiles.length) return d;
  const list = a.invalidFiles.join(", ");
  const clip = (s: string) => (s.length > 140 ? s.slice(0, 139) + "…" : s);
  return { ...d, state: "failure", description: { id: clip(`Berkas permohonan tidak sah, disposisi belum dapat dinilai: ${list}`), en: clip(`Invalid request file, the disposition cannot be judged yet: ${list}`) } };
}

export async function refreshPullRequest(gh: GitHub, ref: RepoRef, number: number, o: RefreshOptions): Promise<RefreshResult> {
  const lang = o.lang ?? "id";
  const pr = await readPullRequest(gh, ref, number, o.botLogin);
  if (!pr.open) return { skipped: pr.merged ? "merged" : "closed" };
  // A reply-letter pull request runs the chain's after-deployment phase (letter-flow.ts).
  const source = letterSourceOf(pr.author, pr.headRef, o.botLogin);
  if (source !== undefined) {
    // `validasi` is required on main: a letter pull request changes no request or governance file.
    const touched = pr.files.flatMap((f) => [f.path, ...(f.previous ? [f.previous] : [])]).filter((p) => p.startsWith("requests/") || p === "governance.yaml");
    const valid = pr.filesComplete && touched.length === 0;
    await setStatus(gh, ref, pr.headSha, {
      context: VALIDATION_CONTEXT,
      state: valid ? "success" : "failure",
      description: valid ? (lang === "en" ? "A letter pull request: no request file changed" : "Pull request surat: tidak ada berkas permohonan yang berubah") : lang === "en" ? `A letter pull request may not change ${touched[0] ?? "this many files"}` : `Pull request surat tidak boleh mengubah ${touched[0] ?? "berkas sebanyak ini"}`,
    });
    const letter = await refreshLetterPullRequest(gh, ref, pr, source, { botLogin: o.botLogin, today: o.today, lang, ...o.letters });
    return { disposition: letter.disposition, letter };
  }
  const baseFiles = o.baseFiles ?? (await readPolicyTree(gh, ref, pr.baseRef));
  const analysis = await analysePullRequest(gh, ref, pr, baseFiles, o.today);
  const governance = analysis.governance;
  if (!governance) {
    const description = lang === "en" ? "The base branch's governance.yaml is invalid" : "governance.yaml di cabang dasar tidak sah";
    for (const context of [OWNERSHIP_CONTEXT, DISPOSITION_CONTEXT, VALIDATION_CONTEXT]) await setStatus(gh, ref, pr.headSha, { context, state: "error", description });
    return { skipped: "governance", analysis };
  }

  // The applicant, and anyone else whose commits are on the pull request or who pushed to it,
  // must each be allowed; and the file list and the commits must be what they seem.
  const verdicts: OwnershipVerdict[] = [];
  const people = new Map([pr.applicant, ...pr.coAuthors, ...pr.pushers].filter((p) => p.toLowerCase() !== o.botLogin.toLowerCase() || p === pr.applicant).map((p) => [p.toLowerCase(), p]));
  // Issue 15: the bot's own suspension or review decommission (judged from the files, and with
  // nobody but the bot behind it) is the bot's to propose; a pure suspension, whoever proposes
  // it, is approved through governance's emergency chain.
  const action = await botActionOf(gh, ref, pr, baseFiles);
  const bot = o.botLogin.toLowerCase();
  const botOwn = action !== undefined && pr.applicant.toLowerCase() === bot && [...people.keys()].every((p) => p === bot);
  if (!botOwn) for (const person of people.values()) verdicts.push(checkOwnership(analysis.paths, person, await isAdmin(gh, governance, person), governance));
  const provenance = provenanceProblems(pr, o.botLogin);
  const ownership: OwnershipVerdict = { ok: provenance.length === 0 && verdicts.every((v) => v.ok), problems: [...provenance, ...verdicts.flatMap((v) => v.problems)] };
  const validation = validationVerdict(analysis, analysis.plan.safety.largeChange ? await largeChangeApproved(gh, ref, pr, governance) : false);
  const disposition = failClosed(await evaluatePhase(gh, ref, pr, action === "suspension" ? withEmergencyChain(governance) : governance, analysis.destructive, "before-merge"), analysis);
  const sides = await requestSides(gh, ref, pr, baseFiles, governance, o.today);
  // A decision step's official rejected with a coded reason (rejection.ts): closed, letter sent.
  const rejection = await handleRejection(gh, ref, pr, governance, disposition, sides, { today: o.today, ...(o.letters ? { letters: o.letters } : {}) });
  if (rejection && !rejection.problem) {
    await setStatus(gh, ref, pr.headSha, { context: DISPOSITION_CONTEXT, state: "failure", description: `Ditolak oleh @${rejection.user}: ${rejection.reason}` });
    return { skipped: "rejected", analysis, disposition, rejection };
  }

  await syncLabels(gh, ref, pr.number, labelsFor(analysis), isPullRequestLabel);

  const mine = [ownershipSection(ownership, pr.applicant, lang), renderDispositionSummary(disposition, lang, governance.workingHours.timeZone)].join("\n");
  // What is asked, in words, before the plan's records (see request-summary.ts).
  const asked = renderRequestSummary(governance, sides);
  const plan = asked + "\n" + renderMarkdown(analysis.plan, lang, GITHUB_COMMENT_LIMIT - mine.length - asked.length - SEPARATOR.length - 400);
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
  await setStatus(gh, ref, pr.headSha, { context: VALIDATION_CONTEXT, state: validation.ok ? "success" : "failure", description: validation.ok ? (lang === "en" ? "The tree that would land is valid" : "Isi yang akan digabung sah") : validation.problems[0]![lang], targetUrl: comment.url });
  return { analysis, ownership, disposition, commentUrl: comment.url };
}
