// The service-time report follows the truth: a temporary git repository whose governance changes
// the chain between two requests (the older request is judged by the older chain, read at its
// base commit), a reply letter (the phase after the installation), a rejected request and a
// reminded one; and the words an official reads carry no "pull request", "deployment" or step id.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { git } from "../../src/git/run.ts";
import { Governance } from "../../src/model/governance.ts";
import { serviceReport } from "../../src/report/aggregate.ts";
import { governanceReader } from "../../src/report/governance-at.ts";
import type { Timeline, TimelineFile } from "../../src/worktime/timeline.ts";
import { CONTOH_GOVERNANCE_TEXT } from "../fixtures/contoh.ts";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../..");
const ORG = "diskominfo-contohkab";

// The older chain is the fixture's: formulir, Kepala Dinas, Kabid (1 hour), Kasi, pelaksana.
const OLD = CONTOH_GOVERNANCE_TEXT;
// The newer chain: Kasi's step gone, a Sekretaris after the Kepala Dinas, Kabid given 3 hours, and
// the reply letter's paraf and signature after the installation.
const NEW = OLD.replace(
  /    - id: kabid-egov\n      role: Kepala Bidang E-Government\n      kind: disposition\n      standardTime: 1h\n/,
  `    - id: sekdis
      role: Sekretaris Dinas
      kind: disposition
      task: telaah dan paraf
      standardTime: 1h
      team: ${ORG}/sekretaris
    - id: kabid-egov
      role: Kepala Bidang E-Government
      kind: disposition
      standardTime: 3h
`,
)
  .replace(/    - id: kasi-aplikasi\n(      .*\n){4}/, "")
  .replace(
    /(      note: Menambah\/mengubah subdomain atau hosting\n)/,
    `$1    - id: konsep-surat
      role: Kepala Seksi Pengembangan Aplikasi
      kind: signature
      phase: after-deployment
      task: paraf konsep surat
      standardTime: 30m
      team: ${ORG}/kasi-aplikasi
    - id: tanda-tangan
      role: Kepala Dinas
      kind: signature
      phase: after-deployment
      task: tanda tangan
      standardTime: 1h
      team: ${ORG}/kepala-dinas
`,
  );
const oldGov = Governance.parse(parse(OLD));
const newGov = Governance.parse(parse(NEW));

const at = (local: string) => new Date(`2026-03-${local}:00+07:00`).toISOString();
const review = (actor: string, when: string, state: "approved" | "changes_requested" = "approved") => ({ type: "review" as const, at: at(when), actor, state });
const url = (n: number) => `https://github.com/pemkab-contoh/subdomain/pull/${n}`;

