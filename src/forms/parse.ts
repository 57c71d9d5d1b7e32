// Reads a GitHub issue-form body back into field values. GitHub renders a submitted form as
// `### <label>\n\n<value>` sections, with "_No response_" for an empty field and `- [X] option`
// for ticked checkboxes. Pure and total: any text gives a result.
import { FIELDS, type Field } from "./fields.ts";

export const NO_RESPONSE = "_No response_";

export interface ParsedIssue {
  /** Field id -> raw value (trimmed); absent when empty or "_No response_". */
  values: Record<string, string>;
  /** Checkbox field id -> ticked option labels. */
  checked: Record<string, string[]>;
  /** Headings that match no field (a form edited by hand): reported, not ignored in silence. */
  unknown: string[];
}

export function parseIssueBody(body: string | null | undefined): ParsedIssue {
  const out: ParsedIssue = { values: {}, checked: {}, unknown: [] };
  const byLabel = new Map<string, Field>(FIELDS.map((f) => [f.label, f]));
  const text = (body ?? "").replace(/\r\n?/g, "\n");
  const sections = text.split(/^### /m).slice(1);
  for (const section of sections) {
    const nl = section.indexOf("\n");
    const heading = (nl < 0 ? section : section.slice(0, nl)).trim();
    let value = (nl < 0 ? "" : section.slice(nl + 1)).trim();
    const field = byLabel.get(heading);
    if (!field) {
      out.unknown.push(heading);
      continue;
    }
    if (field.kind === "checkboxes") {
      out.checked[field.id] = [...value.matchAll(/^- \[[xX]\] (.+)$/gm)].map((m) => m[1]!.trim());
      continue;
    }
    // A textarea rendered as code comes back fenced; the fence is not part of the value.
    const fenced = /^```[a-z]*\n([\s\S]*?)\n?```$/.exec(value);
    if (fenced) value = fenced[1]!.trim();
    if (value === "" || value === NO_RESPONSE) continue;
    out.values[field.id] = value;
  }
  return out;
}
