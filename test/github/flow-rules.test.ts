// The rules the bot enforces on pull requests made by people (not by the intake), against the fake
// GitHub: ownership by OPD folder and admin paths, the bot-only applicant marker, destructive
// changes and their extra step, deployment failures, and the drift issue.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportDrift } from "../../src/github/drift.ts";
import { notifyDeployment } from "../../src/github/notify.ts";
import { checkOwnership } from "../../src/github/ownership.ts";
import { refreshPullRequest } from "../../src/github/refresh.ts";
import { runIntake } from "../../src/github/intake.ts";
import { CONFIRM_OPTION } from "../../src/forms/fields.ts";
import { PLAN_MARKER } from "../../src/plan/render-markdown.ts";
import { issueBody, newRequestValues } from "./issue-body.ts";
import { BOT, HOSTED, TODAY, governance, governanceText, world, type World } from "./setup.ts";

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  expect(w.fake.mismatches).toEqual([]);
  await w.fake.stop();
});

/** `login` pushes `files` on a new branch and opens a pull request. */
async function pullRequest(login: string, branch: string, files: Record<string, string | null>, body = ""): Promise<number> {
  w.fake.createBranch(branch);
  w.fake.push(branch, login, files);
  const { data } = await w.as(login).rest.pulls.create({ ...w.ref, head: branch, base: "main", title: branch, body });
  return data.number;
}
const refresh = (pr: number) => refreshPullRequest(w.bot, w.ref, pr, { botLogin: BOT, today: TODAY });
const headOf = (pr: number) => w.fake.issue(pr)!.pull!.headSha;

