// The second phase of the disposition chain: after a successful deployment, the SOP's tail
// (report, draft reply, paraf, signature, sending) runs on a reply-letter pull request that the
// bot opens, with the same ordered, timed, team-checked approvals as the first phase.
//
// Why a pull request of its own: GitHub accepts no reviews on a merged pull request, so the tail
// cannot be approved where the request was; a second pull request gives each official the same
// "Approve" / "Request changes" buttons, the same statuses and the same working-time measure, and
// its one file (letters/pr-N.md) is the draft letter they initial: "Files changed" shows exactly
// what they approve. The letter is numbered from the agenda, rendered, signed (PAdES) and sent
// only once the last step is approved; then the bot merges the pull request, which archives the
// draft with its approvals, and records the signed PDF's digest in the agenda.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { renderDispositionSummary } from "../disposition/summary.ts";
import { actingOn, phaseOf, rulesForPhase } from "../disposition/phases.ts";
import type { DispositionResult } from "../disposition/types.ts";
import { accountDetails, type AccountDetails } from "../letter/account.ts";
import { recordSigned, reserve, type AgendaEntry, type LetterKind } from "../letter/agenda.ts";
import { letterContent, type LetterInput, type LetterOutcome } from "../letter/content.ts";
import { DEFAULT_SCHEME } from "../letter/number.ts";
import { renderLetter } from "../letter/render.ts";
import { sha256, signPdf, type SigningKey } from "../letter/sign.ts";
import type { Governance } from "../model/governance.ts";
import { asciiLabel } from "../model/names.ts";
import { requestsFromFiles } from "../plan/base.ts";
import { desiredState } from "../state/index.ts";
import { updateAgenda } from "./agenda.ts";
import { upsertComment } from "./comments.ts";
import { readFileAt, readPolicyTree } from "./files.ts";
import { checkLogoBytes } from "../letter/logo.ts";
import { logoPathProblem } from "../validate/governance-rules.ts";
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";
import { evaluatePhase } from "./phase-disposition.ts";
import { readPullRequest, type PullRequestView } from "./pull-request.ts";
import { changesInWords, md } from "./request-summary.ts";
import { setStatus } from "./status.ts";

export const LETTER_MARKER = "<!-- surat-balasan -->";
const SOURCE = /^surat\/pr-([1-9][0-9]{0,9})$/;
export const letterBranch = (n: number) => `surat/pr-${n}`;
export const letterPath = (n: number) => `letters/pr-${n}.md`;
const DISPOSITION_CONTEXT = "disposisi";
const OWNERSHIP_CONTEXT = "kepemilikan";

/**
 * The request pull request a reply-letter pull request answers: from the bot's own pull request
 * on its branch `surat/pr-N` only, never from body text, which people with triage access can edit.
 */
export function letterSourceOf(author: string, headRef: string, botLogin: string): number | undefined {
  if (author.toLowerCase() !== botLogin.toLowerCase()) return undefined;
  const m = SOURCE.exec(headRef);
  return m ? Number(m[1]) : undefined;
}

export const hasAfterDeployment = (g: Governance) => g.disposition.steps.some((s) => phaseOf(s) === "after-deployment");

/** One letter: the request it answers and what it says. */
export interface PlannedLetter {
  file: string;
  kind: LetterKind;
  account: AccountDetails;
  outcome: LetterOutcome;
  opd: string;
}

interface Deployed {
  governance: Governance;
  letters: PlannedLetter[];
}

/** The letters a merged request pull request needs, from the files at the deployed commit and before it. */
async function plannedLetters(gh: GitHub, ref: RepoRef, source: number, deployedSha: string, today: string): Promise<Deployed | undefined> {
  const { data: pr } = await gh.rest.pulls.get({ ...ref, pull_number: source });
  const after = requestsFromFiles(await readPolicyTree(gh, ref, deployedSha), today);
  if (!after.governance) return undefined;
  const before = requestsFromFiles(await readPolicyTree(gh, ref, pr.base.sha), today);
  const governance = after.governance;
  const stateAfter = desiredState(after.requests, governance);
  const stateBefore = before.governance ? desiredState(before.requests, before.governance) : stateAfter;
  const changed = await gh.paginate(gh.rest.pulls.listFiles, { ...ref, pull_number: source, per_page: 100 });
  const letters: PlannedLetter[] = [];
  for (const f of changed) {
    const now = after.requests.find((r) => r.file === f.filename);
    const was = before.requests.find((r) => r.file === (f.previous_filename ?? f.filename));
    if (!now && !was) continue;
    if (now && !now.request.decommission) {
      const kind: LetterKind = was ? "ubah" : "baru";
      const outcome: LetterOutcome = kind === "baru" ? { kind } : { kind, changes: changesInWords(was!.request, now.request) };
      letters.push({ file: now.file, kind, account: accountDetails(now.file, now.request, governance, stateAfter), outcome, opd: now.request.opd });
    } else {
      // Removed: the letter says what was there (from before the merge), when and whether data was kept.
      const r = (was ?? now)!;
      const deleteData = now?.request.decommission?.deleteData === true;
      letters.push({ file: r.file, kind: "hapus", account: accountDetails(r.file, r.request, governance, was ? stateBefore : stateAfter), outcome: { kind: "hapus", removedOn: today, dataKept: !deleteData }, opd: r.request.opd });
    }
  }
  return { governance, letters };
}

