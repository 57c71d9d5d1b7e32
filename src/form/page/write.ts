// Writes the web form beside the registry: DIR/formulir/index.html (Indonesian), en.html
// (English), formulir.js (the bundled script) and data.json (formData). Called by
// `npm run registry`, which has validated the repository first; `sourceUrl` (its --source-url)
// names the GitHub repository whose issue form the page links to.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Governance } from "../../model/governance.ts";
import type { Request } from "../../model/request.ts";
import type { RequestFile } from "../../validate/rule.ts";
import { formBundle } from "./bundle.ts";
import { formData } from "./data.ts";
import { formPageHtml } from "./html.ts";
import { repositoryUrl } from "../send/issue-url.ts";

export const FORM_FOLDER = "formulir";
export const FORM_FILES = { script: "formulir.js", data: "data.json", id: "index.html", en: "en.html" } as const;

/** Writes the form into `out`/formulir and returns that folder. */
export function writeFormPage(out: string, governance: Governance, requests: readonly RequestFile[], retained: readonly { file: string; request: Request }[] = [], sourceUrl?: string): string {
  const dir = join(out, FORM_FOLDER);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, FORM_FILES.script), formBundle());
  writeFileSync(join(dir, FORM_FILES.data), JSON.stringify(formData(governance, requests, retained)));
  for (const lang of ["id", "en"] as const) writeFileSync(join(dir, FORM_FILES[lang]), formPageHtml({ lang, governance, script: FORM_FILES.script, data: FORM_FILES.data, ...(sourceUrl ? { repository: repositoryUrl(sourceUrl) } : {}) }));
  return dir;
}
