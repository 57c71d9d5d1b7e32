// The request file the web form offers to download: the very text the intake writes for the same
// values (the intake's own builder, src/forms/build.ts, is the one writer), with the
// yaml-language-server modeline on its first line. Pure, no Node APIs: it runs in the page.
import { buildRequest, type BaseFiles, type BuiltRequest } from "../../forms/build.ts";
import type { FormKind } from "../../forms/fields.ts";
import type { Governance } from "../../model/governance.ts";
import { typedValues, type FormValues } from "./values.ts";

/**
 * The file for these values, with every form-level problem the intake would comment. `issue` is
 * the number the intake names in a comment under the modeline; the page, which has no issue yet,
 * leaves it out, and its file is the intake's without that one line.
 */
export function requestFile(kind: FormKind, values: FormValues, governance: Governance, base: BaseFiles, issue?: number): BuiltRequest {
  return buildRequest(kind, typedValues(kind, values, governance), governance, base, issue);
}

/** The name to save the file under: the last part of requests/<opd>/<label>.yaml (a Unicode name in its ASCII form). */
export function downloadName(built: Pick<BuiltRequest, "path">): string | undefined {
  return built.path?.split("/").pop();
}
