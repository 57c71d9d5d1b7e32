// Commit statuses (the required `disposisi` and `kepemilikan` checks). Written only when they
// differ from the latest status of the same context, so running a step twice changes nothing.
import type { GitHub, RepoRef } from "./octokit.ts";

export type StatusState = "success" | "pending" | "failure" | "error";

export interface CommitStatus {
  context: string;
  state: StatusState;
  /** At most 140 characters (GitHub's limit). */
  description: string;
  targetUrl?: string;
}

export async function setStatus(gh: GitHub, ref: RepoRef, sha: string, s: CommitStatus): Promise<"created" | "unchanged"> {
  const description = s.description.length > 140 ? s.description.slice(0, 139) + "…" : s.description;
  const { data } = await gh.rest.repos.getCombinedStatusForRef({ ...ref, ref: sha, per_page: 100 });
  const latest = data.statuses.find((x) => x.context === s.context);
  if (latest && latest.state === s.state && latest.description === description && (s.targetUrl === undefined || latest.target_url === s.targetUrl)) return "unchanged";
  await gh.rest.repos.createCommitStatus({ ...ref, sha, state: s.state, context: s.context, description, ...(s.targetUrl ? { target_url: s.targetUrl } : {}) });
  return "created";
}
