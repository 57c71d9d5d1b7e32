// npm run pr-bot -- --pr N | --all [--update-intake] | --head-sha SHA  [--root DIR] [--lang en]
// Recomputes everything shown on a pull request: plan comment, labels, the `validasi`,
// `kepemilikan` (ownership) and `disposisi` statuses. Runs base-branch code only; the pull
// request's files are read as data through the API. --all judges every open pull request again
// (main moved, or a new day); --head-sha those whose head is that commit (a `validate` run
// completed); --update-intake first merges main into the bot's own intake branches that are behind.
// Writes the disposition summary to the job summary when present.
import { appendFileSync } from "node:fs";
import { renderDispositionSummary } from "../disposition/summary.ts";
import { refreshOpenPullRequests } from "../github/refresh-all.ts";
import { refreshPullRequest, type RefreshResult } from "../github/refresh.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";
import { githubEnv, localPolicyFiles, positiveInt } from "./github-env.ts";

const USAGE = "Penggunaan / usage: npm run pr-bot -- (--pr N | --all [--update-intake] | --head-sha SHA) [--root DIR] [--lang id|en]";

async function main(): Promise<number> {
  const line = parseCommandLine(USAGE, { pr: { type: "string" }, all: { type: "boolean" }, "head-sha": { type: "string" }, "update-intake": { type: "boolean" }, root: { type: "string" } });
  if (!line) return 0;
  const { values } = line;
  const modes = [values.pr !== undefined, values.all === true, values["head-sha"] !== undefined].filter(Boolean).length;
  if (modes !== 1) throw new UsageError(`Pilih satu dari --pr, --all, --head-sha / choose one of --pr, --all, --head-sha\n${USAGE}`);
  const headSha = values["head-sha"];
  if (headSha !== undefined && !/^[0-9a-f]{40}$/.test(headSha)) throw new UsageError(`--head-sha: 40 digit heksadesimal / 40 hex digits\n${USAGE}`);
  const number = values.pr !== undefined ? positiveInt("pr", values.pr) : undefined;
  const lang = line.lang;
  const env = githubEnv(process.env, values.root ?? ".");
  const baseFiles = localPolicyFiles(values.root);
  const o = { botLogin: env.botLogin, today: env.today, lang, ...(baseFiles ? { baseFiles } : {}) };
  const results =
    number !== undefined
      ? new Map([[number, await refreshPullRequest(env.gh, env.ref, number, o)]])
      : await refreshOpenPullRequests(env.gh, env.ref, { ...o, ...(headSha ? { headSha } : {}), updateIntakeBranches: values["update-intake"] === true });
  let code = 0;
  for (const [n, r] of results) code = Math.max(code, report(n, r, lang));
  return code;
}

function report(number: number, r: RefreshResult, lang: "id" | "en"): number {
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
