// npm run registry -- [--out DIR] [--root DIR] [--lang id|en] [--source-url URL]
// Writes the public registry of subdomains: DIR/index.html (the page GitHub Pages publishes),
// DIR/daftar-subdomain.md and DIR/daftar-subdomain.csv, from the requests and their git history,
// and the web form DIR/formulir/ (src/form/page/write.ts).
// Exit 0 written, 1 the repository has validation errors (nothing written), 2 bad usage.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { hasErrors, type Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { fileHistory } from "../git/history.ts";
import { todayIn } from "../load/repository.ts";
import { validateRepository } from "../validate/files/repository.ts";
import { registryHtml } from "../targets/registry/html.ts";
import { registryCsv, registryMarkdown } from "../targets/registry/render.ts";
import { registryRows } from "../targets/registry/rows.ts";
import { writeFormPage } from "../form/page/write.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE = "Penggunaan / usage: npm run registry -- [--out DIR] [--root DIR] [--lang id|en] [--source-url URL]";

let lang: Lang = "id";

function main(): number {
  const cli = parseCommandLine(USAGE, {
    out: { type: "string" },
    root: { type: "string" },
    "source-url": { type: "string" },
  });
  if (!cli) return 0;
  const { values } = cli;
  lang = cli.lang;
  const sourceUrl = values["source-url"];
  if (sourceUrl !== undefined && !/^https:\/\/[^\s"<>]+\/$/.test(sourceUrl))
    throw new UsageError(`--source-url: alamat https yang diakhiri "/" / an https URL ending in "/"\n${USAGE}`);
  const root = resolve(values.root ?? ".");
  const v = validateRepository(root);
  if (!v.governance || hasErrors(v.diagnostics)) {
    process.stderr.write(formatText(v.diagnostics, lang, v.filesChecked));
    return 1;
  }
  const history = fileHistory(root, undefined, v.governance.adoption?.base);
  const tz = v.governance.workingHours.timeZone;
  // The page's date is the newest commit's, not the clock's: the same commit builds the same page.
  const generated = history.commits[0] ? todayIn(tz, new Date(history.commits[0])) : todayIn(tz);
  const rows = registryRows(v.requests, v.governance, history.files, generated);
  const out = resolve(values.out ?? "out/registry");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "index.html"), registryHtml(rows, { lang, government: v.governance.government.name, generated, ...(sourceUrl ? { sourceUrl } : {}) }));
  writeFileSync(join(out, "daftar-subdomain.md"), registryMarkdown(rows, lang));
  writeFileSync(join(out, "daftar-subdomain.csv"), registryCsv(rows, lang));
  // The web form for OPD liaisons (formulir/), validating with the same rules against these requests.
  writeFormPage(out, v.governance, v.requests, v.retained ?? [], sourceUrl);
  process.stdout.write(lang === "en" ? `Registry of ${rows.length} subdomains written to ${out}\n` : `Daftar ${rows.length} subdomain ditulis ke ${out}\n`);
  return 0;
}

void runMain(main, () => lang);
