// The reminder job against the fake GitHub (every request and response checked against GitHub's
// OpenAPI description): a waiting step is reminded once it passes its standard in working time,
// never on a closed day; the step above is told after governance's escalateAfter; one comment,
// updated in place; a rerun writes nothing; a finished step, a returned request, a closed or
// merged pull request get nothing; the reply-letter pull request's steps are reminded too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dueReminders, EMPTY_LOG, officeOpen, parseReminderLog, REMINDER_MARKER, renderReminderComment, stepAbove } from "../../src/disposition/reminders.ts";
import type { DispositionResult } from "../../src/disposition/types.ts";
import { openLetterPullRequests } from "../../src/github/letter-flow.ts";
import { createGitHub, type GitHub } from "../../src/github/octokit.ts";
import { remindOpenPullRequests, remindPullRequest } from "../../src/github/reminders.ts";
import { Governance } from "../../src/model/governance.ts";
import { serviceReport } from "../../src/report/aggregate.ts";
import { fetchTimelines } from "../../src/report/github.ts";
import { calendarOf } from "../../src/worktime/calendar.ts";
import { makeTestCa, type TestCa } from "../letters/test-ca.ts";
import { FakeGitHub } from "./fake/server.ts";
import { presetWorldForTests, requestYaml } from "./preset-world.ts";
import { BOT, governanceText, HOSTED, TODAY } from "./setup.ts";

// The fixture government with a configured escalation interval of two working hours.
const text = governanceText.replace("  staleOnPush: true\n", "  staleOnPush: true\n  reminders:\n    escalateAfter: 2h\n");
const g = Governance.parse(parse(text));
const ORG = "diskominfo-contohkab";

function contohWorld() {
  const fake = new FakeGitHub();
  const ref = { owner: fake.owner, repo: fake.repo };
  const as = (login: string): GitHub => createGitHub({ token: fake.token(login), baseUrl: fake.url, fast: true });
  const start = async () => {
    await fake.start();
    fake.seed({ "governance.yaml": text, "requests/diskominfo/portal.yaml": HOSTED });
    fake.setTeam(`${ORG}/admin-subdomain`, ["admin1"]);
    fake.setTeam(`${ORG}/pelaksana-aplikasi`, ["tek1", "tek2"]);
    fake.setTeam(`${ORG}/kepala-dinas`, ["kadis"]);
    fake.setTeam(`${ORG}/kabid-egov`, ["kabid"]);
    fake.setTeam(`${ORG}/kasi-aplikasi`, ["kasi"]);
  };
  const open = async (label: string, title = `Permohonan ${label}`) => {
    fake.createBranch(`opd/${label}`);
    fake.push(`opd/${label}`, "siti-dinkes", { [`requests/dinkes/${label}.yaml`]: requestYaml(g, "dinkes", label) }, `Permohonan ${label}`);
    const { data } = await as("siti-dinkes").rest.pulls.create({ ...ref, title, head: `opd/${label}`, base: "main" });
    return data.number;
  };
  const options = () => ({ botLogin: BOT, today: TODAY, now: fake.now });
  const remind = (n: number) => remindPullRequest(as(BOT), ref, n, options());
  const remindAll = () => remindOpenPullRequests(as(BOT), ref, options());
  const reminderComments = (n: number) => fake.commentsOn(n).filter((c) => c.body.includes(REMINDER_MARKER));
  /** Moves the fake's clock to a WIB wall-clock time. */
  const at = (local: string) => {
    fake.now = new Date(`${local}:00+07:00`);
  };
  return { fake, ref, as, start, open, remind, remindAll, reminderComments, at };
}

