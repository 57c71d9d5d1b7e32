// npm run letter -- <request file> [--out DIR] [--number N] [--date TTTT-BB-HH] [--scheme POLA]
//                   [--copy TEKS ...] [--cluster NAMA] [--root DIR] [--lang id|en]
// Writes the reply letter PDF of a deployed request: <out>/surat-<opd>-<label>.pdf.
// --number: a running number (digits) fills the scheme; any other text is the whole number.
// Exit 0 written, 1 the request is invalid, 2 bad usage.
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { todayIn } from "../load/repository.ts";
import { asciiLabel } from "../model/names.ts";
import { checkScheme, DEFAULT_SCHEME } from "../letter/number.ts";
import { loadDeployedRequest } from "../letter/load.ts";
import { renderLetter } from "../letter/render.ts";
import { resolveLetterNumber, ShallowHistoryError } from "../letter/sequence.ts";
import { insideOutput } from "../load/out-path.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE =
  "Penggunaan / usage: npm run letter -- <berkas permohonan> [--out DIR] [--number N] [--date TTTT-BB-HH] [--scheme POLA] [--copy TEKS]... [--cluster NAMA] [--root DIR] [--lang id|en]";

let lang: Lang = "id";

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
      out: { type: "string" },
      number: { type: "string" },
      date: { type: "string" },
      scheme: { type: "string" },
      copy: { type: "string", multiple: true },
      cluster: { type: "string" },
      root: { type: "string" },
  }, { positionals: true });
  if (!cli) return 0;
  const { values, positionals } = cli;
  lang = cli.lang;
  if (positionals.length !== 1) throw new UsageError(`Sebutkan satu berkas permohonan / name one request file\n${USAGE}`);
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date: TTTT-BB-HH\n${USAGE}`);
  const scheme = values.scheme ?? process.env.LETTER_NUMBER_SCHEME ?? DEFAULT_SCHEME;
  const problems = checkScheme(scheme);
  if (problems.length) throw new UsageError(problems.map((p) => (lang === "en" ? p.en : p.id)).join("\n"));

  const root = resolve(values.root ?? ".");
  const loaded = loadDeployedRequest(root, positionals[0]!, values.date, {
    ...(values.cluster ? { clusterName: values.cluster } : {}),
  });
  if (!loaded.ok) {
    process.stderr.write(formatText(loaded.diagnostics, lang, 1));
    return 1;
  }
  const { governance, request, account, file, allFiles } = loaded.value;
  const date = values.date ?? todayIn(governance.workingHours.timeZone);
  let number: string;
  try {
    number = resolveLetterNumber({ root, file, allFiles, opd: request.opd, date, ...(governance.adoption ? { since: governance.adoption.base } : {}), scheme, ...(values.number !== undefined ? { given: values.number } : {}) });
  } catch (e) {
    if (e instanceof ShallowHistoryError) throw new UsageError(e.message);
    throw e;
  }
  const pdf = await renderLetter({ governance, account, number, date, lang, ...(values.copy?.length ? { copies: values.copy } : {}) });
  const out = resolve(values.out ?? "out/letters");
  mkdirSync(out, { recursive: true });
  const path = insideOutput(out, `surat-${request.opd}-${asciiLabel(request.label)}.pdf`);
  writeFileSync(path, pdf);
  process.stdout.write(lang === "en" ? `Letter ${number} written: ${path}\n` : `Surat ${number} ditulis: ${path}\n`);
  return 0;
}

void runMain(main, () => lang);
