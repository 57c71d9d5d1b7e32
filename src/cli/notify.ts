// npm run notify -- <request file> --sha COMMIT [--pull N | --ledger FILE] [--letter PDF]
//                   [--agenda FILE] [--date TTTT-BB-HH] [--link URL] [--dry-run]
//                   [--root DIR] [--lang id|en]
// E-mails the OPD's administrative and technical contacts that the request is live, with the
// reply letter attached (the given --letter PDF, or one rendered now). Sent once per request and
// commit: --pull N keeps the sent-ledger as a bot comment on pull request N (GITHUB_TOKEN,
// GITHUB_REPOSITORY), --ledger FILE in a JSON file (default out/mail/terkirim.json).
// The letter's number comes from the office's agenda only (letter/agenda.ts): with --pull the
// number is reserved in the agenda branch through the GitHub API (once per pull request, request
// and kind: a re-run gets the same number); otherwise it is read from the agenda (--agenda FILE or
// the checkout's agenda branch), and without an entry nothing is sent (exit 1). When governance has
// after-deployment steps, the letter goes out from the reply-letter pull request after its signing
// step (github/letter-flow.ts), and this command sends nothing.
// SMTP settings: SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_FROM, SMTP_SECURE.
// Exit 0 sent or already sent, 1 failure, 2 bad usage.
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { createGitHub } from "../github/octokit.ts";
import { todayIn } from "../load/repository.ts";
import { asciiLabel } from "../model/names.ts";
import { AgendaError, reserve, type AgendaEntry, type LetterKind } from "../letter/agenda.ts";
import { agendaEntryFor, loadAgenda, noNumberMessage } from "../letter/agenda-local.ts";
import type { LetterOutcome } from "../letter/content.ts";
import { DEFAULT_SCHEME } from "../letter/number.ts";
import { updateAgenda } from "../github/agenda.ts";
import { hasAfterDeployment } from "../github/letter-flow.ts";
import { loadDeployedRequest } from "../letter/load.ts";
import { renderLetter } from "../letter/render.ts";
import { composeMail } from "../notify/compose.ts";
import { FileLedger, PullRequestLedger, type SentLedger } from "../notify/ledger.ts";
import { sendOnce } from "../notify/send.ts";
import { secretValues, smtpSettingsFromEnv } from "../notify/settings.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE =
  "Penggunaan / usage: npm run notify -- <berkas permohonan> --sha COMMIT [--pull N | --ledger BERKAS] [--letter PDF] [--agenda BERKAS] [--date TTTT-BB-HH] [--link URL] [--dry-run] [--root DIR] [--lang id|en]";

let lang: Lang = "id";
const say = (id: string, en: string) => (lang === "en" ? en : id);

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
      sha: { type: "string" },
      pull: { type: "string" },
      ledger: { type: "string" },
      letter: { type: "string" },
      agenda: { type: "string" },
      date: { type: "string" },
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
  const root = resolve(values.root ?? ".");
  const loaded = loadDeployedRequest(root, positionals[0]!, values.date);
  if (!loaded.ok) {
    process.stderr.write(formatText(loaded.diagnostics, lang, 1));
    return 1;
  }
  const { governance, request, account, file } = loaded.value;
  if (account.decommissioned) {
    process.stdout.write(say(`${file}: permohonan penghapusan, tidak ada e-mail aktivasi.\n`, `${file}: a decommission, no activation e-mail.\n`));
    return 0;
  }
  if (values.pull !== undefined && hasAfterDeployment(governance)) {
    process.stdout.write(
      say(
        `${file}: surat balasan dikirim dari pull request surat balasan setelah langkah tanda tangan disetujui; tidak ada yang dikirim sekarang.\n`,
        `${file}: the reply letter goes out from the reply-letter pull request once its signing step is approved; nothing is sent now.\n`,
      ),
    );
    return 0;
  }
  const today = values.date ?? todayIn(governance.workingHours.timeZone);
  const year = Number(today.slice(0, 4));
  const gh = values.pull !== undefined && process.env.GITHUB_TOKEN ? createGitHub({ token: process.env.GITHUB_TOKEN, ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}) }) : undefined;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
  let entry: AgendaEntry | undefined;
  if (gh && owner && repo) {
    // The deploy job numbers the letter: reserved in the agenda branch, once per pull request and request.
    const ref = { owner, repo };
    const pull = Number(values.pull);
    const changed = await gh.paginate(gh.rest.pulls.listFiles, { ...ref, pull_number: pull, per_page: 100 });
    const kind: LetterKind = changed.find((f) => f.filename === file)?.status === "added" ? "baru" : "ubah";
    const pattern = governance.letters?.numberPattern ?? DEFAULT_SCHEME;
    entry = await updateAgenda(gh, ref, { year, fromSha: values.sha, message: `Agenda: nomor surat untuk #${pull}` }, (a) => {
      const r = reserve(a, { date: today, pattern, opd: request.opd, request: file, pullRequest: pull, kind });
      return { agenda: r.agenda, result: r.entry };
    });
  } else {
    try {
      entry = agendaEntryFor(loadAgenda(root, year, values.agenda), file);
    } catch (e) {
      if (e instanceof AgendaError || (e as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`--agenda: ${(e as Error).message}`);
      throw e;
    }
  }
  if (!entry) {
    process.stderr.write(`${say(noNumberMessage(file).id, noNumberMessage(file).en)}\n`);
    return 1;
  }
  const { number, date } = entry;
  const letterOutcome: LetterOutcome = entry.kind === "ubah" ? { kind: "ubah", changes: [] } : { kind: "baru" };
  const filename = values.letter ? basename(values.letter) : `surat-${request.opd}-${asciiLabel(request.label)}.pdf`;
  let pdf: Buffer;
  if (values.letter) {
    try {
      pdf = readFileSync(values.letter);
    } catch {
      process.stderr.write(say(`Surat tidak dapat dibaca: ${values.letter}\n`, `Cannot read the letter: ${values.letter}\n`));
      return 1;
    }
  } else pdf = await renderLetter({ governance, account, number, date, lang, outcome: letterOutcome, ...(loaded.value.logo ? { logo: loaded.value.logo } : {}) });

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
    if (!gh || !owner || !repo) {
      process.stderr.write(say("--pull memerlukan GITHUB_TOKEN dan GITHUB_REPOSITORY (pemilik/nama).\n", "--pull needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name).\n"));
      return 1;
    }
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
