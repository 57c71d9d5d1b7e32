import { describe, expect, it } from "vitest";
import { exampleGovernance } from "../../test/papers/governance.ts";
import { analyseTimeline, stepTimes } from "./steps.ts";
import type { Timeline, TimelineEvent } from "./timeline.ts";

const governance = exampleGovernance();
// Chain: pemeriksaan-formulir 30m, kepala-dinas 1h, kabid-egov 1h, kasi-aplikasi 1h, pelaksana-teknis 30m.
const teams = {
  "diskominfo-contohkab/pelaksana-aplikasi": ["joko-pelaksana"],
  "diskominfo-contohkab/kepala-dinas": ["ahmad-kadis"],
  "diskominfo-contohkab/kabid-egov": ["rudi-kabid"],
  "diskominfo-contohkab/kasi-aplikasi": ["lina-kasi"],
};
const at = (local: string): string => `2026-03-${local}:00+07:00`;
const approve = (when: string, actor: string): TimelineEvent => ({ type: "review", at: at(when), actor, state: "approved" });
const timeline = (events: TimelineEvent[]): Timeline => ({ pull: 7, title: "Permohonan sehat", author: "siti-dinkes", events });

const smooth = timeline([
  { type: "opened", at: at("02T08:00"), actor: "siti-dinkes" },
  approve("02T08:20", "joko-pelaksana"),
  approve("02T09:00", "ahmad-kadis"),
  approve("02T15:30", "rudi-kabid"), // 6 h 30 min: breach
  approve("03T08:00", "lina-kasi"), // 15:30-16:00 and 07:30-08:00: 60 min, just within
  approve("03T08:25", "joko-pelaksana"),
  { type: "merged", at: at("03T08:30"), actor: "joko-pelaksana" },
  { type: "deployed", at: at("03T08:40"), state: "success" },
]);

