// npm run hygiene -- --report DIR/audit.json [--root DIR] [--base BRANCH] [--run-url URL]
// After `npm run audit -- --out DIR` in the scheduled workflow: keeps one issue per affected name
// (opened, updated, closed), proposes suspension pull requests for gambling and takeover findings,
// runs the review lifecycle (reminder issues, decommission pull requests), and e-mails each
// issue's contacts once when SMTP_* is set (said on stdout when it is not). Without --report only
// the review lifecycle runs. Exit 0 done, 1 failure, 2 bad usage.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { AuditReport } from "../audit/types.ts";
import { syncAuditIssues } from "../github/audit-issues.ts";
import type { MailWanted } from "../github/hygiene-mail.ts";
import { runReviewLifecycle } from "../github/review-lifecycle.ts";
import { validateRepository } from "../validate/files/repository.ts";
import { sendHygieneMails } from "../notify/hygiene.ts";
import { secretValues, smtpSettingsFromEnv } from "../notify/settings.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";
import { githubEnv } from "./github-env.ts";

const USAGE = "Penggunaan / usage: npm run hygiene -- [--report DIR/audit.json] [--root DIR] [--base BRANCH] [--run-url URL]";

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, { report: { type: "string" }, root: { type: "string" }, base: { type: "string" }, "run-url": { type: "string" } });
  if (!cli) return 0;
  const { values } = cli;
  let report: AuditReport | undefined;
  if (values.report) {
    try {
      report = JSON.parse(readFileSync(values.report, "utf8")) as AuditReport;
    } catch (e) {
      throw new UsageError(`${values.report}: laporan audit tidak dapat dibaca / audit report cannot be read (${(e as Error).message})`);
    }
    if (!Array.isArray(report.findings) || !Array.isArray(report.problems)) throw new UsageError(`${values.report}: bukan laporan audit / not an audit report`);
  }
  const v = validateRepository(resolve(values.root ?? "."));
  if (!v.governance) throw new UsageError("governance.yaml tidak sah / governance.yaml is invalid (npm run validate)");
  const env = githubEnv();
  const baseBranch = values.base ?? "main";
  const mails: MailWanted[] = [];
  if (report) {
    const a = await syncAuditIssues(env.gh, env.ref, report, v.requests, v.governance, { baseBranch, today: env.today, ...(values["run-url"] ? { runUrl: values["run-url"] } : {}) });
    process.stdout.write(`Isu audit / audit issues: dibuka ${a.opened.join(", ") || "-"}; diperbarui ${a.updated.join(", ") || "-"}; ditutup ${a.closed.join(", ") || "-"}\n`);
    for (const s of a.suspensions) process.stdout.write(`Penangguhan / suspension ${s.name}: ${s.action}${s.number ? ` #${s.number}` : ""}\n`);
    mails.push(...a.mails);
  }
  const r = await runReviewLifecycle(env.gh, env.ref, v.requests, v.governance, { baseBranch, today: env.today });
  process.stdout.write(`Tinjau ulang / review: pengingat ${r.reminded.join(", ") || "-"}; ditutup ${r.closed.join(", ") || "-"}\n`);
  for (const d of r.decommissions) process.stdout.write(`Penonaktifan / decommission ${d.file}: ${d.action}${d.number ? ` #${d.number}` : ""}\n`);
  mails.push(...r.mails);

  const smtp = smtpSettingsFromEnv();
  if (!smtp.ok) {
    process.stdout.write(`E-mail tidak dikirim: SMTP belum diatur (${smtp.problems.map((p) => p.id).join(" ")}) / e-mails not sent: SMTP is not configured\n`);
    return 0;
  }
  const sent = await sendHygieneMails(env.gh, env.ref, mails, smtp.settings, { secrets: secretValues() });
  process.stdout.write(`E-mail: ${sent.filter((s) => s.status === "sent").length} dikirim / sent, ${sent.filter((s) => s.status === "already-sent").length} sudah pernah / already sent\n`);
  return 0;
}

void runMain(main);