let repo = "";
let baseOld = "";
let baseNew = "";
let timelines: Timeline[] = [];
const teams = {
  [`${ORG}/pelaksana-aplikasi`]: ["tek1", "tek2"],
  [`${ORG}/kepala-dinas`]: ["kadis"],
  [`${ORG}/kabid-egov`]: ["kabid"],
  [`${ORG}/kasi-aplikasi`]: ["kasi"],
  [`${ORG}/sekretaris`]: ["sekda"],
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "laporan-"));
  const g = (...args: string[]) => {
    const r = git(repo, ["-c", "user.name=t", "-c", "user.email=t@example.invalid", ...args]);
    if (!r.ok) throw new Error(r.stderr);
    return r.stdout.toString("utf8").trim();
  };
  g("init", "-q", "-b", "main");
  writeFileSync(join(repo, "governance.yaml"), OLD);
  g("add", "governance.yaml");
  g("commit", "-qm", "Tata kelola awal");
  baseOld = g("rev-parse", "HEAD");
  writeFileSync(join(repo, "governance.yaml"), NEW);
  g("commit", "-qam", "Alur disposisi baru: Sekretaris, surat balasan");
  baseNew = g("rev-parse", "HEAD");
  timelines = [
    // Judged by the older chain: Kabid took 2 hours against its standard of 1 hour then.
    {
      pull: 1,
      title: "Permohonan subdomain sehat (pull request)",
      url: url(1),
      author: "siti-dinkes",
      files: ["requests/dinkes/sehat.yaml"],
      base: baseOld,
      events: [
        { type: "opened", at: at("02T08:00"), actor: "siti-dinkes" },
        review("tek1", "02T08:20"),
        review("kadis", "02T08:50"),
        review("kabid", "02T10:50"),
        review("kasi", "02T11:10"),
        review("tek2", "02T11:30"),
        { type: "merged", at: at("02T11:35"), actor: "tek2" },
        { type: "deployed", at: at("02T11:40"), state: "success" },
      ],
    },
    // Judged by the newer chain: the Sekretaris, then Kabid within its 3 hours.
    {
      pull: 2,
      title: "Permohonan subdomain jdih",
      url: url(2),
      author: "rina-diskominfo",
      files: ["requests/diskominfo/jdih.yaml"],
      base: baseNew,
      events: [
        { type: "opened", at: at("03T08:00"), actor: "rina-diskominfo" },
        review("tek1", "03T08:10"),
        review("kadis", "03T08:30"),
        review("sekda", "03T09:00"),
        review("kabid", "03T11:00"),
        review("tek2", "03T11:20"),
        { type: "merged", at: at("03T11:25"), actor: "tek2" },
        { type: "deployed", at: at("03T11:30"), state: "success" },
      ],
    },
    // The reply letter of request 2, after its installation; its paraf was reminded once.
    {
      pull: 3,
      title: "Surat balasan #2: jdih.contohkab.go.id",
      url: url(3),
      author: "subdomain-bot[bot]",
      files: [],
      base: baseNew,
      phase: "after-deployment",
      source: 2,
      events: [
        { type: "opened", at: at("03T11:35"), actor: "subdomain-bot[bot]" },
        { type: "reminder", at: at("03T12:10"), step: "konsep-surat", kind: "reminder" },
        review("kasi", "03T13:00"),
        review("kadis", "03T13:10"),
        { type: "merged", at: at("03T13:15"), actor: "subdomain-bot[bot]" },
      ],
    },
    // Rejected by Kabid's decision.
    {
      pull: 4,
      title: "Permohonan subdomain ganda",
      url: url(4),
      author: "siti-dinkes",
      files: ["requests/dinkes/ganda.yaml"],
      base: baseNew,
      rejected: true,
      events: [
        { type: "opened", at: at("04T08:00"), actor: "siti-dinkes" },
        review("tek1", "04T08:15"),
        review("kadis", "04T08:30"),
        review("sekda", "04T08:45"),
        review("kabid", "04T09:30", "changes_requested"),
        { type: "closed", at: at("04T09:31"), actor: "subdomain-bot[bot]" },
      ],
    },
    // Waiting for the Kepala Dinas: reminded, then the step above told a working day later.
    {
      pull: 5,
      title: "Permohonan subdomain antri",
      url: url(5),
      author: "siti-dinkes",
      files: ["requests/dinkes/antri.yaml"],
      base: baseNew,
      events: [
        { type: "opened", at: at("05T08:00"), actor: "siti-dinkes" },
        review("tek1", "05T08:10"),
        { type: "reminder", at: at("05T09:11"), step: "kepala-dinas", kind: "reminder" },
        { type: "reminder", at: at("06T09:11"), step: "kepala-dinas", kind: "escalation" },
      ],
    },
  ];
});

const march = { since: "2026-03-01", until: "2026-03-31" };
const report = () => {
  const reader = governanceReader(repo, newGov);
  return serviceReport(timelines, newGov, march, teams, (t) => reader(t.base));
};

