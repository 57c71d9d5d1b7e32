// Loads the repository for the papers of one deployed request (letter, e-mail): validates every
// file (uniqueness needs them all), builds the desired state, and picks the request's account.
// Never throws on bad input: problems come back as diagnostics.
import { existsSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { diagnostic, START, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { validateRepository } from "../validate/files/repository.ts";
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";
import { desiredState } from "../state/index.ts";
import type { DesiredState } from "../state/types.ts";
import { accountDetails, type AccountDetails, type AccountOptions } from "./account.ts";
import { readLogo } from "./logo.ts";

export interface DeployedRequest {
  governance: Governance;
  file: string;
  request: Request;
  account: AccountDetails;
  state: DesiredState;
  allFiles: string[];
  /** The letterhead's emblem (governance letters.logo), checked. */
  logo?: Buffer;
}

export type LoadResult = { ok: true; value: DeployedRequest; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** `path` may be absolute or relative to the working directory; it must lie under `root`. */
export function loadDeployedRequest(root: string, path: string, today: string | undefined, options: AccountOptions = {}): LoadResult {
  const file = relative(resolve(root), resolve(path)).split(sep).join("/");
  const v = validateRepository(root, today);
  const mine = v.diagnostics.filter((d) => d.file === file || d.file === "governance.yaml");
  const errors = mine.filter((d) => d.severity === "error");
  const rf = v.requests.find((r) => r.file === file);
  if (!v.governance || !rf || errors.length) {
    if (!errors.length && !existsSync(resolve(path)))
      errors.push(
        diagnostic(file, START, "papers.not-found", "error", {
          id: `Berkas ${file} tidak ditemukan. Periksa ejaan jalurnya, misalnya requests/dinkes/sehat.yaml.`,
          en: `File ${file} not found. Check the path's spelling, e.g. requests/dinkes/sehat.yaml.`,
        }),
      );
    if (!errors.length)
      errors.push(
        diagnostic(file, START, "papers.no-request", "error", {
          id: "Berkas ini bukan permohonan di bawah requests/ repositori ini.",
          en: "This file is not a request under this repository's requests/.",
        }),
      );
    return { ok: false, diagnostics: errors };
  }
  const logoPath = v.governance.letters?.logo;
  const logo = logoPath ? readLogo(root, logoPath) : undefined;
  if (logo && !logo.ok) return { ok: false, diagnostics: [diagnostic("governance.yaml", START, "governance.letters-logo", "error", logo.message)] };
  const state = desiredState(v.requests, v.governance);
  return {
    ok: true,
    value: {
      governance: v.governance,
      file,
      request: rf.request,
      account: accountDetails(file, rf.request, v.governance, state, options),
      state,
      allFiles: v.requests.map((r) => r.file),
      ...(logo?.ok ? { logo: logo.bytes } : {}),
    },
    warnings: mine.filter((d) => d.severity !== "error"),
  };
}
