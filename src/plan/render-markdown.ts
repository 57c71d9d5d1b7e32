// The plan as a pull request comment: a marker for updating the same comment in place, a summary
// table, destructive changes first, the details folded. Everything taken from request files is
// HTML-escaped inside <code>, so a TXT value cannot inject Markdown or mentions into the comment.
import type { Diagnostic, Lang } from "../diagnostics/diagnostic.ts";
import { markdownCode, markdownText } from "../diagnostics/inert.ts";
import type { Action, Plan, RecordChange, TenantChange } from "./types.ts";
import { tenantTerms } from "../state/tenant-terms.ts";
import { formatField, formatValues, words } from "./words.ts";

/** Stable marker: the GitHub adapter finds its own comment by it. */
export const PLAN_MARKER = "<!-- subdomain-plan -->";
/** GitHub refuses comments longer than 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Request text made inert for GitHub Markdown: one escaper for every output (src/diagnostics/inert.ts). */
export const esc = markdownText;
export const code = markdownCode;

function recordRow(c: RecordChange, lang: Lang): string {
  const w = words(lang);
  const vals = (v: unknown) => formatValues({ type: c.type, values: v } as never, lang).map(code).join(" ");
  let change: string;
  if (c.action === "update")
    change = c.fields.map((f) => (f.field === "values" ? `values: ${vals(f.before)} → ${vals(f.after)}` : `${esc(f.field)}: ${code(formatField(f.before))} → ${code(formatField(f.after))}`)).join("<br>");
  else {
    const rs = (c.after ?? c.before)!;
    change = `${vals(rs.values)} ttl ${rs.ttl}${rs.proxied ? " proxied" : ""}<br>${w.source} ${code(rs.source.file)}`;
  }
  return `| ${w.action[c.action]} | ${code(`${c.name}.${c.zone}`)} | ${c.type} | ${change} |`;
}

function tenantRow(c: TenantChange, lang: Lang): string {
  const w = words(lang);
  const t = (c.after ?? c.before)!;
  const lines: string[] = [];
  if (c.note) lines.push(c.destructive ? `**⚠️ ${w.note[c.note]}**` : `**${w.note[c.note]}**`);
  if (c.action === "create") lines.push(`${w.quota}: cpu ${code(t.quota.cpu)}, memory ${code(t.quota.memory)}, storage ${code(t.quota.storage)}, volumes ${t.quota.volumes}`);
  // What the approving officials grant: the OPD's rights, quota and backups, in plain words.
  if (t.status === "active" && (c.action === "create" || c.note === "reclaimed" || c.fields.some((f) => f.field.startsWith("quota.")))) {
    const terms = tenantTerms(t, lang);
    lines.push(`${w.terms.may}: ${esc(terms.may)}`, `${w.terms.mayNot}: ${esc(terms.mayNot)}`, `${w.terms.quota}: ${esc(terms.quota)}`, `${w.terms.backup}: ${esc(terms.backup)}`);
  }
  for (const f of c.fields) lines.push(`${esc(f.field)}: ${code(formatField(f.before))} → ${code(formatField(f.after))}`);
  lines.push(`${w.source} ${code(t.source.file)}`);
  return `| ${w.action[c.action]} | ${code(c.namespace)} | ${code(t.host)} | ${lines.join("<br>")} |`;
}

function counts(list: readonly { action: Action }[]): Record<Action, number> {
  const n = { create: 0, update: 0, delete: 0 };
  for (const c of list) n[c.action]++;
  return n;
}

