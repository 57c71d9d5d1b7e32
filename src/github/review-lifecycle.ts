// The review lifecycle (issue 15): before a request's reviewBy date (hygiene.review.remindDays)
// its OPD's liaisons get a reminder issue and its contacts one e-mail, asking them to confirm (a
// change request that moves reviewBy) or to ask for removal; the issue closes when reviewBy
// moves. After reviewBy plus the grace period, the bot proposes a decommission pull request
// (DNS removed, data kept) that goes through the normal chain.
import { formatDate } from "../worktime/format.ts";
import type { Governance } from "../model/governance.ts";
import { addDays, hygieneSettings, reviewStatus } from "../model/hygiene.ts";
import { zoneOf } from "../model/names.ts";
import { mdText } from "../audit/words.ts";
import { asciiHost, relativeName } from "../state/names.ts";
import type { RequestFile } from "../validate/rule.ts";
import { branchSlug, proposeChange, type BotChangeOutcome } from "./bot-change.ts";
import { withDecommission } from "./hygiene-edit.ts";
import { liaisonMentions, mailKey, recipients, type MailWanted } from "./hygiene-mail.ts";
import { syncLabels } from "./labels.ts";
import type { GitHub, RepoRef } from "./octokit.ts";

export const REVIEW_LABEL = "tinjau-ulang";
const MARKER = (file: string) => `<!-- tinjau-ulang: ${file} -->`;
const MARKER_RE = /<!-- tinjau-ulang: (requests\/[^ ]+\.yaml) -->/;

export interface ReviewResult {
  reminded: number[];
  closed: number[];
  decommissions: (BotChangeOutcome & { file: string })[];
  mails: MailWanted[];
}

export async function runReviewLifecycle(gh: GitHub, ref: RepoRef, requests: readonly RequestFile[], governance: Governance, o: { baseBranch: string; today: string }): Promise<ReviewResult> {
  const settings = hygieneSettings(governance);
  const out: ReviewResult = { reminded: [], closed: [], decommissions: [], mails: [] };
  const open = (await gh.paginate(gh.rest.issues.listForRepo, { ...ref, labels: REVIEW_LABEL, state: "open", per_page: 100 })).filter((i) => !i.pull_request && i.user?.type === "Bot");
  const existing = new Map<string, (typeof open)[number]>();
  for (const i of open.sort((a, b) => a.number - b.number)) {
    const file = MARKER_RE.exec(i.body ?? "")?.[1];
    if (file && !existing.has(file)) existing.set(file, i);
  }
  const waiting = new Set<string>();
  for (const { file, request: r } of [...requests].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const status = reviewStatus(r, o.today, settings);
    if (status === "ok") continue;
    waiting.add(file);
    const zone = zoneOf(r, governance);
    const name = zone ? `${relativeName(r.label, undefined)}.${asciiHost(zone.name)}` : r.label;
    const deadline = addDays(r.reviewBy, settings.graceDays);
    const body = [
      MARKER(file),
      `${liaisonMentions(r.opd, governance)} Subdomain **${mdText(name)}** (\`${mdText(file)}\`) wajib ditinjau ulang paling lambat **${formatDate(r.reviewBy)}**.`,
      "",
      "Mohon pilih salah satu:",
      "- **Masih dipakai**: ajukan permohonan perubahan (formulir *Ubah subdomain*) dengan tanggal tinjau ulang (`reviewBy`) yang baru;",
      "- **Tidak dipakai lagi**: ajukan penghapusan (formulir *Hapus subdomain*).",
      "",
      `Bila sampai ${formatDate(deadline)} tidak ada penegasan, Diskominfo mengajukan penonaktifan otomatis: catatan DNS dicabut, data hosting tetap disimpan, dan pengajuan itu tetap melalui alur disposisi biasa.`,
      "",
      `*English: confirm by a change request moving \`reviewBy\`, or ask for removal; after ${deadline} a decommission (data kept) is proposed.*`,
    ].join("\n");
    const title = `Tinjau ulang ${name} sebelum ${formatDate(r.reviewBy)}`;
    const found = existing.get(file);
    let issue: { number: number; html_url: string };
    if (!found) {
      const { data } = await gh.rest.issues.create({ ...ref, title, body });
      issue = data;
      out.reminded.push(data.number);
    } else {
      issue = found;
      if (found.body !== body || found.title !== title) await gh.rest.issues.update({ ...ref, issue_number: found.number, title, body });
    }
    await syncLabels(gh, ref, issue.number, [REVIEW_LABEL, `opd:${r.opd}`], (l) => l === REVIEW_LABEL || l.startsWith("opd:"));
    const to = recipients(r, r.opd, governance);
    if (to.length)
      out.mails.push({
        issue: issue.number,
        issueUrl: issue.html_url,
        key: mailKey("tinjau-ulang", file, r.reviewBy, issue.number),
        to,
        subject: `Tinjau ulang subdomain ${name} sebelum ${formatDate(r.reviewBy)}`,
        text: [
          `Yth. pengelola ${name},`,
          "",
          `Subdomain ${name} wajib ditinjau ulang paling lambat ${formatDate(r.reviewBy)}. Mohon tegaskan bahwa subdomain masih dipakai (permohonan perubahan dengan tanggal tinjau ulang baru) atau ajukan penghapusan.`,
          `Tanpa penegasan sampai ${formatDate(deadline)}, subdomain diusulkan untuk dinonaktifkan (data hosting tetap disimpan).`,
          "",
          `Rincian: ${issue.html_url}`,
        ].join("\n"),
      });
    if (status === "expired" && !r.decommission)
      out.decommissions.push({
        file,
        ...(await proposeChange(gh, ref, {
          branch: `penonaktifan/${branchSlug(file)}`,
          baseBranch: o.baseBranch,
          path: file,
          edit: (text) => withDecommission(text, { reason: `Tidak ditegaskan masih dipakai sampai ${deadline} (tinjau ulang ${r.reviewBy}, isu #${issue.number})`, letter: { number: `Tanpa surat: diajukan otomatis, isu #${issue.number}`, date: o.today } }),
          message: `Penonaktifan ${name}: tinjau ulang ${r.reviewBy} tidak ditegaskan (isu #${issue.number})`,
          title: `[penonaktifan] ${name}`,
          body: [
            `Subdomain **${mdText(name)}** tidak ditegaskan masih dipakai sampai ${formatDate(deadline)} (tinjau ulang ${formatDate(r.reviewBy)}, isu #${issue.number}).`,
            "",
            "- Yang berubah: catatan DNS dicabut. Data hosting **tidak** dihapus.",
            "- Persetujuan: alur disposisi biasa.",
            `- OPD masih memakai subdomain ini? Tutup pull request ini dan ajukan perubahan \`reviewBy\`.`,
          ].join("\n"),
          labels: [REVIEW_LABEL, `opd:${r.opd}`],
        })),
      });
  }
  for (const [file, issue] of existing) {
    if (waiting.has(file)) continue;
    await gh.rest.issues.createComment({ ...ref, issue_number: issue.number, body: "Tanggal tinjau ulang sudah diperbarui atau subdomain sudah dinonaktifkan; isu ditutup. Terima kasih." });
    await gh.rest.issues.update({ ...ref, issue_number: issue.number, state: "closed", state_reason: "completed" });
    out.closed.push(issue.number);
  }
  return out;
}
