// The bench's wait for a settled disk (scripts/bench/lib/settled-disk.ts): it gives up at its
// limit and says the figures are inflated, rather than waiting for ever or claiming a settled disk.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { describeSettling, settledDisk } from "../../scripts/bench/lib/settled-disk.ts";

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
