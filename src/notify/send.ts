// Sends a composed e-mail once: ledger check, secret check, SMTP, ledger record.
import nodemailer from "nodemailer";
import type { ComposedMail } from "./compose.ts";
import { leakedSecrets } from "./compose.ts";
import type { SentLedger } from "./ledger.ts";
import type { SmtpSettings } from "./settings.ts";

export type SendOutcome = { status: "sent"; id: string; accepted: string[] } | { status: "already-sent"; id: string };

export class SecretInMessageError extends Error {}

export interface SendOptions {
  /** Values that must not appear in the message (see secretValues). */
  secrets?: readonly string[];
  /** Clock for the ledger entry; injected for tests. */
  now?: () => Date;
  /** Tests against a local server with a self-signed certificate. */
  allowSelfSigned?: boolean;
}

export async function sendOnce(mail: ComposedMail, meta: { file: string; sha: string }, smtp: SmtpSettings, ledger: SentLedger, options: SendOptions = {}): Promise<SendOutcome> {
  if (await ledger.has(mail.id)) return { status: "already-sent", id: mail.id };
  const leaked = leakedSecrets(mail.message, options.secrets ?? []);
  if (leaked.length) throw new SecretInMessageError("E-mail memuat nilai rahasia; tidak dikirim / the e-mail contains a secret value; not sent");
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? "" } } : {}),
    ...(options.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
  });
  try {
    const info = await transport.sendMail(mail.message);
    await ledger.record({ id: mail.id, file: meta.file, sha: meta.sha, recipients: mail.recipients, at: (options.now ?? (() => new Date()))().toISOString() });
    return { status: "sent", id: mail.id, accepted: (info.accepted as Array<string | { address: string }>).map((a) => (typeof a === "string" ? a : a.address)) };
  } finally {
    transport.close();
  }
}
