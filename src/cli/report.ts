// npm run report -- --since TTTT-BB-HH [--until TTTT-BB-HH] [--out DIR] [--input BERKAS.json]
//                   [--save BERKAS.json] [--root DIR] [--lang id|en]
// The monthly service-time report (mutu baku waktu): Markdown plus an SVG chart in DIR
// (default out/report). Timelines come from --input (the format of src/worktime/timeline.ts) or
// from GitHub (GITHUB_TOKEN, GITHUB_REPOSITORY); --save keeps what GitHub returned as such a file.
// --until defaults to the last day of the month of --since. Each request is judged by the chain
// in force for it: governance.yaml at its pull request's base commit in the git history of --root
// (a full clone; today's governance, said in the report, when that commit is not there).
// Exit 0 written, 1 bad input or governance, 2 bad usage.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { createGitHub } from "../github/octokit.ts";
import { readGovernance } from "../load/read.ts";
import { checkGovernance } from "../validate/validate.ts";
import { serviceReport } from "../report/aggregate.ts";
import { stepChartSvg } from "../report/chart.ts";
import { fetchTimelines } from "../report/github.ts";
import { governanceReader } from "../report/governance-at.ts";
import { reportMarkdown } from "../report/markdown.ts";
import { readTimelineFile } from "../report/input.ts";
import { addDays, zonedInstant } from "../worktime/zoned.ts";
import type { TimelineFile } from "../worktime/timeline.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE =
  "Penggunaan / usage: npm run report -- --since TTTT-BB-HH [--until TTTT-BB-HH] [--out DIR] [--input BERKAS.json] [--save BERKAS.json] [--root DIR] [--lang id|en]";

let lang: Lang = "id";
const say = (id: string, en: string) => (lang === "en" ? en : id);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The last day of the month of a date. */
function monthEnd(date: string): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
    since: { type: "string" },
    until: { type: "string" },
    out: { type: "string" },
    input: { type: "string" },
    save: { type: "string" },
    root: { type: "string" },
  });
  if (!cli) return 0;
  const { values } = cli;
  lang = cli.lang;
  const since = values.since;
  if (!since || !DATE.test(since) || Number.isNaN(Date.parse(since))) throw new UsageError(`--since: TTTT-BB-HH\n${USAGE}`);
  const until = values.until ?? monthEnd(since);
  if (!DATE.test(until) || Number.isNaN(Date.parse(until))) throw new UsageError(`--until: TTTT-BB-HH\n${USAGE}`);
  if (until < since) throw new UsageError(say("--until lebih awal dari --since", "--until is before --since"));

  const root = resolve(values.root ?? ".");
  const g = checkGovernance(readGovernance(root));
  if (!g.governance || g.diagnostics.some((d) => d.severity === "error")) {
    process.stderr.write(formatText(g.diagnostics, lang, 1));
    return 1;
  }
  const governance = g.governance;

  let data: TimelineFile;
  if (values.input) {
    const read = readTimelineFile(values.input);
    if (!read.ok) {
      process.stderr.write(read.problems.map((p) => `${values.input}: ${lang === "en" ? p.en : p.id}`).join("\n") + "\n");
      return 1;
    }
    data = read.value;
  } else {
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo || !process.env.GITHUB_TOKEN) {
      process.stderr.write(say("Tanpa --input, laporan membaca GitHub: isi GITHUB_TOKEN dan GITHUB_REPOSITORY (pemilik/nama).\n", "Without --input the report reads GitHub: set GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name).\n"));
      return 1;
    }
    const gh = createGitHub({ token: process.env.GITHUB_TOKEN, ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}) });
    const tz = governance.workingHours.timeZone;
    data = await fetchTimelines(gh, { owner, repo }, governance, { since: zonedInstant(since, 0, tz), until: zonedInstant(addDays(until, 1), 0, tz) });
    if (values.save) writeFileSync(resolve(values.save), JSON.stringify(data, null, 2) + "\n");
  }

  // Each request is judged by governance.yaml at its base commit in this checkout (git history).
  const atBase = governanceReader(root, governance);
  atBase.prefetch(data.timelines.map((t) => t.base));
  const report = serviceReport(data.timelines, governance, { since, until }, data.teams ?? {}, (t) => atBase(t.base));
  const out = resolve(values.out ?? "out/report");
  mkdirSync(out, { recursive: true });
  const tag = since.slice(0, 7) === until.slice(0, 7) ? since.slice(0, 7) : `${since}_${until}`;
  const chart = `waktu-langkah-${tag}.svg`;
  const md = `laporan-waktu-layanan-${tag}.md`;
  writeFileSync(join(out, chart), stepChartSvg(report.steps, { government: `${governance.government.office} ${governance.government.name}`, since, until }, lang));
  writeFileSync(join(out, md), reportMarkdown(report, governance, chart, lang));
  process.stdout.write(
    say(
      `Laporan ${since} s.d. ${until}: ${report.service.count} permohonan selesai, ${report.breaches.length} pelampauan mutu baku. Ditulis: ${join(out, md)}\n`,
      `Report ${since} to ${until}: ${report.service.count} requests completed, ${report.breaches.length} breaches. Written: ${join(out, md)}\n`,
    ),
  );
  return 0;
}

void runMain(main, () => lang);