describe("ownership, judged with the base branch's governance", () => {
  it("a liaison of another OPD cannot change an OPD's folder", async () => {
    const pr = await pullRequest("dewi-disdik", "ubah-portal", { "requests/diskominfo/portal.yaml": HOSTED.replace("storage: 10Gi", "storage: 20Gi") });
    const r = await refresh(pr);
    expect(r.ownership!.ok).toBe(false);
    expect(w.fake.latestStatus(headOf(pr), "kepemilikan")).toMatchObject({ state: "failure" });
    expect(w.fake.latestStatus(headOf(pr), "kepemilikan")!.description).toMatch(/bukan penghubung Dinas Komunikasi dan Informatika/);
    expect(w.fake.commentsOn(pr).find((c) => c.body.includes(PLAN_MARKER))!.body).toContain("Kepemilikan: ❌");
  });

  it("the OPD's liaison can; a change of quota is an update, labelled jenis:ubah", async () => {
    const pr = await pullRequest("rina-diskominfo", "ubah-portal", { "requests/diskominfo/portal.yaml": HOSTED.replace("storage: 10Gi", "storage: 20Gi") });
    const r = await refresh(pr);
    expect(r.ownership!.ok).toBe(true);
    expect(w.fake.issue(pr)!.labels.sort()).toEqual(["jenis:ubah", "opd:diskominfo"]);
  });

  it("only admins change governance; the pull request is still judged by the base's governance", async () => {
    // The liaison adds themself as an admin user in the same pull request: it does not help.
    const sneaky = governanceText.replace("admins:\n  team: diskominfo-contohkab/admin-subdomain", "admins:\n  team: diskominfo-contohkab/admin-subdomain\n  users: [rina-diskominfo]");
    expect(sneaky).not.toBe(governanceText);
    const pr = await pullRequest("rina-diskominfo", "jadi-admin", { "governance.yaml": sneaky });
    const r = await refresh(pr);
    expect(r.ownership!.ok).toBe(false);
    expect(r.ownership!.problems[0]!.id).toMatch(/bukan admin.*governance\.yaml/);
    const byAdmin = await pullRequest("admin1", "aturan-baru", { "governance.yaml": sneaky });
    expect((await refresh(byAdmin)).ownership!.ok).toBe(true);
  });

  it("the applicant marker in a body is never trusted, not even in the bot's own pull request", async () => {
    const pr = await pullRequest("dewi-disdik", "palsu", { "requests/dinkes/palsu.yaml": HOSTED.replace("opd: diskominfo", "opd: dinkes").replace("label: portal", "label: palsu") }, "<!-- pemohon: siti-dinkes -->");
    const r = await refresh(pr);
    expect(r.ownership!.ok).toBe(false);
    expect(r.analysis && (await w.bot.rest.pulls.get({ ...w.ref, pull_number: pr })).data.user!.login).toBe("dewi-disdik");
    // An intake pull request of dewi's own issue; dewi (or anyone who may edit pull requests)
    // rewrites its body to name siti, the liaison of dinkes: the applicant stays the issue's author.
    const issue = w.fake.openIssue("dewi-disdik", "[Permohonan baru] antrian", issueBody("baru", newRequestValues()), ["permohonan-baru"]);
    const out = await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY });
    expect(out.kind).toBe("invalid"); // the intake itself refuses dewi for dinkes
    const issue2 = w.fake.openIssue("siti-dinkes", "[Permohonan baru] antrian", issueBody("baru", newRequestValues()), ["permohonan-baru"]);
    const made = (await runIntake(w.bot, w.ref, { issue: issue2, baseBranch: "main", today: TODAY })) as { number: number };
    await w.as("dewi-disdik").rest.pulls.update({ ...w.ref, pull_number: made.number, body: "<!-- pemohon: dewi-disdik -->\n<!-- isu: 1 -->" });
    const again = await refresh(made.number);
    expect(again.ownership!.ok).toBe(true);
    expect(w.fake.latestStatus(headOf(made.number), "kepemilikan")!.description).toBe("@siti-dinkes berhak mengubah berkas ini");
  });

  it("a pull request the bot opened from a branch that is no intake branch has no applicant but the bot", async () => {
    w.fake.createBranch("bukan-intake", "main", BOT);
    w.fake.push("bukan-intake", BOT, { "requests/dinkes/palsu.yaml": HOSTED.replace("opd: diskominfo", "opd: dinkes").replace("label: portal", "label: palsu") });
    const { data } = await w.bot.rest.pulls.create({ ...w.ref, head: "bukan-intake", base: "main", title: "x", body: "<!-- pemohon: siti-dinkes -->" });
    const r = await refresh(data.number);
    expect(r.ownership!.ok).toBe(false);
    expect(r.ownership!.problems[0]!.en).toMatch(new RegExp(`@${BOT.replace(/[[\]]/g, "\\$&")} is not a liaison`));
  });

  it("someone else's commit pushed onto an intake pull request is judged too", async () => {
    const issue = w.fake.openIssue("siti-dinkes", "[Permohonan baru] antrian", issueBody("baru", newRequestValues()), ["permohonan-baru"]);
    const out = (await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY })) as { number: number };
    expect((await refresh(out.number)).ownership!.ok).toBe(true);
    w.fake.push("permohonan/isu-" + issue, "dewi-disdik", { "requests/dinkes/antrian.yaml": w.fake.fileAt("permohonan/isu-" + issue, "requests/dinkes/antrian.yaml")!.replace("103.147.8.21", "103.147.8.99") });
    const r = await refresh(out.number);
    expect(r.ownership!.ok).toBe(false);
    const ids = r.ownership!.problems.map((p) => p.id);
    expect(ids).toContainEqual(expect.stringMatching(/@dewi-disdik mendorong atau menulis commit di cabang permohonan\/isu-/));
    expect(ids).toContainEqual(expect.stringMatching(/@dewi-disdik bukan penghubung Dinas Kesehatan/));
  });

  it("pure verdicts: admin paths, unknown OPD folder, admins may change anything", () => {
    expect(checkOwnership(["requests/dinkes/a.yaml"], "siti-dinkes", false, governance).ok).toBe(true);
    expect(checkOwnership(["requests/dinkes/a.yaml", "src/x.ts"], "siti-dinkes", false, governance).problems).toHaveLength(1);
    expect(checkOwnership(["requests/tidak-ada/a.yaml"], "siti-dinkes", false, governance).problems[0]!.id).toMatch(/bukan milik OPD/);
    expect(checkOwnership([".github/workflows/deploy.yml", "requests/dinkes/a.yaml"], "admin1", true, governance).ok).toBe(true);
    expect(checkOwnership(["requests/dinkes/a.yaml"], "SITI-DINKES", false, governance).ok).toBe(true);
  });
});

