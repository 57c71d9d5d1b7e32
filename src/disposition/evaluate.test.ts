import { describe, expect, it } from "vitest";
import { evaluateDisposition } from "./evaluate.ts";
import { renderDispositionSummary } from "./summary.ts";
import type { DispositionInput, Review, WorkClock } from "./types.ts";

// Wall-clock minutes: the tables test the chain logic, not the working calendar.
const clock: WorkClock = {
  minutesBetween: (a, b) => Math.max(0, Math.round((b.getTime() - a.getTime()) / 60_000)),
  standardMinutes: (s) => Number(s.slice(0, -1)) * ({ m: 1, h: 60, d: 480 } as Record<string, number>)[s.slice(-1)]!,
};

const rules: DispositionInput["rules"] = {
  ordered: true,
  staleOnPush: true,
  steps: [
    { id: "kadis", role: "Kepala Dinas", kind: "disposition", standardTime: "1h", team: "pemda/kadis" },
    { id: "kabid", role: "Kepala Bidang E-Government", kind: "disposition", standardTime: "1h", team: "pemda/kabid" },
    { id: "kasi", role: "Kepala Seksi", kind: "disposition", standardTime: "1h", users: ["kasi1"] },
    { id: "teknis", role: "Pelaksana", kind: "technical", standardTime: "30m", team: "pemda/pelaksana" },
  ],
  destructiveStep: { id: "hapus", role: "Kepala Dinas (penghapusan)", kind: "decision", standardTime: "1d", team: "pemda/kadis" },
};

const members = { "pemda/kadis": ["Kadis1"], "pemda/kabid": ["kabid1"], "pemda/pelaksana": ["tek1", "tek2", "opd-liaison"] };

const T = (min: number) => new Date(Date.UTC(2026, 2, 2, 1, 0) + min * 60_000).toISOString();
let nextId = 1;
const r = (user: string, state: Review["state"], min: number, commitId = "c2"): Review => ({ id: nextId++, user, state, submittedAt: T(min), commitId });
const allFour = (c = "c2") => [r("kadis1", "APPROVED", 10, c), r("kabid1", "APPROVED", 20, c), r("kasi1", "APPROVED", 30, c), r("tek1", "APPROVED", 40, c)];

function input(over: Partial<DispositionInput>): DispositionInput {
  return {
    rules,
    applicant: "opd-liaison",
    author: "opd-liaison",
    headSha: "c2",
    commits: [
      { sha: "c1", at: T(0) },
      { sha: "c2", at: T(1) },
    ],
    reviews: [],
    members,
    destructive: false,
    openedAt: T(0),
    clock,
    ...over,
  };
}

interface Case {
  name: string;
  over: Partial<DispositionInput>;
  state: "success" | "pending" | "failure";
  description: string;
  approvers: (string | undefined)[];
  ignored?: string[];
}