describe("stepTimes follows the ordered disposition chain", () => {
  it("measures each step from the previous approval, in working minutes, against its standard", () => {
    const steps = stepTimes(smooth, governance, { teams });
    expect(steps.map((s) => [s.step, s.status, s.workingMinutes, s.standardMinutes, s.withinStandard])).toEqual([
      ["pemeriksaan-formulir", "done", 20, 30, true],
      ["kepala-dinas", "done", 40, 60, true],
      ["kabid-egov", "done", 390, 60, false],
      ["kasi-aplikasi", "done", 60, 60, true],
      ["pelaksana-teknis", "done", 25, 30, true],
    ]);
  });

  it("measures the whole service up to the deployment", () => {
    const { service } = analyseTimeline(smooth, governance, { teams });
    expect(service).toMatchObject({ endedBy: "deployed", workingMinutes: 480 + 70, rounds: 1 });
    expect(service.deadline).toBeUndefined();
  });

  it("checks the overall deadline when governance sets one (Demak: 7 working days)", () => {
    const demak = { ...governance, disposition: { ...governance.disposition, deadline: "7d" } };
    const { service } = analyseTimeline(smooth, demak, { teams });
    expect(service).toMatchObject({ deadline: "7d", deadlineMinutes: 3510, withinDeadline: true });
    expect(service.deadlineAt).toBe(new Date(at("11T08:00")).toISOString());
  });

  it("ignores an approval out of order and the same person approving a later step early", () => {
    const steps = stepTimes(
      timeline([
        { type: "opened", at: at("02T08:00"), actor: "siti-dinkes" },
        approve("02T08:05", "rudi-kabid"), // Kabid before Kepala Dinas: does not count
        approve("02T08:10", "joko-pelaksana"), // counts for intake, not for the technical step
        approve("02T08:40", "ahmad-kadis"),
      ]),
      governance,
      { teams, now: new Date(at("02T09:10")) },
    );
    expect(steps.map((s) => [s.step, s.status, s.workingMinutes, s.withinStandard])).toEqual([
      ["pemeriksaan-formulir", "done", 10, true],
      ["kepala-dinas", "done", 30, true],
      ["kabid-egov", "running", 30, true],
      ["kasi-aplikasi", "waiting", 0, undefined],
      ["pelaksana-teknis", "waiting", 0, undefined],
    ]);
  });

  it("stops the clock while the request is back with the applicant", () => {
    const { steps, service } = analyseTimeline(
      timeline([
        { type: "opened", at: at("02T08:00"), actor: "siti-dinkes" },
        { type: "review", at: at("02T08:15"), actor: "joko-pelaksana", state: "changes_requested" },
        { type: "push", at: at("03T10:00"), actor: "siti-dinkes" }, // 08:15 Mon - 10:00 Tue: 465 + 150 paused
        approve("03T10:10", "joko-pelaksana"),
      ]),
      governance,
      { teams },
    );
    expect(steps[0]).toMatchObject({ status: "done", workingMinutes: 25, pausedMinutes: 615, returned: 1, withinStandard: true });
    expect(service.pausedMinutes).toBe(615);
  });

  it("starts a new round when a push voids earlier approvals (staleOnPush)", () => {
    const { steps, service } = analyseTimeline(
      timeline([
        { type: "opened", at: at("02T08:00"), actor: "siti-dinkes" },
        approve("02T08:10", "joko-pelaksana"),
        { type: "push", at: at("02T09:00"), actor: "siti-dinkes" },
        approve("02T09:20", "joko-pelaksana"),
      ]),
      governance,
      { teams },
    );
    expect(service.rounds).toBe(2);
    expect(steps[0]).toMatchObject({ start: new Date(at("02T09:00")).toISOString(), workingMinutes: 20 });
    expect(steps[1]).toMatchObject({ status: "running", start: new Date(at("02T09:20")).toISOString() });
  });

  it("uses the step named on a review before team membership, and governance's users lists", () => {
    const withUsers = {
      ...governance,
      disposition: {
        ...governance.disposition,
        steps: governance.disposition.steps.map((s) => (s.id === "kepala-dinas" ? { ...s, users: ["ahmad-kadis"] } : s)),
      },
    };
    const steps = stepTimes(
      timeline([
        { type: "opened", at: at("02T08:00"), actor: "siti-dinkes" },
        { type: "review", at: at("02T08:05"), actor: "someone-else", state: "approved", step: "pemeriksaan-formulir" },
        approve("02T08:30", "ahmad-kadis"),
      ]),
      withUsers,
    );
    expect(steps.slice(0, 2).map((s) => [s.status, s.workingMinutes])).toEqual([
      ["done", 5],
      ["done", 25],
    ]);
  });

  it("times an unordered chain from the opening, each step to its own approval", () => {
    const unordered = { ...governance, disposition: { ...governance.disposition, ordered: false } };
    const steps = stepTimes(
      timeline([
        { type: "opened", at: at("02T08:00"), actor: "siti-dinkes" },
        approve("02T08:30", "rudi-kabid"),
        { type: "review", at: at("02T08:40"), actor: "lina-kasi", state: "changes_requested" },
        { type: "push", at: at("02T09:40"), actor: "siti-dinkes" },
        approve("02T10:00", "ahmad-kadis"),
      ]),
      unordered,
      { teams, now: new Date(at("02T10:00")) },
    );
    // The push after Kabid's approval voids it (staleOnPush): a new round from 09.40.
    expect(steps.map((s) => [s.step, s.status, s.workingMinutes])).toEqual([
      ["pemeriksaan-formulir", "running", 20],
      ["kepala-dinas", "done", 20],
      ["kabid-egov", "running", 20],
      ["kasi-aplikasi", "running", 20],
      ["pelaksana-teknis", "running", 20],
    ]);
    const noStale = { ...unordered, disposition: { ...unordered.disposition, staleOnPush: false } };
    const kept = stepTimes(
      timeline([
        { type: "opened", at: at("02T08:00"), actor: "siti-dinkes" },
        approve("02T08:30", "rudi-kabid"),
        { type: "review", at: at("02T08:40"), actor: "lina-kasi", state: "changes_requested" },
        { type: "push", at: at("02T09:40"), actor: "siti-dinkes" },
        approve("02T10:00", "lina-kasi"),
      ]),
      noStale,
      { teams, now: new Date(at("02T10:00")) },
    );
    // Kasi returned it for an hour: 120 minutes open, 60 with the applicant.
    expect(kept.find((s) => s.step === "kasi-aplikasi")).toMatchObject({ status: "done", workingMinutes: 60, pausedMinutes: 60, returned: 1 });
    expect(kept.find((s) => s.step === "kabid-egov")).toMatchObject({ status: "done", workingMinutes: 30 });
  });

  it("adds the destructive step for a decommission and reports nothing before the pull request opens", () => {
    const t = { ...timeline([]), destructive: true };
    const { steps, service } = analyseTimeline(t, governance);
    expect(steps.at(-1)).toMatchObject({ step: "kepala-dinas-penghapusan", status: "waiting", standardMinutes: 510 });
    expect(service).toMatchObject({ workingMinutes: 0, rounds: 0 });
    expect(service.start).toBeUndefined();
  });
});

describe("workClockOf gives the disposition check its clock", () => {
  it("counts working minutes with holidays and converts standards", async () => {
    const { workClockOf } = await import("./index.ts");
    const clock = workClockOf(governance.workingHours);
    expect(clock.minutesBetween(new Date("2026-03-17T15:00:00+07:00"), new Date("2026-03-25T08:00:00+07:00"))).toBe(90);
    expect([clock.standardMinutes("30m"), clock.standardMinutes("1h"), clock.standardMinutes("1d"), clock.standardMinutes("x")]).toEqual([30, 60, 510, 0]);
  });
});