export function renderMarkdown(plan: Plan, lang: Lang = "id", limit: number = GITHUB_COMMENT_LIMIT): string {
  const w = words(lang);
  const head: string[] = [PLAN_MARKER, `### ${w.title}`, "", `**${w.summary(plan.summary)}** (${esc(w.base(plan.base))})`, ""];
  const rc = counts(plan.records);
  const tc = counts(plan.tenants);
  head.push(`| | ${w.actionHead.create} | ${w.actionHead.update} | ${w.actionHead.delete} |`, "|---|---:|---:|---:|");
  head.push(`| ${w.records} | ${rc.create} | ${rc.update} | ${rc.delete} |`, `| ${w.tenants} | ${tc.create} | ${tc.update} | ${tc.delete} |`, "");
  // Notes are few in practice; a base full of invalid files must still not crowd out the plan.
  const MAX_NOTES = 20;
  if (plan.notes.length) head.push(`**${w.notes}:**`, ...plan.notes.slice(0, MAX_NOTES).map((n) => `- ${esc(n[lang])}`));
  if (plan.notes.length > MAX_NOTES) head.push(`- ${w.moreNotes(plan.notes.length - MAX_NOTES)}`);
  if (plan.notes.length) head.push("");

  const footer: string[] = [];
  // Rows in blocks; the destructive block is open, the rest folded.
  const destructive = plan.tenants.filter((t) => t.destructive);
  const blocks: { title: string; folded: boolean; header: string; rows: string[] }[] = [];
  const tenantHeader = `| ${w.cols.action} | ${w.cols.namespace} | ${w.cols.host} | ${w.cols.change} |\n|---|---|---|---|`;
  if (destructive.length)
    blocks.push({ title: `⚠️ ${w.destructiveTitle}`, folded: false, header: `> **${esc(w.destructiveWarn(destructive.length))}**\n\n${tenantHeader}`, rows: destructive.map((c) => tenantRow(c, lang)) });
  const others = plan.tenants.filter((t) => !t.destructive);
  if (others.length) blocks.push({ title: `${w.tenants} (${others.length})`, folded: true, header: tenantHeader, rows: others.map((c) => tenantRow(c, lang)) });
  if (plan.records.length)
    blocks.push({
      title: `${w.records} (${plan.records.length})`,
      folded: true,
      header: `| ${w.cols.action} | ${w.cols.name} | ${w.cols.type} | ${w.cols.change} |\n|---|---|---|---|`,
      rows: plan.records.map((c) => recordRow(c, lang)),
    });
  if (!blocks.length) head.push(w.noChange);

  const total = blocks.reduce((n, b) => n + b.rows.length, 0);
  // Room for the truncation notice, reserved up front so the result never exceeds the limit.
  const budget = limit - 1_000;
  let text = head.join("\n") + "\n";
  let shown = 0;
  let full = true;
  for (const b of blocks) {
    const open = b.folded ? `<details><summary>${esc(b.title)}</summary>\n\n${b.header}\n` : `#### ${esc(b.title)}\n\n${b.header}\n`;
    const close = b.folded ? "\n</details>\n\n" : "\n";
    if (text.length + open.length + close.length > budget) {
      full = false;
      break;
    }
    let body = "";
    for (const r of b.rows) {
      if (text.length + open.length + body.length + r.length + 1 + close.length > budget) {
        full = false;
        break;
      }
      body += r + "\n";
      shown++;
    }
    text += open + body + close;
    if (!full) break;
  }
  if (!full) footer.push(`> ${w.truncated(shown, total)}`, "");
  if (plan.safety.largeChange) footer.push(`> **${esc(w.unsafe)}**`, "");
  return text + footer.join("\n");
}

/** The comment when the requests are invalid: no plan, the diagnostics instead (same marker). */
export function renderInvalidMarkdown(diagnostics: readonly Diagnostic[], lang: Lang = "id", limit: number = GITHUB_COMMENT_LIMIT): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const head = [
    PLAN_MARKER,
    `### ${words(lang).title}`,
    "",
    lang === "en" ? `**No plan: ${errors.length} error(s) in the requests. Fix them first.**` : `**Belum ada rencana: ${errors.length} galat dalam permohonan. Perbaiki dahulu.**`,
    "",
  ].join("\n");
  let body = "";
  for (const d of errors) {
    const line = `- ${code(`${d.file}:${d.line}:${d.column}`)} [${esc(d.rule)}] ${esc(d.message[lang])}\n`;
    if (head.length + body.length + line.length > limit - 200) break;
    body += line;
  }
  return head + body;
}
