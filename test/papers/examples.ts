// The example data of the papers tests: the repository's own requests plus the fixtures under
// test/papers/fixtures/requests (a hosted request and a Unicode alias), validated like any
// request and turned into the desired state that a deployment would create.
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateRepository } from "../../src/load/repository.ts";
import type { Governance } from "../../src/model/governance.ts";
import type { RequestFile } from "../../src/validate/rule.ts";
import { desiredState } from "../../src/state/index.ts";
import type { DesiredState } from "../../src/state/types.ts";
import { ROOT } from "./governance.ts";

export interface Examples {
  root: string;
  governance: Governance;
  requests: RequestFile[];
  state: DesiredState;
}

/** A scratch repository: governance.yaml and requests/ of this checkout plus the fixtures. */
export function exampleRepository(): string {
  const root = mkdtempSync(join(tmpdir(), "papers-"));
  cpSync(join(ROOT, "governance.yaml"), join(root, "governance.yaml"));
  cpSync(join(ROOT, "requests"), join(root, "requests"), { recursive: true });
  cpSync(join(ROOT, "test/papers/fixtures/requests"), join(root, "requests"), { recursive: true });
  mkdirSync(join(root, "schemas"), { recursive: true });
  writeFileSync(join(root, ".keep"), "");
  return root;
}

export function loadExamples(today = "2026-03-16"): Examples {
  const root = exampleRepository();
  const v = validateRepository(root, today);
  if (!v.governance) throw new Error("example governance.yaml is invalid");
  return { root, governance: v.governance, requests: v.requests, state: desiredState(v.requests, v.governance) };
}

export function exampleRequest(examples: Examples, file: string): RequestFile {
  const rf = examples.requests.find((r) => r.file === file);
  if (!rf) throw new Error(`example ${file} missing`);
  return rf;
}