describe("destructive changes", () => {
  it("deleting hosting data is labelled destruktif and adds governance's extra step", async () => {
    const decommission = `${HOSTED}decommission:\n  reason: Layanan dipindah ke portal provinsi\n  letter:\n    number: 000.1/88/DISKOMINFO/2026\n    date: 2026-03-02\n  deleteData: true\n`;
    const pr = await pullRequest("rina-diskominfo", "hapus-portal", { "requests/diskominfo/portal.yaml": decommission });
    const r = await refresh(pr);
    expect(r.analysis!.destructive).toBe(true);
    expect(w.fake.issue(pr)!.labels.sort()).toEqual(["destruktif", "jenis:hapus", "opd:diskominfo"]);
    expect(r.disposition!.steps.map((s) => s.id).at(-1)).toBe("kepala-dinas-penghapusan");
    expect(w.fake.latestStatus(headOf(pr), "disposisi")!.description).toBe("Menunggu: Pelaksana Pengembangan Aplikasi - registrasi permohonan (1/6)");
  });

  it("the removal form shows the change field by field, then makes a decommission pull request once confirmed", async () => {
    const values = { opd: "diskominfo — Dinas Komunikasi dan Informatika", label: "portal", reason: "Tidak dipakai lagi <b>@semua</b>", "decommission-letter-number": "000.1/90/DISKOMINFO/2026", "decommission-letter-date": "2026-03-03" };
    const issue = w.fake.openIssue("rina-diskominfo", "[Penghapusan] portal", issueBody("hapus", values), ["permohonan-hapus"]);
    const preview = await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY });
    expect(preview.kind).toBe("preview");
    expect(w.fake.pullRequests()).toHaveLength(0);
    const shown = w.fake.commentsOn(issue)[0]!.body;
    // One escaper for every Markdown output (src/diagnostics/inert.ts): a word joiner after @ keeps it no mention.
    expect(shown).toContain("| Alasan penghapusan | *(tidak ada)* | <code>Tidak dipakai lagi &lt;b&gt;&#64;\u2060semua&lt;/b&gt;</code> |");
    expect(shown).toContain("| Tanggal surat penghapusan | *(tidak ada)* | <code>2026-03-03</code> |");
    expect(shown).toContain("centang **Konfirmasi**");
    await w.as("rina-diskominfo").rest.issues.update({ ...w.ref, issue_number: issue, body: issueBody("hapus", { ...values, confirm: [CONFIRM_OPTION] }) });
    const out = await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY });
    expect(out.kind).toBe("pull-request");
    expect(w.fake.commentsOn(issue)).toHaveLength(1); // the same comment, updated
    expect(w.fake.commentsOn(issue)[0]!.body).toContain("| Alasan penghapusan |");
    const r = await refresh((out as { number: number }).number);
    expect(r.analysis!.kinds).toEqual(["hapus"]);
    expect(r.analysis!.destructive).toBe(false); // data kept: no deleteData
  });

  it("an applicant who is not the OPD's liaison is told so on the issue", async () => {
    const issue = w.fake.openIssue("dewi-disdik", "[Penghapusan] portal", issueBody("hapus", { opd: "diskominfo — Dinas Komunikasi dan Informatika", label: "portal", reason: "Tidak dipakai lagi sejak 2026", "decommission-letter-number": "1/2026", "decommission-letter-date": "2026-03-03" }), ["permohonan-hapus"]);
    const out = await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY });
    expect(out.kind).toBe("invalid");
    expect(w.fake.commentsOn(issue)[0]!.body).toMatch(/\*\*OPD pemohon\*\*: @dewi-disdik bukan penghubung/);
    expect(w.fake.pullRequests()).toHaveLength(0);
  });
});

