// Acting on the audit (issue 15): one issue per affected name, opened, updated while findings
// last and closed when a later audit finds the name clean; the OPD's liaisons are mentioned and
// its contacts e-mailed once per issue (the e-mails are returned for the caller to send). A
// gambling or takeover finding also proposes a suspension pull request, which the pull request
// bot puts through governance's emergency chain (see hygiene-edit.ts, refresh.ts).
import type { Governance } from "../model/governance.ts";
import { SUSPENDING_KINDS, type AuditReport, type Finding, type FindingKind } from "../audit/types.ts";
import { KIND, label, mdText } from "../audit/words.ts";
import type { RequestFile } from "../validate/rule.ts";
import { branchSlug, proposeChange, type BotChangeOutcome } from "./bot-change.ts";
import { withSuspension } from "./hygiene-edit.ts";
import { liaisonMentions, mailKey, recipients, type MailWanted } from "./hygiene-mail.ts";
import { syncLabels } from "./labels.ts";
import type { GitHub, RepoRef } from "./octokit.ts";

export const AUDIT_LABEL = "audit";
export const CRITICAL_LABEL = "audit:gawat";
export const SUSPENSION_LABEL = "penangguhan";
const MARKER = (name: string) => `<!-- audit-name: ${name} -->`;
const MARKER_RE = /<!-- audit-name: ([a-z0-9.-]+) -->/;

export interface AuditSyncOptions {
  baseBranch: string;
  today: string;
  runUrl?: string;
}

export interface AuditSyncResult {
  opened: number[];
  updated: number[];
  closed: number[];
  suspensions: (BotChangeOutcome & { name: string })[];
  mails: MailWanted[];
}