describe("reminders on a request pull request", () => {
  const w = contohWorld();
  let pr = 0;
  beforeAll(async () => {
    await w.start();
    w.at("2026-03-16T08:00"); // Monday
    pr = await w.open("antrian", "Permohonan <b>antrian</b> @tek1 | x");
  });
  afterAll(async () => {
    await w.fake.stop();
  });

  it("says nothing before the first step's standard (30 minutes) has passed", async () => {
    w.at("2026-03-16T08:29");
    const writes = w.fake.writes().length;
    expect(await w.remind(pr)).toMatchObject({ action: "unchanged", added: [] });
    expect(w.fake.writes().length).toBe(writes);
    expect(w.reminderComments(pr)).toHaveLength(0);
  });

  it("reminds the waiting step's team once its standard has passed in working time", async () => {
    w.at("2026-03-16T08:31");
    const r = await w.remind(pr);
    expect(r).toMatchObject({ action: "created", added: [{ kind: "reminder", step: "pemeriksaan-formulir", to: [`${ORG}/pelaksana-aplikasi`] }] });
    const [c] = w.reminderComments(pr);
    expect(c!.user).toBe(BOT);
    expect(c!.body).toContain(`@${ORG}/pelaksana-aplikasi mohon ditindaklanjuti`);
    expect(c!.body).toContain("Pelaksana Pengembangan Aplikasi - registrasi permohonan");
    expect(c!.body).toContain("mutu bakunya (30 menit)");
    // The pull request's own text never reaches the comment.
    expect(c!.body).not.toContain("<b>");
    // A review request notifies the team too (GitHub may not notify a mention added by an edit).
    expect(r.reviewRequest).toBe("requested");
    expect(w.fake.issue(pr)!.pull!.requestedTeams).toEqual(["pelaksana-aplikasi"]);
  });

  it("a rerun, now or a minute later, writes nothing and posts no second comment", async () => {
    const writes = w.fake.writes().length;
    const body = w.reminderComments(pr)[0]!.body;
    expect(await w.remind(pr)).toMatchObject({ action: "unchanged" });
    w.fake.advance(1);
    expect(await w.remindAll()).toEqual([expect.objectContaining({ number: pr, action: "unchanged" })]);
    expect(w.fake.writes().length).toBe(writes);
    expect(w.reminderComments(pr)).toHaveLength(1);
    expect(w.reminderComments(pr)[0]!.body).toBe(body);
  });

  it("a finished step gets nothing more: the next step is not late yet", async () => {
    w.at("2026-03-16T08:40");
    w.fake.review(pr, "tek1", "APPROVED");
    w.at("2026-03-16T09:00");
    w.fake.review(pr, "kadis", "APPROVED");
    // Kabid waits from 09.00 with a standard of one hour.
    w.at("2026-03-16T09:59");
    const writes = w.fake.writes().length;
    expect(await w.remind(pr)).toMatchObject({ action: "unchanged" });
    expect(w.fake.writes().length).toBe(writes);
    expect(w.reminderComments(pr)[0]!.body).not.toContain("kabid-egov");
  });

  it("reminds the next late step in the same comment, updated in place", async () => {
    w.at("2026-03-16T10:01");
    const r = await w.remind(pr);
    expect(r).toMatchObject({ action: "updated", added: [{ kind: "reminder", step: "kabid-egov", to: [`${ORG}/kabid-egov`] }] });
    const comments = w.reminderComments(pr);
    expect(comments).toHaveLength(1);
    expect(parseReminderLog(comments[0]!.body).entries.map((e) => `${e.kind}:${e.step}`)).toEqual(["reminder:pemeriksaan-formulir", "reminder:kabid-egov"]);
  });

  it("after escalateAfter (2 working hours) beyond the standard, the step above (Kepala Dinas) is told, once", async () => {
    w.at("2026-03-16T11:59");
    expect(await w.remind(pr)).toMatchObject({ action: "unchanged" });
    w.at("2026-03-16T12:01");
    const r = await w.remind(pr);
    expect(r).toMatchObject({ action: "updated", added: [{ kind: "escalation", step: "kabid-egov", above: "kepala-dinas", to: [`${ORG}/kepala-dinas`] }] });
    const body = w.reminderComments(pr)[0]!.body;
    // The step above is told by mention only: its review would not count for Kabid's step.
    expect(w.fake.issue(pr)!.pull!.requestedTeams).toEqual(["pelaksana-aplikasi", "kabid-egov"]);
    expect(body).toContain("**Eskalasi**");
    expect(body).toContain("langkah di atasnya, **Kepala Dinas - disposisi**");
    expect(body).toContain(`@${ORG}/kepala-dinas mohon dibantu`);
    const writes = w.fake.writes().length;
    w.fake.advance(30);
    expect(await w.remind(pr)).toMatchObject({ action: "unchanged" });
    expect(w.fake.writes().length).toBe(writes);
  });

  it("a request returned to the applicant, or complete, waits for no official", async () => {
    w.at("2026-03-16T13:00");
    const id = w.fake.review(pr, "kabid", "CHANGES_REQUESTED", "Perbaiki kegunaan");
    expect(await w.remind(pr)).toMatchObject({ action: "skipped", reason: "failure" });
    w.fake.dismissReview(id);
    w.fake.review(pr, "kabid", "APPROVED");
    w.fake.review(pr, "kasi", "APPROVED");
    w.fake.review(pr, "tek2", "APPROVED");
    w.at("2026-03-17T13:00");
    const writes = w.fake.writes().length;
    expect(await w.remind(pr)).toMatchObject({ action: "skipped", reason: "success" });
    expect(w.fake.writes().length).toBe(writes);
  });

  it("closed and merged pull requests are left alone", async () => {
    const closed = await w.open("ditutup");
    const merged = await w.open("digabung");
    w.at("2026-03-18T10:00"); // a closed day, yet nothing would be sent to these anyway
    await w.as(BOT).rest.pulls.update({ ...w.ref, pull_number: closed, state: "closed" });
    await w.as("admin1").rest.pulls.merge({ ...w.ref, pull_number: merged });
    w.at("2026-03-25T10:00");
    const writes = w.fake.writes().length;
    expect(await w.remind(closed)).toMatchObject({ action: "skipped", reason: "closed" });
    expect(await w.remind(merged)).toMatchObject({ action: "skipped", reason: "merged" });
    expect((await w.remindAll()).map((r) => r.number)).not.toContain(closed);
    expect(w.fake.writes().length).toBe(writes);
    expect(w.reminderComments(closed)).toHaveLength(0);
  });

  it("the service-time report reads the reminders back from the comment and counts them per step", async () => {
    const file = await fetchTimelines(w.as(BOT), w.ref, g, { since: new Date("2026-03-01T00:00:00+07:00"), until: new Date("2026-04-01T00:00:00+07:00"), log: () => {} });
    const t = file.timelines.find((x) => x.pull === pr)!;
    expect(t.events.filter((e) => e.type === "reminder").map((e) => (e.type === "reminder" ? `${e.kind}:${e.step}` : ""))).toEqual([
      "reminder:pemeriksaan-formulir",
      "reminder:kabid-egov",
      "escalation:kabid-egov",
    ]);
    const report = serviceReport(file.timelines, g, { since: "2026-03-01", until: "2026-03-31" });
    expect(report.reminders).toEqual({ reminders: 2, escalations: 1 });
    expect(report.steps.find((s) => s.step === "kabid-egov")).toMatchObject({ reminders: 1, escalations: 1 });
  });

  it("every request and response matched GitHub's OpenAPI description", () => {
    expect(w.fake.mismatches).toEqual([]);
  });
});

