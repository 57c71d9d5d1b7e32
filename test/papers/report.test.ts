import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { median, serviceReport } from "../../src/report/aggregate.ts";
import { stepChartSvg } from "../../src/report/chart.ts";
import { parseTimelineJson } from "../../src/report/input.ts";
import { hoursText, reportMarkdown } from "../../src/report/markdown.ts";
import { makeTimelines } from "./fixtures/make-timelines.ts";
import { exampleGovernance, ROOT } from "./governance.ts";
import { CONTOH } from "../fixtures/contoh.ts";

const run = promisify(execFile);
const governance = exampleGovernance();
const FIXTURE = join(ROOT, "test/papers/fixtures/timelines.json");
const data = JSON.parse(readFileSync(FIXTURE, "utf8"));
const parsed = parseTimelineJson(readFileSync(FIXTURE, "utf8"));
if (!parsed.ok) throw new Error("fixture does not parse");
const file = parsed.value;
const march = { since: "2026-03-01", until: "2026-03-31" };

describe("example timelines", () => {
  it("cover every example request and are what the generator makes", () => {
    expect(file.timelines).toHaveLength(readdirSync(join(CONTOH, "requests"), { recursive: true }).filter((f) => String(f).endsWith(".yaml")).length);
    expect(makeTimelines()).toEqual(data);
  });
});

describe("service-time report", () => {
  const report = serviceReport(file.timelines, governance, march, file.teams);

  it("counts the requests completed in the month and each step's median against its standard", () => {
    // Deployed in March (WIB): pull requests 107-110 of the example data set.
    expect(report.completed.map((p) => p.pull)).toEqual([107, 108, 109, 110]);
    expect(report.inProgress).toEqual([]);
    expect(report.steps.map((s) => s.step)).toEqual(["pemeriksaan-formulir", "kepala-dinas", "kabid-egov", "kasi-aplikasi", "pelaksana-teknis"]);
    for (const s of report.steps) {
      const done = report.completed.flatMap((p) => p.steps.filter((x) => x.step === s.step && x.status === "done"));
      expect(s.count).toBe(done.length);
      expect(s.medianMinutes).toBe(median(done.map((x) => x.workingMinutes)));
      expect(s.withinStandard).toBe(done.filter((x) => x.workingMinutes <= x.standardMinutes).length);
    }
  });

  it("does not count the Lebaran closures against Kabid (17 March 14.59 WIB to 25 March 08.15)", () => {
    const b = report.breaches.find((x) => x.pull === 109 && x.step === "kabid-egov")!;
    // 14.59-16.00 on 17 March, then 07.30-08.15 on 25 March: 61 + 45 minutes.
    expect(b.workingMinutes).toBe(106);
    expect(b.standardMinutes).toBe(60);
  });

  it("reports a voided round by its last, counted round", () => {
    const p = report.completed.find((x) => x.pull === 107)!;
    expect(p.service.rounds).toBe(2);
  });

  it("writes Markdown an official can read: period, working hours, summary, steps, chart, breaches", () => {
    const md = reportMarkdown(report, governance, "waktu-langkah-2026-03.svg");
    expect(md).toContain("# Laporan Mutu Baku Waktu Layanan Subdomain");
    expect(md).toContain("Periode: 1 Maret 2026 s.d. 31 Maret 2026");
    expect(md).toContain("Senin-Kamis 07.30-16.00, Jumat 07.30-15.00, WIB");
    expect(md).toContain(`- Permohonan selesai dipasang dalam periode: ${report.completed.length}`);
    expect(md).toContain("| Keputusan dan pemasangan | Kepala Bidang E-Government | disposisi | 1 jam |");
    expect(md).toContain("![Diagram median waktu per langkah dibanding mutu baku](waktu-langkah-2026-03.svg)");
    expect(md).toContain("| [#109](https://github.com/diskominfo-contohkab/subdomain/pull/109) | siaga (Badan Penanggulangan Bencana Daerah) | Kepala Bidang E-Government - disposisi | 1 jam 46 menit | 1 jam | 17 Maret 2026 14.59 | 25 Maret 2026 08.15 |");
    expect(reportMarkdown(report, governance, "c.svg", "en")).toContain("Monday-Thursday 07.30-16.00, Friday 07.30-15.00");
  });

  it("checks the overall deadline when governance sets one (Demak: 7 working days)", () => {
    const demak = { ...governance, disposition: { ...governance.disposition, deadline: "7d" } };
    const r = serviceReport(file.timelines, demak, march, file.teams);
    expect(r.service.deadline).toBe("7d");
    expect(r.service.withinDeadline).toBe(r.completed.filter((p) => p.service.withinDeadline).length);
    expect(reportMarkdown(r, demak, "c.svg")).toMatch(/Selesai dalam batas waktu layanan 7 hari kerja: \d+ dari \d+ \(\d+%\)/);
  });

  it("lists a request still in progress at the end of its period", () => {
    const last = file.timelines.at(-1)!;
    const day = last.events[0]!.at.slice(0, 10);
    const r = serviceReport(file.timelines, governance, { since: day.slice(0, 8) + "01", until: day.slice(0, 8) + "28" }, file.teams);
    expect(r.inProgress.map((p) => p.pull)).toContain(last.pull);
    expect(r.inProgress.find((p) => p.pull === last.pull)!.steps.find((s) => s.status === "running")?.step).toBe("kabid-egov");
  });

  it("draws each step's median against its standard as an accessible SVG", () => {
    const svg = stepChartSvg(report.steps, { government: "Dinas Komunikasi dan Informatika Pemerintah Kabupaten Contoh", since: march.since, until: march.until });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]+role="img" aria-labelledby="judul keterangan"/);
    expect(svg).toContain("<title id=\"judul\">Median waktu kerja per langkah dibanding mutu baku: Dinas Komunikasi dan Informatika Pemerintah Kabupaten Contoh, 1 Maret 2026 s.d. 31 Maret 2026</title>");
    expect(svg.match(/stroke-dasharray="4 2"/g)?.length).toBe(report.steps.length + 1);
    expect(svg.match(/<rect x="330"/g)?.length).toBe(report.steps.filter((s) => s.count).length);
    for (const s of report.steps) expect(svg).toContain(s.role);
    expect(svg).not.toMatch(/<(script|image|foreignObject)/);
    // Over-standard bars are red, within are green.
    const kadis = report.steps.find((s) => s.step === "kepala-dinas")!;
    expect(svg).toContain(kadis.medianMinutes > kadis.standardMinutes ? 'fill="#c62828"' : 'fill="#2e7d32"');
  });

  it("groups working days by their hours", () => {
    expect(hoursText({ ...governance, workingHours: { ...governance.workingHours, days: { mon: ["08:00", "16:00"], tue: ["08:00", "16:00"], sat: ["08:00", "12:00"] } } }, "id")).toBe(
      "Senin-Selasa 08.00-16.00, Sabtu 08.00-12.00",
    );
  });
});

