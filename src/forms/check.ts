// Validates a request built from an issue form with the real validator, against the base branch's
// governance and request files (so uniqueness across files is checked too), and says for each
// problem which form field it concerns. Pure: the caller reads the base branch.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { parseYaml, type Loaded } from "../load/parse.ts";
import { validate } from "../validate/validate.ts";
import { FIELDS } from "./fields.ts";

export interface FieldDiagnostic extends Diagnostic {
  /** The form field the problem is about, when one can be named. */
  field?: string;
}

export interface IntakeCheck {
  diagnostics: FieldDiagnostic[];
  ok: boolean;
}

/** Longest field path that is a prefix of a JSON pointer: /contacts/technical/email -> its field. */
function fieldOfPointer(ptr: string): string | undefined {
  let best: { label: string; len: number } | undefined;
  for (const f of FIELDS) {
    if (!f.path) continue;
    const p = "/" + f.path.join("/");
    if ((ptr === p || ptr.startsWith(p + "/")) && (!best || p.length > best.len)) best = { label: f.label, len: p.length };
  }
  if (!best && ptr.startsWith("/target")) return FIELDS.find((f) => f.id === "target-kind")!.label;
  return best?.label;
}

export function checkIntake(path: string, text: string, governance: Loaded, baseRequests: readonly Loaded[], today: string): IntakeCheck {
  const loaded = parseYaml(path, new TextEncoder().encode(text));
  const others = baseRequests.filter((l) => l.file !== path);
  const result = validate(governance, [...others, loaded], [], today);
  // The applicant answers for their file, for governance problems (without valid governance
  // nothing can be checked), and for any problem their request causes in another file (a rule
  // across files may report only one side): those absent when the base is validated alone.
  const key = (d: Diagnostic) => `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.rule}\u0000${d.message.en}`;
  const before = new Set(validate(governance, others, [], today).diagnostics.map(key));
  const mine = result.diagnostics.filter((d) => d.file === path || d.file === governance.file || !before.has(key(d)));
  const byLine = new Map<number, string>();
  for (const [ptr, [line]] of Object.entries(loaded.positions)) {
    const clean = ptr.replace(/#key$/, "");
    const prev = byLine.get(line);
    if (prev === undefined || clean.length > prev.length) byLine.set(line, clean);
  }
  const diagnostics = mine.map((d) => {
    const ptr = d.file === path ? byLine.get(d.line) : undefined;
    const field = ptr !== undefined ? fieldOfPointer(ptr) : undefined;
    return field ? { ...d, field } : d;
  });
  return { diagnostics, ok: !diagnostics.some((d) => d.severity === "error") };
}
