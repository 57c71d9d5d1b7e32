// npm run remind [-- --pr N] [--root DIR] [--now INSTANT] [--lang en]
// The scheduled reminder job (remind.yml): every open request and reply-letter pull request whose
// waiting step has passed its standard time (working time) gets a reminder mentioning the step's
// team, and after governance's `disposition.reminders.escalateAfter` the step above is told; one
// bot comment per pull request, updated in place; nothing due, nothing written. Exit 0 done,
// 1 some pull request could not be judged (the base's governance is invalid), 2 bad usage.
import { remindOpenPullRequests, remindPullRequest, type RemindResult } from "../github/reminders.ts";
import { githubEnv, localPolicyFiles, positiveInt } from "./github-env.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE = "Penggunaan / usage: npm run remind -- [--pr N] [--root DIR] [--now TTTT-BB-HHTJJ:MM:SS+07:00] [--lang id|en]";

async function main(): Promise<number> {
  const line = parseCommandLine(USAGE, { pr: { type: "string" }, root: { type: "string" }, now: { type: "string" } });
  if (!line) return 0;
  const { values } = line;
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (values.now !== undefined && (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(values.now) || Number.isNaN(now.getTime())))
    throw new UsageError(`--now: waktu ISO 8601 dengan zona / an ISO 8601 instant with its offset\n${USAGE}`);
  const number = values.pr !== undefined ? positiveInt("pr", values.pr) : undefined;
  const env = githubEnv(process.env, values.root ?? ".");
  const baseFiles = localPolicyFiles(values.root);
  const o = { botLogin: env.botLogin, today: env.today, now, lang: line.lang, ...(baseFiles ? { baseFiles } : {}) };
  const results = number !== undefined ? [await remindPullRequest(env.gh, env.ref, number, o)] : await remindOpenPullRequests(env.gh, env.ref, o);
  for (const r of results) process.stdout.write(line.lang === "en" ? english(r) : indonesian(r));
  return results.some((r) => r.reason === "governance" || r.reason?.startsWith("error:")) ? 1 : 0;
}

const count = (r: RemindResult, kind: "reminder" | "escalation") => r.added.filter((e) => e.kind === kind).length;
const indonesian = (r: RemindResult) =>
  r.action === "skipped" ? `#${r.number}: dilewati (${r.reason})\n` : `#${r.number}: ${count(r, "reminder")} pengingat, ${count(r, "escalation")} eskalasi baru; komentar ${r.action}\n`;
const english = (r: RemindResult) =>
  r.action === "skipped" ? `#${r.number}: skipped (${r.reason})\n` : `#${r.number}: ${count(r, "reminder")} new reminders, ${count(r, "escalation")} escalations; comment ${r.action}\n`;

void runMain(main);
