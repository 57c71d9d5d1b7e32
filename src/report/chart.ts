// The report's chart as SVG, written by hand: a horizontal bar per disposition step (its median
// working time) against a marker at its standard, titled with the government and the period; the
// steps are named by role and task, as officials know them. A chart library would bring a browser
// or a canvas for what is a few rectangles and lines; this SVG is plain, accessible (title, desc,
// text labels) and renders the same in GitHub's Markdown view and in any browser.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatDate } from "../worktime/format.ts";
import { formatMinutes } from "../worktime/format.ts";
import type { StepSummary } from "./aggregate.ts";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const WORDS = {
  id: {
    title: "Median waktu kerja per langkah dibanding mutu baku",
    desc: (n: number, who: string, when: string) => `Diagram batang ${who}, ${when}: ${n} langkah; batang = median waktu kerja, garis putus-putus = mutu baku waktu.`,
    period: (a: string, b: string) => `${a} s.d. ${b}`,
    median: "median",
    standard: "mutu baku",
    count: (n: number) => `${n} permohonan`,
    reminders: (n: number) => `${n} pengingat`,
    none: "belum ada yang selesai",
    legendOk: "separuh atau lebih dalam mutu baku",
    legendOver: "lebih dari separuh melampauinya",
    phase: { "before-merge": "Keputusan dan pemasangan", "after-deployment": "Surat balasan" },
  },
  en: {
    title: "Median working time per step against its standard",
    desc: (n: number, who: string, when: string) => `Bar chart, ${who}, ${when}: ${n} steps; bar = median working time, dashed line = standard time.`,
    period: (a: string, b: string) => `${a} to ${b}`,
    median: "median",
    standard: "standard",
    count: (n: number) => `${n} request(s)`,
    reminders: (n: number) => `${n} reminder(s)`,
    none: "none completed yet",
    legendOk: "half or more within standard",
    legendOver: "more than half over it",
    phase: { "before-merge": "Decision and installation", "after-deployment": "Reply letter" },
  },
} as const;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface ChartContext {
  /** "Dinas Komunikasi dan Informatika Pemerintah Kabupaten Contoh" */
  government: string;
  since: string;
  until: string;
}

export function stepChartSvg(steps: readonly StepSummary[], context: ChartContext, lang: Lang = "id"): string {
  const w = WORDS[lang];
  const labelWidth = 330;
  const barArea = 440;
  const rowHeight = 50;
  const top = 78;
  const width = labelWidth + barArea + 40;
  // A heading row where the phase changes (the decision, then the reply letter).
  const headed = steps.map((s, i) => i > 0 && steps[i - 1]!.phase !== s.phase);
  const phases = new Set(steps.map((s) => s.phase)).size > 1;
  const offsets = steps.map((_, i) => headed.slice(0, i + 1).filter(Boolean).length * 26 + (phases ? 26 : 0));
  const height = top + rowHeight * steps.length + (offsets.at(-1) ?? 0) + 40;
  const max = Math.max(1, ...steps.map((s) => Math.max(s.medianMinutes, ...s.standardMinutesAll)));
  const x = (minutes: number) => labelWidth + Math.round((minutes / max) * barArea);
  const period = w.period(formatDate(context.since, lang), formatDate(context.until, lang));
  const rows = steps.map((s, i) => {
    const y = top + i * rowHeight + offsets[i]!;
    // Each request is judged by its own standard: the bar is red when fewer than half were within
    // it (with one standard, exactly when the median is over it).
    const over = s.count > 0 && (s.share ?? 1) < 0.5;
    const colour = over ? "#c62828" : "#2e7d32";
    const standard = `${w.standard} ${s.standardMinutesAll.map((m) => formatMinutes(m, lang)).join(" / ")}`;
    const facts = s.count ? [`${w.median} ${formatMinutes(s.medianMinutes, lang)}`, standard, w.count(s.count)] : [w.none, standard];
    if (s.reminders) facts.push(w.reminders(s.reminders));
    const value = facts.join(" · ");
    const heading = headed[i] || (phases && i === 0) ? `<text x="12" y="${y - 10}" font-size="13" font-weight="700" fill="#1a237e">${esc(w.phase[s.phase])}</text>` : "";
    return [
      heading,
      `<g>`,
      `<text x="${labelWidth - 10}" y="${y + 16}" text-anchor="end" font-weight="600">${esc(clip(s.role, 44))}</text>`,
      `<text x="${labelWidth - 10}" y="${y + 32}" text-anchor="end" fill="#555" font-size="11">${esc(clip(s.task, 52))}</text>`,
      s.count ? `<rect x="${labelWidth}" y="${y + 4}" width="${Math.max(1, x(s.medianMinutes) - labelWidth)}" height="18" fill="${colour}"><title>${esc(value)}</title></rect>` : "",
      ...s.standardMinutesAll.map((m) => `<line x1="${x(m)}" x2="${x(m)}" y1="${y}" y2="${y + 26}" stroke="#111" stroke-width="2" stroke-dasharray="4 2"/>`),
      `<text x="${labelWidth + 4}" y="${y + 40}" font-size="11" fill="#333">${esc(value)}</text>`,
      `</g>`,
    ]
      .filter(Boolean)
      .join("");
  });
  const legendY = height - 18;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="judul keterangan" font-family="Arial, Helvetica, sans-serif" font-size="13">
<title id="judul">${esc(`${w.title}: ${context.government}, ${period}`)}</title>
<desc id="keterangan">${esc(w.desc(steps.length, context.government, period))}</desc>
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="26" font-size="16" font-weight="700">${esc(w.title)}</text>
<text x="12" y="48" font-size="13" fill="#333">${esc(clip(`${context.government} · ${period}`, 110))}</text>
<line x1="${labelWidth}" x2="${labelWidth}" y1="${top - 8}" y2="${height - 48}" stroke="#999"/>
${rows.join("\n")}
<rect x="12" y="${legendY - 10}" width="12" height="12" fill="#2e7d32"/><text x="30" y="${legendY}">${esc(w.legendOk)}</text>
<rect x="270" y="${legendY - 10}" width="12" height="12" fill="#c62828"/><text x="288" y="${legendY}">${esc(w.legendOver)}</text>
<line x1="560" x2="560" y1="${legendY - 12}" y2="${legendY + 2}" stroke="#111" stroke-width="2" stroke-dasharray="4 2"/><text x="568" y="${legendY}">${esc(w.standard)}</text>
</svg>
`;
}
