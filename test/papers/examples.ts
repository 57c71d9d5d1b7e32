// The example data of the papers tests: the fixture government's governance.yaml and requests/,
// validated like any checkout and turned into the desired state that a deployment would create.
import { validateRepository } from "../../src/validate/files/repository.ts";
import type { Governance } from "../../src/model/governance.ts";
import type { RequestFile } from "../../src/validate/rule.ts";
import { desiredState } from "../../src/state/index.ts";
import type { DesiredState } from "../../src/state/types.ts";
import { CONTOH } from "../fixtures/contoh.ts";

export interface Examples {
  root: string;
  governance: Governance;
  requests: RequestFile[];
  state: DesiredState;
}

export function loadExamples(today = "2026-11-16"): Examples {
  const v = validateRepository(CONTOH, today);
  if (!v.governance) throw new Error("example governance.yaml is invalid");
  return { root: CONTOH, governance: v.governance, requests: v.requests, state: desiredState(v.requests, v.governance) };
}

export function exampleRequest(examples: Examples, file: string): RequestFile {
  const rf = examples.requests.find((r) => r.file === file);
  if (!rf) throw new Error(`example ${file} missing`);
  return rf;
}

/** Every phone number and NIP of the example contacts, as written and as bare digits. */
export function contactSecrets(examples: Examples): string[] {
  return examples.requests.flatMap(({ request: r }) =>
    [r.contacts.administrative, r.contacts.technical].flatMap((c) => [c.phone, c.phone.replace(/\D/g, ""), ...(c.nip ? [c.nip] : [])]),
  );
}
