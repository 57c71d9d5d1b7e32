// @ts-check
// Where `npm run plan` keeps its cache unless told otherwise (--cache FOLDER, --no-cache): the plan
// (src/cli/plan-main.ts) keeps it there, and the launcher (src/cli/launch.mjs) looks there before
// the plan's code loads. Plain JavaScript (types in plan-cache-folder.d.mts) because the launcher
// runs before any TypeScript can.
import { join } from "node:path";

/**
 * The default cache folder of a repository whose top is `root`.
 * @param {string} root
 */
export function defaultPlanCache(root) {
  return join(root, ".cache", "plan");
}
