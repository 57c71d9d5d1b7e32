// Each preset must reproduce its SOP. The expected chains below are transcribed by hand from the
// SOP texts (/work/shared/seeds, summarised in SOPS.md), not derived from the preset files, so a
// careless edit of a preset fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/parse.ts";
import { LIMITS } from "../../src/load/limits.ts";
import { Governance } from "../../src/model/governance.ts";
import { PRESET_NAMES, isPresetName, presetFile, readPreset, type PresetName } from "../../src/model/presets/index.ts";
import { checkGovernance } from "../../src/validate/validate.ts";

type Kind = "intake" | "disposition" | "verification" | "technical" | "decision" | "signature";
interface Expected {
  zone: string;
  office: string;
  /** [role, kind, standard time] in the SOP's order. */
  chain: [string, Kind, string][];
  /** Ids of the steps after the deployment (report, draft, paraf, signature), in order. */
  afterDeployment: string[];
  deadline?: string;
  timeZone: string;
  /** Only the hours the SOP itself states; others are local settings. */
  hours?: Record<string, [string, string]>;
  requiredFields: string[];
}

const SOP: Record<PresetName, Expected> = {
  // 000: Pengajuan / Perubahan Sub-Domain / Hosting PD
  tulungagung: {
    zone: "tulungagungkab.go.id",
    office: "Dinas Komunikasi dan Informatika",
    chain: [
      ["Pelaksana Pengembangan Aplikasi", "intake", "30m"], // checks the E-Layanan form
      ["Kepala Dinas", "disposition", "1h"],
      ["Kepala Bidang Penyelenggaraan E-Government", "disposition", "1h"],
      ["Kepala Seksi Pengembangan Aplikasi", "disposition", "1h"],
      ["Pelaksana Pengembangan Aplikasi", "technical", "30m"], // add/change
      ["Pelaksana Pengembangan Aplikasi", "verification", "1h"], // check system, report to Kasi
      ["Kepala Seksi Pengembangan Aplikasi", "decision", "1h"], // errors back, or draft letter
      ["Kepala Bidang Penyelenggaraan E-Government", "signature", "1h"], // checks the draft
      ["Kepala Dinas", "signature", "1d"], // signs the reply letter
    ],
    afterDeployment: ["pemeriksaan-hasil", "kasi-konsep-surat", "kabid-paraf", "kepala-dinas-tanda-tangan"],
    timeZone: "Asia/Jakarta",
    requiredFields: ["letter.scan"], // printed form signed by both responsible persons
  },
  // 001: Permohonan Subdomain dan Hosting
  demak: {
    zone: "demakkab.go.id",
    office: "Dinas Komunikasi dan Informatika",
    chain: [
      ["Pelaksana / Pranata Komputer", "intake", "5m"],
      ["Kepala Dinas", "disposition", "10m"],
      ["Sekretaris Dinas", "disposition", "10m"],
      ["Kepala Bidang Aplikasi Informatika", "disposition", "10m"],
      ["Sub Koordinator Sistem dan Program Aplikasi", "verification", "30m"],
      ["Pelaksana / Pranata Komputer", "technical", "30m"],
      ["Kepala Dinas", "signature", "1d"], // account letter via MIPP
    ],
    deadline: "7d",
    afterDeployment: ["surat-akun"],
    timeZone: "Asia/Jakarta",
    requiredFields: ["letter.scan"], // letter uploaded to MIPP
  },
  // 002: Layanan Pendaftaran Subdomain Pemerintah Provinsi
  kaltara: {
    zone: "kaltaraprov.go.id",
    office: "Dinas Komunikasi, Informatika, Statistik dan Persandian",
    chain: [
      ["Kepala Dinas", "disposition", "3h"], // "1-3 jam": the upper bound
      ["Kepala Bidang Aplikasi Informatika", "verification", "1d"], // analyses, dispositions
      ["Tim Teknis", "verification", "7d"], // analysis report
      ["Tim Teknis", "technical", "1d"], // create, document, letter and e-mail
      ["Kepala Dinas", "signature", "1d"], // the letter approving the name, signed after the creation
    ],
    afterDeployment: ["surat-persetujuan"],
    timeZone: "Asia/Makassar",
    hours: {
      mon: ["08:00", "16:00"],
      tue: ["08:00", "16:00"],
      wed: ["08:00", "16:00"],
      thu: ["08:00", "16:00"],
      fri: ["08:00", "16:30"],
    },
    requiredFields: ["recommendation"],
  },
  // 003: Permohonan Sub Domain
  purbalingga: {
    zone: "purbalinggakab.go.id",
    office: "Dinas Komunikasi dan Informatika",
    chain: [
      ["Jabatan Fungsional Umum (JFU)", "intake", "5m"],
      ["Kepala Dinas", "disposition", "30m"],
      ["Kepala Bidang Informatika", "disposition", "5m"],
      ["Staf Teknis", "verification", "30m"],
      ["Staf Teknis", "verification", "5m"],
      ["Kepala Bidang Informatika", "decision", "1h"], // 60 minutes
      ["Staf Teknis", "technical", "30m"],
      ["Jabatan Fungsional Umum (JFU)", "signature", "30m"], // draft report
      ["Kepala Seksi Aplikasi dan Infrastruktur TIK", "signature", "30m"],
      ["Kepala Bidang Informatika", "signature", "10m"],
      ["Kepala Dinas", "signature", "15m"],
    ],
    afterDeployment: ["konsep-laporan", "kasi-paraf", "kabid-paraf", "kepala-dinas-tanda-tangan"],
    timeZone: "Asia/Jakarta",
    requiredFields: ["letter.scan", "contacts.technical.nip"], // power of attorney, identity of the manager
  },
  // 004: SOP Sub Domain
  balangan: {
    zone: "balangankab.go.id",
    office: "Dinas Komunikasi dan Informatika",
    chain: [
      ["Kepala Dinas", "disposition", "15m"],
      ["Kepala Bidang Layanan e-Gov", "disposition", "15m"],
      ["Kepala Seksi Pengembangan Aplikasi Pemerintahan", "disposition", "15m"],
      ["Staf Prakom", "verification", "1d"],
      ["Kepala Seksi Pengembangan Aplikasi Pemerintahan", "signature", "1h"], // report to Kabid
      ["Kepala Bidang Layanan e-Gov", "decision", "20m"],
      ["Staf Prakom", "technical", "1h"],
      ["Kepala Dinas", "signature", "1d"], // reply letter (no standard time in the SOP)
    ],
    afterDeployment: ["surat-balasan"],
    timeZone: "Asia/Makassar",
    requiredFields: [],
  },
};

