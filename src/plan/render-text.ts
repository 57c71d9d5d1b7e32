// The plan for a terminal: the summary line, then one line per change.
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Plan } from "./types.ts";
import { terminalText } from "../diagnostics/inert.ts";
import { formatField, formatValues, words } from "./words.ts";

const SIGN = { create: "+", update: "~", delete: "-" } as const;

export function renderText(plan: Plan, lang: Lang = "id"): string {
  const w = words(lang);
  const out = [`${w.title} (${w.base(plan.base)}): ${w.summary(plan.summary)}`];
  for (const n of plan.notes) out.push(`  ! ${n[lang]}`);
  if (plan.safety.destructive) out.push(`  !! ${w.destructiveWarn(plan.safety.destructive)}`);
  for (const c of plan.records) {
    const fqdn = `${c.name}.${c.zone}`;
    const head = `${SIGN[c.action]} ${fqdn} ${c.type}`;
    if (c.action === "update") {
      out.push(head);
      for (const f of c.fields)
        out.push(f.field === "values" ? `    values: ${formatValues({ type: c.type, values: f.before } as never, lang).join(", ")} -> ${formatValues({ type: c.type, values: f.after } as never, lang).join(", ")}` : `    ${f.field}: ${formatField(f.before)} -> ${formatField(f.after)}`);
    } else {
      const rs = (c.after ?? c.before)!;
      out.push(`${head} ${rs.ttl} ${formatValues(rs, lang).join(", ")}  (${rs.source.file})`);
    }
  }
  for (const c of plan.tenants) {
    const t = (c.after ?? c.before)!;
    const note = c.note ? `  [${w.note[c.note]}]` : "";
    out.push(`${c.destructive ? "!" : SIGN[c.action]} ${w.tenants.toLowerCase()} ${c.namespace} (${t.host})${note}`);
    for (const f of c.fields) out.push(`    ${f.field}: ${formatField(f.before)} -> ${formatField(f.after)}`);
  }
  if (plan.records.length + plan.tenants.length === 0) out.push(w.noChange);
  return out.map(terminalText).join("\n") + "\n";
}
