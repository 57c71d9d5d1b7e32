// Values still marked [ISI] (written by `npm run import` for what a zone cannot know: contacts,
// the request letter, the purpose): one warning per value, naming the field, so the OPD sees
// exactly what to complete. The contact rules leave marked values to this rule.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { isPlaceholder } from "../../model/placeholder.ts";
import { report, type FileRule } from "../rule.ts";

export const requestPlaceholder: FileRule = {
  id: "request.placeholder",
  scope: "file",
  reads: ["purpose", "letter", "contacts", "recommendation"],
  severity: "warning",
  summary: { id: "Berkas tidak lagi berisi isian sementara [ISI] dari npm run import", en: "The file holds no [ISI] placeholder left by npm run import" },
  check(req) {
    const out: Diagnostic[] = [];
    const walk = (v: unknown, ptr: string) => {
      if (typeof v === "string") {
        if (isPlaceholder(v)) {
          const field = ptr.slice(1).replaceAll("/", ".");
          out.push(
            report(this, req, ptr, {
              id: `${field} belum diisi (${v}); OPD melengkapinya dengan nilai yang sebenarnya.`,
              en: `${field} is not filled in yet (${v}); the OPD completes it with the real value.`,
            }),
          );
        }
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${ptr}/${k}`);
    };
    const r = req.request;
    // Nearly every file holds no mark: look first without building a pointer per value.
    if (!anyPlaceholder(r.purpose) && !anyPlaceholder(r.letter) && !anyPlaceholder(r.contacts) && !anyPlaceholder(r.recommendation)) return out;
    walk({ purpose: r.purpose, letter: r.letter, contacts: r.contacts, ...(r.recommendation ? { recommendation: r.recommendation } : {}) }, "");
    return out;
  },
};

/** Whether `v` (walked as `check` walks it) holds a marked string. */
function anyPlaceholder(v: unknown): boolean {
  if (typeof v === "string") return isPlaceholder(v);
  if (Array.isArray(v)) return v.some(anyPlaceholder);
  if (v && typeof v === "object") {
    for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k) && anyPlaceholder((v as Record<string, unknown>)[k])) return true;
  }
  return false;
}
