// The chain in force for a request: governance.yaml as it was at the pull request's base commit
// (git show BASE:governance.yaml), not today's. A government changes its chain (a new step, a
// longer standard) and older requests must still be judged by the rules they were decided under.
// One git call per base to find the blob, one parse per distinct blob (most requests share one).
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

/** A reader of governance at base commits of the repository at `root`, falling back to `current`. */
export function governanceReader(root: string, current: Governance): (base: string | undefined) => GovernanceAt {
  const blobOf = new Map<string, string | undefined>();
  const parsed = new Map<string, Governance | undefined>();
  return (base) => {
    if (!base || !/^[0-9a-f]{40}$/.test(base)) return { governance: current, atBase: false };
    if (!blobOf.has(base)) {
      const r = git(root, ["rev-parse", "--verify", "--quiet", `${base}:${GOVERNANCE_FILE}`]);
      blobOf.set(base, r.ok ? r.stdout.toString("utf8").trim() : undefined);
    }
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
}
