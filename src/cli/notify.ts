// npm run notify -- <request file> --sha COMMIT [--pull N | --ledger FILE] [--letter PDF]
//                   [--number N] [--date TTTT-BB-HH] [--scheme POLA] [--link URL] [--dry-run]
//                   [--root DIR] [--lang id|en]
// E-mails the OPD's administrative and technical contacts that the request is live, with the
// reply letter attached (the given --letter PDF, or one rendered now). Sent once per request and
// commit: --pull N keeps the sent-ledger as a bot comment on pull request N (GITHUB_TOKEN,
// GITHUB_REPOSITORY), --ledger FILE in a JSON file (default out/mail/terkirim.json).
// SMTP settings: SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_FROM, SMTP_SECURE.
// Exit 0 sent or already sent, 1 failure, 2 bad usage.
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { createGitHub } from "../github/octokit.ts";
import { todayIn } from "../load/repository.ts";
import { asciiLabel } from "../model/names.ts";
import { checkScheme } from "../letter/number.ts";
import { loadDeployedRequest } from "../letter/load.ts";
import { renderLetter } from "../letter/render.ts";
import { resolveLetterNumber, ShallowHistoryError } from "../letter/sequence.ts";
import { composeMail } from "../notify/compose.ts";
import { FileLedger, PullRequestLedger, type SentLedger } from "../notify/ledger.ts";
import { sendOnce } from "../notify/send.ts";
import { secretValues, smtpSettingsFromEnv } from "../notify/settings.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE =
  "Penggunaan / usage: npm run notify -- <berkas permohonan> --sha COMMIT [--pull N | --ledger BERKAS] [--letter PDF] [--number N] [--date TTTT-BB-HH] [--scheme POLA] [--link URL] [--dry-run] [--root DIR] [--lang id|en]";

let lang: Lang = "id";
const say = (id: string, en: string) => (lang === "en" ? en : id);

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
      sha: { type: "string" },
      pull: { type: "string" },
      ledger: { type: "string" },
      letter: { type: "string" },
      number: { type: "string" },
      date: { type: "string" },
      scheme: { type: "string" },
      link: { type: "string" },
      "dry-run": { type: "boolean" },
      root: { type: "string" },
  }, { positionals: true });
  if (!cli) return 0;
  const { values, positionals } = cli;
  lang = cli.lang;
  if (positionals.length !== 1) throw new UsageError(`${say("Sebutkan satu berkas permohonan", "Name one request file")}\n${USAGE}`);
  if (!values.sha || !/^[0-9a-f]{7,64}$/i.test(values.sha)) throw new UsageError(`--sha: ${say("commit yang di-deploy (heksadesimal)", "the deployed commit (hex)")}\n${USAGE}`);
  if (values.pull !== undefined && !/^[1-9][0-9]*$/.test(values.pull)) throw new UsageError(`--pull: ${say("nomor pull request", "a pull request number")}\n${USAGE}`);
  if (values.pull !== undefined && values.ledger !== undefined) throw new UsageError(`--pull / --ledger: ${say("pilih salah satu", "choose one")}\n${USAGE}`);
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date: TTTT-BB-HH\n${USAGE}`);
  const scheme = values.scheme ?? process.env.LETTER_NUMBER_SCHEME;
  if (scheme !== undefined) {
    const problems = checkScheme(scheme);
    if (problems.length) throw new UsageError(problems.map((p) => (lang === "en" ? p.en : p.id)).join("\n"));
  }

  const root = resolve(values.root ?? ".");
  const loaded = loadDeployedRequest(root, positionals[0]!, values.date);
  if (!loaded.ok) {
    process.stderr.write(formatText(loaded.diagnostics, lang, 1));
    return 1;
  }
  const { governance, request, account, file, allFiles } = loaded.value;
  if (account.decommissioned) {
    process.stdout.write(say(`${file}: permohonan penghapusan, tidak ada e-mail aktivasi.\n`, `${file}: a decommission, no activation e-mail.\n`));
    return 0;
  }
  const date = values.date ?? todayIn(governance.workingHours.timeZone);
  let number: string;
  try {
    number = resolveLetterNumber({ root, file, allFiles, opd: request.opd, date, ...(governance.adoption ? { since: governance.adoption.base } : {}), ...(scheme ? { scheme } : {}), ...(values.number !== undefined ? { given: values.number } : {}) });
  } catch (e) {
    if (e instanceof ShallowHistoryError) throw new UsageError(e.message);
    throw e;
  }
  const filename = values.letter ? basename(values.letter) : `surat-${request.opd}-${asciiLabel(request.label)}.pdf`;
  let pdf: Buffer;
  if (values.letter) {
    try {
      pdf = readFileSync(values.letter);
    } catch {
      process.stderr.write(say(`Surat tidak dapat dibaca: ${values.letter}\n`, `Cannot read the letter: ${values.letter}\n`));
      return 1;
    }
  } else pdf = await renderLetter({ governance, account, number, date, lang });

  const settings = smtpSettingsFromEnv();
  const from = settings.ok ? settings.settings.from : (process.env.SMTP_FROM ?? "noreply@localhost");
  const mail = composeMail({ governance, account, sha: values.sha, from, letter: { number, date, pdf, filename }, lang, ...(values.link ? { link: values.link } : {}) });
  if (values["dry-run"]) {
    process.stdout.write(`Message-ID: ${mail.id}\nTo: ${String(mail.message.to)}\n${mail.message.cc ? `Cc: ${String(mail.message.cc)}\n` : ""}Subject: ${mail.message.subject}\n\n${mail.message.text}`);
    return 0;
  }
  if (!settings.ok) {
    process.stderr.write(settings.problems.map((p) => (lang === "en" ? p.en : p.id)).join("\n") + "\n");
    return 1;
  }

  let ledger: SentLedger;
  if (values.pull !== undefined) {
    const repository = process.env.GITHUB_REPOSITORY ?? "";
    const [owner, repo] = repository.split("/");
    if (!owner || !repo || !process.env.GITHUB_TOKEN) {
      process.stderr.write(say("--pull memerlukan GITHUB_TOKEN dan GITHUB_REPOSITORY (pemilik/nama).\n", "--pull needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name).\n"));
      return 1;
    }
    const gh = createGitHub({ token: process.env.GITHUB_TOKEN, ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}) });
    ledger = new PullRequestLedger(gh, { owner, repo }, Number(values.pull));
  } else ledger = new FileLedger(resolve(values.ledger ?? "out/mail/terkirim.json"));

  const outcome = await sendOnce(mail, { file, sha: values.sha }, settings.settings, ledger, { secrets: secretValues() });
  process.stdout.write(
    outcome.status === "sent"
      ? say(`E-mail ${outcome.id} terkirim ke ${outcome.accepted.join(", ")}.\n`, `E-mail ${outcome.id} sent to ${outcome.accepted.join(", ")}.\n`)
      : say(`E-mail ${outcome.id} sudah pernah dikirim; tidak dikirim lagi.\n`, `E-mail ${outcome.id} was already sent; not sent again.\n`),
  );
  return 0;
}

void runMain(main, () => lang);
