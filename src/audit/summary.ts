// The page for leadership (`npm run audit -- --format markdown`): for the whole government and
// then for each OPD, how many names it holds, what the audit found in plain words, what is
// suspended and what waits for the OPD to confirm it is still used. No technical evidence here:
// that is in the issues; this says what is wrong, for whom, and what must happen.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatDate } from "../worktime/format.ts";
import type { Governance } from "../model/governance.ts";
import { hygieneSettings, reviewStatus, type ReviewStatus } from "../model/hygiene.ts";
import { zoneOf } from "../model/names.ts";
import { asciiHost, relativeName } from "../state/names.ts";
import type { RequestFile } from "../validate/rule.ts";
import { sortFindings } from "./render.ts";
import type { AuditReport, Finding } from "./types.ts";
import { ACTION, KIND, label, mdText, URGENCY, type Urgency } from "./words.ts";

interface OpdSummary {
  code: string;
  name: string;
  active: number;
  suspended: string[];
  awaiting: { name: string; reviewBy: string; status: ReviewStatus }[];
  findings: Finding[];
}

const T = {
  id: {
    title: (gov: string) => `Ringkasan kebersihan subdomain — ${gov}`,
    checked: (date: string, n: number) => `Diperiksa ${date}: ${n} nama subdomain.`,
    allClear: "Tidak ada temuan. Semua nama yang diperiksa sesuai catatan resmi dan tidak menunjukkan masalah.",
    headline: (c: number, i: number, n: number) =>
      `Subdomain bermasalah: **${c} gawat**, ${i} penting, ${n} perlu diperhatikan.`,
    critical: "Gawat berarti nama pemerintah dapat dipakai pihak lain atau sudah memuat judi online; Diskominfo mengajukan penangguhan darurat untuk nama-nama ini.",
    incomplete: (n: number) => `⚠️ ${n} pemeriksaan tidak dapat dilakukan (server DNS tidak menjawab); ringkasan ini belum lengkap.`,
    table: ["OPD", "Subdomain aktif", "Gawat", "Penting", "Perlu diperhatikan", "Ditangguhkan", "Menunggu penegasan"],
    active: (n: number) => `${n} subdomain aktif`,
    notApplied: "penangguhan belum berlaku: nama masih aktif di DNS",
    suspended: "Ditangguhkan (DNS dicabut sementara)",
    awaiting: "Menunggu penegasan masih dipakai",
    reviewBy: (d: string, s: ReviewStatus) => (s === "due" ? `tinjau ulang ${d}` : s === "overdue" ? `lewat tanggal tinjau ulang ${d}` : `lewat tanggal tinjau ulang ${d}; diusulkan dinonaktifkan`),
    todo: "Tindakan",
    nothing: "Tidak ada temuan.",
  },
  en: {
    title: (gov: string) => `Subdomain hygiene summary — ${gov}`,
    checked: (date: string, n: number) => `Checked ${date}: ${n} names.`,
    allClear: "Nothing found. Every name checked matches the official record and shows no problem.",
    headline: (c: number, i: number, n: number) => `Subdomains with problems: **${c} critical**, ${i} important, ${n} notice.`,
    critical: "Critical means a government name can be used by others or already carries online gambling; Diskominfo proposes an emergency suspension for these names.",
    incomplete: (n: number) => `⚠️ ${n} check(s) could not be made (the DNS server did not answer); this summary is incomplete.`,
    table: ["Agency", "Active names", "Critical", "Important", "Notice", "Suspended", "Awaiting confirmation"],
    active: (n: number) => `${n} active names`,
    notApplied: "the suspension is not in effect yet: the name still answers in DNS",
    suspended: "Suspended (DNS temporarily removed)",
    awaiting: "Awaiting confirmation that they are still used",
    reviewBy: (d: string, s: ReviewStatus) => (s === "due" ? `review by ${d}` : s === "overdue" ? `past its review date ${d}` : `past its review date ${d}; proposed for decommissioning`),
    todo: "Action",
    nothing: "Nothing found.",
  },
};

