// npm run drift-issue -- --exit-code N --report FILE [--run-url URL] [--check pulumi|dns]
// Turns the result of `npm run drift` (--check pulumi, the default) or `npm run verify-dns
// --format markdown` (--check dns) into that check's one issue: opened or updated when the exit
// code says a difference (8), closed when a later run finds none (0). Any other code means the check itself
// failed: the issue is left as it is and this command exits 1, so the workflow run fails loudly.
import { readFileSync } from "node:fs";
import { EXIT } from "../pulumi/exit-codes.ts";
import { DNS_ISSUE, DRIFT_ISSUE, reportDrift } from "../github/drift.ts";
import { VERIFY_EXIT } from "../import/compare.ts";
import { UsageError, parseCommandLine, runMain } from "./common.ts";
import { githubEnv } from "./github-env.ts";

/** Per check: the exit code meaning "differs" and the issue it keeps. */
const CHECKS = {
  pulumi: { differs: EXIT.drift as number, issue: DRIFT_ISSUE, name: "drift" },
  dns: { differs: VERIFY_EXIT.differs as number, issue: DNS_ISSUE, name: "DNS" },
};

const USAGE = "Penggunaan / usage: npm run drift-issue -- --exit-code N --report FILE [--run-url URL] [--check pulumi|dns]";

async function main(): Promise<number> {
  const line = parseCommandLine(USAGE, { "exit-code": { type: "string" }, report: { type: "string" }, "run-url": { type: "string" }, check: { type: "string" } });
  if (!line) return 0;
  const { values } = line;
  if (!values["exit-code"] || !/^[0-9]{1,3}$/.test(values["exit-code"])) throw new UsageError(`--exit-code: 0-255\n${USAGE}`);
  const checkName = values.check ?? "pulumi";
  if (checkName !== "pulumi" && checkName !== "dns") throw new UsageError(`--check: pulumi, dns\n${USAGE}`);
  const check = CHECKS[checkName];
  if (!values.report) throw new UsageError(`--report: berkas laporan / report file\n${USAGE}`);
  let report: string;
  try {
    report = readFileSync(values.report, "utf8");
  } catch (e) {
    throw new UsageError(`${values.report}: tidak dapat dibaca / cannot be read (${(e as NodeJS.ErrnoException).code ?? "?"})`);
  }
  const code = Number(values["exit-code"]);
  if (code !== 0 && code !== check.differs) {
    process.stderr.write(`Pemeriksaan ${check.name} gagal (kode ${code}); isu ${check.name} tidak diubah / the ${check.name} check failed (code ${code}); ${check.name} issue left unchanged\n`);
    return 1;
  }
  const env = githubEnv();
  const out = await reportDrift(env.gh, env.ref, { drifted: code === check.differs, report, kind: check.issue, ...(values["run-url"] ? { runUrl: values["run-url"] } : {}) });
  process.stdout.write(`Isu ${check.name} / ${check.name} issue: ${out.action}${out.issue ? ` #${out.issue}` : ""}\n`);
  return 0;
}

void runMain(main);
