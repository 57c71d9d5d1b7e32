// `npm run preset`: swaps the SOP-specific sections of a governance file and leaves the rest as
// written. Always run on a temporary copy of the repository's governance.yaml.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { parseYaml } from "../../src/load/parse.ts";
import { LIMITS } from "../../src/load/limits.ts";
import { applyPreset, PRESET_SECTIONS } from "../../src/model/presets/apply.ts";
import { PRESET_NAMES, presetFile } from "../../src/model/presets/index.ts";
import { checkGovernance } from "../../src/validate/validate.ts";
import { CONTOH_GOVERNANCE, CONTOH_GOVERNANCE_TEXT } from "../fixtures/contoh.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const GOVERNANCE = CONTOH_GOVERNANCE_TEXT;
const presetText = (name: string) => readFileSync(join(ROOT, presetFile(name as never)), "utf8");
const dir = mkdtempSync(join(tmpdir(), "preset-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Source text of each top-level section, as written. */
function sections(text: string): Record<string, string> {
  const doc = parseDocument(text);
  const out: Record<string, string> = {};
  for (const pair of (doc.contents as { items: { key: { value: string; range: number[] }; value: { range: number[] } }[] }).items)
    out[pair.key.value] = text.slice(pair.key.range[0], pair.value.range[1]);
  return out;
}

const run = promisify(execFile);
async function preset(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "apply-preset.ts"), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("applyPreset", () => {
  for (const name of PRESET_NAMES) {
    it(`puts the ${name} chain into governance.yaml and keeps everything else byte for byte`, () => {
      const result = applyPreset(GOVERNANCE, "governance.yaml", presetText(name), name);
      if (!result.ok) throw new Error(result.problem.en);
      const check = checkGovernance(parseYaml("governance.yaml", new TextEncoder().encode(result.text), LIMITS.governanceBytes));
      expect(check.diagnostics).toEqual([]);

      const before = sections(GOVERNANCE);
      const after = sections(result.text);
      // `forms` carries the preset's powerOfAttorney (tested below); everything else is the user's.
      const own = (k: string) => !(PRESET_SECTIONS as readonly string[]).includes(k) && k !== "forms";
      for (const key of Object.keys(before).filter(own)) expect(after[key], key).toBe(before[key]);
      expect(Object.keys(after).filter(own)).toEqual(Object.keys(before).filter(own));
      // The heading comments are the user's and stay.
      expect(result.text.slice(0, GOVERNANCE.indexOf("government:"))).toBe(GOVERNANCE.slice(0, GOVERNANCE.indexOf("government:")));

      const want = parse(presetText(name));
      const got = check.governance!;
      expect(got.disposition).toEqual(want.disposition);
      expect(got.requiredFields).toEqual(want.requiredFields);
      expect(got.review).toEqual(want.review);
      expect(got.workingHours.timeZone).toBe(want.workingHours.timeZone);
      expect(got.workingHours.days).toEqual(want.workingHours.days);
      // The local holiday calendar (cuti bersama) is kept.
      expect(got.workingHours.holidays).toEqual(parse(GOVERNANCE).workingHours.holidays);
    });
  }

  it("is idempotent", () => {
    const once = applyPreset(GOVERNANCE, "g", presetText("demak"), "demak");
    const twice = once.ok && applyPreset(once.text, "g", presetText("demak"), "demak");
    expect(twice && twice.ok && twice.text).toBe(once.ok && once.text);
  });

  it("points the placeholder teams at the given organisation", () => {
    const result = applyPreset(GOVERNANCE, "g", presetText("balangan"), "balangan", { org: "pemkab-contoh" });
    expect(result.ok && result.teams).toEqual([
      "pemkab-contoh/kepala-dinas",
      "pemkab-contoh/kabid-layanan-egov",
      "pemkab-contoh/kasi-pengembangan-aplikasi",
      "pemkab-contoh/staf-prakom",
    ]);
    const steps = result.ok ? parse(result.text).disposition.steps : [];
    expect(steps.every((s: { team: string }) => s.team.startsWith("pemkab-contoh/"))).toBe(true);
  });

  it("adds sections the file lacks", () => {
    const without = GOVERNANCE.replace(/^review:\n  maxMonths: 12\n/m, "");
    expect(without).not.toContain("review:");
    const result = applyPreset(without, "g", presetText("kaltara"), "kaltara");
    expect(result.ok && parse(result.text).review).toEqual({ maxMonths: 12 });
  });

  it("refuses a governance file that is not YAML, naming file and line", () => {
    const result = applyPreset("government: [unclosed\n", "governance.yaml", presetText("demak"), "demak");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.id).toMatch(/^governance\.yaml:\d+:\d+: YAML tidak sah/);
  });
});

describe("applyPreset and the forms' SOP text", () => {
  const withUpload = GOVERNANCE.replace(/\n*$/, "\n") + "forms:\n  # where our OPDs upload scans\n  scanUpload: https://arsip.contohkab.go.id/unggah\n";
  it("gives Purbalingga's power of attorney to the forms and keeps the government's upload place", () => {
    const r = applyPreset(withUpload, "governance.yaml", presetText("purbalingga"), "purbalingga");
    if (!r.ok) throw new Error(r.problem.en);
    expect(parse(r.text).forms).toEqual({ scanUpload: "https://arsip.contohkab.go.id/unggah", powerOfAttorney: true });
    expect(r.text).toContain("# where our OPDs upload scans");
  });

  it("takes it away again when another preset is applied, and adds nothing for presets without it", () => {
    const purbalingga = applyPreset(withUpload, "governance.yaml", presetText("purbalingga"), "purbalingga");
    if (!purbalingga.ok) throw new Error(purbalingga.problem.en);
    const demak = applyPreset(purbalingga.text, "governance.yaml", presetText("demak"), "demak");
    if (!demak.ok) throw new Error(demak.problem.en);
    expect(parse(demak.text).forms).toEqual({ scanUpload: "https://arsip.contohkab.go.id/unggah" });
    const plain = applyPreset(GOVERNANCE, "governance.yaml", presetText("demak"), "demak");
    if (!plain.ok) throw new Error(plain.problem.en);
    expect(parse(plain.text).forms).toBeUndefined();
    const fresh = applyPreset(GOVERNANCE, "governance.yaml", presetText("purbalingga"), "purbalingga");
    if (!fresh.ok) throw new Error(fresh.problem.en);
    expect(parse(fresh.text).forms).toEqual({ powerOfAttorney: true });
  });
});

describe("npm run preset", () => {
  it("rewrites the file given with --file and lists the teams to create", async () => {
    const file = join(dir, "governance.yaml");
    copyFileSync(CONTOH_GOVERNANCE, file);
    const r = await preset("kaltara", "--file", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('preset "kaltara"');
    expect(r.stdout).toContain("dkisp-kaltara/tim-teknis");
    const g = parse(readFileSync(file, "utf8"));
    expect(g.workingHours.timeZone).toBe("Asia/Makassar");
    expect(g.requiredFields).toEqual(["recommendation"]);
    expect(g.zones[0].name).toBe("contohkab.go.id");
  });

  it("refuses an unknown preset in both languages with exit 2, leaving the file alone", async () => {
    const file = join(dir, "unknown.yaml");
    copyFileSync(CONTOH_GOVERNANCE, file);
    const r = await preset("jakarta", "--file", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Preset `jakarta` tidak dikenal");
    expect(r.stderr).toContain("Unknown preset `jakarta`");
    expect(r.stderr).toContain("tulungagung, demak, kaltara, purbalingga, balangan");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(file, "utf8")).toBe(GOVERNANCE);
  });

  it("reports a broken governance file by line, exit 1, without writing", async () => {
    const file = join(dir, "broken.yaml");
    const broken = GOVERNANCE.replace("opds:\n", "opds:\n  - code: [\n");
    writeFileSync(file, broken);
    const r = await preset("demak", "--file", file, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: invalid YAML/);
    expect(readFileSync(file, "utf8")).toBe(broken);
  });

  it("says when the file is missing", async () => {
    const r = await preset("demak", "--file", join(dir, "nope.yaml"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("berkas tidak dapat dibaca (ENOENT)");
  });
});

describe("applyPreset keeps what is the government's own in the disposition block", () => {
  it("keeps the reminder escalation and the acting officials of a step the preset also has", () => {
    const doc = parseDocument(GOVERNANCE);
    doc.setIn(["disposition", "reminders"], doc.createNode({ escalateAfter: "2d" }));
    // An acting head for the preset's own step id, and one for a step the preset does not have.
    const steps = doc.getIn(["disposition", "steps"]) as { items: unknown[] };
    steps.items.push(doc.createNode({ id: "kepala-dinas", role: "Kepala Dinas", kind: "decision", standardTime: "1d", team: "contohkab/kadis", acting: [{ user: "sutrisno-plt", title: "Plt.", name: "Drs. Sutrisno", from: "2026-01-05", until: "2026-12-31" }] }));
    const mine = applyPreset(doc.toString(), "governance.yaml", presetText("demak"), "demak");
    if (!mine.ok) throw new Error(mine.problem.en);
    const got = parse(mine.text) as { disposition: { reminders?: unknown; steps: { id: string; acting?: { name: string }[] }[] } };
    expect(got.disposition.reminders).toEqual({ escalateAfter: "2d" });
    expect(got.disposition.steps.find((s) => s.id === "kepala-dinas")!.acting![0]!.name).toBe("Drs. Sutrisno");
    // The preset's chain is otherwise the preset's: no step of the government's old chain comes along.
    expect(got.disposition.steps.map((s) => s.id)).toEqual((parse(presetText("demak")) as typeof got).disposition.steps.map((s) => s.id));
    const check = checkGovernance(parseYaml("governance.yaml", new TextEncoder().encode(mine.text), LIMITS.governanceBytes));
    expect(check.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
