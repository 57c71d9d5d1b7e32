// npm run notify-deploy -- --sha SHA --result success|failure [--environment production] [--run-url URL] [--root DIR]
// After a deployment on main: comments the result (with account details) on every pull request
// merged since the environment's last successful deployment and on their intake issues, closes
// the issues on success, labels them on failure. Writes `since` (that deployment's commit) and
// `pull-requests` to GITHUB_OUTPUT for the letter and e-mail steps.
import { appendFileSync } from "node:fs";
import { lastSuccessfulDeployment } from "../github/deployments.ts";
import { notifyDeployment } from "../github/notify.ts";
import { UsageError, parseCommandLine, runMain } from "./common.ts";
import { githubEnv, localPolicyFiles } from "./github-env.ts";

const USAGE = "Penggunaan / usage: npm run notify-deploy -- --sha SHA --result success|failure [--environment NAMA] [--run-url URL] [--root DIR]";

async function main(): Promise<number> {
  const line = parseCommandLine(USAGE, { sha: { type: "string" }, result: { type: "string" }, "run-url": { type: "string" }, root: { type: "string" }, environment: { type: "string" } });
  if (!line) return 0;
  const { values } = line;
  if (!values.sha || !/^[0-9a-f]{40}$/.test(values.sha)) throw new UsageError(`--sha: 40 digit heksadesimal / 40 hex digits\n${USAGE}`);
  if (values.result !== "success" && values.result !== "failure") throw new UsageError(`--result: success | failure\n${USAGE}`);
  const env = githubEnv(process.env, values.root ?? ".");
  const files = localPolicyFiles(values.root);
  const since = await lastSuccessfulDeployment(env.gh, env.ref, values.environment ?? "production", values.sha);
  const out = await notifyDeployment(env.gh, env.ref, {
    sha: values.sha,
    ...(since ? { since } : {}),
    result: values.result,
    botLogin: env.botLogin,
    today: env.today,
    ...(values["run-url"] ? { runUrl: values["run-url"] } : {}),
    ...(files ? { files } : {}),
  });
  process.stdout.write(`Dikomentari / commented: PR ${out.pullRequests.join(", ") || "-"}; isu ${out.issues.join(", ") || "-"}; ditutup / closed ${out.closed.join(", ") || "-"}\n`);
  // For the e-mail step that follows in the workflow: which pull requests were deployed.
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `pull-requests=${out.pullRequests.join(" ")}\nsince=${since ?? ""}\n`);
  return 0;
}

void runMain(main);
