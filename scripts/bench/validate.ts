// Validation benchmark: `npm run validate` as a user runs it, a whole process with its start
// included (the command package.json names, run as it is: lib/npm-script.ts), on N generated requests (default 15,000;
// BENCH_VALIDATE_FILES to change) in every shape real files have (scripts/bench/lib/shapes.ts).
// Median of BENCH_VALIDATE_RUNS (default 5) runs, each a fresh process; peak resident memory and
// CPU time (user + system, from GNU time) beside it: on a shared machine the load adds wall time,
// not CPU time. Budgets (issue 10): 1.5 s, 300 MB. Also reported: the share of files the fast
// YAML reader (src/load/fast-yaml.ts) reads without the `yaml` library.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseFastYaml } from "../../src/load/fast-yaml.ts";
import { BENCH_TODAY, generateRepository, generateRequest, rng } from "./lib/shapes.ts";
import { npmScript } from "./lib/npm-script.ts";
import { commitRepository } from "./lib/git-repo.ts";
import type { BenchResult, BenchSection } from "./types.ts";

export { generateRepository } from "./lib/shapes.ts";

const BUDGET_MS = 1500;
const BUDGET_MB = 300;
/**
 * The previous stop's figure: aa235f9 (product code as cd0a735), measured by this bench in 21
 * rounds on 2026-12-02 between 10:33 and 12:07 (Node 24.22.3) on a machine of this kind (AMD EPYC
 * Zen 4, 2 vCPU): the median of the rounds' medians, and their range.
 */
const PREVIOUS = "aa235f9 1157 ms, 955-1449 ms in 21 rounds, 148-160 MB (Node 24, 2026-12-02)";

interface Run {
  ms: number;
  cpuMs: number;
  rssMb: number;
}

const REPO = join(import.meta.dirname, "../..");

/** One `npm run validate` process, timed from spawn to exit; peak RSS and CPU time from GNU time (%M, %U, %S). */
function validateProcess(root: string, extra: string[] = []): Run {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/env", ["time", "-f", "%M %U %S", ...npmScript("validate"), "--root", root, "--today", BENCH_TODAY, ...extra], {
    cwd: REPO,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = performance.now() - t0;
  // The generated repository is valid: anything but exit 0 is a broken benchmark, not a figure.
  if (r.status !== 0) throw new Error(`npm run validate exited with ${r.status}: ${r.stderr}`);
  const [rss, user, sys] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { ms, rssMb: rss! / 1024, cpuMs: (user! + sys!) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Share of the generated files the fast reader reads by itself (the rest go to `yaml`). */
function fastShare(n: number): { share: number; byStyle: string } {
  const r = rng(42);
  const styles = new Map<string, [number, number]>();
  let fast = 0;
  for (let i = 0; i < n; i++) {
    const q = generateRequest(i, r);
    const ok = parseFastYaml(q.text) !== undefined;
    if (ok) fast++;
    const s = styles.get(q.style) ?? [0, 0];
    styles.set(q.style, [s[0] + 1, s[1] + (ok ? 1 : 0)]);
  }
  const byStyle = [...styles].map(([k, [all, ok]]) => `${k} ${((100 * ok) / all).toFixed(0)}%`).join(", ");
  return { share: fast / n, byStyle };
}

const section: BenchSection = {
  name: "validate (proses utuh / whole process)",
  async run(): Promise<BenchResult[]> {
    const n = Number(process.env.BENCH_VALIDATE_FILES ?? 15_000);
    const k = Math.max(1, Number(process.env.BENCH_VALIDATE_RUNS ?? 5));
    const root = generateRepository(n);
    try {
      // A checkout, as users and CI validate one (validation reads deleted hosting requests from git).
      commitRepository(root);
      const { share, byStyle } = fastShare(n);
      const describe = (xs: Run[]) =>
        `median of ${xs.map((x) => x.ms.toFixed(0)).join("/")} ms; CPU median ${median(xs.map((x) => x.cpuMs)).toFixed(0)} ms; beban/load ${loadavg()[0]!.toFixed(1)}`;
      // Warm the file system cache and tsx's transform cache once, as any second run finds them.
      validateProcess(root);
      const runs = Array.from({ length: k }, () => validateProcess(root));
      const out: BenchResult[] = [
        {
          label: `${n} permohonan/requests, npm run validate`,
          wallMs: median(runs.map((x) => x.ms)),
          budgetMs: BUDGET_MS,
          // The highest of the runs: a budget on memory holds for every run, not for the middle one.
          peakMb: Math.max(...runs.map((x) => x.rssMb)),
          budgetMb: BUDGET_MB,
          extra: `${describe(runs)}; pembaca cepat/fast reader ${(share * 100).toFixed(1)}% (${byStyle}); sebelumnya/previous ${PREVIOUS}`,
        },
      ];
      return out;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
export default section;
