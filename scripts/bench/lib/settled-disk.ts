// Waits, before a timed run that creates out/'s ~3,000 files, until creating files there costs
// what it costs on a file system at rest. On these VMs (ext4 without a journal, mounted with
// `discard`), for minutes after thousands of files are deleted (the previous bench section's or
// invocation's clean-up, a `git clean`), each new file costs far more kernel time, spent in the
// creating process, and not in every folder (ext4 keeps a folder's files in its block group;
// presumably what matters is whether that group held the deleted inodes). Measured with this
// probe (200 files of 3 KB): 25-80 us per file at rest in the generated repository's folder;
// 900-1,150 us in the first 30 s after 20,000 files were deleted, 400-650 us after 50 s, 200-250
// us after 3 minutes; and at one moment 950 us in a new folder of /tmp against 27 us in the
// repository's. A full plan timed then shows the deletion, not the plan: 2.6-3.1 s with 1.8-2.3 s
// of system time against ~2 s with 0.5 s; with a probe at 132 us, still 1.6 s of system time.
// CI's fresh clone deletes nothing before it plans, so the bench probes where out/ goes (the
// repository's out/kubernetes, set aside before the first run), waits until it is settled, and
// says how long it waited. That probe alone was not enough: it said "settled" (35 us) and the
// timed runs still took 1.1 s of system time, as each run makes new folders whose files may land
// in other block groups than the probe's. So each timed run is probed too, afterwards, in the
// folder it just filled (runsOnSettledDisk): a run after which a new file there costs more than at
// rest is set aside and run again after a pause. Measured: 456 and 630 us after two full plans
// slowed by a deletion just before them (2.3 and 4.8 s of system time), 46-71 us after three at
// rest (0.6 s).
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** Files created per probe, their size (a manifest's), and the cost per file taken as settled. */
const PROBE_FILES = 200;
const PROBE_BYTES = Buffer.alloc(3000, 0x78);
const SETTLED_US = 100;

export interface Settling {
  /** How long the bench waited, ms. */
  waitedMs: number;
  /** The last probe's cost of creating one file, microseconds of CPU (user + system). */
  perFileUs: number;
  settled: boolean;
  /** The cost per file taken as settled, microseconds. */
  settledUs: number;
}

/** Creates PROBE_FILES new files in `dir`, named after `tag`; the CPU cost of each, in microseconds. */
export function creationCost(dir: string, tag: string | number): number {
  const before = process.cpuUsage();
  for (let i = 0; i < PROBE_FILES; i++) writeFileSync(join(dir, `probe-${tag}-${i}.yaml`), PROBE_BYTES);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / PROBE_FILES;
}

/**
 * Probes file creation in `dir` (the folder out/'s files go to, made by the caller) every
 * 5 s until two probes in a row cost under SETTLED_US per file (one alone is noisy), for at most
 * `limitMs`. The probe's files stay there: deleting them now would be a deletion just before the
 * timed runs; the caller removes `dir` with the rest once they are done.
 */
export async function settledDisk(dir: string, limitMs = 180_000, settledUs = SETTLED_US, pauseMs = 5000): Promise<Settling> {
  const t0 = performance.now();
  for (let round = 0; ; round++) {
    const perFileUs = Math.max(creationCost(dir, 2 * round), creationCost(dir, 2 * round + 1));
    const waitedMs = performance.now() - t0;
    if (perFileUs < settledUs || waitedMs >= limitMs) return { waitedMs, perFileUs, settled: perFileUs < settledUs, settledUs };
    await new Promise((done) => setTimeout(done, pauseMs));
  }
}

/** The settling, as the bench prints it beside the figures. */
export function describeSettling(s: Settling): string {
  const waited = (s.waitedMs / 1000).toFixed(0);
  return s.settled
    ? `disk tenang/settled (${s.perFileUs.toFixed(0)} us per berkas/file baru/new, menunggu/waited ${waited} s)`
    : `DISK BELUM TENANG / DISK NOT SETTLED after ${waited} s: ${s.perFileUs.toFixed(0)} us per berkas/file baru/new (tenang/settled < ${s.settledUs} us); angka out/ terlalu tinggi / out/ figures inflated`;
}

/** Timed runs, each checked afterwards by a probe where it created its files. */
export interface CheckedRuns<R> {
  /** The runs the figures come from, in the order they ran. */
  runs: R[];
  /** The runs set aside, with what the probe after each measured (microseconds per new file). */
  setAside: { run: R; perFileUs: number }[];
  /** Whether every run in `runs` passed its probe (false: the limit came first, some are inflated). */
  settled: boolean;
  settledUs: number;
}

/**
 * `k` runs of `run`, each followed by `probe(i)` (creationCost where run i just created its files):
 * a run after which a new file costs `settledUs` or more ran on a file system still paying for
 * deletions (see above), not as CI's fresh clone runs; it is set aside, and after `pauseMs` run
 * again, until `k` runs passed or `limitMs` went by. Then the latest runs set aside fill the
 * missing places, and the result says it is not settled.
 */
export async function runsOnSettledDisk<R>(k: number, run: () => R, probe: (i: number) => number, limitMs = 240_000, settledUs = SETTLED_US, pauseMs = 20_000): Promise<CheckedRuns<R>> {
  const t0 = performance.now();
  const runs: R[] = [];
  const setAside: { run: R; perFileUs: number }[] = [];
  for (let i = 0; runs.length < k; i++) {
    const r = run();
    const perFileUs = probe(i);
    if (perFileUs < settledUs) {
      runs.push(r);
      continue;
    }
    setAside.push({ run: r, perFileUs });
    if (performance.now() - t0 >= limitMs) {
      const fill = setAside.slice(-(k - runs.length)).map((x) => x.run);
      return { runs: [...runs, ...fill], setAside, settled: false, settledUs };
    }
    await new Promise((done) => setTimeout(done, pauseMs));
  }
  return { runs, setAside, settled: true, settledUs };
}

/**
 * What the checks after the runs found, as the bench prints it beside the figures ("" when every
 * run passed at once); `ms`, when given, says how long a run took, so the runs set aside show
 * what the file system cost them.
 */
export function describeChecked<R>(c: CheckedRuns<R>, ms?: (run: R) => number): string {
  if (c.setAside.length === 0) return "";
  const costs = c.setAside.map((x) => x.perFileUs.toFixed(0)).join("/");
  const took = ms ? `, ${c.setAside.map((x) => ms(x.run).toFixed(0)).join("/")} ms` : "";
  return c.settled
    ? `; ${c.setAside.length} putaran disisihkan/runs set aside (disk belum tenang/not settled after them: ${costs} us per berkas/file baru/new${took})`
    : `; DISK BELUM TENANG / DISK NOT SETTLED during the runs (${costs} us per berkas/file baru/new after ${c.setAside.length} runs; tenang/settled < ${c.settledUs} us); angka out/ terlalu tinggi / out/ figures inflated`;
}
