// Every file `npm run forms` generates, by repository path.
import type { Governance } from "../model/governance.ts";
import { renderCodeowners } from "./codeowners.ts";
import { renderForms } from "./generate.ts";

export function renderGenerated(governance: Governance): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(renderForms(governance))) out[`.github/ISSUE_TEMPLATE/${name}`] = text;
  out[".github/CODEOWNERS"] = renderCodeowners(governance);
  return out;
}
