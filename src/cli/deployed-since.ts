// npm run --silent deployed-since -- --sha SHA [--environment production]
// Prints the commit of the environment's last successful deployment before SHA (empty when there
// is none), so the letter and e-mail steps cover every request merged since then, not HEAD^ only.
import { parseArgs } from "node:util";
import { lastSuccessfulDeployment } from "../github/deployments.ts";
import { runMain, UsageError } from "./common.ts";
import { githubEnv } from "./github-env.ts";

const USAGE = "Penggunaan / usage: npm run --silent deployed-since -- --sha SHA [--environment NAMA]";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { sha: { type: "string" }, environment: { type: "string" } } }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  if (!values.sha || !/^[0-9a-f]{40}$/.test(values.sha)) throw new UsageError(`--sha: 40 digit heksadesimal / 40 hex digits\n${USAGE}`);
  const env = githubEnv();
  process.stdout.write(`${(await lastSuccessfulDeployment(env.gh, env.ref, values.environment ?? "production", values.sha)) ?? ""}\n`);
  return 0;
}

void runMain(main);