const RANK: Urgency[] = ["critical", "important", "notice"];
/** A name counts once, at its most urgent finding. */
function urgencyByName(fs: readonly Finding[]): Map<string, Urgency> {
  const m = new Map<string, Urgency>();
  for (const f of fs) {
    const u = KIND[f.kind].urgency;
    const prev = m.get(f.name);
    if (!prev || RANK.indexOf(u) < RANK.indexOf(prev)) m.set(f.name, u);
  }
  return m;
}
const count = (fs: readonly Finding[], u: Urgency) => [...urgencyByName(fs).values()].filter((x) => x === u).length;

export function summarise(report: AuditReport, requests: readonly RequestFile[], governance: Governance): OpdSummary[] {
  const settings = hygieneSettings(governance);
  const byCode = new Map<string, OpdSummary>(governance.opds.map((o) => [o.code, { code: o.code, name: o.name, active: 0, suspended: [], awaiting: [], findings: [] }]));
  const opd = (code: string) => {
    let s = byCode.get(code);
    if (!s) byCode.set(code, (s = { code, name: code, active: 0, suspended: [], awaiting: [], findings: [] }));
    return s;
  };
  for (const { request: r } of requests) {
    const zone = zoneOf(r, governance);
    if (!zone || r.decommission) continue;
    const name = `${relativeName(r.label, undefined)}.${asciiHost(zone.name)}`;
    const s = opd(r.opd);
    if (r.suspension) s.suspended.push(name);
    else s.active++;
    const status = reviewStatus(r, report.today, settings);
    if (status !== "ok") s.awaiting.push({ name, reviewBy: r.reviewBy, status });
  }
  for (const f of sortFindings(report.findings)) opd(f.opd).findings.push(f);
  return [...byCode.values()];
}

export function renderSummary(report: AuditReport, requests: readonly RequestFile[], governance: Governance, lang: Lang): string {
  const t = T[lang];
  const opds = summarise(report, requests, governance);
  const all = report.findings;
  const out: string[] = [`# ${mdText(t.title(governance.government.name))}`, "", `${t.checked(formatDate(report.today, lang), report.namesChecked)} ${all.length ? t.headline(count(all, "critical"), count(all, "important"), count(all, "notice")) : t.allClear}`, ""];
  if (count(all, "critical")) out.push(t.critical, "");
  if (report.problems.length) out.push(t.incomplete(report.problems.length), "");
  out.push(`| ${t.table.join(" | ")} |`, `|${t.table.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
  for (const o of opds)
    out.push(`| ${mdText(o.name)} | ${o.active} | ${count(o.findings, "critical")} | ${count(o.findings, "important")} | ${count(o.findings, "notice")} | ${o.suspended.length} | ${o.awaiting.length} |`);
  for (const o of opds) {
    if (!o.findings.length && !o.suspended.length && !o.awaiting.length) continue;
    out.push("", `## ${mdText(o.name)}`, "", `${t.active(o.active)}.`);
    const byName = urgencyByName(o.findings);
    for (const u of RANK) {
      const names = [...byName.entries()].filter(([, x]) => x === u).map(([n]) => n);
      if (!names.length) continue;
      out.push("", `**${URGENCY[u][lang]}**`, "");
      for (const name of names) {
        const fs = o.findings.filter((f) => f.name === name);
        const suspended = o.suspended.includes(name);
        const what = fs.map((f) => (f.kind === "live-differs" && suspended ? t.notApplied : label(f.kind, lang)));
        const actions = [...new Set(fs.map((f) => (f.kind === "live-differs" && suspended ? (lang === "en" ? "Diskominfo applies the suspension in DNS" : "Diskominfo menerapkan penangguhan di DNS") : ACTION[f.kind][lang])))];
        out.push(`- **${mdText(name)}**: ${mdText(what.join("; "))}. ${t.todo}: ${mdText(actions.join("; "))}.`);
      }
    }
    if (o.suspended.length) out.push("", `**${t.suspended}**`, "", ...o.suspended.map((n) => `- ${mdText(n)}`));
    if (o.awaiting.length) out.push("", `**${t.awaiting}**`, "", ...o.awaiting.map((a) => `- ${mdText(a.name)} (${t.reviewBy(formatDate(a.reviewBy, lang), a.status)})`));
  }
  return out.join("\n") + "\n";
}
