// A decision step rejects (Purbalingga: the name exists or does not serve the government;
// Balangan: it exists already): its official chooses "Request changes" and writes
// `/tolak KODE` on the first line, with a code from governance.disposition.rejectionReasons.
// The bot then closes the pull request unmerged, labels it `ditolak`, numbers a rejection letter
// from the agenda, signs it and sends it to the OPD. Only an official of a decision step whose
// turn it is (every step before it approved) can reject; anyone else's `/tolak` stays a plain
// "returned for fixing", and an unknown code is answered with the codes governance allows.
import { actingOn, rulesForPhase } from "../disposition/phases.ts";
import type { DispositionResult } from "../disposition/types.ts";
import { accountDetails } from "../letter/account.ts";
import { recordSigned, reserve } from "../letter/agenda.ts";
import { DEFAULT_SCHEME } from "../letter/number.ts";
import { renderLetter } from "../letter/render.ts";
import { sha256, signPdf } from "../letter/sign.ts";
import type { Governance } from "../model/governance.ts";
import { asciiLabel } from "../model/names.ts";
import { EMPTY_STATE } from "../plan/base.ts";
import { updateAgenda } from "./agenda.ts";
import { upsertComment } from "./comments.ts";
import { logoAt, type LetterRefreshOptions, type SignedLetter } from "./letter-flow.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import { teamMembers } from "./ownership.ts";
import type { PullRequestView } from "./pull-request.ts";
import { md } from "./request-summary.ts";
import type { RequestSide } from "./request-summary.ts";

export const REJECTED_LABEL = "ditolak";
const COMMAND = /^\s*\/tolak\s+([A-Za-z0-9-]+)/;
const MARKER = "<!-- penolakan -->";

export interface Rejection {
  user: string;
  code: string;
  reason: string;
  at: string;
  letters: SignedLetter[];
  problem?: string;
}

/** The valid rejection on the pull request, if any (pure apart from reading reviews and teams). */
async function findRejection(gh: GitHub, ref: RepoRef, pr: PullRequestView, governance: Governance, d: DispositionResult) {
  const steps = rulesForPhase(governance.disposition, "before-merge").steps;
  const reviews = (await gh.paginate(gh.rest.pulls.listReviews, { ...ref, pull_number: pr.number, per_page: 100 })).filter((r) => r.user && r.submitted_at);
  const latest = new Map<string, (typeof reviews)[number]>();
  for (const r of [...reviews].sort((a, b) => Date.parse(a.submitted_at!) - Date.parse(b.submitted_at!))) if (r.state !== "COMMENTED") latest.set(r.user!.login.toLowerCase(), r);
  const excluded = new Set([pr.applicant, pr.author, ...pr.coAuthors].map((x) => x.toLowerCase()));
  for (const r of latest.values()) {
    const m = COMMAND.exec(r.body ?? "");
    if (r.state !== "CHANGES_REQUESTED" || !m || r.commit_id !== pr.headSha || excluded.has(r.user!.login.toLowerCase())) continue;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      if (s.kind !== "decision" || !d.steps.slice(0, i).every((o) => o.status === "approved")) continue;
      const login = r.user!.login.toLowerCase();
      const allowed =
        (s.users ?? []).some((u) => u.toLowerCase() === login) ||
        actingOn(s, login, r.submitted_at!, governance.workingHours.timeZone) !== undefined || (s.team !== undefined && (await teamMembers(gh, s.team)).some((u) => u.toLowerCase() === login));
      if (!allowed) continue;
      const code = m[1]!.toLowerCase();
      const reason = governance.disposition.rejectionReasons?.find((x) => x.code === code);
      return { user: r.user!.login, at: r.submitted_at!, code, reason: reason?.text };
    }
  }
  return undefined;
}