function issueBody(name: string, fs: readonly Finding[], governance: Governance, o: AuditSyncOptions): string {
  const opd = governance.opds.find((x) => x.code === fs[0]!.opd);
  const mentions = liaisonMentions(fs[0]!.opd, governance);
  const lines = [
    MARKER(name),
    `Audit ${o.today} menemukan masalah pada **${mdText(name)}** (${mdText(opd?.name ?? fs[0]!.opd)}, \`${mdText(fs[0]!.file)}\`).`,
    "",
    mentions ? `${mentions}: mohon ditindaklanjuti. Isu ini diperbarui pada setiap audit dan ditutup otomatis setelah audit tidak menemukan masalah lagi.` : "Isu ini diperbarui pada setiap audit dan ditutup otomatis setelah audit tidak menemukan masalah lagi.",
    "",
  ];
  for (const f of fs) lines.push(`### ${mdText(label(f.kind, "id"))} (\`${f.kind}\`)`, "", `- Temuan: ${mdText(f.evidence.id)}`, `- Perbaikan: ${mdText(f.fix.id)}`, "");
  if (fs.some((f) => SUSPENDING_KINDS.has(f.kind))) lines.push("Diskominfo mengajukan **penangguhan darurat**: catatan DNS nama ini dicabut sampai masalah selesai; berkas permohonan dan data hosting tetap disimpan.", "");
  if (o.runUrl) lines.push(`[Log audit](${o.runUrl})`, "");
  lines.push(`<details><summary>English</summary>\n\n${fs.map((f) => `- **${mdText(label(f.kind, "en"))}**: ${mdText(f.evidence.en)} ${mdText(f.fix.en)}`).join("\n")}\n</details>`);
  return lines.join("\n") + "\n";
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function syncAuditIssues(gh: GitHub, ref: RepoRef, report: AuditReport, requests: readonly RequestFile[], governance: Governance, o: AuditSyncOptions): Promise<AuditSyncResult> {
  const out: AuditSyncResult = { opened: [], updated: [], closed: [], suspensions: [], mails: [] };
  const byName = new Map<string, Finding[]>();
  for (const f of report.findings) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  const unchecked = new Set(report.problems.map((p) => p.name));
  // Only the bot's own issues count: a marker planted by anyone else is ignored.
  const open = (await gh.paginate(gh.rest.issues.listForRepo, { ...ref, labels: AUDIT_LABEL, state: "open", per_page: 100 })).filter((i) => !i.pull_request && i.user?.type === "Bot");
  const existing = new Map<string, (typeof open)[number]>();
  for (const i of open.sort((a, b) => a.number - b.number)) {
    const name = MARKER_RE.exec(i.body ?? "")?.[1];
    if (name && !existing.has(name)) existing.set(name, i);
  }

  for (const [name, fs] of [...byName.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const body = issueBody(name, fs, governance, o);
    const kinds = [...new Set(fs.map((f) => f.kind))];
    const title = `Audit: ${name} — ${kinds.map((k) => label(k, "id")).join(", ")}`.slice(0, 250);
    const labels = [AUDIT_LABEL, `opd:${fs[0]!.opd}`, ...(kinds.some((k) => KIND[k].urgency === "critical") ? [CRITICAL_LABEL] : [])];
    const found = existing.get(name);
    let issue: { number: number; html_url: string };
    if (!found) {
      const { data } = await gh.rest.issues.create({ ...ref, title, body });
      out.opened.push(data.number);
      issue = data;
    } else {
      issue = found;
      if (found.body !== body || found.title !== title) {
        await gh.rest.issues.update({ ...ref, issue_number: found.number, title, body });
        out.updated.push(found.number);
      }
    }
    await syncLabels(gh, ref, issue.number, labels, (l) => l === AUDIT_LABEL || l === CRITICAL_LABEL || l.startsWith("opd:"));
    const mail = mailFor(name, fs, issue.number, issue.html_url, requests, governance);
    if (mail) out.mails.push(mail);
    const critical = fs.find((f) => SUSPENDING_KINDS.has(f.kind));
    if (critical) out.suspensions.push({ name, ...(await proposeSuspension(gh, ref, critical, requests, issue.number, o)) });
  }

  for (const [name, issue] of existing) {
    if (byName.has(name) || unchecked.has(name)) continue;
    await gh.rest.issues.createComment({ ...ref, issue_number: issue.number, body: `Audit ${o.today} tidak menemukan masalah lagi pada ${mdText(name)}; isu ditutup.${o.runUrl ? ` ([log](${o.runUrl}))` : ""}` });
    await gh.rest.issues.update({ ...ref, issue_number: issue.number, state: "closed", state_reason: "completed" });
    out.closed.push(issue.number);
  }
  return out;
}

function mailFor(name: string, fs: readonly Finding[], issue: number, issueUrl: string, requests: readonly RequestFile[], governance: Governance): MailWanted | undefined {
  const to = recipients(requests.find((r) => r.file === fs[0]!.file)?.request, fs[0]!.opd, governance);
  if (!to.length) return undefined;
  const critical = fs.some((f) => SUSPENDING_KINDS.has(f.kind));
  return {
    issue,
    issueUrl,
    key: mailKey("audit", name, issue),
    to,
    subject: `${critical ? "[SEGERA] " : ""}Hasil audit subdomain ${name}`,
    text: [
      `Yth. pengelola ${name},`,
      "",
      `Audit berkala Diskominfo ${governance.government.name} menemukan masalah berikut:`,
      "",
      ...fs.flatMap((f) => [`- ${label(f.kind, "id")}: ${f.evidence.id}`, `  Perbaikan: ${f.fix.id}`]),
      "",
      `Perkembangan dan diskusi: ${issueUrl}`,
      "",
      "E-mail ini dikirim sekali untuk isu tersebut; pembaruan berikutnya ada di isu.",
    ].join("\n"),
  };
}

async function proposeSuspension(gh: GitHub, ref: RepoRef, f: Finding, requests: readonly RequestFile[], issue: number, o: AuditSyncOptions): Promise<BotChangeOutcome> {
  const req = requests.find((r) => r.file === f.file)?.request;
  if (!req || req.suspension || req.decommission) return { action: "nothing" };
  const kind = f.kind as Extract<FindingKind, "gambling-content" | "takeover-risk">;
  const reason = `${label(kind, "id")}: audit ${o.today}, isu #${issue}`;
  return proposeChange(gh, ref, {
    branch: `penangguhan/${branchSlug(f.file)}`,
    baseBranch: o.baseBranch,
    path: f.file,
    edit: (text) => withSuspension(text, { reason, since: o.today, finding: kind }),
    message: `Penangguhan darurat ${f.name}: ${label(kind, "id")} (isu #${issue})`,
    title: `[penangguhan] ${f.name}`,
    body: [
      `Penangguhan darurat **${mdText(f.name)}** karena ${mdText(label(kind, "id").toLowerCase())} (isu #${issue}).`,
      "",
      `- Temuan: ${mdText(f.evidence.id)}`,
      "- Yang berubah: catatan DNS nama ini dicabut. Berkas permohonan dan data hosting tetap disimpan.",
      "- Persetujuan: alur darurat dari governance (hygiene.suspension).",
      "- Mencabut penangguhan: permohonan perubahan biasa yang menghapus blok `suspension` setelah masalah selesai.",
      "",
      `<!-- penangguhan: ${f.name} -->`,
    ].join("\n"),
    labels: [SUSPENSION_LABEL, `opd:${f.opd}`],
  });
}