describe("working time: no reminder over holidays and weekends", () => {
  const w = contohWorld();
  let pr = 0;
  beforeAll(async () => {
    await w.start();
    // Tuesday 17 March 2026, 15.40: 20 working minutes are left that day; 18, 19, 23 and 24 March
    // are cuti bersama in this governance, 20 March is Idul Fitri, 21-22 a weekend.
    w.at("2026-03-17T15:40");
    pr = await w.open("lebaran");
  });
  afterAll(async () => {
    await w.fake.stop();
  });

  it("stays silent on closed days and at the weekend, and reminds on the first working morning once the standard has passed", async () => {
    for (const t of ["2026-03-17T16:30", "2026-03-18T09:00", "2026-03-20T09:00", "2026-03-21T09:00", "2026-03-24T14:00", "2026-03-25T07:30", "2026-03-25T07:40"]) {
      w.at(t);
      expect(await w.remind(pr), t).toMatchObject({ action: "unchanged" });
    }
    expect(w.reminderComments(pr)).toHaveLength(0);
    // 20 minutes on 17 March and 10 on 25 March make the 30-minute standard at 07.40.
    w.at("2026-03-25T07:41");
    expect(await w.remind(pr)).toMatchObject({ action: "created", added: [{ kind: "reminder", step: "pemeriksaan-formulir" }] });
  });

  it("a pull request that cannot be judged does not hold back the others", async () => {
    // A reply-letter branch of the bot whose request pull request does not exist.
    w.fake.createBranch("surat/pr-999");
    w.fake.push("surat/pr-999", BOT, { "letters/pr-999.md": "# Konsep\n" });
    const { data } = await w.as(BOT).rest.pulls.create({ ...w.ref, title: "Surat balasan #999", head: "surat/pr-999", base: "main" });
    const second = await w.open("berikutnya");
    w.fake.advance(31);
    const results = await w.remindAll();
    expect(results.find((r) => r.number === data.number)).toMatchObject({ action: "skipped", reason: expect.stringMatching(/^error: /) });
    expect(results.find((r) => r.number === second)).toMatchObject({ action: "created" });
  });

  it("every request and response matched GitHub's OpenAPI description", () => {
    expect(w.fake.mismatches).toEqual([]);
  });
});

