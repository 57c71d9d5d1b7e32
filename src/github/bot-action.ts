// What a pull request is, judged from its files (never from its title, labels or author): a pure
// suspension or a pure review decommission (hygiene-edit.ts's botAction on every changed file).
// A pure suspension goes through governance's emergency chain; either, when the bot opened it,
// passes ownership as the bot's own hygiene action.
import { hygieneSettings } from "../model/hygiene.ts";
import type { Governance } from "../model/governance.ts";
import { isRequestPath, readFileAt } from "./files.ts";
import { botAction, type BotAction } from "./hygiene-edit.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import type { PullRequestView } from "./pull-request.ts";

/** A bot change touches a handful of files at most; anything larger is judged as usual. */
const MAX_FILES = 20;

export async function botActionOf(gh: GitHub, ref: RepoRef, pr: PullRequestView, baseFiles: ReadonlyMap<string, Uint8Array>): Promise<BotAction | undefined> {
  if (pr.files.length === 0 || pr.files.length > MAX_FILES) return undefined;
  let action: BotAction | undefined;
  const decoder = new TextDecoder();
  for (const f of pr.files) {
    const base = baseFiles.get(f.path);
    if (f.status !== "modified" || f.previous || !isRequestPath(f.path) || !base) return undefined;
    const head = await readFileAt(gh, ref, f.path, pr.headSha);
    const a = head ? botAction(decoder.decode(base), head.text) : undefined;
    if (!a || (action && a !== action)) return undefined;
    action = a;
  }
  return action;
}

/** Governance whose chain is the emergency chain of hygiene.suspension (no destructive step). */
export function withEmergencyChain(g: Governance): Governance {
  const { destructiveStep: _d, ...rest } = g.disposition;
  return { ...g, disposition: { ...rest, steps: hygieneSettings(g).suspensionSteps } };
}