describe("each request is judged by the chain in force for it", () => {
  it("the older request by the older chain, the newer by the newer, read at their base commits", () => {
    const r = report();
    const one = r.completed.find((p) => p.pull === 1)!;
    const two = r.completed.find((p) => p.pull === 2)!;
    expect(one.atBase && two.atBase).toBe(true);
    expect(one.steps.map((s) => [s.step, s.status])).toEqual(oldGov.disposition.steps.map((s) => [s.id, "done"]));
    expect(two.steps.map((s) => s.step)).toEqual(["pemeriksaan-formulir", "kepala-dinas", "sekdis", "kabid-egov", "pelaksana-teknis"]);
    expect(two.steps.every((s) => s.status === "done")).toBe(true);
    // Kabid: 2 hours against the older standard of 1 hour is a breach; 2 hours against 3 is not.
    expect(r.breaches.filter((b) => b.step === "kabid-egov").map((b) => [b.pull, b.standardMinutes])).toEqual([[1, 60]]);
    const kabid = r.steps.find((s) => s.step === "kabid-egov")!;
    expect(kabid).toMatchObject({ count: 2, withinStandard: 1, standards: ["1h", "3h"] });
    // The older chain's Kasi step is shown because a request went through it.
    expect(r.steps.find((s) => s.step === "kasi-aplikasi")).toMatchObject({ count: 1, role: "Kepala Seksi Pengembangan Aplikasi" });
    expect(r.judgedByToday).toBe(0);
  });

  it("judged by today's chain instead, the older request would read differently (what the base commit prevents)", () => {
    const today = serviceReport(timelines, newGov, march, teams);
    const one = today.completed.find((p) => p.pull === 1)!;
    expect(one.steps.map((s) => s.step)).not.toEqual(oldGov.disposition.steps.map((s) => s.id));
    expect(today.breaches.some((b) => b.pull === 1 && b.step === "kabid-egov" && b.standardMinutes === 60)).toBe(false);
  });

  it("a base commit that is not in the history falls back to today's chain, and the report says so", () => {
    const reader = governanceReader(repo, newGov);
    expect(reader("0".repeat(40))).toEqual({ governance: newGov, atBase: false });
    expect(reader(undefined).atBase).toBe(false);
    const r = serviceReport([{ ...timelines[0]!, base: "1".repeat(40) }], newGov, march, teams, (t) => reader(t.base));
    expect(r.judgedByToday).toBe(1);
  });

  it("the governance blob is read once for the requests that share it", () => {
    const reader = governanceReader(repo, newGov);
    const seen = new Set<Governance>();
    for (const t of [...timelines, ...timelines]) seen.add(reader(t.base).governance);
    // Two distinct governance files, two parsed objects (each parsed once), however many requests.
    expect(seen.size).toBe(2);
    // All bases at once, through one git process; an unknown commit among them falls back alone.
    const batch = governanceReader(repo, newGov);
    batch.prefetch([baseOld, baseNew, "0".repeat(40), undefined]);
    expect([batch(baseOld).governance.disposition.steps.length, batch(baseNew).atBase, batch("0".repeat(40)).atBase]).toEqual([oldGov.disposition.steps.length, true, false]);
  });
});

describe("both phases, rejections and reminders", () => {
  it("the reply letter's steps, the rejected request with its time, and the reminders per step", () => {
    const r = report();
    expect(r.letters.map((p) => p.pull)).toEqual([3]);
    expect(r.letterService.count).toBe(1);
    expect(r.steps.filter((s) => s.phase === "after-deployment").map((s) => [s.step, s.count])).toEqual([
      ["konsep-surat", 1],
      ["tanda-tangan", 1],
    ]);
    // The paraf took 85 minutes against 30: a breach of the letter phase.
    expect(r.breaches.find((b) => b.pull === 3)).toMatchObject({ step: "konsep-surat", workingMinutes: 85, standardMinutes: 30 });
    expect(r.rejected.map((p) => p.pull)).toEqual([4]);
    expect(r.rejectedService).toEqual({ count: 1, medianMinutes: 90 });
    expect(r.completed.map((p) => p.pull)).toEqual([1, 2]);
    expect(r.inProgress.map((p) => p.pull)).toEqual([5]);
    expect(r.reminders).toEqual({ reminders: 2, escalations: 1 });
    expect(r.steps.find((s) => s.step === "kepala-dinas")).toMatchObject({ reminders: 1, escalations: 1 });
    expect(r.steps.find((s) => s.step === "konsep-surat")).toMatchObject({ reminders: 1, escalations: 0 });
  });
});

