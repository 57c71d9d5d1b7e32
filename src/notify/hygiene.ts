// Sending the hygiene e-mails (audit findings, review reminders) once per issue: the issue's bot
// comments are the ledger (a hidden marker with the Message-ID), as the pull request is for the
// deployment e-mail (ledger.ts).
import { findComment, upsertComment } from "../github/comments.ts";
import type { MailWanted } from "../github/hygiene-mail.ts";
import type { GitHub, RepoRef } from "../github/octokit.ts";
import type { ComposedMail } from "./compose.ts";
import { mailMarker, type SentEntry, type SentLedger } from "./ledger.ts";
import { sendOnce, type SendOptions, type SendOutcome } from "./send.ts";
import type { SmtpSettings } from "./settings.ts";

class IssueLedger implements SentLedger {
  constructor(
    private readonly gh: GitHub,
    private readonly ref: RepoRef,
    private readonly issue: number,
  ) {}

  async has(id: string): Promise<boolean> {
    return (await findComment(this.gh, this.ref, this.issue, mailMarker(id))) !== undefined;
  }

  async record(entry: SentEntry): Promise<void> {
    await upsertComment(this.gh, this.ref, this.issue, mailMarker(entry.id), `E-mail pemberitahuan dikirim ke ${entry.recipients.length} kontak OPD pada ${entry.at}.\n\n*English: the notice was e-mailed to ${entry.recipients.length} agency contacts.*`);
  }
}

export function composeHygieneMail(w: MailWanted, from: string): ComposedMail {
  const domain = /@([^\s>]+)/.exec(from)?.[1]?.toLowerCase() ?? "localhost";
  const id = `<hygiene-${w.key}@${domain}>`;
  return { id, recipients: w.to.map((t) => t.address), message: { from, to: w.to, subject: w.subject, text: w.text, messageId: id } };
}

export async function sendHygieneMails(gh: GitHub, ref: RepoRef, mails: readonly MailWanted[], smtp: SmtpSettings, options: SendOptions = {}): Promise<SendOutcome[]> {
  const out: SendOutcome[] = [];
  for (const w of mails) out.push(await sendOnce(composeHygieneMail(w, smtp.from), { file: w.issueUrl, sha: String(w.issue) }, smtp, new IssueLedger(gh, ref, w.issue), options));
  return out;
}
