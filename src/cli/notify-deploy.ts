// npm run notify-deploy -- --sha SHA --result success|failure [--run-url URL] [--root DIR]
// After a deployment on main: comments the result (with account details) on the merged pull
// request and its intake issue, closes the issue on success, labels both on failure.
import { appendFileSync } from "node:fs";
import { notifyDeployment } from "../github/notify.ts";
import { UsageError, parseCommandLine, runMain } from "./common.ts";
import { githubEnv, localPolicyFiles } from "./github-env.ts";

const USAGE = "Penggunaan / usage: npm run notify-deploy -- --sha SHA --result success|failure [--run-url URL] [--root DIR]";

async function main(): Promise<number> {
  const line = parseCommandLine(USAGE, { sha: { type: "string" }, result: { type: "string" }, "run-url": { type: "string" }, root: { type: "string" } });
  if (!line) return 0;
  const { values } = line;
  if (!values.sha || !/^[0-9a-f]{40}$/.test(values.sha)) throw new UsageError(`--sha: 40 digit heksadesimal / 40 hex digits\n${USAGE}`);
  if (values.result !== "success" && values.result !== "failure") throw new UsageError(`--result: success | failure\n${USAGE}`);
  const env = githubEnv();
  const files = localPolicyFiles(values.root);
  const out = await notifyDeployment(env.gh, env.ref, {
    sha: values.sha,
    result: values.result,
    botLogin: env.botLogin,
    today: env.today,
    ...(values["run-url"] ? { runUrl: values["run-url"] } : {}),
    ...(files ? { files } : {}),
  });
  process.stdout.write(`Dikomentari / commented: PR ${out.pullRequests.join(", ") || "-"}; isu ${out.issues.join(", ") || "-"}; ditutup / closed ${out.closed.join(", ") || "-"}\n`);
  // For the e-mail step that follows in the workflow: which pull requests were deployed.
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `pull-requests=${out.pullRequests.join(" ")}\n`);
  return 0;
}

void runMain(main);