describe("the report an official reads", () => {
  let md = "";
  let svg = "";
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), "laporan-out-"));
    const input = join(out, "linimasa.json");
    const file: TimelineFile = { teams, timelines };
    writeFileSync(input, JSON.stringify(file));
    const r = await run(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/report.ts"), "--since", "2026-03-01", "--input", input, "--out", out, "--root", repo], { cwd: ROOT });
    expect(r.stdout).toContain("Laporan 2026-03-01 s.d. 2026-03-31: 2 permohonan selesai");
    md = readFileSync(join(out, "laporan-waktu-layanan-2026-03.md"), "utf8");
    svg = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith(".svg"))!), "utf8");
  }, 60_000);

  it("names the government and the period, both phases, the rejection and the reminders", () => {
    expect(md).toContain("Dinas Komunikasi dan Informatika Pemerintah Kabupaten Contoh");
    expect(md).toContain("Periode: 1 Maret 2026 s.d. 31 Maret 2026");
    expect(md).toContain("- Surat balasan ditandatangani dan dikirim dalam periode: 1");
    expect(md).toContain("- Permohonan ditolak dalam periode: 1 (median waktu sampai keputusan penolakan: 1 jam 30 menit)");
    expect(md).toContain("- Pengingat kepada langkah yang melewati mutu baku: 2; diteruskan kepada langkah di atasnya: 1");
    expect(md).toContain("| Keputusan dan pemasangan | Kepala Bidang E-Government | disposisi | 1 jam / 3 jam | 2 |");
    expect(md).toContain("| Surat balasan | Kepala Seksi Pengembangan Aplikasi | paraf konsep surat | 30 menit | 1 |");
    // The Kepala Dinas disposed three requests (the rejected one too) and was reminded once, then escalated.
    expect(md).toMatch(/\| Keputusan dan pemasangan \| Kepala Dinas \| disposisi \| 1 jam \| 3 \|[^\n]*\| 1 \(1 diteruskan\) \|/);
    expect(md).toContain("- Dikembalikan ke pemohon untuk perbaikan: 0 kali");
    // The older chain's Kasi step stands where it stood in that chain, before the technical step.
    expect(md.indexOf("| Kepala Seksi Pengembangan Aplikasi | disposisi |")).toBeLessThan(md.indexOf("| pembuatan subdomain/hosting |"));
    expect(md).toContain("| [#4](https://github.com/pemkab-contoh/subdomain/pull/4) | ganda (Dinas Kesehatan) | Kepala Bidang E-Government - disposisi | 1 jam 30 menit |");
    expect(md).toContain("| [#3](https://github.com/pemkab-contoh/subdomain/pull/3) | Surat balasan permohonan &#35;\u20602 | Kepala Seksi Pengembangan Aplikasi - paraf konsep surat |");
    expect(svg).toContain("Dinas Komunikasi dan Informatika Pemerintah Kabupaten Contoh · 1 Maret 2026 s.d. 31 Maret 2026");
    expect(svg).toContain("paraf konsep surat");
  });

  it("carries no 'pull request', 'deployment', 'PR' or step id in its words", () => {
    const ids = [...new Set([...oldGov.disposition.steps, ...newGov.disposition.steps, newGov.disposition.destructiveStep!].map((s) => s.id))];
    // Link targets are addresses, not words: only the text is read.
    for (const text of [md.replace(/\]\([^)]*\)/g, "]"), svg]) {
      expect(text).not.toMatch(/pull request/i);
      expect(text).not.toMatch(/deploy/i);
      expect(text).not.toMatch(/\bPR\b/);
      for (const id of ids) expect(text, id).not.toMatch(new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`));
    }
  });
});
