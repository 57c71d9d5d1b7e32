// The monthly service-time report as Markdown (Indonesian by default): the period and working
// calendar it was measured in, the service time against the deadline, each step's median and the
// share within its standard (with the SVG chart), and every breach.
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import { markdownText } from "../diagnostics/inert.ts";
import { formatDate } from "../worktime/format.ts";
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
    rules: "Setiap permohonan dinilai dengan alur disposisi dan mutu baku yang berlaku ketika permohonan itu diajukan, bukan dengan alur hari ini.",
    byToday: (n: number) => `${n} permohonan dinilai dengan alur hari ini karena alur pada saat pengajuannya tidak dapat dibaca.`,
    days: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    summary: "Ringkasan",
    completed: (n: number) => `Permohonan selesai dipasang dalam periode: ${n}`,
    serviceMedian: (m: string) => `Median waktu layanan (dari permohonan diajukan sampai subdomain selesai dipasang): ${m}`,
    deadline: (d: string, k: number, n: number, p: string) => `Selesai dalam batas waktu layanan ${d}: ${k} dari ${n} (${p})`,
    letters: (n: number, m: string) => `Surat balasan ditandatangani dan dikirim dalam periode: ${n} (median dari pemasangan sampai surat dikirim: ${m})`,
    rejected: (n: number, m: string) => `Permohonan ditolak dalam periode: ${n} (median waktu sampai keputusan penolakan: ${m})`,
    inProgress: (n: number) => `Permohonan masih diproses pada akhir periode: ${n}`,
    returned: (n: number) => `Dikembalikan ke pemohon untuk perbaikan: ${n} kali`,
    reminders: (r: number, e: number) => `Pengingat kepada langkah yang melewati mutu baku: ${r}; diteruskan kepada langkah di atasnya: ${e}`,
    steps: "Waktu per langkah",
    stepCols: ["Tahap", "Langkah", "Tugas", "Mutu baku", "Jumlah", "Median", "Terlama", "Sesuai mutu baku", "Pengingat"],
    phase: { "before-merge": "Keputusan dan pemasangan", "after-deployment": "Surat balasan" },
    chartAlt: "Diagram median waktu per langkah dibanding mutu baku",
    breaches: "Pelampauan mutu baku",
    noBreaches: "Tidak ada langkah yang melampaui mutu baku dalam periode ini.",
    breachCols: (tz: string) => ["Permohonan", "Subdomain", "Langkah", "Waktu kerja", "Mutu baku", `Mulai (${tz})`, `Selesai (${tz})`],
    rejectedTitle: "Permohonan ditolak",
    rejectedCols: (tz: string) => ["Permohonan", "Subdomain", "Ditolak pada langkah", "Waktu sampai ditolak", `Tanggal (${tz})`],
    running: "masih berjalan",
    open: "Masih diproses",
    openCols: ["Permohonan", "Subdomain", "Langkah saat ini", "Waktu kerja sejauh ini"],
    none: "-",
    escalated: (n: number) => `${n} diteruskan`,
    d: (n: number) => `${n} hari kerja`,
  },
  en: {
    title: "Subdomain Service Time Report",
    period: (a: string, b: string) => `Period: ${a} to ${b}`,
    hours: (h: string, tz: string) => `Times are working time (${h}, ${tz}); weekends, national public holidays and the governance's extra closed days are not counted, nor is time the request spent back with the applicant.`,
    rules: "Each request is judged by the disposition chain and standards in force when it was submitted, not by today's chain.",
    byToday: (n: number) => `${n} request(s) judged by today's chain because the chain in force when they were submitted could not be read.`,
    days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    summary: "Summary",
    completed: (n: number) => `Requests installed in the period: ${n}`,
    serviceMedian: (m: string) => `Median service time (request submitted to subdomain installed): ${m}`,
    deadline: (d: string, k: number, n: number, p: string) => `Completed within the service deadline of ${d}: ${k} of ${n} (${p})`,
    letters: (n: number, m: string) => `Reply letters signed and sent in the period: ${n} (median from installation to letter sent: ${m})`,
    rejected: (n: number, m: string) => `Requests rejected in the period: ${n} (median time to the rejection: ${m})`,
    inProgress: (n: number) => `Requests still in progress at the end of the period: ${n}`,
    returned: (n: number) => `Returned to the applicant for correction: ${n} times`,
    reminders: (r: number, e: number) => `Reminders to steps past their standard: ${r}; passed on to the step above: ${e}`,
    steps: "Time per step",
    stepCols: ["Phase", "Step", "Task", "Standard", "Count", "Median", "Longest", "Within standard", "Reminders"],
    phase: { "before-merge": "Decision and installation", "after-deployment": "Reply letter" },
    chartAlt: "Chart of each step's median time against its standard",
    breaches: "Breaches of the standard",
    noBreaches: "No step exceeded its standard in this period.",
    breachCols: (tz: string) => ["Request", "Subdomain", "Step", "Working time", "Standard", `Start (${tz})`, `End (${tz})`],
    rejectedTitle: "Rejected requests",
    rejectedCols: (tz: string) => ["Request", "Subdomain", "Rejected at step", "Time to rejection", `Date (${tz})`],
    running: "still running",
    open: "Still in progress",
    openCols: ["Request", "Subdomain", "Current step", "Working time so far"],
    none: "-",
    escalated: (n: number) => `${n} passed on`,
    d: (n: number) => `${n} working day(s)`,
  },
} as const;

