// The bench's wait for a settled disk (scripts/bench/lib/settled-disk.ts): it gives up at its
// limit and says the figures are inflated, rather than waiting for ever or claiming a settled disk;
// a timed run after which the disk was not settled does not count, unless the limit leaves no choice.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { creationCost, describeChecked, describeSettling, runsOnSettledDisk, settledDisk } from "../../scripts/bench/lib/settled-disk.ts";

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});
const folder = () => {
  const d = mkdtempSync(join(tmpdir(), "settled-disk-test-"));
  made.push(d);
  return d;
};

describe("waiting for a settled disk before timing out/", () => {
  it("a disk that never gets cheap enough is probed until the limit, then reported as not settled", async () => {
    const dir = folder();
    // No file is ever created in under 0 us: the disk never counts as settled.
    const s = await settledDisk(dir, 150, 0, 10);
    expect(s.settled).toBe(false);
    expect(s.waitedMs).toBeGreaterThanOrEqual(150);
    expect(s.waitedMs).toBeLessThan(10_000);
    expect(describeSettling(s)).toMatch(/DISK NOT SETTLED after \d+ s: \d+ us .*out\/ figures inflated/);
    // Whole probes ran (two of 200 files each) until the limit, and their files stay for the caller to remove.
    const files = readdirSync(dir).length;
    expect(files % 400).toBe(0);
    expect(files).toBeGreaterThanOrEqual(400);
  });

  it("a disk under the threshold is settled at the first probe, without waiting", async () => {
    const s = await settledDisk(folder(), 180_000, Number.POSITIVE_INFINITY, 60_000);
    expect(s.settled).toBe(true);
    expect(s.waitedMs).toBeLessThan(5000);
    expect(describeSettling(s)).toMatch(/^disk tenang\/settled \(\d+ us per berkas\/file baru\/new, menunggu\/waited \d+ s\)$/);
  });
});

describe("checking each timed run where it created its files", () => {
  /** A run that returns its number, and a probe that answers from `costs` (microseconds per file), in turn. */
  const fake = (costs: number[]) => {
    let runs = 0;
    const probed: number[] = [];
    return { run: () => runs++, probe: (i: number) => (probed.push(i), costs[i] ?? 10), probed, count: () => runs };
  };

  it("counts runs after which a new file is as cheap as at rest, and says nothing more", async () => {
    const f = fake([10, 20, 30]);
    const c = await runsOnSettledDisk(3, f.run, f.probe, 60_000, 100, 1);
    expect(c).toMatchObject({ runs: [0, 1, 2], setAside: [], settled: true });
    expect(f.probed).toEqual([0, 1, 2]);
    expect(describeChecked(c)).toBe("");
  });

  it("sets aside a run after which the disk was slow, pauses, and runs again until enough runs pass", async () => {
    const f = fake([10, 900, 450, 20, 30]);
    const t0 = performance.now();
    const c = await runsOnSettledDisk(3, f.run, f.probe, 60_000, 100, 25);
    // Runs 1 and 2 were slowed: the figures come from 0, 3 and 4, after a pause for each set aside.
    expect(c.runs).toEqual([0, 3, 4]);
    expect(c.setAside).toEqual([{ run: 1, perFileUs: 900 }, { run: 2, perFileUs: 450 }]);
    expect(c.settled).toBe(true);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    expect(describeChecked(c)).toBe("; 2 putaran disisihkan/runs set aside (disk belum tenang/not settled after them: 900/450 us per berkas/file baru/new)");
    // With how long each took, when the caller says how to read it from a run.
    expect(describeChecked(c, (run) => 1000 + run)).toBe("; 2 putaran disisihkan/runs set aside (disk belum tenang/not settled after them: 900/450 us per berkas/file baru/new, 1001/1002 ms)");
  });

  it("at its limit, fills the figures with the latest slowed runs and says they are inflated, rather than running for ever", async () => {
    const f = fake(Array.from({ length: 1000 }, (_, i) => (i === 0 ? 10 : 700)));
    const c = await runsOnSettledDisk(3, f.run, f.probe, 60, 100, 10);
    expect(c.settled).toBe(false);
    expect(c.runs).toHaveLength(3);
    expect(c.runs[0]).toBe(0);
    // The two latest runs set aside, in the order they ran.
    expect(c.runs.slice(1)).toEqual(c.setAside.slice(-2).map((x) => x.run));
    expect(f.count()).toBeLessThan(100);
    expect(describeChecked(c)).toMatch(/DISK NOT SETTLED during the runs \(700\/700.* us per berkas\/file baru\/new after \d+ runs; tenang\/settled < 100 us\); .*out\/ figures inflated$/);
  });

  it("probes with real new files, named for the run, in the folder given", () => {
    const dir = folder();
    const us = creationCost(dir, "after-7");
    expect(us).toBeGreaterThan(0);
    const files = readdirSync(dir);
    expect(files).toHaveLength(200);
    expect(files.every((f) => /^probe-after-7-\d+\.yaml$/.test(f))).toBe(true);
  });
});
