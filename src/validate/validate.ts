// The validation stage: loaded files in, diagnostics and typed requests out. Pure: the caller
// reads the files (src/load) and passes today's date.
import { diagnostic, sortDiagnostics, START, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { definePositions, positionsOf, type Loaded } from "../load/parse.ts";
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";
import { checkSchema, schemaFindings, WHOLE, type SchemaFindings } from "./schema.ts";
import { GOVERNANCE_RULES } from "./governance-rules.ts";
import { FILE_RULES, REPOSITORY_RULES } from "./rules/index.ts";
import type { FileRule, RepositoryFile, RequestFile, RuleContext } from "./rule.ts";

export interface GovernanceCheck {
  governance?: Governance;
  diagnostics: Diagnostic[];
}

export function checkGovernance(loaded: Loaded): GovernanceCheck {
  // Index loops throughout: this runs once per file, mostly in V8's mid-tier code (Maglev), where a
  // for...of still allocates its iterator's results (~1.5 KB per file, measured).
  const diagnostics = loaded.diagnostics.slice();
  if (loaded.value === undefined) return { diagnostics };
  const schema = checkSchema(loaded, "governance");
  if (schema.length) return { diagnostics: [...diagnostics, ...schema] };
  const governance = loaded.value as Governance;
  for (const rule of GOVERNANCE_RULES) diagnostics.push(...rule(loaded.file, governance, loaded.positions));
  return { governance, diagnostics };
}

export interface RequestCheck<F extends RepositoryFile = RequestFile> {
  /** Present when the file passed the schema, so repository rules can see it. */
  request?: F;
  diagnostics: Diagnostic[];
}

/**
 * Everything that can be said of one request file alone: schema, then the file rules. `schema`:
 * the file's schema findings when another thread has found them already (see src/validate/files/check-files.ts).
 */
export function checkRequest(loaded: Loaded, ctx: RuleContext, schema?: SchemaFindings): RequestCheck {
  // Index loops throughout: this runs once per file, mostly in V8's mid-tier code (Maglev), where a
  // for...of still allocates its iterator's results (~1.5 KB per file, measured).
  const diagnostics = loaded.diagnostics.slice();
  if (loaded.value === undefined) return { diagnostics };
  schema ??= schemaFindings(loaded, "request");
  // Positions are found only if a diagnostic needs them (see parse.ts), the way the loaded file's are.
  const request = definePositions({ file: loaded.file, request: loaded.value as Request }, positionsOf(loaded)) satisfies RequestFile;
  const broken = schema.broken;
  const sound = (rule: FileRule) => !broken.has(WHOLE) && !!rule.reads?.every((f) => !broken.has(f));
  for (let i = 0; i < schema.diagnostics.length; i++) diagnostics.push(schema.diagnostics[i]!);
  for (let r = 0; r < FILE_RULES.length; r++) {
    const rule = FILE_RULES[r]!;
    if (broken.size && !sound(rule)) continue;
    try {
      // Most rules find nothing: no spread of an empty array per rule and file.
      const found = rule.check(request, ctx);
      for (let i = 0; i < found.length; i++) diagnostics.push(found[i]!);
    } catch (e) {
      diagnostics.push(internalError(loaded.file, rule.id, e));
    }
  }
  return schema.diagnostics.length ? { diagnostics } : { request, diagnostics };
}

/** Rules across files, on the requests that passed the schema. */
export function checkRepository(requests: readonly RepositoryFile[], ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The files usually arrive in order already (the loader sorts them); a stable sort of a sorted list is the list.
  const sorted = inFileOrder(requests) ? requests : [...requests].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const rule of REPOSITORY_RULES) {
    try {
      for (const d of rule.check(sorted, ctx)) out.push(d);
    } catch (e) {
      out.push(internalError("requests", rule.id, e));
    }
  }
  return out;
}

function inFileOrder(requests: readonly RepositoryFile[]): boolean {
  for (let i = 1; i < requests.length; i++) if (requests[i - 1]!.file > requests[i]!.file) return false;
  return true;
}

/** A rule that throws is a bug of ours; it is reported as a diagnostic so no file is lost. */
function internalError(file: string, rule: string, e: unknown): Diagnostic {
  const text = e instanceof Error ? e.message : String(e);
  return diagnostic(file, START, "internal", "error", {
    id: `Aturan ${rule} gagal dijalankan (${text}); laporkan ke pengelola repositori.`,
    en: `Rule ${rule} failed to run (${text}); report this to the repository maintainers.`,
  });
}

export interface ValidationResult<F extends RepositoryFile = RequestFile> {
  governance?: Governance;
  requests: F[];
  diagnostics: Diagnostic[];
  /** The findings of the rules across files alone (also in `diagnostics`), for the incremental plan. */
  repositoryDiagnostics?: Diagnostic[];
}

/** The whole stage for already-loaded files. */
export function validate(governanceFile: Loaded, requestFiles: readonly Loaded[], extra: readonly Diagnostic[], today: string): ValidationResult {
  const gov = checkGovernance(governanceFile);
  if (!gov.governance) return unusableGovernance(governanceFile.file, gov, extra);
  const ctx: RuleContext = { governance: gov.governance, today };
  return assemble(gov, requestFiles.map((loaded) => checkRequest(loaded, ctx)), extra, ctx);
}

/** The result when governance itself is invalid: its findings, and no request judged against it. */
export function unusableGovernance<F extends RepositoryFile = RequestFile>(file: string, gov: GovernanceCheck, extra: readonly Diagnostic[]): ValidationResult<F> {
  const diagnostics = [...extra, ...gov.diagnostics];
  diagnostics.push(
    diagnostic(file, START, "governance.unusable", "error", {
      id: "Berkas tata kelola tidak sah, sehingga permohonan tidak dapat diperiksa terhadap aturannya.",
      en: "The governance file is invalid, so requests cannot be checked against its rules.",
    }),
  );
  return { requests: [], diagnostics: sortDiagnostics(diagnostics) };
}

/** Per-file checks (made here or on worker threads) plus the repository rules, sorted. */
export function assemble<F extends RepositoryFile>(gov: GovernanceCheck, checks: readonly RequestCheck<F>[], extra: readonly Diagnostic[], ctx: RuleContext): ValidationResult<F> {
  const diagnostics = [...extra, ...gov.diagnostics];
  const requests: F[] = [];
  for (const r of checks) {
    for (const d of r.diagnostics) diagnostics.push(d);
    if (r.request) requests.push(r.request);
  }
  const repositoryDiagnostics = checkRepository(requests, ctx);
  for (const d of repositoryDiagnostics) diagnostics.push(d);
  return { governance: gov.governance, requests, diagnostics: sortDiagnostics(diagnostics), repositoryDiagnostics };
}