const cases: Case[] = [
  { name: "no reviews: waits for the first step", over: {}, state: "pending", description: "Menunggu: Kepala Dinas (1/4)", approvers: [undefined, undefined, undefined, undefined] },
  { name: "all four in order on the head commit", over: { reviews: allFour() }, state: "success", description: "Disposisi lengkap (4/4)", approvers: ["kadis1", "kabid1", "kasi1", "tek1"] },
  {
    name: "first step done: waits for Kepala Bidang (2/4)",
    over: { reviews: [r("kadis1", "APPROVED", 5)] },
    state: "pending",
    description: "Menunggu: Kepala Bidang E-Government (2/4)",
    approvers: ["kadis1", undefined, undefined, undefined],
  },
  {
    name: "out of order: Kabid before Kadis does not count",
    over: { reviews: [r("kabid1", "APPROVED", 5), r("kadis1", "APPROVED", 10)] },
    state: "pending",
    description: "Menunggu: Kepala Bidang E-Government (2/4)",
    approvers: ["kadis1", undefined, undefined, undefined],
    ignored: ["kabid1:out-of-order"],
  },
  {
    name: "out of order, approved again later: counts",
    over: { reviews: [r("kabid1", "APPROVED", 5), r("kadis1", "APPROVED", 10), r("kabid1", "APPROVED", 15)] },
    state: "pending",
    description: "Menunggu: Kepala Seksi (3/4)",
    approvers: ["kadis1", "kabid1", undefined, undefined],
    ignored: ["kabid1:redundant"],
  },
  {
    name: "unordered chain: any order counts",
    over: { rules: { ...rules, ordered: false }, reviews: [r("tek1", "APPROVED", 5), r("kasi1", "APPROVED", 6), r("kabid1", "APPROVED", 7), r("kadis1", "APPROVED", 8)] },
    state: "success",
    description: "Disposisi lengkap (4/4)",
    approvers: ["kadis1", "kabid1", "kasi1", "tek1"],
  },
  {
    name: "unordered, two missing: lists both",
    over: { rules: { ...rules, ordered: false }, reviews: [r("kasi1", "APPROVED", 6), r("kadis1", "APPROVED", 8)] },
    state: "pending",
    description: "Menunggu: Kepala Bidang E-Government, Pelaksana (2/4 selesai)",
    approvers: ["kadis1", undefined, "kasi1", undefined],
  },
  {
    name: "approvals on an older commit are stale after a push",
    over: { reviews: allFour("c1") },
    state: "pending",
    description: "Menunggu: Kepala Dinas (1/4)",
    approvers: [undefined, undefined, undefined, undefined],
    ignored: ["kadis1:stale", "kabid1:stale", "kasi1:stale", "tek1:stale"],
  },
  {
    name: "staleOnPush off: approvals on earlier commits of the PR count",
    over: { rules: { ...rules, staleOnPush: false }, reviews: allFour("c1") },
    state: "success",
    description: "Disposisi lengkap (4/4)",
    approvers: ["kadis1", "kabid1", "kasi1", "tek1"],
  },
  {
    name: "staleOnPush off: a commit not in the PR still does not count",
    over: { rules: { ...rules, staleOnPush: false }, reviews: allFour("elsewhere") },
    state: "pending",
    description: "Menunggu: Kepala Dinas (1/4)",
    approvers: [undefined, undefined, undefined, undefined],
    ignored: ["kadis1:stale", "kabid1:stale", "kasi1:stale", "tek1:stale"],
  },
  {
    name: "request changes on the head commit returns the request",
    over: { reviews: [r("kadis1", "APPROVED", 5), r("kabid1", "CHANGES_REQUESTED", 9)] },
    state: "failure",
    description: "Dikembalikan untuk diperbaiki oleh @kabid1 (Kepala Bidang E-Government)",
    approvers: ["kadis1", undefined, undefined, undefined],
  },
  {
    name: "returned, then the applicant pushed a fix: waiting again, not returned",
    over: { headSha: "c3", commits: [{ sha: "c2", at: T(0) }, { sha: "c3", at: T(12) }], reviews: [r("kadis1", "APPROVED", 5), r("kabid1", "CHANGES_REQUESTED", 9)] },
    state: "pending",
    description: "Menunggu: Kepala Dinas (1/4)",
    approvers: [undefined, undefined, undefined, undefined],
    ignored: ["kadis1:stale"],
  },
  {
    name: "request changes superseded by the same reviewer's approval",
    over: { reviews: [r("kadis1", "APPROVED", 5), r("kabid1", "CHANGES_REQUESTED", 9), r("kabid1", "APPROVED", 11)] },
    state: "pending",
    description: "Menunggu: Kepala Seksi (3/4)",
    approvers: ["kadis1", "kabid1", undefined, undefined],
  },
  {
    name: "request changes from someone outside the chain does not return it",
    over: { reviews: [r("stranger", "CHANGES_REQUESTED", 9)] },
    state: "pending",
    description: "Menunggu: Kepala Dinas (1/4)",
    approvers: [undefined, undefined, undefined, undefined],
  },
  {
    name: "the applicant cannot approve, even as a team member",
    over: { reviews: [...allFour().slice(0, 3), r("opd-liaison", "APPROVED", 35)] },
    state: "pending",
    description: "Menunggu: Pelaksana (4/4)",
    approvers: ["kadis1", "kabid1", "kasi1", undefined],
    ignored: ["opd-liaison:applicant"],
  },
  {
    name: "intake PR: the bot is the author, the issue author is the applicant",
    over: { author: "intake[bot]", applicant: "opd-liaison", reviews: [...allFour().slice(0, 3), r("opd-liaison", "APPROVED", 35), r("tek2", "APPROVED", 36)] },
    state: "success",
    description: "Disposisi lengkap (4/4)",
    approvers: ["kadis1", "kabid1", "kasi1", "tek2"],
    ignored: ["opd-liaison:applicant"],
  },
  {
    name: "someone whose commits are on the pull request cannot approve it",
    over: { contributors: ["tek1"], reviews: [...allFour().slice(0, 3), r("tek1", "APPROVED", 40)] },
    state: "pending",
    description: "Menunggu: Pelaksana (4/4)",
    approvers: ["kadis1", "kabid1", "kasi1", undefined],
    ignored: ["tek1:applicant"],
  },
  {
    name: "approval from a non-member does not count",
    over: { reviews: [r("random", "APPROVED", 5)] },
    state: "pending",
    description: "Menunggu: Kepala Dinas (1/4)",
    approvers: [undefined, undefined, undefined, undefined],
    ignored: ["random:not-member"],
  },
  {
    name: "destructive plan adds the extra step",
    over: { destructive: true, reviews: allFour() },
    state: "pending",
    description: "Menunggu: Kepala Dinas (penghapusan) (5/5)",
    approvers: ["kadis1", "kabid1", "kasi1", "tek1", undefined],
  },
  {
    name: "destructive step needs its own approval, not the one used for step 1",
    over: { destructive: true, reviews: [...allFour(), r("kadis1", "APPROVED", 50)] },
    state: "success",
    description: "Disposisi lengkap (5/5)",
    approvers: ["kadis1", "kabid1", "kasi1", "tek1", "kadis1"],
  },
  {
    name: "comments and dismissed reviews are neither approvals nor returns",
    over: { reviews: [r("kadis1", "COMMENTED", 5), r("kabid1", "CHANGES_REQUESTED", 6), r("kabid1", "DISMISSED", 7)] },
    state: "pending",
    description: "Menunggu: Kepala Dinas (1/4)",
    approvers: [undefined, undefined, undefined, undefined],
  },
  {
    name: "a second approval of a done step is redundant",
    over: { reviews: [r("kadis1", "APPROVED", 5), r("tek1", "APPROVED", 6), r("tek2", "APPROVED", 7)], rules: { ...rules, steps: [rules.steps[0]!, rules.steps[3]!] } },
    state: "success",
    description: "Disposisi lengkap (2/2)",
    approvers: ["kadis1", "tek1"],
    ignored: ["tek2:redundant"],
  },
];

