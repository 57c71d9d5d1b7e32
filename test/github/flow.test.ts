// The whole GitHub flow against the fake GitHub, every response checked against GitHub's
// OpenAPI description: issue opened, intake comment, pull request created, plan commented,
// reviews in order, one out of order, one returning the request, one made stale by a push,
// status changes, merge, deployment notice, issue closed. Each step is run twice to show it
// finds what the first run made instead of making it again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshPullRequest } from "../../src/github/refresh.ts";
import { branchFor, runIntake } from "../../src/github/intake.ts";
import { notifyDeployment } from "../../src/github/notify.ts";
import { PLAN_MARKER } from "../../src/plan/render-markdown.ts";
import { issueBody, newRequestValues } from "./issue-body.ts";
import { BOT, TODAY, world, type World } from "./setup.ts";

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => {
  await w.fake.stop();
});

const APPLICANT = "siti-dinkes";
const intake = (issue: number) => runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY });
const refresh = (pr: number) => refreshPullRequest(w.bot, w.ref, pr, { botLogin: BOT, today: TODAY });
const status = (context: string) => {
  const pr = w.fake.pullRequests()[0]!;
  return w.fake.latestStatus(pr.pull!.headSha, context);
};
const botComment = (n: number, marker: string) => w.fake.commentsOn(n).filter((c) => c.body.includes(marker));