/** Text from requests and governance in a table cell: inert Markdown (the one escaper). */
const cell = (s: string): string => markdownText(s);

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
  const minutes = (n: number, count: number) => (count ? formatMinutes(n, lang) : w.none);
  const step = (role: string, task: string) => cell(`${role} - ${task}`);
  const out: string[] = [
    `# ${w.title}`,
    "",
    `${cell(g.office)} ${cell(g.name)}`,
    "",
    w.period(formatDate(report.period.since, lang), formatDate(report.period.until, lang)),
    "",
    w.hours(hoursText(governance, lang), ZONE[tz]),
    "",
    w.rules + (report.judgedByToday ? ` ${w.byToday(report.judgedByToday)}` : ""),
    "",
    `## ${w.summary}`,
    "",
    `- ${w.completed(report.service.count)}`,
    `- ${w.serviceMedian(minutes(report.service.medianMinutes, report.service.count))}`,
  ];
  if (report.service.deadline)
    out.push(`- ${w.deadline(standardText(report.service.deadline, lang), report.service.withinDeadline ?? 0, report.service.count, pct(report.service.share))}`);
  if (report.letters.length || report.steps.some((s) => s.phase === "after-deployment"))
    out.push(`- ${w.letters(report.letterService.count, minutes(report.letterService.medianMinutes, report.letterService.count))}`);
  out.push(
    `- ${w.rejected(report.rejectedService.count, minutes(report.rejectedService.medianMinutes, report.rejectedService.count))}`,
    `- ${w.inProgress(report.inProgress.length)}`,
    `- ${w.returned(report.returned)}`,
    `- ${w.reminders(report.reminders.reminders, report.reminders.escalations)}`,
    "",
    `## ${w.steps}`,
    "",
    `| ${w.stepCols.join(" | ")} |`,
    `|${w.stepCols.map(() => "---").join("|")}|`,
  );
  for (const s of report.steps) {
    const reminded = `${s.reminders}${s.escalations ? ` (${w.escalated(s.escalations)})` : ""}`;
    out.push(
      `| ${w.phase[s.phase]} | ${cell(s.role)} | ${cell(s.task)} | ${s.standards.map((x) => standardText(x, lang)).join(" / ")} | ${s.count} | ${minutes(s.medianMinutes, s.count)} | ${minutes(s.maxMinutes, s.count)} | ${s.count ? `${s.withinStandard}/${s.count} (${pct(s.share)})` : w.none} | ${reminded} |`,
    );
  }
  out.push("", `![${w.chartAlt}](${chartFile})`, "", `## ${w.breaches}`, "");
  if (!report.breaches.length) out.push(w.noBreaches);
  else {
    out.push(`| ${w.breachCols(ZONE[tz]).join(" | ")} |`, `|${w.breachCols(ZONE[tz]).map(() => "---").join("|")}|`);
    for (const b of report.breaches)
      out.push(
        `| ${pr(b.pull, b.url)} | ${cell(b.subject)} | ${step(b.role, b.task)} | ${formatMinutes(b.workingMinutes, lang)} | ${formatMinutes(b.standardMinutes, lang)} | ${when(b.start, tz, lang)} | ${when(b.end, tz, lang)} |`,
      );
  }
  if (report.rejected.length) {
    out.push("", `## ${w.rejectedTitle}`, "", `| ${w.rejectedCols(ZONE[tz]).join(" | ")} |`, `|${w.rejectedCols(ZONE[tz]).map(() => "---").join("|")}|`);
    for (const p of report.rejected) {
      // The step whose official rejected: the one the request was at when it was closed.
      const at = p.steps.find((s) => s.status === "running");
      out.push(`| ${pr(p.pull, p.url)} | ${cell(p.subject)} | ${at ? step(at.role, at.task) : w.none} | ${formatMinutes(p.service.workingMinutes, lang)} | ${when(p.service.end, tz, lang)} |`);
    }
  }
  if (report.inProgress.length) {
    out.push("", `## ${w.open}`, "", `| ${w.openCols.join(" | ")} |`, `|${w.openCols.map(() => "---").join("|")}|`);
    for (const p of report.inProgress) {
      const current = p.steps.find((s) => s.status === "running");
      out.push(`| ${pr(p.pull, p.url)} | ${cell(p.subject)} | ${current ? step(current.role, current.task) : w.none} | ${current ? formatMinutes(current.workingMinutes, lang) : w.none} |`);
    }
  }
  return out.join("\n") + "\n";
}
