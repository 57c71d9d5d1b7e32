// The large-change approval: the label `perubahan-besar-disetujui` lets a plan that updates or
// deletes a large share of the records pass `validasi`, but only when an admin put it there. Who
// added a label is read from the pull request's timeline (GitHub records the actor); anyone with
// triage access can add labels, so the label alone proves nothing. It approves the head it was
// added to: a later push needs it again.
import type { Governance } from "../model/governance.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import { isAdmin } from "./ownership.ts";

export const LARGE_CHANGE_LABEL = "perubahan-besar-disetujui";

/**
 * Whether an admin approved this large change: the label's latest event is an admin's "labeled",
 * made after the head commit was pushed (GitHub's clock on both). A push after the label needs the
 * label again: the admin approved what they saw, not what came later. When GitHub lists no push of
 * the head, the label does not count (fail closed).
 */
export async function largeChangeApproved(gh: GitHub, ref: RepoRef, pr: { number: number; headPushedAt?: string }, governance: Governance): Promise<boolean> {
  const events = await gh.paginate(gh.rest.issues.listEventsForTimeline, { ...ref, issue_number: pr.number, per_page: 100 });
  let last: { event: string; actor: string; at: string } | undefined;
  for (const e of events) {
    if ((e.event !== "labeled" && e.event !== "unlabeled") || !("label" in e) || e.label?.name !== LARGE_CHANGE_LABEL) continue;
    last = { event: e.event, actor: "actor" in e && e.actor?.login ? e.actor.login : "", at: "created_at" in e && typeof e.created_at === "string" ? e.created_at : "" };
  }
  if (last?.event !== "labeled" || last.actor === "" || !pr.headPushedAt || !last.at) return false;
  // Strictly after: a label in the same second as the push may not have seen it.
  if (!(Date.parse(last.at) > Date.parse(pr.headPushedAt))) return false;
  return isAdmin(gh, governance, last.actor);
}
