// A rule is a small named object: an id, a severity, and a function returning diagnostics. It
// never throws and never stops at the first problem. File rules see one schema-valid request;
// repository rules see all of them at once (uniqueness, CNAME loops).
import { diagnostic, type Diagnostic, type Message, type Severity } from "../diagnostics/diagnostic.ts";
import { locate, type Positions } from "../load/parse.ts";
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";

/** A request file that passed the schema, with what the rules need to point into it. */
export interface RequestFile {
  file: string;
  request: Request;
  positions: Positions;
}

/**
 * The request fields the repository rules read, and all of a request that `npm run validate` keeps
 * once its file rules have run (src/validate/files/check-files.ts): contacts, letters and the
 * other texts only file rules read are dropped on the thread that read the file, so they are
 * neither sent across threads nor kept for the rules across files. A repository rule is typed
 * against this view, so reading any other field does not compile.
 */
export const REPOSITORY_FIELDS = ["label", "opd", "zone", "target", "ttl", "proxied", "records", "decommission", "suspension"] as const satisfies readonly (keyof Request)[];
export type RepositoryRequest = Pick<Request, (typeof REPOSITORY_FIELDS)[number]>;

/** A request file as repository rules see it (see REPOSITORY_FIELDS); every RequestFile is one. */
export interface RepositoryFile {
  file: string;
  request: RepositoryRequest;
  positions: Positions;
}

export interface RuleContext {
  governance: Governance;
  /** Today's date (YYYY-MM-DD) in the governance time zone; passed in so rules stay pure. */
  today: string;
  /**
   * Last versions of deleted request files whose hosting data was never released (read from git
   * history by src/git/retained.ts): their namespace and label are still taken.
   */
  retained?: readonly { file: string; request: Request }[];
}

interface RuleBase {
  id: string;
  severity: Severity;
  /** One line on what the rule enforces, for the rule list in the README and `--rules`. */
  summary: Message;
}

export interface FileRule extends RuleBase {
  scope: "file";
  /**
   * The top-level request fields the rule reads. A file that fails the schema still gets the
   * rules whose fields all passed it, so one round shows every problem; a rule without `reads`
   * runs only on files that pass the schema.
   */
  reads?: readonly (keyof Request)[];
  check(req: RequestFile, ctx: RuleContext): Diagnostic[];
}

/**
 * How a repository rule relates one file to others, for the incremental plan
 * (src/artifacts/incremental-rules.ts): a file's findings of this rule depend only on itself, on the
 * files sharing one of its `group` keys, and on the files that `provide` a key it `consumes`.
 * Keys are plain strings; a superset only costs time.
 */
export interface RuleLinks {
  group: string[];
  provides: string[];
  consumes: string[];
}

export interface RepoRule extends RuleBase {
  scope: "repository";
  check(all: readonly RepositoryFile[], ctx: RuleContext): Diagnostic[];
  /** The keys above; a rule without them is run on every file by the incremental plan too. */
  links?(req: RepositoryFile, ctx: RuleContext): RuleLinks;
  /** Findings follow chains of consumed and provided keys (CNAME loops): the whole chain is re-judged. */
  chains?: boolean;
}

export type Rule = FileRule | RepoRule;

/** A diagnostic of `rule` at a JSON pointer in `req` (on the key itself when `key` is set). */
export function report(rule: RuleBase, req: RepositoryFile, ptr: string, message: Message, key = false): Diagnostic {
  return diagnostic(req.file, locate(req.positions, ptr, key), rule.id, rule.severity, message);
}
