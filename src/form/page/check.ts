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
import { relevanceIndex, relevantFiles, type RelevanceIndex } from "./relevant.ts";

interface Prepared {
  ctx: Omit<RuleContext, "today">;
  others: RequestFile[];
  index: RelevanceIndex;
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
    p = { ctx: { governance, retained }, others, index: relevanceIndex(others, governance) };
    prepared.set(data, p);
  }
  return p;
}

export interface FileCheck {
  diagnostics: Diagnostic[];
  /** Whether the file passed the schema (CI runs the repository rules only then). */
  schemaValid: boolean;
  /** The parsed file with its positions, for mapping findings back to form fields. */
  loaded: Loaded;
}

/** The registered files the repository rules run over with `own` (see relevant.ts); `everything`: all of them. */
function companions(p: Prepared, own: RequestFile, everything: boolean): RequestFile[] {
  const pool = everything ? p.others : relevantFiles(p.index, own.request, p.ctx.governance);
  // The file replaces its own published version, as a pull request replaces it on main.
  return [own, ...pool.filter((o) => o.file !== own.file)];
}

export interface CheckOptions {
  /** Run the repository rules over every registered file rather than the relevant ones (for tests). */
  everything?: boolean;
}

/** Validates `text` as the request file `file` (requests/<opd>/<label>.yaml) on `today` (YYYY-MM-DD). */
export function checkFile(file: string, text: string | Uint8Array, data: FormData, today: string, options: CheckOptions = {}): FileCheck {
  const p = prepare(data);
  const base = p.ctx;
  const ctx: RuleContext = { ...base, today };
  const loaded = parseYaml(file, typeof text === "string" ? new TextEncoder().encode(text) : text);
  const own = checkRequest(loaded, ctx);
  const diagnostics = [...own.diagnostics];
  if (own.request) for (const d of checkRepository(companions(p, own.request, !!options.everything), ctx)) if (d.file === file) diagnostics.push(d);
  return { diagnostics: sortDiagnostics(diagnostics), schemaValid: own.request !== undefined, loaded };
}

/** The repository rules about whose name this is, which the page can run before the schema passes. */
const NAME_RULES = new Set(["name.unique", "label.confusable", "namespace.unique"]);

/**
 * While a file still fails the schema CI says nothing about its name; it will once the rest is
 * right. The page says it now: the name rules on the file's label, target and records, each
 * finding exactly CI's later one. Any part too malformed for a rule is skipped, never guessed.
 */
export function earlyNameFindings(check: FileCheck, data: FormData, today: string, options: CheckOptions = {}): Diagnostic[] {
  const value = check.loaded.value as Partial<Request> | undefined;
  if (check.schemaValid || !value || typeof value !== "object" || typeof value.label !== "string" || typeof value.opd !== "string") return [];
  const p = prepare(data);
  const file = check.loaded.file;
  const own: RequestFile = { file, request: value as Request, positions: check.loaded.positions };
  return checkRepository(companions(p, own, !!options.everything), { ...p.ctx, today }).filter((d) => d.file === file && NAME_RULES.has(d.rule));
}