describe("the rules, pure", () => {
  const calendar = calendarOf(g.workingHours);
  const waiting = (id: string, startedAt: string, standardTime: string): DispositionResult => ({
    state: "pending",
    description: { id: "", en: "" },
    steps: [{ id, role: "r", position: 1, standardTime, status: "waiting", startedAt, standardMinutes: 60 }],
    ignored: [],
  });

  it("a step that passed its standard during Friday's hours is reminded on Monday morning, not on the weekend", () => {
    const result = waiting("kasi-aplikasi", "2026-03-13T13:00:00+07:00", "1h"); // Friday; standard passes 14.00
    expect(officeOpen(calendar, new Date("2026-03-13T15:30:00+07:00"))).toBe(false);
    expect(dueReminders({ governance: g, phase: "before-merge", result, now: new Date("2026-03-13T15:30:00+07:00"), log: EMPTY_LOG })).toEqual([]);
    expect(dueReminders({ governance: g, phase: "before-merge", result, now: new Date("2026-03-14T10:00:00+07:00"), log: EMPTY_LOG })).toEqual([]);
    const monday = dueReminders({ governance: g, phase: "before-merge", result, now: new Date("2026-03-16T07:31:00+07:00"), log: EMPTY_LOG });
    expect(monday.map((e) => e.kind)).toEqual(["reminder"]);
  });

  it("the step above skips earlier steps of the same people, and the first step escalates to the admins", () => {
    expect(stepAbove(g, "kabid-egov")?.id).toBe("kepala-dinas");
    expect(stepAbove(g, "pemeriksaan-formulir")).toBeUndefined();
    const late = waiting("pemeriksaan-formulir", "2026-03-16T08:00:00+07:00", "30m");
    const due = dueReminders({ governance: g, phase: "before-merge", result: late, now: new Date("2026-03-16T13:00:00+07:00"), log: EMPTY_LOG });
    expect(due.map((e) => [e.kind, e.to])).toEqual([
      ["reminder", [`${ORG}/pelaksana-aplikasi`]],
      ["escalation", [`${ORG}/admin-subdomain`]],
    ]);
    expect(renderReminderComment({ v: 1, entries: due }, g)).toContain("Diteruskan kepada admin layanan");
  });

  it("a new round (a push restarted the step) may be reminded again; the same round never", () => {
    const first = dueReminders({ governance: g, phase: "before-merge", result: waiting("kasi-aplikasi", "2026-03-16T08:00:00+07:00", "1h"), now: new Date("2026-03-16T09:30:00+07:00"), log: EMPTY_LOG });
    const log = { v: 1 as const, entries: first };
    expect(dueReminders({ governance: g, phase: "before-merge", result: waiting("kasi-aplikasi", "2026-03-16T08:00:00+07:00", "1h"), now: new Date("2026-03-16T09:40:00+07:00"), log })).toEqual([]);
    expect(dueReminders({ governance: g, phase: "before-merge", result: waiting("kasi-aplikasi", "2026-03-16T09:00:00+07:00", "1h"), now: new Date("2026-03-16T10:30:00+07:00"), log })).toHaveLength(1);
  });

  it("hidden data that does not parse counts as an empty log, and data cannot close the comment early", () => {
    expect(parseReminderLog("<!-- data-pengingat: {nonsense} -->")).toEqual(EMPTY_LOG);
    expect(parseReminderLog(undefined)).toEqual(EMPTY_LOG);
    const body = renderReminderComment({ v: 1, entries: [] }, g);
    expect(parseReminderLog(body)).toEqual(EMPTY_LOG);
    expect(body.match(/-->/g)).toHaveLength(2);
  });

  it("the default escalation interval is one working day", () => {
    const plain = { ...g, disposition: { ...g.disposition, reminders: undefined } };
    const late = waiting("kabid-egov", "2026-03-16T08:00:00+07:00", "1h");
    const at = (t: string) => dueReminders({ governance: plain, phase: "before-merge", result: late, now: new Date(t), log: EMPTY_LOG }).map((e) => e.kind);
    expect(at("2026-03-17T08:59:00+07:00")).toEqual(["reminder"]);
    expect(at("2026-03-17T09:01:00+07:00")).toEqual(["reminder", "escalation"]);
  });
});

