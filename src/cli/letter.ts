// npm run letter -- <request file> [--out DIR] [--agenda FILE] [--draft] [--date TTTT-BB-HH]
//                   [--copy TEKS ...] [--cluster NAMA] [--root DIR] [--lang id|en]
// Writes the reply letter PDF of a deployed request: <out>/surat-<opd>-<label>.pdf, with the number
// and date the office's agenda gave it (agenda.ts; read by agenda-local.ts). The number never comes
// from anywhere else: without an agenda entry the command writes nothing and says so (exit 1), or,
// with --draft, writes a draft marked KONSEP with no number.
// Exit 0 written, 1 the request is invalid or has no agenda number, 2 bad usage.
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { todayIn } from "../load/repository.ts";
import { asciiLabel } from "../model/names.ts";
import { AgendaError } from "../letter/agenda.ts";
import { agendaEntryFor, loadAgenda, noNumberMessage } from "../letter/agenda-local.ts";
import type { LetterOutcome } from "../letter/content.ts";
import { loadDeployedRequest } from "../letter/load.ts";
import { renderLetter } from "../letter/render.ts";
import { insideOutput } from "../load/out-path.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE =
  "Penggunaan / usage: npm run letter -- <berkas permohonan> [--out DIR] [--agenda BERKAS] [--draft] [--date TTTT-BB-HH] [--copy TEKS]... [--cluster NAMA] [--root DIR] [--lang id|en]";

let lang: Lang = "id";
const say = (m: { id: string; en: string }) => (lang === "en" ? m.en : m.id);

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
      out: { type: "string" },
      agenda: { type: "string" },
      draft: { type: "boolean" },
      date: { type: "string" },
      copy: { type: "string", multiple: true },
      cluster: { type: "string" },
      root: { type: "string" },
  }, { positionals: true });
  if (!cli) return 0;
  const { values, positionals } = cli;
  lang = cli.lang;
  if (positionals.length !== 1) throw new UsageError(`Sebutkan satu berkas permohonan / name one request file\n${USAGE}`);
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date: TTTT-BB-HH\n${USAGE}`);

  const root = resolve(values.root ?? ".");
  const loaded = loadDeployedRequest(root, positionals[0]!, values.date, {
    ...(values.cluster ? { clusterName: values.cluster } : {}),
  });
  if (!loaded.ok) {
    process.stderr.write(formatText(loaded.diagnostics, lang, 1));
    return 1;
  }
  const { governance, request, account, file, logo } = loaded.value;
  const today = values.date ?? todayIn(governance.workingHours.timeZone);
  let entry;
  try {
    entry = agendaEntryFor(loadAgenda(root, Number(today.slice(0, 4)), values.agenda), file);
  } catch (e) {
    if (e instanceof AgendaError || (e as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`--agenda: ${(e as Error).message}`);
    throw e;
  }
  if (!entry && !values.draft) {
    process.stderr.write(`${say(noNumberMessage(file))}\n`);
    return 1;
  }
  if (entry?.kind === "tolak") {
    process.stderr.write(
      say({
        id: `${file}: surat ${entry.number} adalah surat penolakan; surat itu dibuat, ditandatangani dan dikirim oleh bot saat penolakan (sidik SHA-256 di agenda), tidak dicetak ulang di sini.\n`,
        en: `${file}: letter ${entry.number} is a refusal; the bot wrote, signed and sent it when the request was refused (its SHA-256 is in the agenda); it is not reprinted here.\n`,
      }),
    );
    return 1;
  }
  const kind = entry?.kind ?? (account.decommissioned ? "hapus" : "baru");
  const outcome: LetterOutcome =
    kind === "hapus" ? { kind, removedOn: entry?.date ?? today, dataKept: request.decommission?.deleteData !== true } : kind === "ubah" ? { kind, changes: [] } : { kind: "baru" };
  const pdf = await renderLetter({
    governance,
    account,
    number: entry?.number ?? "",
    date: entry?.date ?? today,
    lang,
    outcome,
    ...(entry ? {} : { draft: true }),
    ...(logo ? { logo } : {}),
    ...(values.copy?.length ? { copies: values.copy } : {}),
  });
  const out = resolve(values.out ?? "out/letters");
  mkdirSync(out, { recursive: true });
  const path = insideOutput(out, `${entry ? "surat" : "konsep"}-${request.opd}-${asciiLabel(request.label)}.pdf`);
  writeFileSync(path, pdf);
  process.stdout.write(
    entry
      ? say({ id: `Surat ${entry.number} ditulis: ${path}\n`, en: `Letter ${entry.number} written: ${path}\n` })
      : say({ id: `Konsep surat tanpa nomor (belum ada di agenda) ditulis: ${path}\n`, en: `Unnumbered draft letter (not yet in the agenda) written: ${path}\n` }),
  );
  return 0;
}

void runMain(main, () => lang);