describe("the GitHub flow, end to end", () => {
  let issue = 0;
  let pr = 0;

  it("an issue with problems gets one comment listing every problem, in Indonesian, and no pull request", async () => {
    const values = { ...newRequestValues(), "letter-date": "10 Maret 2026", "administrative-nip": "123" };
    issue = w.fake.openIssue(APPLICANT, "[Permohonan baru] antrian", issueBody("baru", values), ["permohonan-baru"]);
    const out = await intake(issue);
    expect(out.kind).toBe("invalid");
    const comments = w.fake.commentsOn(issue);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("Permohonan belum dapat diproses");
    expect(comments[0]!.body).toContain("**Tanggal surat permohonan**");
    expect(comments[0]!.body).toContain("**Penanggung jawab administrasi: NIP**");
    expect(w.fake.issue(issue)!.labels).toContain("perlu-perbaikan");
    expect(w.fake.pullRequests()).toHaveLength(0);
    await intake(issue);
    expect(w.fake.commentsOn(issue)).toHaveLength(1);
  });

  it("editing the issue into a valid request opens one pull request on a deterministic branch", async () => {
    w.fake.advance(5);
    w.fake.editIssue(issue, issueBody("baru", newRequestValues()));
    const out = await intake(issue);
    expect(out).toMatchObject({ kind: "pull-request", action: "created", path: "requests/dinkes/antrian.yaml" });
    pr = (out as { number: number }).number;
    expect(w.fake.fileAt(branchFor(issue), "requests/dinkes/antrian.yaml")).toContain("ipv4:");
    const p = w.fake.issue(pr)!;
    expect(p.user).toBe(BOT);
    expect(p.body).toContain(`<!-- pemohon: ${APPLICANT} -->`);
    expect(p.body).toContain(`isu #${issue}`);
    expect(w.fake.commentsOn(issue)).toHaveLength(1);
    expect(w.fake.commentsOn(issue)[0]!.body).toContain(`pull request #${pr}`);
    expect(w.fake.issue(issue)!.labels).not.toContain("perlu-perbaikan");

    const writes = w.fake.writes().length;
    expect(await intake(issue)).toMatchObject({ kind: "pull-request", number: pr, action: "unchanged" });
    expect(w.fake.writes().length).toBe(writes);
    expect(w.fake.pullRequests()).toHaveLength(1);
  });

  it("the pull request gets one comment with the plan, ownership and disposition, labels and statuses", async () => {
    w.fake.advance(10);
    const r = await refresh(pr);
    expect(r.ownership?.ok).toBe(true);
    const comments = botComment(pr, PLAN_MARKER);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("antrian.contohkab.go.id");
    expect(comments[0]!.body.split("\n").slice(0, 2)).toEqual([PLAN_MARKER, "> ⏳ **Disposisi:** Menunggu: Pelaksana Pengembangan Aplikasi - registrasi permohonan (1/5) · **Kepemilikan:** ✅"]);
    expect(comments[0]!.body).toContain("Disposisi");
    expect(comments[0]!.body).toContain("Kepemilikan");
    expect(w.fake.issue(pr)!.labels.sort()).toEqual(["jenis:baru", "opd:dinkes"]);
    expect(status("kepemilikan")?.state).toBe("success");
    expect(status("disposisi")).toMatchObject({ state: "pending", description: "Menunggu: Pelaksana Pengembangan Aplikasi - registrasi permohonan (1/5)" });

    const writes = w.fake.writes().length;
    await refresh(pr);
    expect(w.fake.writes().length).toBe(writes);
  });

  it("reviews in order move the status along; one out of order does not count", async () => {
    w.fake.advance(20);
    w.fake.review(pr, "tek1", "APPROVED");
    await refresh(pr);
    expect(status("disposisi")?.description).toBe("Menunggu: Kepala Dinas - disposisi (2/5)");

    w.fake.advance(5);
    w.fake.review(pr, "kasi", "APPROVED"); // before Kepala Dinas and Kepala Bidang
    w.fake.advance(5);
    w.fake.review(pr, "kadis", "APPROVED");
    await refresh(pr);
    expect(status("disposisi")?.description).toBe("Menunggu: Kepala Bidang E-Government - disposisi (3/5)");
    expect(botComment(pr, PLAN_MARKER)[0]!.body).toContain("@kasi");
    expect(botComment(pr, PLAN_MARKER)[0]!.body).toContain("mendahului langkah sebelumnya");
  });

  it("request changes returns the request; the applicant's fix makes earlier approvals stale", async () => {
    w.fake.advance(30);
    w.fake.review(pr, "kabid", "CHANGES_REQUESTED", "Alamat IP kedua belum benar.");
    await refresh(pr);
    expect(status("disposisi")).toMatchObject({ state: "failure", description: "Dikembalikan untuk diperbaiki oleh @kabid (Kepala Bidang E-Government)" });
    expect(botComment(pr, PLAN_MARKER)[0]!.body).toContain("Alamat IP kedua belum benar.");

    // The applicant fixes the form; the intake pushes the new file to the same pull request.
    w.fake.advance(15);
    const before = w.fake.branchSha(branchFor(issue));
    w.fake.editIssue(issue, issueBody("baru", { ...newRequestValues(), ipv4: "103.147.8.20" }));
    expect(await intake(issue)).toMatchObject({ kind: "pull-request", number: pr, action: "updated" });
    expect(w.fake.branchSha(branchFor(issue))).not.toBe(before);
    expect(w.fake.pullRequests()).toHaveLength(1);
    const r = await refresh(pr);
    expect(status("disposisi")).toMatchObject({ state: "pending", description: "Menunggu: Pelaksana Pengembangan Aplikasi - registrasi permohonan (1/5)" });
    expect(r.disposition!.ignored.filter((i) => i.reason === "stale").map((i) => i.user).sort()).toEqual(["kadis", "kasi", "tek1"]);
  });

  it("the whole chain again, in order, on the new head: disposition complete", async () => {
    for (const who of ["tek1", "kadis", "kabid", "kasi", "tek2"]) {
      w.fake.advance(12);
      w.fake.review(pr, who, "APPROVED");
    }
    // GitHub trouble on the way: a 502, a rate limit and a secondary rate limit, all retried.
    w.fake.fail("server-error", "rate-limit", "secondary-rate-limit");
    const r = await refresh(pr);
    expect(r.disposition!.state).toBe("success");
    expect(status("disposisi")).toMatchObject({ state: "success", description: "Disposisi lengkap (5/5)" });
    expect(w.fake.calls.filter((c) => c.status === 502 || c.status === 403)).toHaveLength(3);
    const body = botComment(pr, PLAN_MARKER)[0]!.body;
    for (const who of ["@tek1", "@kadis", "@kabid", "@kasi", "@tek2"]) expect(body).toContain(who);
    expect(body).toMatch(/12 menit/);
  });

  it("merge, deployment notice with account details on the pull request and the issue, issue closed", async () => {
    w.fake.advance(5);
    const { data } = await w.as("admin1").rest.pulls.merge({ ...w.ref, pull_number: pr });
    const sha = data.sha;
    const out = await notifyDeployment(w.bot, w.ref, { sha, result: "success", botLogin: BOT, today: TODAY, runUrl: "https://github.test/run/1" });
    expect(out).toEqual({ pullRequests: [pr], issues: [issue], closed: [issue] });
    const onPr = w.fake.commentsOn(pr).filter((c) => c.body.includes(`<!-- deploy: ${sha} -->`));
    expect(onPr).toHaveLength(1);
    expect(onPr[0]!.body).toContain("Penyediaan selesai");
    expect(onPr[0]!.body).toContain("<code>antrian.contohkab.go.id</code> A <code>103.147.8.20</code>");
    expect(w.fake.commentsOn(issue).filter((c) => c.body.includes("Penyediaan selesai"))).toHaveLength(1);
    expect(w.fake.issue(issue)).toMatchObject({ state: "closed", stateReason: "completed" });

    const again = await notifyDeployment(w.bot, w.ref, { sha, result: "success", botLogin: BOT, today: TODAY, runUrl: "https://github.test/run/1" });
    expect(again.closed).toEqual([]);
    expect(w.fake.commentsOn(pr).filter((c) => c.body.includes("Penyediaan"))).toHaveLength(1);
    // A merged pull request is left alone by the refresh, and an edited issue does not make a second one.
    expect((await refresh(pr)).skipped).toBe("merged");
  });

  it("every response the fake sent matched GitHub's OpenAPI description", () => {
    expect(w.fake.calls.length).toBeGreaterThan(50);
    expect(w.fake.mismatches).toEqual([]);
  });
});
