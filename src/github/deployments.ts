// Which commits a deployment brings out: everything merged since the last SUCCESSFUL deployment of
// the same environment, not only the newest merge. GitHub records a deployment (with its final
// state) for every job that names an environment, so this comes from GitHub, not from our notes.
// A deployment run that GitHub cancelled while it waited (a newer merge took its place in the
// concurrency group) or that failed leaves its merges to the next successful one, which reports them.
import type { GitHub, RepoRef } from "./octokit.ts";

/** The commit of the newest successful deployment to `environment` other than `sha`, if any (newest 100 looked at). */
export async function lastSuccessfulDeployment(gh: GitHub, ref: RepoRef, environment: string, sha: string): Promise<string | undefined> {
  const { data: deployments } = await gh.rest.repos.listDeployments({ ...ref, environment, per_page: 100 });
  for (const d of deployments) {
    if (d.sha === sha) continue;
    const { data: statuses } = await gh.rest.repos.listDeploymentStatuses({ ...ref, deployment_id: d.id, per_page: 1 });
    if (statuses[0]?.state === "success") return d.sha;
  }
  return undefined;
}

/**
 * The commits after `since` up to `sha`, newest first (`sha` alone without `since`). GitHub's
 * comparison lists up to 250 commits: more than that many merges between two successful
 * deployments would need several deployments to have failed in a row, and is cut there.
 */
export async function commitsSince(gh: GitHub, ref: RepoRef, since: string | undefined, sha: string): Promise<string[]> {
  if (!since) return [sha];
  const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...ref, basehead: `${since}...${sha}`, per_page: 250 });
  const list = data.commits.map((c) => c.sha).reverse();
  return list.includes(sha) ? list : [sha, ...list];
}
