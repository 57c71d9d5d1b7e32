// One name, one owner, also under concurrency (issue 9, item 3). Two pull requests each add the
// same new name; each is valid against main on its own. A real temporary git repository plays the
// base checkout that pr-bot reads (as actions/checkout gives it), the fake GitHub plays the pull
// requests and the ruleset on main: required `validasi`, `kepemilikan`, `disposisi`, computed by
// base-branch code on the head commit, with "require branches to be up to date before merging".
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTreeAt } from "../../src/git/tree.ts";
import { refreshOpenPullRequests } from "../../src/github/refresh-all.ts";
import { refreshPullRequest } from "../../src/github/refresh.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { BOT, HOSTED, TODAY, governanceText, world, type World } from "./setup.ts";

let w: World;
let repo: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } }).trim();
function write(files: Record<string, string>) {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, p)), { recursive: true });
    writeFileSync(join(repo, p), text);
  }
}

const A = { "requests/dinkes/antrian.yaml": HOSTED.replace("label: portal", "label: antrian").replace("opd: diskominfo", "opd: dinkes") };
const B = { "requests/diskominfo/antrian.yaml": HOSTED.replace("label: portal", "label: antrian") };

beforeEach(async () => {
  w = await world();
  repo = mkdtempSync(join(tmpdir(), "satu-nama-"));
  git("init", "-q", "-b", "main");
  write({ "governance.yaml": governanceText, "requests/diskominfo/portal.yaml": HOSTED });
  git("add", "-A");
  git("commit", "-qm", "awal");
  // The two branches, as their liaisons made them, each from main.
  for (const [branch, files] of [["a", A], ["b", B]] as const) {
    git("checkout", "-qb", branch, "main");
    write(files);
    git("add", "-A");
    git("commit", "-qm", branch);
  }
  git("checkout", "-q", "main");
});
afterEach(async () => {
  expect(w.fake.mismatches).toEqual([]);
  await w.fake.stop();
  rmSync(repo, { recursive: true, force: true });
});

/** pr-bot as the workflow runs it: base-branch code, base files from the checkout of main. */
const refresh = (pr: number) => refreshPullRequest(w.bot, w.ref, pr, { botLogin: BOT, today: TODAY, baseFiles: readTreeAt(repo, "main")!.files });
const headOf = (pr: number) => w.fake.issue(pr)!.pull!.headSha;
async function open(login: string, branch: string, files: Record<string, string>): Promise<number> {
  w.fake.createBranch(branch, "main", login);
  w.fake.push(branch, login, files);
  const { data } = await w.as(login).rest.pulls.create({ ...w.ref, head: branch, base: "main", title: branch });
  return data.number;
}
async function approveChain(pr: number) {
  for (const who of ["tek1", "kadis", "kabid", "kasi", "tek2"]) {
    w.fake.advance(5);
    w.fake.review(pr, who, "APPROVED");
  }
}
const merge = (login: string, pr: number) => w.as(login).rest.pulls.merge({ ...w.ref, pull_number: pr });

describe("3. one name, one owner under concurrency", () => {
  it("the two branches really collide: merged together, main would fail validation", () => {
    git("merge", "-q", "--no-edit", "a");
    git("merge", "-q", "--no-edit", "b");
    const v = validateRepository(repo, TODAY);
    expect(v.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule)).toContain("name.unique");
  });

  it("with the required checks on the up-to-date head, the second pull request can never merge", async () => {
    w.fake.protect(["validasi", "kepemilikan", "disposisi"], true);
    const a = await open("siti-dinkes", "a", A);
    const b = await open("rina-diskominfo", "b", B);
    for (const pr of [a, b]) {
      await approveChain(pr);
      await refresh(pr);
      expect(w.fake.latestStatus(headOf(pr), "validasi")!.state).toBe("success");
      expect(w.fake.latestStatus(headOf(pr), "disposisi")!.state).toBe("success");
    }
    await merge("admin1", a);
    git("merge", "-q", "--no-edit", "a"); // the checkout pr-bot reads follows main

    // B's green checks were computed on a head that does not contain A: GitHub refuses the merge.
    await expect(merge("admin1", b)).rejects.toMatchObject({ status: 405, message: expect.stringMatching(/not up to date/) });
    // main moved: every open pull request is judged again, B's validasi turns red at once.
    await refreshOpenPullRequests(w.bot, w.ref, { botLogin: BOT, today: TODAY, baseFiles: readTreeAt(repo, "main")!.files });
    expect(w.fake.latestStatus(headOf(b), "validasi")).toMatchObject({ state: "failure" });
    expect(w.fake.latestStatus(headOf(b), "validasi")!.description).toMatch(/^requests\/diskominfo\/antrian\.yaml:1: .*requests\/dinkes\/antrian\.yaml/);
    // The liaison brings B up to date: the new head is judged on the tree that would land.
    await w.as("rina-diskominfo").rest.pulls.updateBranch({ ...w.ref, pull_number: b });
    await refresh(b);
    expect(w.fake.latestStatus(headOf(b), "validasi")!.state).toBe("failure");
    await expect(merge("admin1", b)).rejects.toMatchObject({ status: 405, message: expect.stringMatching(/"validasi"/) });
    expect(w.fake.fileAt("main", "requests/diskominfo/antrian.yaml")).toBeUndefined();
  });

  it("without 'up to date before merge' the same two green pull requests both land and break main (why the ruleset needs it)", async () => {
    w.fake.protect(["validasi", "kepemilikan", "disposisi"], false);
    const a = await open("siti-dinkes", "a", A);
    const b = await open("rina-diskominfo", "b", B);
    for (const pr of [a, b]) {
      await approveChain(pr);
      await refresh(pr);
    }
    await merge("admin1", a);
    await merge("admin1", b);
    expect(w.fake.fileAt("main", "requests/dinkes/antrian.yaml")).toBeDefined();
    expect(w.fake.fileAt("main", "requests/diskominfo/antrian.yaml")).toBeDefined();
  });

  it("the bot brings its own intake branches up to date when main moves, so they stay mergeable", async () => {
    w.fake.protect(["validasi", "kepemilikan", "disposisi"], true);
    const { runIntake } = await import("../../src/github/intake.ts");
    const { issueBody, newRequestValues } = await import("./issue-body.ts");
    const issue = w.fake.openIssue("siti-dinkes", "[Permohonan baru] antrian2", issueBody("baru", newRequestValues("antrian2")), ["permohonan-baru"]);
    const out = (await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY })) as { number: number };
    await approveChain(out.number);
    expect((await refreshPullRequest(w.bot, w.ref, out.number, { botLogin: BOT, today: TODAY })).disposition!.state).toBe("success");
    w.fake.push("main", "admin1", { "requests/diskominfo/lain.yaml": HOSTED.replace("label: portal", "label: lain") });
    const before = headOf(out.number);
    const results = await refreshOpenPullRequests(w.bot, w.ref, { botLogin: BOT, today: TODAY, updateIntakeBranches: true });
    expect(headOf(out.number)).not.toBe(before);
    expect(results.get(out.number)!.ownership!.ok).toBe(true); // the bot's own merge commit is no foreign push
    expect(w.fake.latestStatus(headOf(out.number), "validasi")!.state).toBe("success");
    // The merge from main changed none of the request's own files: the approvals still stand.
    expect(results.get(out.number)!.disposition!.state).toBe("success");
    await expect(merge("admin1", out.number)).resolves.toMatchObject({ status: 200 });
  });
});
