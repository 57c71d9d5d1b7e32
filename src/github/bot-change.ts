// A pull request the bot proposes on its own: one request file changed on a branch named for the
// file and purpose, so a second run finds the same pull request instead of opening another. A
// pull request that was closed or merged is never reopened: people decided on it.
import { readFileAt } from "./files.ts";
import { syncLabels } from "./labels.ts";
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";

export interface BotChange {
  branch: string;
  baseBranch: string;
  path: string;
  /** The new text from the file as it is on the base; undefined: nothing to change. */
  edit(current: string): string | undefined;
  message: string;
  title: string;
  body: string;
  labels: string[];
}

export type BotChangeOutcome = { action: "opened" | "exists" | "decided" | "nothing"; number?: number };

export const branchSlug = (path: string) => path.replace(/^requests\//, "").replace(/\.yaml$/, "").replace(/[^A-Za-z0-9._-]+/g, "-");

export async function proposeChange(gh: GitHub, ref: RepoRef, c: BotChange): Promise<BotChangeOutcome> {
  const prs = await gh.rest.pulls.list({ ...ref, head: `${ref.owner}:${c.branch}`, state: "all", per_page: 10 });
  const latest = [...prs.data].sort((a, b) => b.number - a.number)[0];
  if (latest) return { action: latest.state === "open" ? "exists" : "decided", number: latest.number };
  const current = await readFileAt(gh, ref, c.path, c.baseBranch);
  if (!current) return { action: "nothing" };
  const text = c.edit(current.text);
  if (text === undefined || text === current.text) return { action: "nothing" };
  const { data: base } = await gh.rest.git.getRef({ ...ref, ref: `heads/${c.baseBranch}` });
  try {
    await gh.rest.git.createRef({ ...ref, ref: `refs/heads/${c.branch}`, sha: base.object.sha });
  } catch (e) {
    if (statusOf(e) !== 422) throw e; // left from an interrupted run: reused
  }
  const onBranch = await readFileAt(gh, ref, c.path, c.branch);
  if (onBranch?.text !== text)
    await gh.rest.repos.createOrUpdateFileContents({ ...ref, path: c.path, branch: c.branch, message: c.message, content: Buffer.from(text, "utf8").toString("base64"), ...(onBranch ? { sha: onBranch.sha } : {}) });
  const { data: pr } = await gh.rest.pulls.create({ ...ref, head: c.branch, base: c.baseBranch, title: c.title, body: c.body, maintainer_can_modify: true });
  await syncLabels(gh, ref, pr.number, c.labels, () => false);
  return { action: "opened", number: pr.number };
}
