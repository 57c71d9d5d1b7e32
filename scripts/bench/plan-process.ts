// `npm run plan` as a whole process (tsx start included) on a git repository of 15,000 requests
// (the validate bench's generator): a full plan against the base commit with everything written to
// out/ (zones, manifests, registry, plan), and the plan of a pull request that changes one file.
// Median of three runs each, with peak memory. Budgets (issue 10): full plan 2.5 s, one-file
// change 0.5 s, peak RSS 300 MB.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { BenchResult, BenchSection } from "./types.ts";
import { generateRepository } from "./validate.ts";

const N = Number(process.env.BENCH_PLAN_FILES ?? 15_000);
const git = (root: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Bench", "-c", "user.email=bench@contohkab.go.id", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });

/** One `npm run plan` process, timed from spawn to exit; peak RSS and CPU time from GNU time (%M, %U, %S). */
function planProcess(root: string): { ms: number; rssMb: number; cpuMs: number } {
  const t0 = performance.now();
  const r = execFileSync("/usr/bin/env", ["time", "-f", "%M %U %S", "npx", "tsx", "src/cli/plan.ts", "--root", root, "--base", "HEAD", "--out", join(root, "out"), "--today", "2026-06-01"], {
    cwd: join(import.meta.dirname, "../.."),
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = performance.now() - t0;
  const [rss, user, sys] = r.trim().split("\n").pop()!.split(" ").map(Number);
  return { ms, rssMb: rss! / 1024, cpuMs: (user! + sys!) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const section: BenchSection = {
  name: "plan (proses utuh / whole process)",
  async run(): Promise<BenchResult[]> {
    const root = generateRepository(N);
    try {
      git(root, "init", "-q", "-b", "main");
      git(root, "add", "-A");
      git(root, "commit", "-q", "-m", "base");
      const runs = (k: number) => Array.from({ length: k }, () => planProcess(root));
      const full = runs(3);
      // A pull request changing one file: the working tree differs from HEAD in one request.
      const file = join(root, "requests/opd01/layanan-40.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("Layanan informasi publik", "Layanan informasi publik terpadu"));
      const one = runs(3);
      // CPU time beside wall time: on a shared machine the load adds wall time, not CPU time.
      const fmt = (xs: { ms: number; rssMb: number; cpuMs: number }[]) =>
        `median of ${xs.map((x) => x.ms.toFixed(0)).join("/")} ms; CPU median ${median(xs.map((x) => x.cpuMs)).toFixed(0)} ms; RSS puncak/peak ${Math.max(...xs.map((x) => x.rssMb)).toFixed(0)} MB (anggaran/budget 300 MB); beban/load ${loadavg()[0]!.toFixed(1)}`;
      return [
        { label: `${N} permohonan/requests, npm run plan lengkap ke out/ / full plan to out/`, wallMs: median(full.map((x) => x.ms)), budgetMs: 2500, extra: fmt(full) },
        { label: `${N} permohonan/requests, satu berkas berubah / one file changed`, wallMs: median(one.map((x) => x.ms)), budgetMs: 500, extra: fmt(one) },
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
export default section;
