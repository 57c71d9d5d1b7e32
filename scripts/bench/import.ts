// npm run bench -- import: `npm run import` of a 5,000-record zone file into a freshly adopted
// repository, as a whole process (BIND's canonical dump, sorting, validation, writing files).
// Budget: under 5 s. Median of three runs, each into a new folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { adoptionGovernance } from "../../src/model/presets/adopt.ts";
import { parseCanonical } from "../../src/import/canonical.ts";
import { ZONE, zoneText } from "../../test/import/zone.ts";
import type { BenchSection } from "./types.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const RUNS = 3;

const section: BenchSection = {
  name: "import (npm run import, 5.000 rekaman / records)",
  async run() {
    const work = mkdtempSync(join(tmpdir(), "bench-import-"));
    try {
      const zoneFile = join(work, "zone.db");
      writeFileSync(zoneFile, zoneText(1840));
      const check = spawnSync("named-checkzone", ["-D", "-o", "-", ZONE, zoneFile], { encoding: "utf8", maxBuffer: 1 << 28 });
      if (check.status !== 0) return [{ label: "named-checkzone tidak tersedia / not available", wallMs: 0 }];
      const records = parseCanonical(check.stdout).length;
      const preset = readFileSync(join(ROOT, "src/model/presets/balangan.yaml"), "utf8");
      const governance = adoptionGovernance(preset, { zone: ZONE, government: "Kabupaten Sukamaju", preset: "balangan", org: "diskominfo-sukamaju", base: "0".repeat(40), date: "2026-06-01" }).text;
      const times: number[] = [];
      let files = 0;
      for (let i = 0; i < RUNS; i++) {
        const root = mkdtempSync(join(work, "root-"));
        writeFileSync(join(root, "governance.yaml"), governance);
        const t0 = performance.now();
        const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/import.ts"), "--root", root, "--zone-file", zoneFile, "--today", "2026-06-01"], { cwd: ROOT, encoding: "utf8" });
        times.push(performance.now() - t0);
        if (r.status !== 0) throw new Error(r.stderr);
        files = Number(/di (\d+) berkas permohonan/.exec(r.stdout)?.[1] ?? 0);
      }
      times.sort((a, b) => a - b);
      return [{ label: `impor ${records} rekaman / import of ${records} records (median ${RUNS})`, wallMs: times[Math.floor(RUNS / 2)]!, budgetMs: 5000, extra: `${files} berkas / files; runs ${times.map((t) => t.toFixed(0)).join(", ")} ms; load ${loadavg()[0]!.toFixed(1)}` }];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

export default section;
