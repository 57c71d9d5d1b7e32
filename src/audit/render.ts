// The audit report as text (terminal, workflow log) and JSON (`--format json`).
import type { Lang } from "../diagnostics/diagnostic.ts";
import { FINDING_KINDS, type AuditReport, type Finding } from "./types.ts";
import { KIND, label } from "./words.ts";

const order = (f: Finding) => FINDING_KINDS.indexOf(f.kind);
export const sortFindings = (fs: readonly Finding[]) => [...fs].sort((a, b) => order(a) - order(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

export function renderJson(r: AuditReport, lang: Lang): string {
  const findings = sortFindings(r.findings).map((f) => ({ kind: f.kind, name: f.name, opd: f.opd, evidence: f.evidence[lang], fix: f.fix[lang], file: f.file, urgency: KIND[f.kind].urgency }));
  const problems = r.problems.map((p) => ({ name: p.name, message: p.message[lang] }));
  return JSON.stringify({ findings, problems, namesChecked: r.namesChecked, at: r.at, today: r.today }, null, 2) + "\n";
}

/** Control characters from pages or files never reach the terminal. */
const plain = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, " ");

export function renderText(r: AuditReport, lang: Lang): string {
  const lines: string[] = [];
  for (const f of sortFindings(r.findings)) {
    lines.push(`${f.kind}  ${plain(f.name)}  (${plain(f.opd)}, ${plain(f.file)})`);
    lines.push(`  ${label(f.kind, lang)}: ${plain(f.evidence[lang])}`);
    lines.push(`  ${lang === "en" ? "Fix" : "Perbaikan"}: ${plain(f.fix[lang])}`);
  }
  for (const p of r.problems) lines.push(`${lang === "en" ? "not checked" : "tidak diperiksa"}  ${plain(p.name)}: ${plain(p.message[lang])}`);
  const n = r.findings.length;
  lines.push(
    lang === "en"
      ? `${r.namesChecked} names checked: ${n === 0 ? "nothing found" : `${n} finding(s)`}${r.problems.length ? `; ${r.problems.length} check(s) could not be made` : ""}.`
      : `${r.namesChecked} nama diperiksa: ${n === 0 ? "tidak ada temuan" : `${n} temuan`}${r.problems.length ? `; ${r.problems.length} pemeriksaan tidak dapat dilakukan` : ""}.`,
  );
  return lines.join("\n") + "\n";
}
