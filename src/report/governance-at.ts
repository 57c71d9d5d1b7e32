// The chain in force for a request: governance.yaml as it was at the pull request's base commit
// (git show BASE:governance.yaml), not today's. A government changes its chain (a new step, a
// longer standard) and older requests must still be judged by the rules they were decided under.
// One git process finds the blobs of all bases, one parse per distinct blob (most requests share one).
import { git } from "../git/run.ts";
import { LIMITS } from "../load/limits.ts";
import { parseYaml } from "../load/parse.ts";
import { GOVERNANCE_FILE } from "../load/repository.ts";
import type { Governance } from "../model/governance.ts";
import { checkGovernance } from "../validate/validate.ts";

export interface GovernanceAt {
  governance: Governance;
  /** False when the base was unknown or its governance unreadable: today's governance was used. */
  atBase: boolean;
}

export interface GovernanceReader {
  (base: string | undefined): GovernanceAt;
  /** Resolves many base commits with one git process (a month has hundreds of requests). */
  prefetch(bases: ReadonlyArray<string | undefined>): void;
}

const COMMIT = /^[0-9a-f]{40}$/;

/** A reader of governance at base commits of the repository at `root`, falling back to `current`. */
export function governanceReader(root: string, current: Governance): GovernanceReader {
  const blobOf = new Map<string, string | undefined>();
  const parsed = new Map<string, Governance | undefined>();
  const prefetch = (bases: ReadonlyArray<string | undefined>) => {
    const todo = [...new Set(bases.filter((b): b is string => !!b && COMMIT.test(b) && !blobOf.has(b)))];
    if (!todo.length) return;
    // One line out per line in: "<blob> blob <size>", or "<name> missing".
    const r = git(root, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], todo.map((b) => `${b}:${GOVERNANCE_FILE}`).join("\n") + "\n");
    const lines = r.ok ? r.stdout.toString("utf8").split("\n") : [];
    todo.forEach((b, i) => {
      const m = /^([0-9a-f]{40}) blob$/.exec(lines[i] ?? "");
      blobOf.set(b, m ? m[1] : undefined);
    });
  };
  const read = (base: string | undefined): GovernanceAt => {
    if (!base || !COMMIT.test(base)) return { governance: current, atBase: false };
    prefetch([base]);
    const blob = blobOf.get(base);
    if (!blob) return { governance: current, atBase: false };
    if (!parsed.has(blob)) {
      const r = git(root, ["cat-file", "blob", blob]);
      const g = r.ok ? checkGovernance(parseYaml(GOVERNANCE_FILE, r.stdout, LIMITS.governanceBytes)) : undefined;
      parsed.set(blob, g?.governance && !g.diagnostics.some((d) => d.severity === "error") ? g.governance : undefined);
    }
    const governance = parsed.get(blob);
    return governance ? { governance, atBase: true } : { governance: current, atBase: false };
  };
  return Object.assign(read, { prefetch });
}
