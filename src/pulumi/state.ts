// The desired state of a repository checkout, the way deploy and the program both obtain it:
// validate everything (refusing on any error), then the pure desiredState of src/state.
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { validateRepository } from "../validate/files/repository.ts";
import { desiredState } from "../state/desired-state.ts";
import type { DesiredState } from "../state/types.ts";

export type RepositoryState =
  | { ok: true; state: DesiredState; diagnostics: Diagnostic[]; filesChecked: number }
  | { ok: false; diagnostics: Diagnostic[]; filesChecked: number };

export function repositoryState(root: string, today?: string): RepositoryState {
  const result = validateRepository(root, today);
  if (!result.governance || hasErrors(result.diagnostics)) return { ok: false, diagnostics: result.diagnostics, filesChecked: result.filesChecked };
  return { ok: true, state: desiredState(result.requests, result.governance, result.retained), diagnostics: result.diagnostics, filesChecked: result.filesChecked };
}