describe("evaluateDisposition", () => {
  it.each(cases)("$name", (c) => {
    const result = evaluateDisposition(input(c.over));
    expect(result.state).toBe(c.state);
    expect(result.description.id).toBe(c.description);
    expect(result.steps.map((s) => s.approver)).toEqual(c.approvers);
    expect(result.ignored.map((i) => `${i.user}:${i.reason}`)).toEqual(c.ignored ?? []);
  });

  it("measures each step from the previous approval against its standard time", () => {
    const res = evaluateDisposition(input({ reviews: [r("kadis1", "APPROVED", 30), r("kabid1", "APPROVED", 130)] }));
    expect(res.steps.slice(0, 3).map((s) => [s.elapsedMinutes, s.standardMinutes, s.overdue, s.status])).toEqual([
      [29, 60, false, "approved"], // the clock restarts at the head push (minute 1)
      [100, 60, true, "approved"],
      [undefined, 60, undefined, "waiting"],
    ]);
    expect(res.steps[3]!.status).toBe("not-started");
  });

  it("a complete chain reports its whole working time against governance's deadline", () => {
    const res = evaluateDisposition(input({ rules: { ...rules, deadline: "2h" }, reviews: [r("kadis1", "APPROVED", 30), r("kabid1", "APPROVED", 60), r("kasi1", "APPROVED", 90), r("tek1", "APPROVED", 150)] }));
    expect(res.total).toEqual({ elapsedMinutes: 149, deadline: "2h", deadlineMinutes: 120, overdue: true });
    expect(renderDispositionSummary(res, "id", "Asia/Jakarta")).toContain("Seluruh disposisi (waktu kerja): 2 jam 29 menit (batas layanan 2 jam ⚠️ melewati mutu baku)");
    expect(evaluateDisposition(input({ reviews: [r("kadis1", "APPROVED", 30)] })).total).toBeUndefined();
  });

  it("keeps the status description within 140 characters", () => {
    const long = { ...rules, steps: rules.steps.map((s) => ({ ...s, role: s.role + " ".padEnd(60, "x") })), ordered: false };
    const res = evaluateDisposition(input({ rules: long }));
    expect(res.description.id.length).toBeLessThanOrEqual(140);
    expect(res.description.id.endsWith("…")).toBe(true);
  });

  it("is deterministic whatever the order reviews arrive in", () => {
    const reviews = [...allFour(), r("kabid1", "COMMENTED", 25)];
    const a = evaluateDisposition(input({ reviews }));
    const b = evaluateDisposition(input({ reviews: [...reviews].reverse() }));
    expect(b).toEqual(a);
  });

  it("summary lists every step with who, when, time taken and the standard", () => {
    const res = evaluateDisposition(input({ reviews: [r("kadis1", "APPROVED", 30), r("kabid1", "APPROVED", 130), r("kasi1", "CHANGES_REQUESTED", 140)] }));
    const md = renderDispositionSummary(res, "id", "Asia/Jakarta");
    expect(md).toContain("Dikembalikan untuk diperbaiki");
    expect(md).toMatch(/\| 1 \| Kepala Dinas \| ✅ disetujui \| @kadis1 \| .*08[.:]30.* \| 29 menit \| 1 jam \|/);
    expect(md).toMatch(/\| 2 \| Kepala Bidang E-Government \| ✅ disetujui \| @kabid1 \| .* \| 1 jam 40 menit ⚠️ melewati mutu baku \| 1 jam \|/);
    expect(md).toMatch(/\| 3 \| Kepala Seksi \| ⏳ menunggu \| `kasi1` \| sejak .*10[.:]10.* \|/);
    expect(renderDispositionSummary(res, "en", "Asia/Jakarta")).toContain("Returned for correction by @kasi1");
  });
});
