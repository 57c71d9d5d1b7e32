// One rule pass of the web form, without the page: form values -> the request file -> CI's
// findings placed on fields. The page runs it on every change; the benchmark and the tests run
// the same function from the bundle.
import type { Governance } from "../../model/governance.ts";
import { FIELDS } from "../../forms/fields.ts";
import { requestFile } from "../send/yaml-file.ts";
import { checkFile, earlyNameFindings } from "./check.ts";
import type { FormData } from "./data.ts";
import { buildRequest, placeDiagnostics, requestText, type FormState, type Placed } from "./model.ts";

export interface Evaluation {
  /** requests/<opd>/<label>.yaml, once known. */
  file?: string;
  /** The request file as the page shows and offers it. */
  text?: string;
  /** Whether there was enough to check (OPD and name, or the chosen existing name). */
  complete: boolean;
  /** For changes and removals: parts of the file are not public, so CI checks them later. */
  partial: boolean;
  /** The form's own problems (as the intake would comment them), by field id. */
  problems: { field: string; message: { id: string; en: string } }[];
  /** CI's findings, each with its field. */
  placed: Placed[];
  /** Errors of both kinds: the page offers nothing to send while there is one. */
  errors: number;
}

const fieldIdOfLabel = (label: string | undefined) => FIELDS.find((f) => f.label === label)?.id;

export function evaluate(state: FormState, data: FormData, today: string): Evaluation {
  const base = state.existing ? data.requests.find((r) => r.file === state.existing)?.request : undefined;
  let file: string | undefined;
  let text: string | undefined;
  let problems: Evaluation["problems"];
  let standIns: string[][] = [];
  if (state.mode === "baru") {
    // A new request's file is written by the intake's own builder, as the intake will write it.
    const registered = new Set(data.requests.map((r) => r.file));
    const built = requestFile("baru", state.values, data.governance as unknown as Governance, { read: (p) => (registered.has(p) ? "" : undefined) });
    file = built.path;
    text = built.text;
    problems = built.problems.map((p) => ({ field: fieldIdOfLabel(p.field) ?? "label", message: p.message }));
    if (!text && state.values.opd?.trim() && state.values.label?.trim()) {
      // The intake refuses a name unfit for a file name (Antrian_Puskesmas) before writing any
      // file; CI's findings on everything else still help, on the file the values describe.
      const own = buildRequest(state);
      file = own.file;
      text = file ? requestText(own.request) : undefined;
    }
  } else {
    const built = buildRequest(state, base, data.governance as unknown as Governance);
    file = base ? built.file : undefined;
    text = requestText(built.request);
    problems = built.problems;
    standIns = built.standIns;
  }
  if (!file || !text) return { ...(text ? { text } : {}), complete: false, partial: false, problems: problems.filter((p) => p.field !== "opd" && p.field !== "label" || (state.values.opd && state.values.label)), placed: [], errors: 1 };
  const result = checkFile(file, text, data, today);
  const findings = [...result.diagnostics, ...earlyNameFindings(result, data, today)];
  const placed = placeDiagnostics(findings, result.loaded.positions, state.mode, standIns);
  return { file, text, complete: true, partial: state.mode !== "baru", problems, placed, errors: problems.length + placed.filter((p) => p.diagnostic.severity === "error").length };
}
