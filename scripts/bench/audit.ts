// npm run audit on 1,000 names, one in ten on a silent address (accepts connections, never
// answers), against a real named and HTTP(S) servers on loopback: the whole process, timed.
// Budget (issue 15): under 30 s. Governance's defaults for timeout, retries and concurrency.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { makeCerts } from "../../test/audit/certs.ts";
import { startNamed, zoneText } from "../../test/audit/named.ts";
import { GOVERNANCE_TEXT, repoFiles, writeRepo, ZONE, type Spec } from "../../test/audit/repo.ts";
import { runCli } from "../../test/audit/run-cli.ts";
import { startWeb, type Site } from "../../test/audit/web.ts";
import type { BenchResult, BenchSection } from "./types.ts";

const NAMES = 1000;
const RUNS = 3;

const section: BenchSection = {
  name: "audit (1.000 nama, 1 dari 10 diam / 1,000 names, one in ten silent)",
  async run(): Promise<BenchResult[]> {
    const work = mkdtempSync(join(tmpdir(), "audit-bench-"));
    const certs = makeCerts(work, ZONE);
    // Ten answering and ten silent addresses; name i goes to a silent one when i % 10 === 0.
    const sites: Site[] = [];
    for (let i = 1; i <= 10; i++) sites.push({ address: `127.0.1.${i}`, behaviour: "clean", cert: certs.good }, { address: `127.0.2.${i}`, behaviour: "silent", cert: certs.good });
    const specs: Spec[] = [];
    const live: string[] = [];
    for (let i = 0; i < NAMES; i++) {
      const ip = i % 10 === 0 ? `127.0.2.${(i / 10) % 10 + 1}` : `127.0.1.${(i % 10) + 1}`;
      const label = `layanan-${i}`;
      specs.push({ label, opd: (["dinkes", "disdik", "diskominfo"] as const)[i % 3], target: { server: { ipv4: [ip] } } });
      live.push(`${label} A ${ip}`);
    }
    // Governance's audit defaults, not the fixture's short test timeout.
    const governance = GOVERNANCE_TEXT.replace(/\n {2}audit: .*\n/, "\n");
    const named = await startNamed(work, { [ZONE]: zoneText(ZONE, live) });
    const web = await startWeb(sites);
    const root = writeRepo(repoFiles(specs, governance));
    const times: number[] = [];
    let extra = "";
    try {
      for (let r = 0; r < RUNS; r++) {
        const ran = await runCli("audit.ts", ["--root", root, "--dns", `127.0.0.1:${named.port}`, "--http-port", String(web.httpPort), "--https-port", String(web.httpsPort), "--format", "json"], { NODE_EXTRA_CA_CERTS: certs.caFile });
        times.push(ran.ms);
        const report = JSON.parse(ran.stdout) as { findings: { kind: string }[]; namesChecked: number };
        extra = `${report.namesChecked} nama, ${report.findings.filter((f) => f.kind === "unreachable").length} tidak terjangkau / unreachable; beban mesin / load average ${loadavg()[0]!.toFixed(1)}; ${RUNS} kali: ${times.map((t) => (t / 1000).toFixed(1)).join(", ")} s`;
      }
    } finally {
      await web.stop();
      await named.stop();
      rmSync(work, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    return [{ label: "npm run audit, median", wallMs: median, budgetMs: 30_000, extra }];
  },
};
export default section;
