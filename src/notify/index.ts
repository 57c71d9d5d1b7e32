// E-mail to the OPD's contacts after a deployment, sent once per request and commit.
export { smtpSettingsFromEnv, secretValues, type SmtpSettings, type SettingsResult } from "./settings.ts";
export { composeMail, mailId, leakedSecrets, type MailInput, type ComposedMail } from "./compose.ts";
export { FileLedger, PullRequestLedger, mailMarker, type SentLedger, type SentEntry } from "./ledger.ts";
export { sendOnce, SecretInMessageError, type SendOutcome, type SendOptions } from "./send.ts";
