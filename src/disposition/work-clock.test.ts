import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Governance } from "../model/governance.ts";
import { evaluateDisposition } from "./evaluate.ts";
import { clockFor } from "./work-clock.ts";

const governance = parse(readFileSync(join(import.meta.dirname, "../../test/fixtures/contoh/governance.yaml"), "utf8")) as Governance;

describe("disposition in working time (governance's calendar)", () => {
  it("a step approved across a weekend counts only office hours", () => {
    // Friday 14:00 WIB (closes 15:00) to Monday 08:30 WIB (opens 07:30): 60 + 60 minutes.
    const clock = clockFor(governance);
    expect(clock.minutesBetween(new Date("2026-03-06T07:00:00Z"), new Date("2026-03-09T01:30:00Z"))).toBe(120);
    expect(clock.standardMinutes("30m", new Date("2026-03-06T07:00:00Z"))).toBe(30);
  });

  it("a cuti bersama day listed in governance and a public holiday do not count", () => {
    // Wednesday 23 Dec 15:00 WIB to Monday 28 Dec 08:30 WIB: 24 Dec is cuti bersama in
    // governance.yaml, 25 Dec is Christmas (date-holidays), then the weekend.
    const clock = clockFor(governance);
    expect(clock.minutesBetween(new Date("2026-12-23T08:00:00Z"), new Date("2026-12-28T01:30:00Z"))).toBe(60 + 60);
  });

  it("the real chain: the first step waits for the team, overdue is measured in working time", () => {
    const t = (iso: string) => new Date(iso).toISOString();
    const result = evaluateDisposition({
      rules: governance.disposition,
      applicant: "siti-dinkes",
      author: "siti-dinkes",
      headSha: "h",
      commits: [{ sha: "h", at: t("2026-03-06T07:00:00Z") }],
      reviews: [{ id: 1, user: "tek1", state: "APPROVED", submittedAt: t("2026-03-09T01:30:00Z"), commitId: "h" }],
      members: { "diskominfo-contohkab/pelaksana-aplikasi": ["tek1"] },
      destructive: false,
      openedAt: t("2026-03-06T07:00:00Z"),
      clock: clockFor(governance),
    });
    expect(result.steps[0]).toMatchObject({ approver: "tek1", elapsedMinutes: 120, standardMinutes: 30, overdue: true });
    expect(result.description.id).toBe("Menunggu: Kepala Dinas (2/5)");
  });
});
