// The monthly service-time report as Markdown (Indonesian by default): the period and working
// calendar it was measured in, the service time against the deadline, each step's median and the
// share within its standard (with the SVG chart), and every breach.
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import { formatDate } from "../letter/date.ts";
import { formatMinutes } from "../worktime/format.ts";
import { localTime } from "../worktime/zoned.ts";
import type { ServiceReport } from "./aggregate.ts";

const ZONE = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" } as const;
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const W = {
  id: {
    title: "Laporan Mutu Baku Waktu Layanan Subdomain",
    period: (a: string, b: string) => `Periode: ${a} s.d. ${b}`,
    hours: (h: string, tz: string) => `Waktu dihitung dalam jam kerja (${h}, ${tz}); hari Sabtu, Minggu, hari libur nasional, dan cuti bersama dalam tata kelola tidak dihitung. Waktu selama permohonan dikembalikan ke pemohon untuk diperbaiki juga tidak dihitung.`,
    days: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    summary: "Ringkasan",
    completed: (n: number) => `Permohonan selesai dalam periode: ${n}`,
    inProgress: (n: number) => `Permohonan masih diproses pada akhir periode: ${n}`,
    serviceMedian: (m: string) => `Median waktu layanan (dari pull request dibuka sampai deployment): ${m}`,
    deadline: (d: string, k: number, n: number, p: string) => `Selesai dalam batas waktu layanan ${d}: ${k} dari ${n} (${p})`,
    returned: (n: number) => `Dikembalikan ke pemohon untuk perbaikan: ${n} kali`,
    steps: "Waktu per langkah disposisi",
    stepCols: ["Langkah", "Peran", "Mutu baku", "Jumlah", "Median", "Terlama", "Sesuai mutu baku"],
    chartAlt: "Diagram median waktu per langkah dibanding mutu baku",
    breaches: "Pelampauan mutu baku",
    noBreaches: "Tidak ada langkah yang melampaui mutu baku dalam periode ini.",
    breachCols: (tz: string) => ["PR", "Judul", "Langkah", "Waktu kerja", "Mutu baku", `Mulai (${tz})`, `Selesai (${tz})`],
    running: "masih berjalan",
    open: "Masih diproses",
    openCols: ["PR", "Judul", "Langkah saat ini", "Waktu kerja sejauh ini"],
    none: "-",
    d: (n: number) => `${n} hari kerja`,
  },
  en: {
    title: "Subdomain Service Time Report",
    period: (a: string, b: string) => `Period: ${a} to ${b}`,
    hours: (h: string, tz: string) => `Times are working time (${h}, ${tz}); weekends, national public holidays and the governance's extra closed days are not counted, nor is time the request spent back with the applicant.`,
    days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    summary: "Summary",
    completed: (n: number) => `Requests completed in the period: ${n}`,
    inProgress: (n: number) => `Requests still in progress at the end of the period: ${n}`,
    serviceMedian: (m: string) => `Median service time (pull request opened to deployment): ${m}`,
    deadline: (d: string, k: number, n: number, p: string) => `Completed within the service deadline of ${d}: ${k} of ${n} (${p})`,
    returned: (n: number) => `Returned to the applicant for correction: ${n} times`,
    steps: "Time per disposition step",
    stepCols: ["Step", "Role", "Standard", "Count", "Median", "Longest", "Within standard"],
    chartAlt: "Chart of each step's median time against its standard",
    breaches: "Breaches of the standard",
    noBreaches: "No step exceeded its standard in this period.",
    breachCols: (tz: string) => ["PR", "Title", "Step", "Working time", "Standard", `Start (${tz})`, `End (${tz})`],
    running: "still running",
    open: "Still in progress",
    openCols: ["PR", "Title", "Current step", "Working time so far"],
    none: "-",
    d: (n: number) => `${n} working day(s)`,
  },
} as const;

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");

function standardText(text: string, lang: Lang): string {
  const m = /^(\d+)(m|h|d)$/.exec(text);
  if (!m) return text;
  const n = Number(m[1]);
  return m[2] === "d" ? W[lang].d(n) : formatMinutes(m[2] === "h" ? n * 60 : n, lang);
}