export async function handleRejection(
  gh: GitHub,
  ref: RepoRef,
  pr: PullRequestView,
  governance: Governance,
  d: DispositionResult,
  sides: ReadonlyArray<{ before?: RequestSide; after?: RequestSide }>,
  o: { today: string; letters?: Pick<LetterRefreshOptions, "signingKey" | "deliver" | "now"> },
): Promise<Rejection | undefined> {
  const found = await findRejection(gh, ref, pr, governance, d);
  if (!found) return undefined;
  if (!found.reason) {
    const codes = (governance.disposition.rejectionReasons ?? []).map((x) => `\`${x.code}\` (${md(x.text)})`).join(", ") || "(governance.yaml belum memuat rejectionReasons)";
    await upsertComment(gh, ref, pr.number, MARKER, `${MARKER}\n@${found.user}: kode penolakan \`${md(found.code)}\` tidak dikenal. Kode yang dapat dipakai: ${codes}. Permohonan diperlakukan sebagai dikembalikan untuk diperbaiki.`);
    return undefined;
  }
  const result: Rejection = { user: found.user, code: found.code, reason: found.reason, at: found.at, letters: [] };
  const key = o.letters?.signingKey;
  const emblem = key ? await logoAt(gh, ref, governance, pr.baseRef) : {};
  if (!key) result.problem = "Kunci tanda tangan elektronik (LETTER_SIGNING_P12) belum diisi: surat penolakan belum ditandatangani dan belum dikirim.";
  else if (emblem.problem) result.problem = `${emblem.problem} Surat penolakan belum ditandatangani dan belum dikirim.`;
  else {
    const pattern = governance.letters?.numberPattern ?? DEFAULT_SCHEME;
    const year = Number(o.today.slice(0, 4));
    for (const side of sides) {
      const s = side.after ?? side.before!;
      const account = accountDetails(s.file, s.request, governance, EMPTY_STATE);
      const entry = await updateAgenda(gh, ref, { year, fromSha: pr.headSha, message: `Agenda: surat penolakan untuk #${pr.number}` }, (a) => {
        const r = reserve(a, { date: o.today, pattern, opd: s.request.opd, request: s.file, pullRequest: pr.number, kind: "tolak" });
        return { agenda: r.agenda, result: r.entry };
      });
      if (entry.sha256) continue;
      const outcome = { kind: "tolak" as const, code: found.code, reason: found.reason };
      const pdf = await renderLetter({ governance, account, number: entry.number, date: entry.date, outcome, electronic: true, ...(emblem.logo ? { logo: emblem.logo } : {}) });
      const signed = await signPdf(pdf, key, { name: governance.government.head.name, reason: `Surat penolakan ${entry.number}`, location: governance.government.city, at: (o.letters?.now ?? (() => new Date()))() });
      const letter: SignedLetter = { file: s.file, kind: "tolak", account, governance, entry, pdf: signed, filename: `surat-tolak-${s.request.opd}-${asciiLabel(s.request.label)}.pdf`, sha256: sha256(signed), source: pr.number };
      await o.letters?.deliver?.(letter);
      await updateAgenda(gh, ref, { year, fromSha: pr.headSha, message: `Agenda: surat ${entry.number} ditandatangani` }, (a) => ({ agenda: recordSigned(a, entry.number, letter.sha256, governance.government.head.name), result: undefined }));
      result.letters.push(letter);
    }
  }
  const sent = result.letters.map((l) => `Nomor ${l.entry.number} (SHA-256 \`${l.sha256}\`)`).join("; ");
  await upsertComment(
    gh,
    ref,
    pr.number,
    MARKER,
    `${MARKER}\n### ⛔ Permohonan ditolak\n\nDitolak oleh @${found.user} dengan alasan: **${md(found.reason)}** (kode \`${found.code}\`).\n\n${sent ? `Surat penolakan ${sent} telah ditandatangani dan dikirim ke OPD.` : (result.problem ?? "")}\n\nPermohonan ditutup tanpa digabung; OPD dapat mengajukan permohonan baru.`,
  );
  if (!result.problem) {
    await gh.rest.issues.addLabels({ ...ref, issue_number: pr.number, labels: [REJECTED_LABEL] });
    await gh.rest.pulls.update({ ...ref, pull_number: pr.number, state: "closed" });
  }
  return result;
}
