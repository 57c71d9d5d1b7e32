// CI's validation of one request file, as the web form runs it in the browser: the same YAML
// reader, the same generated ajv validators and the same rules (src/load/parse.ts,
// src/validate/validate.ts), with the repository rules run against the public data published
// with the page instead of the other files. Only the findings on this file are returned, as
// `npm run validate -- <file>` reports them.
import { sortDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { parseYaml, type Loaded } from "../../load/parse.ts";
import type { Governance } from "../../model/governance.ts";
import type { Request } from "../../model/request.ts";
import type { RequestFile, RuleContext } from "../../validate/rule.ts";
import { checkRepository, checkRequest } from "../../validate/validate.ts";
import type { FormData } from "./data.ts";

interface Prepared {
  ctx: Omit<RuleContext, "today">;
  others: RequestFile[];
}

// The other files as the rules see them, made once per data object: the rules cache what they
// derive from a request (ownedNames) per object, so every keystroke reuses that work.
const prepared = new WeakMap<FormData, Prepared>();

function prepare(data: FormData): Prepared {
  let p = prepared.get(data);
  if (!p) {
    // The public parts carry every field the repository rules read (test/form/same-diagnostics.test.ts
    // proves it against `npm run validate`); the rest of Request is absent, hence the casts.
    const governance = data.governance as unknown as Governance;
    const retained = data.retained.map((r) => ({ file: r.file, request: r.request as unknown as Request }));
    const others = data.requests.map((r) => ({ file: r.file, request: r.request as unknown as Request, positions: {} }));
    p = { ctx: { governance, retained }, others };
    prepared.set(data, p);
  }
  return p;
}

export interface FileCheck {
  diagnostics: Diagnostic[];
  /** The parsed file with its positions, for mapping findings back to form fields. */
  loaded: Loaded;
}

/** Validates `text` as the request file `file` (requests/<opd>/<label>.yaml) on `today` (YYYY-MM-DD). */
export function checkFile(file: string, text: string | Uint8Array, data: FormData, today: string): FileCheck {
  const { ctx: base, others } = prepare(data);
  const ctx: RuleContext = { ...base, today };
  const loaded = parseYaml(file, typeof text === "string" ? new TextEncoder().encode(text) : text);
  const own = checkRequest(loaded, ctx);
  const diagnostics = [...own.diagnostics];
  if (own.request) {
    // The file replaces its own published version, as a pull request replaces it on main.
    const all = [own.request, ...others.filter((o) => o.file !== file)];
    for (const d of checkRepository(all, ctx)) if (d.file === file) diagnostics.push(d);
  }
  return { diagnostics: sortDiagnostics(diagnostics), loaded };
}
