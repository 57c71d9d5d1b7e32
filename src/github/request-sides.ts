// Each request file of a pull request as the base branch has it and as the pull request proposes
// it, parsed and validated; read through the API as data.
import { parseYaml } from "../load/parse.ts";
import type { Governance } from "../model/governance.ts";
import { checkRequest } from "../validate/validate.ts";
import { isRequestPath, readFileAt } from "./files.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import type { PullRequestView } from "./pull-request.ts";
import type { RequestSide } from "./request-summary.ts";

function side(path: string, bytes: Uint8Array | undefined, governance: Governance, today: string): RequestSide | undefined {
  if (!bytes) return undefined;
  const r = checkRequest(parseYaml(path, bytes), { governance, today });
  return r.request ? { file: path, request: r.request.request } : undefined;
}

export async function requestSides(gh: GitHub, ref: RepoRef, pr: PullRequestView, baseFiles: ReadonlyMap<string, Uint8Array>, governance: Governance, today: string): Promise<Array<{ before?: RequestSide; after?: RequestSide }>> {
  const out: Array<{ before?: RequestSide; after?: RequestSide }> = [];
  for (const f of pr.files) {
    if (!isRequestPath(f.path) && !(f.previous && isRequestPath(f.previous))) continue;
    const before = side(f.previous ?? f.path, baseFiles.get(f.previous ?? f.path), governance, today);
    const after = f.status === "removed" ? undefined : side(f.path, (await readFileAt(gh, ref, f.path, pr.headSha))?.bytes, governance, today);
    if (before || after) out.push({ ...(before ? { before } : {}), ...(after ? { after } : {}) });
  }
  return out;
}
