// Deployments are never half-reported (issue 9, item 4): a deploy run that GitHub cancelled while
// it waited (a newer merge took its place in the concurrency group), or one that failed, leaves
// its merges to the next successful deployment, which tells every one of them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitsSince, lastSuccessfulDeployment } from "../../src/github/deployments.ts";
import { notifyDeployment } from "../../src/github/notify.ts";
import { BOT, HOSTED, TODAY, world, type World } from "./setup.ts";

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  expect(w.fake.mismatches).toEqual([]);
  await w.fake.stop();
});

async function mergeNew(login: string, label: string): Promise<{ pr: number; sha: string }> {
  w.fake.createBranch(label, "main", login);
  w.fake.push(label, login, { [`requests/diskominfo/${label}.yaml`]: HOSTED.replace("label: portal", `label: ${label}`) });
  const { data } = await w.as(login).rest.pulls.create({ ...w.ref, head: label, base: "main", title: label });
  const merged = await w.as("admin1").rest.pulls.merge({ ...w.ref, pull_number: data.number });
  return { pr: data.number, sha: merged.data.sha };
}

describe("4. every request merged since the last successful deployment is told", () => {
  it("a cancelled run's and a failed run's merges are reported by the next successful deployment", async () => {
    const first = w.fake.branchSha("main")!;
    w.fake.deployment(first, "success");
    const a = await mergeNew("rina-diskominfo", "satu"); // its run was cancelled: no deployment at all
    const b = await mergeNew("rina-diskominfo", "dua");
    w.fake.deployment(b.sha, "failure"); // this run failed
    const c = await mergeNew("rina-diskominfo", "tiga");
    w.fake.deployment(c.sha, "success");

    const since = await lastSuccessfulDeployment(w.bot, w.ref, "production", c.sha);
    expect(since).toBe(first);
    expect(await commitsSince(w.bot, w.ref, since, c.sha)).toEqual([c.sha, b.sha, a.sha]);
    const out = await notifyDeployment(w.bot, w.ref, { sha: c.sha, since, result: "success", botLogin: BOT, today: TODAY });
    expect(out.pullRequests).toEqual([a.pr, b.pr, c.pr]);
    for (const pr of [a.pr, b.pr, c.pr]) expect(w.fake.commentsOn(pr).some((x) => x.body.includes("Penyediaan selesai"))).toBe(true);
    // Each pull request's comment names its own files.
    expect(w.fake.commentsOn(a.pr).find((x) => x.body.includes("Penyediaan selesai"))!.body).toContain("requests/diskominfo/satu.yaml");
  });

  it("the next deployment starts after the last successful one", async () => {
    const a = await mergeNew("rina-diskominfo", "satu");
    w.fake.deployment(a.sha, "success");
    const b = await mergeNew("rina-diskominfo", "dua");
    w.fake.deployment(b.sha, "success");
    expect(await lastSuccessfulDeployment(w.bot, w.ref, "production", b.sha)).toBe(a.sha);
    const out = await notifyDeployment(w.bot, w.ref, { sha: b.sha, since: a.sha, result: "success", botLogin: BOT, today: TODAY });
    expect(out.pullRequests).toEqual([b.pr]);
  });
});
