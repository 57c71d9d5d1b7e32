// The large-change approval: the label `perubahan-besar-disetujui` lets a plan that updates or
// deletes a large share of the records pass `validasi`, but only when an admin put it there. Who
// added a label is read from the pull request's timeline (GitHub records the actor); anyone with
// triage access can add labels, so the label alone proves nothing.
import type { Governance } from "../model/governance.ts";
import type { GitHub, RepoRef } from "./octokit.ts";
import { isAdmin } from "./ownership.ts";

export const LARGE_CHANGE_LABEL = "perubahan-besar-disetujui";

export async function largeChangeApproved(gh: GitHub, ref: RepoRef, number: number, governance: Governance): Promise<boolean> {
  const events = await gh.paginate(gh.rest.issues.listEventsForTimeline, { ...ref, issue_number: number, per_page: 100 });
  // The label's latest event decides: an admin's "labeled" that nobody undid since.
  let last: { event: string; actor: string } | undefined;
  for (const e of events) {
    if ((e.event !== "labeled" && e.event !== "unlabeled") || !("label" in e) || e.label?.name !== LARGE_CHANGE_LABEL) continue;
    last = { event: e.event, actor: "actor" in e && e.actor?.login ? e.actor.login : "" };
  }
  return last?.event === "labeled" && last.actor !== "" && (await isAdmin(gh, governance, last.actor));
}
