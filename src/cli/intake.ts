// npm run intake -- --issue N [--base main] [--root DIR] [--lang en]
// Turns an issue made from a request form into a pull request, or comments every problem on it.
// Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL and BOT_LOGIN from the environment.
// --root: a checkout of the base branch to read governance and requests from (else the API).
import { runIntake } from "../github/intake.ts";
import { parseCommandLine, runMain } from "./common.ts";
import { githubEnv, localPolicyFiles, positiveInt } from "./github-env.ts";

const USAGE = "Penggunaan / usage: npm run intake -- --issue N [--base main] [--root DIR] [--lang id|en]";

async function main(): Promise<number> {
  const line = parseCommandLine(USAGE, { issue: { type: "string" }, base: { type: "string" }, root: { type: "string" } });
  if (!line) return 0;
  const { values } = line;
  const issue = positiveInt("issue", values.issue);
  const lang = line.lang;
  const env = githubEnv(process.env, values.root ?? ".");
  const baseFiles = localPolicyFiles(values.root);
  const out = await runIntake(env.gh, env.ref, { issue, baseBranch: values.base ?? "main", today: env.today, lang, ...(baseFiles ? { baseFiles } : {}) });
  if (out.kind === "skipped") process.stdout.write(`Isu #${issue} dilewati / skipped: ${out.reason}\n`);
  else if (out.kind === "invalid") process.stdout.write(`Isu #${issue}: ${out.problems.length + out.diagnostics.length} masalah dikomentari / problems commented\n`);
  else if (out.kind === "preview") process.stdout.write(`Isu #${issue}: ringkasan ${out.changes.length} perubahan dikomentari, menunggu konfirmasi / change summary commented, awaiting confirmation\n`);
  else process.stdout.write(`Isu #${issue} -> pull request #${out.number} (${out.action}): ${out.path}\n`);
  // An invalid form is the applicant's to fix, not a failure of the workflow.
  return 0;
}

void runMain(main);
