// npm run --silent deployed-since -- --sha SHA [--environment production]
// Prints the commit of the environment's last successful deployment before SHA (empty when there
// is none), so the letter and e-mail steps cover every request merged since then, not HEAD^ only.
import { lastSuccessfulDeployment } from "../github/deployments.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";
import { githubEnv } from "./github-env.ts";

// Run it as `npm run --silent deployed-since` where its output is read: npm adds no banner then.
const USAGE = "Penggunaan / usage: npm run deployed-since -- --sha SHA [--environment NAMA]";

async function main(): Promise<number> {
  const line = parseCommandLine(USAGE, { sha: { type: "string" }, environment: { type: "string" } });
  if (!line) return 0;
  const { values } = line;
  if (!values.sha || !/^[0-9a-f]{40}$/.test(values.sha)) throw new UsageError(`--sha: 40 digit heksadesimal / 40 hex digits\n${USAGE}`);
  const env = githubEnv();
  process.stdout.write(`${(await lastSuccessfulDeployment(env.gh, env.ref, values.environment ?? "production", values.sha)) ?? ""}\n`);
  return 0;
}

void runMain(main);
