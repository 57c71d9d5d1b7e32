// The e-mail that tells the OPD's contacts their subdomain is live: Indonesian by default, the
// account details (the same rows as the letter), the letter PDF attached. No secret: it carries
// names and addresses only, and refuses to go out if any secret value from the environment
// appears in it.
import { createHash } from "node:crypto";
import type Mail from "nodemailer/lib/mailer/index.js";
import addressparser from "nodemailer/lib/addressparser/index.js";
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import type { AccountDetails } from "../letter/account.ts";
import { accountRows } from "../letter/content.ts";
import { formatDate } from "../worktime/format.ts";

export interface MailInput {
  governance: Governance;
  account: AccountDetails;
  /** The deployed commit: one e-mail per request and deployment. */
  sha: string;
  from: string;
  letter: { number: string; date: string; pdf: Buffer; filename: string };
  lang?: Lang;
  /** Link to the pull request or the run, shown in the e-mail. */
  link?: string;
}

export interface ComposedMail {
  /** Deterministic: the same request and commit always give the same id. */
  id: string;
  message: Mail.Options;
  recipients: string[];
}

/** `<subdomain-<hash>@<domain of the sender>>`: the same for every re-run of the same deployment. */
export function mailId(file: string, sha: string, from: string): string {
  const domain = /@([^\s>]+)/.exec(from)?.[1]?.toLowerCase() ?? "localhost";
  const hash = createHash("sha256").update(`${file}\n${sha}`).digest("hex").slice(0, 32);
  return `<subdomain-${hash}@${domain}>`;
}

const T = {
  id: {
    subject: (host: string) => `Subdomain ${host} telah aktif - Balasan Permohonan Subdomain`,
    greeting: (name: string) => `Yth. ${name},`,
    intro: (host: string, n: string, d: string) =>
      `Permohonan subdomain ${host} (surat Nomor ${n} tanggal ${d}) telah selesai diproses dan subdomain sudah aktif. Rinciannya sebagai berikut:`,
    letter: (n: string) => `Surat balasan Nomor ${n} terlampir dalam berkas PDF.`,
    noSecret: (hosting: boolean) =>
      hosting
        ? "E-mail ini tidak memuat kata sandi atau token. Akses klaster memakai akun dinas kontak teknis; token CI dibuat sendiri oleh OPD dari ServiceAccount di atas."
        : "E-mail ini tidak memuat kata sandi atau token.",
    link: (l: string) => `Catatan permohonan: ${l}`,
    closing: (office: string, gov: string) => `Hormat kami,\n${office}\n${gov}`,
    auto: (email?: string) => `E-mail ini dikirim otomatis; mohon tidak membalas. ${email ? `Pertanyaan dapat dikirim ke ${email}.` : ""}`.trim(),
  },
  en: {
    subject: (host: string) => `Subdomain ${host} is live - reply to your subdomain request`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (host: string, n: string, d: string) => `Your request for the subdomain ${host} (letter number ${n} of ${d}) has been completed and the subdomain is live. The details:`,
    letter: (n: string) => `The reply letter number ${n} is attached as a PDF.`,
    noSecret: (hosting: boolean) =>
      hosting
        ? "This e-mail carries no password or token. Cluster access uses the technical contact's official account; CI tokens are created by the agency from the ServiceAccount above."
        : "This e-mail carries no password or token.",
    link: (l: string) => `Request record: ${l}`,
    closing: (office: string, gov: string) => `Kind regards,\n${office}\n${gov}`,
    auto: (email?: string) => `This e-mail was sent automatically; please do not reply. ${email ? `Questions: ${email}.` : ""}`.trim(),
  },
} as const;

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function composeMail(input: MailInput): ComposedMail {
  const lang = input.lang ?? "id";
  const t = T[lang];
  const a = input.account;
  const g = input.governance.government;
  const rows = accountRows(a, lang);
  const admin = a.contacts.administrative;
  const tech = a.contacts.technical;
  const intro = t.intro(a.host.unicode, a.opdLetter.number, formatDate(a.opdLetter.date, lang));
  const width = Math.max(...rows.map(([k]) => k.length));
  const text = [
    t.greeting(admin.name),
    "",
    intro,
    "",
    ...rows.map(([k, v]) => `${k.padEnd(width)} : ${v.replace(/\n/g, `\n${" ".repeat(width + 3)}`)}`),
    "",
    t.letter(input.letter.number),
    t.noSecret(a.target.kind === "hosting"),
    ...(input.link ? [t.link(input.link)] : []),
    "",
    t.closing(g.office, g.name),
    "",
    "--",
    t.auto(g.email),
    "",
  ].join("\n");
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5">
<p>${escapeHtml(t.greeting(admin.name))}</p>
<p>${escapeHtml(intro)}</p>
<table style="border-collapse:collapse" cellpadding="6" border="1">
${rows.map(([k, v]) => `<tr><th align="left" style="background:#f0f0f0">${escapeHtml(k)}</th><td>${escapeHtml(v).replace(/\n/g, "<br>")}</td></tr>`).join("\n")}
</table>
<p>${escapeHtml(t.letter(input.letter.number))}<br>${escapeHtml(t.noSecret(a.target.kind === "hosting"))}</p>
${input.link ? `<p>${escapeHtml(t.link(input.link))}</p>` : ""}
<p>${escapeHtml(t.closing(g.office, g.name)).replace(/\n/g, "<br>")}</p>
<p style="color:#666;font-size:12px">${escapeHtml(t.auto(g.email))}</p>
</body></html>`;
  const to = admin.email.toLowerCase();
  const cc = tech.email.toLowerCase() === to ? [] : [tech.email.toLowerCase()];
  const id = mailId(a.file, input.sha, input.from);
  return {
    id,
    recipients: [to, ...cc],
    message: {
      from: input.from,
      // Addresses as objects (nodemailer encodes the name) and the SMTP envelope set explicitly:
      // a contact name holding `<`, `,`, quotes or a line break changes no recipient.
      to: [{ name: oneLine(admin.name), address: to }],
      ...(cc.length ? { cc: [{ name: oneLine(tech.name), address: cc[0]! }] } : {}),
      envelope: { from: envelopeFrom(input.from), to: [to, ...cc] },
      ...(g.email ? { replyTo: g.email } : {}),
      subject: t.subject(a.host.unicode),
      messageId: id,
      // RFC 3834: tells mail servers and auto-responders this is an automatic message.
      headers: { "Auto-Submitted": "auto-generated", "X-Subdomain-Request": a.file, "X-Subdomain-Deployment": input.sha },
      text,
      html,
      attachments: [{ filename: input.letter.filename, content: input.letter.pdf, contentType: "application/pdf" }],
    },
  };
}

/** A display name on one line: control characters (refused by validation anyway) become spaces. */
const oneLine = (s: string) => s.replace(/[\x00-\x1f\x7f-\x9f]+/g, " ").trim();

/** The bare address of the configured sender (`Name <a@b>` or `a@b`). */
function envelopeFrom(from: string): string {
  const parsed = addressparser(from, { flatten: true })[0];
  if (!parsed?.address) throw new Error(`SMTP_FROM tanpa alamat / SMTP_FROM has no address: ${from}`);
  return parsed.address;
}

/** Names of the secrets found in the message (by value); empty when the message is clean. */
export function leakedSecrets(message: Mail.Options, secrets: readonly string[]): string[] {
  const visible = [message.subject, message.text, message.html, JSON.stringify(message.headers ?? {}), JSON.stringify(message.to ?? ""), JSON.stringify(message.cc ?? "")].join("\n");
  return secrets.filter((s) => s && visible.includes(s));
}
