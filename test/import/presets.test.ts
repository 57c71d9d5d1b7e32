// Importing a running zone works under every preset, also those whose governance requires fields a
// zone cannot know (a scan of the request letter, an NIP, a recommendation): the names land in
// request files that validate with warnings saying what the OPD completes, never in the report
// for a rule the import itself cannot satisfy.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { adoptionGovernance } from "../../src/model/presets/adopt.ts";
import { PRESET_NAMES, presetFile } from "../../src/model/presets/index.ts";
import { ZONE, zoneText } from "./zone.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "impor-preset-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const zoneFile = join(work, "zone.db");
writeFileSync(zoneFile, zoneText(12));

describe("npm run import under every preset", () => {
  for (const preset of PRESET_NAMES) {
    it(`${preset}: every importable name lands in a request file, and the repository validates`, () => {
      const root = mkdtempSync(join(work, `${preset}-`));
      const governance = adoptionGovernance(readFileSync(presetFile(preset), "utf8"), { zone: ZONE, government: "Kabupaten Sukamaju", preset, org: "diskominfo-sukamaju", base: "0".repeat(40), date: "2026-06-01" }).text;
      writeFileSync(join(root, "governance.yaml"), governance.replace("plan: free", "plan: pro"));
      const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/import.ts"), "--root", root, "--zone-file", zoneFile, "--today", "2026-06-01", "--lang", "en"], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      const files = Number(/in (\d+) request files/.exec(r.stdout)?.[1]);
      // 12 generated names plus the planted ones the model holds; none refused for a required field.
      expect(files).toBeGreaterThanOrEqual(12);
      const report = readFileSync(join(root, "out", "import-report.md"), "utf8");
      expect(report).not.toContain("field.required");
      expect(readdirSync(join(root, "requests", "diskominfo")).length).toBe(files);

      const v = validateRepository(root, "2026-06-01");
      expect(v.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const required = readFileSync(join(root, "governance.yaml"), "utf8").match(/^requiredFields: \[(.*)\]$/m)![1]!.split(",").map((s) => s.trim()).filter(Boolean);
      const missing = v.diagnostics.filter((d) => d.rule === "field.required");
      // Each required field is named as a warning in each imported file, beside the [ISI] values.
      expect(missing.length).toBe(required.length * files);
      for (const d of missing) expect(d.message.en).toMatch(/imported from the running zone/);
      expect(v.diagnostics.some((d) => d.rule === "request.placeholder")).toBe(true);
    });
  }

  it("a request that is not an import (a real letter number) still fails without the required field", () => {
    const root = mkdtempSync(join(work, "attack-"));
    const governance = adoptionGovernance(readFileSync(presetFile("purbalingga"), "utf8"), { zone: ZONE, government: "Kabupaten Sukamaju", preset: "purbalingga", org: "diskominfo-sukamaju", base: "0".repeat(40), date: "2026-06-01" }).text;
    writeFileSync(join(root, "governance.yaml"), governance.replace("plan: free", "plan: pro"));
    const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/import.ts"), "--root", root, "--zone-file", zoneFile, "--today", "2026-06-01"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const file = join(root, "requests", "diskominfo", "layanan0.yaml");
    // Forged: the [ISI] letter number replaced by a real-looking one, nothing else completed.
    writeFileSync(file, readFileSync(file, "utf8").replace(/number: .*\[ISI\].*/, "number: 000.1/1/DISKOMINFO/2026"));
    const v = validateRepository(root, "2026-06-01");
    const errors = v.diagnostics.filter((d) => d.severity === "error" && d.file === "requests/diskominfo/layanan0.yaml");
    expect(errors.map((d) => d.rule).sort()).toEqual(["field.required", "field.required"]);
  });
});
