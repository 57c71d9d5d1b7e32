// Judging again what time or the base branch changed: when `main` moves (another request merged,
// governance changed), when the `validate` workflow completes for a commit, and once a day (a
// letter dated "tomorrow" becomes valid), every open pull request concerned is refreshed with the
// base's current files. The bot's own intake branches are brought up to date with the base first,
// because the ruleset requires an up-to-date branch and only the bot may push to permohonan/*.
import { refreshPullRequest, type RefreshOptions, type RefreshResult } from "./refresh.ts";
import { isIntakeBranch } from "./ownership.ts";
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";

export interface RefreshAllOptions extends RefreshOptions {
  /** Only pull requests whose head is this commit (a `validate` run's commit). */
  headSha?: string;
  /** Merge the base into the bot's own intake branches that are behind it. */
  updateIntakeBranches?: boolean;
}

export async function refreshOpenPullRequests(gh: GitHub, ref: RepoRef, o: RefreshAllOptions): Promise<Map<number, RefreshResult>> {
  const open = await gh.paginate(gh.rest.pulls.list, { ...ref, state: "open", per_page: 100 });
  const out = new Map<number, RefreshResult>();
  for (const pr of open.sort((a, b) => a.number - b.number)) {
    if (o.headSha && pr.head.sha !== o.headSha) continue;
    const own = pr.user?.login.toLowerCase() === o.botLogin.toLowerCase() && pr.head.repo?.full_name.toLowerCase() === `${ref.owner}/${ref.repo}`.toLowerCase() && isIntakeBranch(pr.head.ref);
    if (o.updateIntakeBranches && own) {
      try {
        // The new head triggers `synchronize`; this run still judges the pull request as it is now.
        await gh.rest.pulls.updateBranch({ ...ref, pull_number: pr.number, expected_head_sha: pr.head.sha });
      } catch (e) {
        // 422: already up to date, the head moved meanwhile, or a conflict a person must resolve.
        if (statusOf(e) !== 422) throw e;
      }
    }
    out.set(pr.number, await refreshPullRequest(gh, ref, pr.number, o));
  }
  return out;
}