function draftMarkdown(governance: Governance, source: number, letters: PlannedLetter[]): string {
  const lines = [`# Konsep surat balasan untuk permohonan #${source}`, "", "Berkas ini adalah konsep yang diparaf dan ditandatangani lewat pull request ini. Nomor surat diberikan dari agenda saat penandatanganan.", ""];
  for (const l of letters) {
    const c = letterContent({ governance, account: l.account, number: "(nomor agenda diberikan saat ditandatangani)", date: "", outcome: l.outcome });
    lines.push(`## ${md(c.title)}`, "", `Perihal: ${c.numbering[3]![1]}`, "", `${c.addressee[0]} ${md(c.addressee[1]!)}`, "", md(c.opening), "", "| | |", "|---|---|");
    for (const [k, v] of c.table) lines.push(`| ${md(k)} | ${md(v).replace(/\n/g, "<br>")} |`);
    lines.push("", ...c.closing.map(md), "", `${md(c.signature.title)}`, "");
    // The attachment (Lampiran) is part of what is initialled and signed.
    if (c.attachment) {
      lines.push(`### Lampiran: ${md(c.attachment.title)}`, "", "| | |", "|---|---|");
      for (const [k, v] of c.attachment.rows) lines.push(`| ${md(k)} | ${md(v).replace(/\n/g, "<br>")} |`);
      lines.push("");
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** After a successful deployment: opens the reply-letter pull request of each merged request pull request (once). */
export async function openLetterPullRequests(gh: GitHub, ref: RepoRef, o: { sha: string; botLogin: string; today: string; baseBranch: string }): Promise<number[]> {
  const { data: prs } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...ref, commit_sha: o.sha });
  const opened: number[] = [];
  for (const pr of prs.filter((p) => p.merged_at && p.merge_commit_sha === o.sha)) {
    if (letterSourceOf(pr.user?.login ?? "", pr.head.ref, o.botLogin) !== undefined) continue; // a letter pull request itself
    const branch = letterBranch(pr.number);
    const existing = await gh.rest.pulls.list({ ...ref, head: `${ref.owner}:${branch}`, state: "all" });
    if (existing.data.length) {
      opened.push(existing.data[0]!.number);
      continue;
    }
    const planned = await plannedLetters(gh, ref, pr.number, o.sha, o.today);
    if (!planned || !hasAfterDeployment(planned.governance) || !planned.letters.length) continue;
    try {
      await gh.rest.git.createRef({ ...ref, ref: `refs/heads/${branch}`, sha: o.sha });
    } catch (e) {
      if (statusOf(e) !== 422) throw e;
    }
    const path = letterPath(pr.number);
    await putFile(gh, ref, branch, path, draftMarkdown(planned.governance, pr.number, planned.letters), `Konsep surat balasan untuk #${pr.number}`);
    const hosts = planned.letters.map((l) => l.account.host.unicode).join(", ");
    const body = [
      `Surat balasan untuk permohonan #${pr.number} (${hosts}), setelah penyediaan berhasil.`,
      "",
      "Langkah sesudah penyediaan (laporan, konsep surat, paraf, tanda tangan) disetujui di sini berurutan dengan tombol **Review changes → Approve**. Surat diberi nomor agenda, ditandatangani secara elektronik, dan dikirim ke OPD setelah langkah terakhir disetujui.",
    ].join("\n");
    const { data: created } = await gh.rest.pulls.create({ ...ref, title: `Surat balasan #${pr.number}: ${hosts}`, head: branch, base: o.baseBranch, body });
    opened.push(created.number);
  }
  return opened;
}

/** The letterhead emblem (governance letters.logo) at `gitRef`, checked like a checkout's (letter/logo.ts). */
export async function logoAt(gh: GitHub, ref: RepoRef, governance: Governance, gitRef: string): Promise<{ logo?: Buffer; problem?: string }> {
  const path = governance.letters?.logo;
  if (!path) return {};
  const pathProblem = logoPathProblem(path);
  if (pathProblem) return { problem: pathProblem.id };
  const file = await readFileAt(gh, ref, path, gitRef);
  if (!file) return { problem: `letters.logo \`${path}\`: berkas tidak ditemukan di repositori.` };
  const checked = checkLogoBytes(path, file.bytes);
  return checked.ok ? { logo: checked.bytes } : { problem: checked.message.id };
}

async function putFile(gh: GitHub, ref: RepoRef, branch: string, path: string, text: string, message: string): Promise<void> {
  let sha: string | undefined;
  try {
    const { data } = await gh.rest.repos.getContent({ ...ref, path, ref: branch });
    if (!Array.isArray(data) && data.type === "file") sha = data.sha;
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
  }
  await gh.rest.repos.createOrUpdateFileContents({ ...ref, path, branch, message, content: Buffer.from(text).toString("base64"), ...(sha ? { sha } : {}) });
}

/** A signed letter, ready to go out. */
export interface SignedLetter {
  file: string;
  kind: LetterKind;
  account: AccountDetails;
  governance: Governance;
  entry: AgendaEntry;
  pdf: Buffer;
  filename: string;
  sha256: string;
  source: number;
}

export interface LetterRefreshOptions {
  botLogin: string;
  today: string;
  lang?: Lang;
  /** The signing key (signingKeyFromEnv); without it the chain can complete but nothing is signed or sent. */
  signingKey?: SigningKey;
  /** Sends the signed letter and its e-mail; must be safe to call again (the e-mail ledger). */
  deliver?: (letter: SignedLetter) => Promise<void>;
  /** The signing time; default now. */
  now?: () => Date;
}

export interface LetterRefreshResult {
  source: number;
  disposition: DispositionResult;
  signed: SignedLetter[];
  merged: boolean;
  problem?: string;
}

/** Who signs: the approver of the phase's last signature step, as acting official when so appointed. */
function signerOf(governance: Governance, d: DispositionResult): LetterInput["signer"] | undefined {
  const steps = rulesForPhase(governance.disposition, "after-deployment").steps;
  const i = steps.map((s) => s.kind).lastIndexOf("signature");
  const outcome = d.steps[i >= 0 ? i : d.steps.length - 1];
  const step = steps[i >= 0 ? i : steps.length - 1];
  if (!outcome?.approver || !outcome.approvedAt || !step) return undefined;
  const acting = actingOn(step, outcome.approver, outcome.approvedAt, governance.workingHours.timeZone);
  return acting ? { prefix: acting.title, name: acting.name ?? outcome.approver, ...(acting.position ? { title: acting.position } : {}), ...(acting.nip ? { nip: acting.nip } : {}) } : undefined;
}

/** The after-deployment phase of a reply-letter pull request, judged by the base branch's governance. */
export async function letterDisposition(gh: GitHub, ref: RepoRef, pr: PullRequestView, source: number, o: { botLogin: string; today: string }): Promise<{ governance: Governance; disposition: DispositionResult }> {
  const baseFiles = await readPolicyTree(gh, ref, pr.baseRef);
  const governance = requestsFromFiles(baseFiles, o.today).governance;
  if (!governance) throw new Error("governance.yaml di cabang dasar tidak sah / the base branch's governance.yaml is invalid");
  // The request's applicant may not approve its reply letter either.
  const sourceView = await readPullRequest(gh, ref, source, o.botLogin);
  return { governance, disposition: await evaluatePhase(gh, ref, { ...pr, applicant: sourceView.applicant }, governance, false, "after-deployment") };
}

/** Refreshes a reply-letter pull request; when its chain is complete, signs, sends and merges. */
export async function refreshLetterPullRequest(gh: GitHub, ref: RepoRef, pr: PullRequestView, source: number, o: LetterRefreshOptions): Promise<LetterRefreshResult> {
  const lang = o.lang ?? "id";
  const { governance, disposition } = await letterDisposition(gh, ref, pr, source, o);
  // The bot's own pull request may change its one draft file and nothing else.
  const ownOnly = pr.files.every((f) => f.path === letterPath(source));
  const summary = renderDispositionSummary(disposition, lang, governance.workingHours.timeZone);
  const head = `${LETTER_MARKER}\n> ${disposition.state === "success" ? "✅" : disposition.state === "failure" ? "↩️" : "⏳"} **Surat balasan untuk #${source}:** ${disposition.description[lang]}\n\nKonsep surat ada di tab **Files changed** (\`${letterPath(source)}\`).\n\n`;
  const comment = await upsertComment(gh, ref, pr.number, LETTER_MARKER, head + summary);
  await setStatus(gh, ref, pr.headSha, { context: OWNERSHIP_CONTEXT, state: ownOnly ? "success" : "failure", description: ownOnly ? "Konsep surat dari bot" : `Pull request surat hanya boleh mengubah ${letterPath(source)}`, targetUrl: comment.url });
  await setStatus(gh, ref, pr.headSha, { context: DISPOSITION_CONTEXT, state: disposition.state, description: disposition.description[lang], targetUrl: comment.url });
  const result: LetterRefreshResult = { source, disposition, signed: [], merged: false };
  if (disposition.state !== "success" || !ownOnly || !pr.open) return result;
  if (!o.signingKey) {
    result.problem = "Kunci tanda tangan elektronik (LETTER_SIGNING_P12) belum diisi: surat belum ditandatangani dan belum dikirim.";
    await setStatus(gh, ref, pr.headSha, { context: "tanda-tangan", state: "error", description: result.problem });
    return result;
  }
  // The deployed commit: the request pull request's merge, as GitHub reports it.
  const { data: sourcePr } = await gh.rest.pulls.get({ ...ref, pull_number: source });
  if (!sourcePr.merge_commit_sha || !sourcePr.merged_at) return result;
  const deployedSha = sourcePr.merge_commit_sha;
  const planned = await plannedLetters(gh, ref, source, deployedSha, o.today);
  if (!planned) return result;
  // An official letter with a broken emblem is not signed: the problem is said on the status.
  const emblem = await logoAt(gh, ref, governance, pr.baseRef);
  if (emblem.problem) {
    result.problem = emblem.problem;
    await setStatus(gh, ref, pr.headSha, { context: "tanda-tangan", state: "error", description: emblem.problem.slice(0, 140) });
    return result;
  }
  const signer = signerOf(governance, disposition);
  const pattern = governance.letters?.numberPattern ?? DEFAULT_SCHEME;
  const now = (o.now ?? (() => new Date()))();
  for (const l of planned.letters) {
    const entry = await updateAgenda(gh, ref, { year: Number(o.today.slice(0, 4)), fromSha: pr.headSha, message: `Agenda: nomor surat untuk #${source}` }, (a) => {
      const r = reserve(a, { date: o.today, pattern, opd: l.opd, request: l.file, pullRequest: source, kind: l.kind });
      return { agenda: r.agenda, result: r.entry };
    });
    if (entry.sha256) continue; // signed and recorded by an earlier run
    const pdf = await renderLetter({ governance, account: l.account, number: entry.number, date: entry.date, lang, outcome: l.outcome, electronic: true, ...(signer ? { signer } : {}), ...(emblem.logo ? { logo: emblem.logo } : {}) });
    const signedBy = signer ? `${signer.prefix} ${signer.name}` : governance.government.head.name;
    const signed = await signPdf(pdf, o.signingKey, { name: signedBy, reason: `Surat balasan ${entry.number}`, location: governance.government.city, at: now });
    const letter: SignedLetter = { file: l.file, kind: l.kind, account: l.account, governance, entry, pdf: signed, filename: `surat-${l.opd}-${asciiLabel(l.account.host.unicode.split(".")[0]!)}.pdf`, sha256: sha256(signed), source };
    // Sent only now, after the signing step; the digest is recorded once it went out.
    await o.deliver?.(letter);
    await updateAgenda(gh, ref, { year: Number(o.today.slice(0, 4)), fromSha: pr.headSha, message: `Agenda: surat ${entry.number} ditandatangani` }, (a) => ({ agenda: recordSigned(a, entry.number, letter.sha256, signedBy), result: undefined }));
    result.signed.push(letter);
    await upsertComment(gh, ref, source, `<!-- surat-terkirim: ${entry.number} -->`, `<!-- surat-terkirim: ${entry.number} -->\n### ✉️ Surat balasan Nomor ${entry.number} ditandatangani dan dikirim\n\nDitandatangani secara elektronik oleh ${md(signedBy)}; sidik SHA-256 PDF: \`${letter.sha256}\` (tercatat di agenda). Persetujuan langkahnya: #${pr.number}.`);
  }
  await gh.rest.pulls.merge({ ...ref, pull_number: pr.number, sha: pr.headSha, merge_method: "squash" });
  result.merged = true;
  return result;
}
