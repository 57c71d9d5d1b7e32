// Comments the bot keeps up to date instead of adding new ones: found by a hidden marker, and
// only among comments made by a bot account, so nobody can plant a marker and have the bot edit
// (or be blocked by) their comment.
import type { GitHub, RepoRef } from "./octokit.ts";

export interface Upserted {
  id: number;
  url: string;
  action: "created" | "updated" | "unchanged";
}

export async function findComment(gh: GitHub, ref: RepoRef, issue: number, marker: string) {
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...ref, issue_number: issue, per_page: 100 });
  return comments.find((c) => c.user?.type === "Bot" && (c.body ?? "").includes(marker));
}

export async function upsertComment(gh: GitHub, ref: RepoRef, issue: number, marker: string, body: string): Promise<Upserted> {
  const text = body.includes(marker) ? body : `${marker}\n${body}`;
  const existing = await findComment(gh, ref, issue, marker);
  if (existing) {
    if (existing.body === text) return { id: existing.id, url: existing.html_url, action: "unchanged" };
    const { data } = await gh.rest.issues.updateComment({ ...ref, comment_id: existing.id, body: text });
    return { id: data.id, url: data.html_url, action: "updated" };
  }
  const { data } = await gh.rest.issues.createComment({ ...ref, issue_number: issue, body: text });
  return { id: data.id, url: data.html_url, action: "created" };
}
