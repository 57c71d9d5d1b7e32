// `npm run plan` as a whole process (its start included: the command package.json names, run as it is) on a git repository of 15,000 requests in
// every shape real files have (scripts/bench/lib/shapes.ts): a full plan with nothing cached and
// everything written to a new out/ (zones, manifests, registry, plan), and the plan of a pull
// request that changes one file, with the check cache the base commit's run left (.cache/plan).
// Median of five runs each (these shared VMs vary by tens of percent from one run to the next), with CPU time (user+sys of every process: on a shared machine the
// load adds wall time, not CPU time) and peak memory. Budgets (issue 10): full plan 2.5 s,
// one-file change 0.5 s, peak RSS 300 MB. The governance declares an Enterprise zone (no record
// quota): 15,000 requests are far beyond Cloudflare Free's 200 records, which the plan refuses.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { npmScript } from "./lib/npm-script.ts";
import { benchGit, commitRepository } from "./lib/git-repo.ts";
import type { BenchResult, BenchSection } from "./types.ts";
import { BENCH_TODAY, generateRepository } from "./lib/shapes.ts";
import { creationCost, describeChecked, describeSettling, runsOnSettledDisk, settledDisk } from "./lib/settled-disk.ts";

const N = Number(process.env.BENCH_PLAN_FILES ?? 15_000);

interface Run {
  ms: number;
  rssMb: number;
  cpuMs: number;
  /** The kernel's part of cpuMs: creating out/'s files shows here (see setAside). */
  sysMs: number;
}

/**
 * Where each run's out/ goes before the next run, deleted once all runs are done. Deleting the
 * previous run's 3,003 files just before a run made that run's file creations cost ~0.2 ms of
 * kernel time each instead of ~10 us (ext4 on these VMs, measured with 3,000 files: 0.6-0.8 s
 * of system time against 0.03 s; it lasted beyond 40 s after the deletion), ~0.3-1 s of the
 * figure. Neither CI (a fresh checkout) nor a user re-running the plan (files that stay the same
 * are left alone, src/artifacts/out-folder.ts) deletes thousands of files just before a plan.
 * The same holds for deletions before the section (lib/settled-disk.ts): the timed runs wait
 * until creating files costs what it does at rest.
 */
let setAside: string | undefined;

/** One `npm run plan` process (as package.json runs it), timed from spawn to exit; peak RSS and CPU time from GNU time (%M, %U, %S). */
function planProcess(root: string, extra: string[] = []): Run {
  const out = join(root, "out");
  if (existsSync(out)) {
    setAside ??= mkdtempSync(join(tmpdir(), "bench-old-out-"));
    renameSync(out, join(setAside, String(performance.now())));
  }
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/env", ["time", "-f", "%M %U %S", ...npmScript("plan"), "--root", root, "--base", "HEAD", "--out", join(root, "out"), "--today", BENCH_TODAY, ...extra], {
    cwd: join(import.meta.dirname, "../.."),
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = performance.now() - t0;
  // A plan that fails measures nothing: say why instead of reporting its time.
  if (r.status !== 0) throw new Error(`npm run plan exit ${r.status}: ${r.stderr.trim().split("\n").slice(-4).join(" | ")}`);
  const [rss, user, sys] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { ms, rssMb: rss! / 1024, cpuMs: (user! + sys!) * 1000, sysMs: sys! * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** An Enterprise plan on every zone: its record quota is by contract, so the plan checks none. */
export function enterpriseGovernance(text: string): string {
  return text.replace(/^( {2}- name: [^\n]+\n)/gm, "$1    provider: { name: cloudflare, plan: enterprise }\n");
}

const section: BenchSection = {
  name: "plan (proses utuh / whole process)",
  async run(): Promise<BenchResult[]> {
    const root = generateRepository(N);
    try {
      const gov = join(root, "governance.yaml");
      writeFileSync(gov, enterpriseGovernance(readFileSync(gov, "utf8")));
      writeFileSync(join(root, ".gitignore"), ".cache/\nout/\n");
      commitRepository(root);
      const runs = (k: number, extra: string[] = []) => Array.from({ length: k }, () => planProcess(root, extra));
      // Probed where the plan creates its files; planProcess sets this out/ aside before the first run.
      const probeDir = join(root, "out", "kubernetes");
      mkdirSync(probeDir, { recursive: true });
      const settling = await settledDisk(probeDir);
      // One untimed run first, as validate's bench has: while the bench waits for the disk, these
      // VMs page out file cache left idle for a minute (DAMON), and a fresh checkout in CI has the
      // repository's files cached.
      planProcess(root, ["--no-cache"]);
      // Each checked afterwards where it wrote (lib/settled-disk.ts); planProcess sets that aside with its out/.
      const checked = await runsOnSettledDisk(5, () => planProcess(root, ["--no-cache"]), (i) => creationCost(join(root, "out", "kubernetes"), `after-${i}`));
      const full = checked.runs;
      // The base commit's own plan fills the cache, as the plan workflow does on main.
      const filling = planProcess(root);
      // A pull request changing one file: the working tree differs from HEAD in one request.
      const file = benchGit(root, "ls-files", "requests/opd01").split("\n")[3]!;
      writeFileSync(join(root, file), readFileSync(join(root, file), "utf8").replace(/^purpose: .*$/m, "purpose: Layanan informasi publik terpadu yang diperbarui"));
      const one = runs(5);
      const fmt = (xs: Run[]) =>
        `median of ${xs.map((x) => x.ms.toFixed(0)).join("/")} ms; CPU median ${median(xs.map((x) => x.cpuMs)).toFixed(0)} ms (sistem/system ${median(xs.map((x) => x.sysMs)).toFixed(0)} ms); RSS puncak/peak ${Math.max(...xs.map((x) => x.rssMb)).toFixed(0)} MB (anggaran/budget 300 MB); beban/load ${loadavg()[0]!.toFixed(1)}`;
      // "before": the previous stop (aa235f9, whose product code is cd0a735's), measured by this
      // bench in 22 rounds on 2026-12-02 (10:33-12:07), Node 24.22.3, on a machine of this kind
      // (AMD EPYC Zen 4, 2 vCPU): the median of the rounds' medians and their range. The full
      // plan's rounds include 8 whose disk had not settled (system time 0.95-2.34 s against ~0.5 s);
      // the 14 others gave 1.63-2.47 s, median 1.89 s. The figures printed now are this machine's.
      return [
        { label: `${N} permohonan/requests, npm run plan lengkap ke out/ tanpa cache / full plan to out/, no cache (sebelumnya/before aa235f9: 2.19 s, 1.63-3.13 s; disk tenang/settled 1.89 s, 1.63-2.47 s; 214-241 MB)`, wallMs: median(full.map((x) => x.ms)), budgetMs: 2500, extra: `${fmt(full)}; ${describeSettling(settling)}${describeChecked(checked, (r) => r.ms)}` },
        { label: `${N} permohonan/requests, mengisi cache / filling the cache (sebelumnya/before aa235f9: RSS 237-269 MB)`, wallMs: filling.ms, extra: fmt([filling]) },
        { label: `${N} permohonan/requests, satu berkas berubah, cache dasar / one file changed, base cache (sebelumnya/before aa235f9: 205 ms, 166-235 ms, 76-82 MB)`, wallMs: median(one.map((x) => x.ms)), budgetMs: 500, extra: fmt(one) },
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
      if (setAside) rmSync(setAside, { recursive: true, force: true });
      setAside = undefined;
    }
  },
};
export default section;