describe("language", () => {
  it("the intake comments in English on request (--lang en)", async () => {
    const issue = w.fake.openIssue("siti-dinkes", "x", issueBody("baru", { ...newRequestValues(), "letter-date": "kemarin" }), ["permohonan-baru"]);
    await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY, lang: "en" });
    const body = w.fake.commentsOn(issue)[0]!.body;
    expect(body).toContain("The request cannot be processed yet");
    expect(body).toContain("**Tanggal surat permohonan**"); // the form's own field name
    expect(body).not.toContain("tidak sah");
  });
});

describe("GitHub trouble on writes", () => {
  it("a 502 and rate limits on writes are retried, and nothing is made twice", async () => {
    const issue = w.fake.openIssue("siti-dinkes", "[Permohonan baru] antrian", issueBody("baru", newRequestValues()), ["permohonan-baru"]);
    w.fake.failOn("POST", "server-error", "rate-limit", "secondary-rate-limit");
    w.fake.failOn("PUT", "server-error");
    const out = await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY });
    expect(out.kind).toBe("pull-request");
    expect(w.fake.calls.filter((c) => c.status === 502 || c.status === 403).map((c) => c.method)).toEqual(["POST", "POST", "POST", "PUT"]);
    expect(w.fake.pullRequests()).toHaveLength(1);
    expect(w.fake.commentsOn(issue)).toHaveLength(1);
    expect(w.log.some((l) => l.includes("Batas laju"))).toBe(true);
  });
});

describe("deployment failure and drift", () => {
  it("a failed deployment is commented and labelled on the pull request and the issue, which stays open", async () => {
    const issue = w.fake.openIssue("rina-diskominfo", "[Penghapusan] portal", issueBody("hapus", { opd: "diskominfo — Dinas Komunikasi dan Informatika", label: "portal", reason: "Tidak dipakai lagi sejak 2026", "decommission-letter-number": "1/2026", "decommission-letter-date": "2026-03-03", confirm: [CONFIRM_OPTION] }), ["permohonan-hapus"]);
    const out = (await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY })) as { number: number };
    const { data } = await w.as("admin1").rest.pulls.merge({ ...w.ref, pull_number: out.number });
    const n = await notifyDeployment(w.bot, w.ref, { sha: data.sha, result: "failure", botLogin: BOT, today: TODAY });
    expect(n).toEqual({ pullRequests: [out.number], issues: [issue], closed: [] });
    expect(w.fake.issue(out.number)!.labels).toContain("deploy-gagal");
    expect(w.fake.issue(issue)!.labels).toContain("deploy-gagal");
    expect(w.fake.issue(issue)!.state).toBe("open");
    expect(w.fake.commentsOn(issue).some((c) => c.body.includes("Penyediaan GAGAL"))).toBe(true);
    // The rerun succeeds: the same comment turns into success, the label goes, the issue closes.
    const ok = await notifyDeployment(w.bot, w.ref, { sha: data.sha, result: "success", botLogin: BOT, today: TODAY });
    expect(ok.closed).toEqual([issue]);
    expect(w.fake.issue(issue)!.labels).not.toContain("deploy-gagal");
    expect(w.fake.commentsOn(issue).filter((c) => c.body.includes("<!-- deploy:"))).toHaveLength(1);
  });

  it("drift opens one issue, updates it while it lasts, closes it when gone", async () => {
    expect((await reportDrift(w.bot, w.ref, { drifted: false, report: "" })).action).toBe("none");
    const a = await reportDrift(w.bot, w.ref, { drifted: true, report: "~ cloudflare:DnsRecord sehat A" });
    expect(a.action).toBe("opened");
    expect((await reportDrift(w.bot, w.ref, { drifted: true, report: "~ cloudflare:DnsRecord sehat A" })).action).toBe("unchanged");
    expect(await reportDrift(w.bot, w.ref, { drifted: true, report: "- kubernetes:Namespace tenant-portal" })).toEqual({ action: "updated", issue: a.issue });
    expect(await reportDrift(w.bot, w.ref, { drifted: false, report: "" })).toEqual({ action: "closed", issue: a.issue });
    expect(w.fake.issue(a.issue!)!.labels).toEqual(["drift"]);
  });
});
