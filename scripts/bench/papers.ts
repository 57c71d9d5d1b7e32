// Papers: service-time report over a year of pull requests, one reply letter PDF, the public
// registry page for a large government. Budgets are ours (the issue sets none): a monthly report
// or a letter should never keep a workflow waiting.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parse } from "yaml";
import { Governance } from "../../src/model/governance.ts";
import { accountDetails } from "../../src/letter/account.ts";
import { renderLetter } from "../../src/letter/render.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { git } from "../../src/git/run.ts";
import { serviceReport } from "../../src/report/aggregate.ts";
import { governanceReader } from "../../src/report/governance-at.ts";
import { stepChartSvg } from "../../src/report/chart.ts";
import { reportMarkdown } from "../../src/report/markdown.ts";
import { desiredState } from "../../src/state/index.ts";
import { registryHtml } from "../../src/targets/registry/html.ts";
import { registryRows } from "../../src/targets/registry/rows.ts";
import type { TimelineFile } from "../../src/worktime/timeline.ts";
import type { BenchSection } from "./types.ts";

const root = new URL("../..", import.meta.url).pathname;

const section: BenchSection = {
  name: "papers (laporan, surat, daftar)",
  async run() {
    const governance = Governance.parse(parse(readFileSync(`${root}test/fixtures/contoh/governance.yaml`, "utf8")));
    const file = JSON.parse(readFileSync(`${root}test/papers/fixtures/timelines.json`, "utf8")) as TimelineFile;
    // 1,000 pull requests: the example set repeated with other numbers.
    const many = Array.from({ length: 40 }, (_, k) => file.timelines.map((t) => ({ ...t, pull: t.pull + 1000 * (k + 1) }))).flat();
    let t0 = performance.now();
    const report = serviceReport(many, governance, { since: "2026-01-01", until: "2026-12-31" }, file.teams);
    reportMarkdown(report, governance, "c.svg");
    stepChartSvg(report.steps, { government: governance.government.name, since: "2026-01-01", until: "2026-12-31" });
    const reportMs = performance.now() - t0;

    // The same requests judged by governance at their base commits: 200 commits, one git process.
    const repo = mkdtempSync(join(tmpdir(), "bench-laporan-"));
    const g = (...args: string[]) => git(repo, ["-c", "user.name=b", "-c", "user.email=b@example.invalid", ...args]).stdout.toString("utf8").trim();
    g("init", "-q");
    const bases: string[] = [];
    const govText = readFileSync(`${root}test/fixtures/contoh/governance.yaml`, "utf8");
    for (let k = 0; k < 200; k++) {
      writeFileSync(join(repo, "governance.yaml"), k % 2 ? govText.replace("standardTime: 1h", "standardTime: 2h") : govText);
      g("add", "governance.yaml");
      g("commit", "-qm", `c${k}`, "--allow-empty");
      bases.push(g("rev-parse", "HEAD"));
    }
    const based = many.map((t, i) => ({ ...t, base: bases[i % bases.length]! }));
    t0 = performance.now();
    const reader = governanceReader(repo, governance);
    reader.prefetch(based.map((t) => t.base));
    const atBase = serviceReport(based, governance, { since: "2026-01-01", until: "2026-12-31" }, file.teams, (t) => reader(t.base));
    const atBaseMs = performance.now() - t0;
    rmSync(repo, { recursive: true, force: true });

    const v = validateRepository(`${root}test/fixtures/contoh`, "2026-11-16");
    const state = desiredState(v.requests, v.governance!);
    const rf = v.requests.find((r) => r.file === "requests/dinkes/puskesmas.yaml") ?? v.requests[0]!;
    await renderLetter({ governance: v.governance!, account: accountDetails(rf.file, rf.request, v.governance!, state), number: "1", date: "2026-11-16" }); // warm-up: font metrics
    t0 = performance.now();
    const pdf = await renderLetter({ governance: v.governance!, account: accountDetails(rf.file, rf.request, v.governance!, state), number: "2", date: "2026-11-16" });
    const letterMs = performance.now() - t0;

    const rows = registryRows(v.requests, v.governance!, new Map());
    const big = Array.from({ length: 400 }, (_, k) => rows.map((r) => ({ ...r, name: `${k}-${r.name}` }))).flat();
    t0 = performance.now();
    const html = registryHtml(big, { government: v.governance!.government.name, generated: "2026-11-16" });
    const pageMs = performance.now() - t0;
    return [
      { label: `laporan ${many.length} pull request`, wallMs: reportMs, budgetMs: 1500, extra: `${report.completed.length} selesai, ${report.breaches.length} pelampauan` },
      { label: `laporan ${based.length} pull request, tata kelola per commit dasar (200 commit)`, wallMs: atBaseMs, budgetMs: 2500, extra: `${atBase.completed.length} selesai, ${atBase.judgedByToday} dengan alur hari ini` },
      { label: "satu surat balasan PDF", wallMs: letterMs, budgetMs: 1000, extra: `${Math.round(pdf.length / 1024)} KiB` },
      { label: `halaman daftar ${big.length} subdomain`, wallMs: pageMs, budgetMs: 1000, extra: `${Math.round(html.length / 1024)} KiB` },
    ];
  },
};

export default section;
