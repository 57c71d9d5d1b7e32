// How the bot's jobs sign and send letters (reply-letter and rejection pull requests): the
// signing key from LETTER_SIGNING_P12 / LETTER_SIGNING_PASSPHRASE, and a sender that writes the
// signed PDF to out/letters/ and, when SMTP is configured, e-mails it once to the OPD's contacts
// (the sent-ledger is the request pull request's bot comments).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { LetterRefreshOptions, SignedLetter } from "../github/letter-flow.ts";
import type { GitHub, RepoRef } from "../github/octokit.ts";
import { signingKeyFromEnv } from "../letter/sign.ts";
import { composeMail } from "../notify/compose.ts";
import { PullRequestLedger } from "../notify/ledger.ts";
import { sendOnce } from "../notify/send.ts";
import { secretValues, smtpSettingsFromEnv } from "../notify/settings.ts";

export function letterDelivery(gh: GitHub, ref: RepoRef, env: NodeJS.ProcessEnv = process.env): Pick<LetterRefreshOptions, "signingKey" | "deliver"> {
  const signingKey = env.LETTER_SIGNING_P12 ? signingKeyFromEnv(env) : undefined;
  const deliver = async (l: SignedLetter) => {
    const out = resolve(env.LETTER_OUT ?? "out/letters");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, l.filename), l.pdf);
    const settings = smtpSettingsFromEnv(env);
    if (!settings.ok) {
      process.stderr.write(`Surat ${l.entry.number} ditulis ke ${out}; SMTP belum diatur, e-mail tidak dikirim. / SMTP not configured, no e-mail sent.\n`);
      return;
    }
    // One e-mail per letter: the letter number keys the Message-ID.
    const mail = composeMail({ governance: l.governance, account: l.account, sha: l.entry.number, from: settings.settings.from, letter: { number: l.entry.number, date: l.entry.date, pdf: l.pdf, filename: l.filename } });
    await sendOnce(mail, { file: l.file, sha: l.entry.number }, settings.settings, new PullRequestLedger(gh, ref, l.source), { secrets: secretValues(env) });
  };
  return { ...(signingKey ? { signingKey } : {}), deliver };
}