describe("timeline input", () => {
  it("names the place of a bad value and never throws", () => {
    const bad = parseTimelineJson(JSON.stringify({ timelines: [{ pull: 1, title: "x", author: "a", events: [{ type: "review", at: "kemarin", actor: "b", state: "approved" }] }] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.en).toMatch(/^timelines\[0\]\.events\[0\]\.at: /);
    const syntax = parseTimelineJson("{ timelines: ");
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.problems[0]!.id).toMatch(/^bukan JSON yang sah/);
  });

  it("the report command writes Markdown and SVG, and answers bad input with a clear line", async () => {
    const out = mkdtempSync(join(tmpdir(), "report-"));
    const ok = await run(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/report.ts"), "--since", "2026-03-01", "--input", FIXTURE, "--out", out], { cwd: CONTOH });
    expect(ok.stdout).toMatch(/^Laporan 2026-03-01 s\.d\. 2026-03-31: \d+ permohonan selesai/);
    expect(readdirSync(out).sort()).toEqual(["laporan-waktu-layanan-2026-03.md", "waktu-langkah-2026-03.svg"]);
    const badFile = join(out, "rusak.json");
    writeFileSync(badFile, '{"timelines": [{"pull": 0}]}');
    const bad = await run(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/report.ts"), "--since", "2026-03-01", "--input", badFile], { cwd: CONTOH }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${badFile}: timelines[0].pull`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const usage = await run(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/report.ts"), "--since", "Maret"], { cwd: CONTOH }).catch((e) => e);
    expect(usage.code).toBe(2);
  }, 60_000);
});