describe("governance presets", () => {
  it("names exactly the five SOPs", () => {
    expect([...PRESET_NAMES].sort()).toEqual(Object.keys(SOP).sort());
    expect(isPresetName("demak")).toBe(true);
    expect(isPresetName("jakarta")).toBe(false);
  });

  for (const name of PRESET_NAMES) {
    describe(name, () => {
      const file = presetFile(name);
      const text = readFileSync(join(import.meta.dirname, "..", "..", file), "utf8");
      const loaded = parseYaml(file, new TextEncoder().encode(text), LIMITS.governanceBytes);
      const checked = checkGovernance(loaded);
      const g = checked.governance!;
      const want = SOP[name];

      it("passes the real governance validator without a diagnostic", () => {
        expect(checked.diagnostics).toEqual([]);
        expect(checked.governance).toBeDefined();
        expect(Governance.safeParse(loaded.value).success).toBe(true);
        expect(readPreset(name).value).toEqual(loaded.value);
      });

      it("reproduces the SOP's chain in order, with kinds and standard times", () => {
        expect(g.disposition.steps.map((s) => [s.role, s.kind, s.standardTime])).toEqual(want.chain);
        expect(g.disposition.ordered).toBe(true);
        expect(g.disposition.steps.filter((st) => st.phase === "after-deployment").map((st) => st.id)).toEqual(want.afterDeployment);
        // The phases do not interleave: the creation comes before every after-deployment step.
        const phases = g.disposition.steps.map((st) => st.phase ?? "before-merge");
        expect(phases.lastIndexOf("before-merge")).toBeLessThan(phases.indexOf("after-deployment"));
        for (const st of g.disposition.steps) expect(st.task, st.id).toMatch(/^[a-z]/);
        expect(g.disposition.staleOnPush).toBe(true);
      });

      it("has the SOP's deadline, time zone, hours and required fields", () => {
        expect(g.disposition.deadline).toBe(want.deadline);
        expect(g.workingHours.timeZone).toBe(want.timeZone);
        if (want.hours) expect(g.workingHours.days).toEqual(want.hours);
        expect([...g.requiredFields].sort()).toEqual([...want.requiredFields].sort());
      });

      it("serves the government's real zone and office, with placeholder teams", () => {
        expect(g.zones.map((z) => z.name)).toEqual([want.zone]);
        expect(g.government.office).toBe(want.office);
        expect(g.opds.length).toBeGreaterThanOrEqual(2);
        for (const s of g.disposition.steps) expect(s.team).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      });

      it("keeps a reviewed decision before hosting data is deleted", () => {
        expect(g.disposition.destructiveStep?.kind).toBe("decision");
      });

      it("maps every step in its heading comment", () => {
        const heading = text.slice(0, text.indexOf("\ngovernment:"));
        expect(heading).toContain("Pemetaan langkah SOP -> produk");
        for (const s of g.disposition.steps) expect(heading, `step ${s.id}`).toContain(`\`${s.id}\``);
      });
    });
  }
});
