// npm run pr-bot -- --pr N [--root DIR] [--lang en]
// Recomputes everything shown on a pull request: plan comment, labels, the `kepemilikan`
// (ownership) and `disposisi` statuses. Runs base-branch code only; the pull request's files are
// read as data through the API. Writes the disposition summary to the job summary when present.
import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { renderDispositionSummary } from "../disposition/summary.ts";
import { refreshPullRequest } from "../github/refresh.ts";
import { parseLang, runMain, UsageError } from "./common.ts";
import { letterDelivery } from "./letter-delivery.ts";
import { githubEnv, localPolicyFiles, positiveInt } from "./github-env.ts";

const USAGE = "Penggunaan / usage: npm run pr-bot -- --pr N [--root DIR] [--lang id|en]";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { pr: { type: "string" }, root: { type: "string" }, lang: { type: "string" } } }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const number = positiveInt("pr", values.pr);
  const lang = parseLang(values.lang);
  const env = githubEnv();
  const baseFiles = localPolicyFiles(values.root);
  const r = await refreshPullRequest(env.gh, env.ref, number, { botLogin: env.botLogin, today: env.today, lang, ...(baseFiles ? { baseFiles } : {}), letters: letterDelivery(env.gh, env.ref) });
  if (r.letter) {
    process.stdout.write(`#${number}: surat balasan untuk #${r.letter.source}; disposisi ${r.letter.disposition.state}; ditandatangani ${r.letter.signed.length}${r.letter.problem ? `; ${r.letter.problem}` : ""}\n`);
    return 0;
  }
  if (r.skipped) {
    process.stdout.write(`Pull request #${number} dilewati / skipped: ${r.skipped}\n`);
    return r.skipped === "governance" ? 1 : 0;
  }
  process.stdout.write(`#${number}: kepemilikan ${r.ownership!.ok ? "ok" : "GAGAL"}; disposisi ${r.disposition!.state}: ${r.disposition!.description[lang]}\n`);
  if (process.env.GITHUB_STEP_SUMMARY && r.analysis?.governance)
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderDispositionSummary(r.disposition!, lang, r.analysis.governance.workingHours.timeZone));
  return 0;
}

void runMain(main);