/** "Senin-Kamis 07.30-16.00, Jumat 07.30-15.00": consecutive days with the same hours grouped. */
export function hoursText(governance: Governance, lang: Lang): string {
  const days = governance.workingHours.days;
  const groups: Array<{ from: number; to: number; span: string }> = [];
  DAYS.forEach((d, i) => {
    const h = days[d];
    if (!h) return;
    const span = `${h[0].replace(":", ".")}-${h[1].replace(":", ".")}`;
    const last = groups.at(-1);
    if (last && last.span === span && last.to === i - 1) last.to = i;
    else groups.push({ from: i, to: i, span });
  });
  const names = W[lang].days;
  return groups.map((g) => `${names[g.from]}${g.to > g.from ? `-${names[g.to]}` : ""} ${g.span}`).join(", ");
}

function when(iso: string | undefined, tz: string, lang: Lang): string {
  if (!iso) return W[lang].running;
  const l = localTime(new Date(iso), tz);
  const hh = String(Math.floor(l.minutes / 60)).padStart(2, "0");
  const mm = String(Math.floor(l.minutes % 60)).padStart(2, "0");
  return `${formatDate(l.date, lang)} ${hh}.${mm}`;
}

const pct = (share: number | undefined): string => (share === undefined ? "-" : `${Math.round(share * 100)}%`);

export function reportMarkdown(report: ServiceReport, governance: Governance, chartFile: string, lang: Lang = "id"): string {
  const w = W[lang];
  const tz = governance.workingHours.timeZone;
  const g = governance.government;
  const pr = (n: number, url?: string) => (url ? `[#${n}](${url})` : `#${n}`);
  const out: string[] = [
    `# ${w.title}`,
    "",
    `${g.office} ${g.name}`,
    "",
    w.period(formatDate(report.period.since, lang), formatDate(report.period.until, lang)),
    "",
    w.hours(hoursText(governance, lang), ZONE[tz]),
    "",
    `## ${w.summary}`,
    "",
    `- ${w.completed(report.service.count)}`,
    `- ${w.inProgress(report.inProgress.length)}`,
    `- ${w.serviceMedian(report.service.count ? formatMinutes(report.service.medianMinutes, lang) : w.none)}`,
  ];
  if (report.service.deadline)
    out.push(`- ${w.deadline(standardText(report.service.deadline, lang), report.service.withinDeadline ?? 0, report.service.count, pct(report.service.share))}`);
  out.push(`- ${w.returned(report.returned)}`, "", `## ${w.steps}`, "", `| ${w.stepCols.join(" | ")} |`, `|${w.stepCols.map(() => "---").join("|")}|`);
  for (const s of report.steps)
    out.push(
      `| ${cell(s.step)} | ${cell(s.role)} | ${standardText(s.standard, lang)} | ${s.count} | ${s.count ? formatMinutes(s.medianMinutes, lang) : w.none} | ${s.count ? formatMinutes(s.maxMinutes, lang) : w.none} | ${s.count ? `${s.withinStandard}/${s.count} (${pct(s.share)})` : w.none} |`,
    );
  out.push("", `![${w.chartAlt}](${chartFile})`, "", `## ${w.breaches}`, "");
  if (!report.breaches.length) out.push(w.noBreaches);
  else {
    out.push(`| ${w.breachCols(ZONE[tz]).join(" | ")} |`, `|${w.breachCols(ZONE[tz]).map(() => "---").join("|")}|`);
    for (const b of report.breaches)
      out.push(
        `| ${pr(b.pull, b.url)} | ${cell(b.title)} | ${cell(b.role)} (${cell(b.step)}) | ${formatMinutes(b.workingMinutes, lang)} | ${formatMinutes(b.standardMinutes, lang)} | ${when(b.start, tz, lang)} | ${when(b.end, tz, lang)} |`,
      );
  }
  if (report.inProgress.length) {
    out.push("", `## ${w.open}`, "", `| ${w.openCols.join(" | ")} |`, `|${w.openCols.map(() => "---").join("|")}|`);
    for (const p of report.inProgress) {
      const current = p.steps.find((s) => s.status === "running");
      out.push(`| ${pr(p.pull, p.url)} | ${cell(p.title)} | ${current ? cell(current.role) : w.none} | ${current ? formatMinutes(current.workingMinutes, lang) : w.none} |`);
    }
  }
  return out.join("\n") + "\n";
}