describe("reminders on a reply-letter pull request (after the deployment)", () => {
  const w = presetWorldForTests("purbalingga");

  it("reminds the letter's first step once it passes its standard, and escalates to the step above", async () => {
    const { pr } = await w.open("surat-lambat");
    for (const step of w.steps.filter((s) => (s.phase ?? "before-merge") === "before-merge")) {
      w.fake.advance(2);
      w.fake.review(pr, w.memberFor(step), "APPROVED");
    }
    const { data } = await w.as("admin-a").rest.pulls.merge({ ...w.ref, pull_number: pr });
    const [letter] = await openLetterPullRequests(w.as(BOT), w.ref, { sha: data.sha, botLogin: BOT, today: TODAY, baseBranch: "main" });
    const first = w.steps.find((s) => s.phase === "after-deployment")!;
    const o = { botLogin: BOT, today: TODAY, now: w.fake.now };
    expect(await remindPullRequest(w.as(BOT), w.ref, letter!, o)).toMatchObject({ action: "unchanged" });
    w.fake.advance(31);
    const r = await remindPullRequest(w.as(BOT), w.ref, letter!, { ...o, now: w.fake.now });
    expect(r).toMatchObject({ action: "created", added: [{ kind: "reminder", step: first.id, phase: "after-deployment", to: [first.team] }] });
    // One working day later the step above in the chain (the last step before the merge) is told.
    w.fake.advance(24 * 60);
    const e = await remindPullRequest(w.as(BOT), w.ref, letter!, { ...o, now: w.fake.now });
    const above = w.steps[w.steps.indexOf(first) - 1]!;
    expect(e).toMatchObject({ action: "updated", added: [{ kind: "escalation", step: first.id, above: above.id, to: [above.team] }] });
    // The request pull request is merged: nothing there.
    expect(await remindPullRequest(w.as(BOT), w.ref, pr, { ...o, now: w.fake.now })).toMatchObject({ action: "skipped", reason: "merged" });
    expect(w.fake.mismatches).toEqual([]);
  });
});
