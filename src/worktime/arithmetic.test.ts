import { describe, expect, it } from "vitest";
import { exampleGovernance } from "../../test/papers/governance.ts";
import { addWorkingTime, clockStart, standardMinutes, workingMinutes } from "./arithmetic.ts";
import { calendarOf } from "./calendar.ts";
import { parseWorkDuration } from "./duration.ts";

// Example governance: Mon-Thu 07:30-16:00, Fri 07:30-15:00, Asia/Jakarta (WIB, +07:00),
// closed 18, 19, 23, 24 March 2026 (cuti bersama); date-holidays adds Nyepi (19 March),
// Idul Fitri (20-21 March), Good Friday (3 April) ...
const governance = exampleGovernance();
const wib = calendarOf(governance.workingHours);
const wita = calendarOf({ ...governance.workingHours, timeZone: "Asia/Makassar" });
const wit = calendarOf({ ...governance.workingHours, timeZone: "Asia/Jayapura" });

describe("workingMinutes counts only opening hours", () => {
  const cases: Array<[string, string, string, number]> = [
    ["within one morning", "2026-03-02T08:00:00+07:00", "2026-03-02T09:00:00+07:00", 60],
    ["start before opening: clock starts at 07:30", "2026-03-02T06:00:00+07:00", "2026-03-02T08:00:00+07:00", 30],
    ["start after closing: next morning", "2026-03-02T17:00:00+07:00", "2026-03-03T08:00:00+07:00", 30],
    ["Friday closes at 15:00, weekend skipped", "2026-03-06T14:00:00+07:00", "2026-03-09T08:00:00+07:00", 90],
    ["Friday after closing to Monday", "2026-03-06T15:30:00+07:00", "2026-03-09T07:45:00+07:00", 15],
    ["whole working days Monday to Wednesday", "2026-03-02T07:30:00+07:00", "2026-03-04T16:00:00+07:00", 3 * 510],
    ["Nyepi, Idul Fitri and cuti bersama skipped", "2026-03-17T15:00:00+07:00", "2026-03-25T08:00:00+07:00", 90],
    ["Good Friday from date-holidays skipped", "2026-04-02T15:00:00+07:00", "2026-04-06T08:00:00+07:00", 90],
    ["instants in UTC are read in the zone", "2026-03-02T01:00:00Z", "2026-03-02T02:00:00Z", 60],
    ["end before start is zero", "2026-03-02T09:00:00+07:00", "2026-03-02T08:00:00+07:00", 0],
    ["a Saturday alone is zero", "2026-03-07T08:00:00+07:00", "2026-03-07T15:00:00+07:00", 0],
    ["a full week (5 days, Friday short)", "2026-03-02T00:00:00+07:00", "2026-03-08T23:59:00+07:00", 4 * 510 + 450],
  ];
  it.each(cases)("%s", (_name, start, end, expected) => {
    expect(workingMinutes(wib, new Date(start), new Date(end))).toBe(expected);
  });

  it("reads the same instants on WITA's clock (one hour ahead of WIB)", () => {
    // 07:00-08:00 WIB is 08:00-09:00 WITA: half outside hours in WIB, inside in WITA.
    const start = new Date("2026-03-02T07:00:00+07:00");
    const end = new Date("2026-03-02T08:00:00+07:00");
    expect(workingMinutes(wib, start, end)).toBe(30);
    expect(workingMinutes(wita, start, end)).toBe(60);
    // 16:00 WIT is 14:00 WIB: the WIT office has closed.
    expect(workingMinutes(wit, new Date("2026-03-02T13:00:00+07:00"), new Date("2026-03-02T15:00:00+07:00"))).toBe(60);
  });
});

describe("clockStart moves arrivals outside hours to the next opening", () => {
  const cases: Array<[string, string, string]> = [
    ["inside hours: unchanged", "2026-03-02T10:00:00+07:00", "2026-03-02T03:00:00.000Z"],
    ["before opening", "2026-03-02T05:00:00+07:00", "2026-03-02T00:30:00.000Z"],
    ["Friday after closing: Monday 07:30", "2026-03-06T15:00:00+07:00", "2026-03-09T00:30:00.000Z"],
    ["Sunday", "2026-03-08T10:00:00+07:00", "2026-03-09T00:30:00.000Z"],
    ["eve of the Lebaran closures", "2026-03-17T16:30:00+07:00", "2026-03-25T00:30:00.000Z"],
    ["WITA opening is 23:30 UTC the day before", "2026-03-01T20:00:00+08:00", "2026-03-01T23:30:00.000Z"],
  ];
  it.each(cases)("%s", (_name, at, expected) => {
    const cal = at.endsWith("+08:00") ? wita : wib;
    expect(clockStart(cal, new Date(at))?.toISOString()).toBe(expected);
  });
});

describe("addWorkingTime and standardMinutes", () => {
  const cases: Array<[string, string, string, string, number]> = [
    ["30m inside hours", "2026-03-02T08:00:00+07:00", "30m", "2026-03-02T08:30:00+07:00", 30],
    ["1h crossing the evening", "2026-03-02T15:30:00+07:00", "1h", "2026-03-03T08:00:00+07:00", 60],
    ["1h crossing Friday's early close and the weekend", "2026-03-06T14:30:00+07:00", "1h", "2026-03-09T08:00:00+07:00", 60],
    ["30m arriving on Saturday", "2026-03-07T10:00:00+07:00", "30m", "2026-03-09T08:00:00+07:00", 30],
    ["1d from Friday's opening is Friday's 7½ hours", "2026-03-06T07:30:00+07:00", "1d", "2026-03-09T07:30:00+07:00", 450],
    ["1d from Thursday afternoon", "2026-03-05T14:00:00+07:00", "1d", "2026-03-06T14:00:00+07:00", 510],
    ["1d late Thursday is clamped to Friday's close", "2026-03-05T15:30:00+07:00", "1d", "2026-03-06T15:00:00+07:00", 480],
    ["1d across the Lebaran closures", "2026-03-17T10:00:00+07:00", "1d", "2026-03-25T10:00:00+07:00", 510],
    ["7d (Demak's deadline)", "2026-03-02T08:00:00+07:00", "7d", "2026-03-11T08:00:00+07:00", 5 * 510 + 450 + 510],
  ];
  it.each(cases)("%s", (_name, at, text, expectedEnd, expectedMinutes) => {
    const d = parseWorkDuration(text)!;
    expect(addWorkingTime(wib, new Date(at), d)?.toISOString()).toBe(new Date(expectedEnd).toISOString());
    expect(standardMinutes(wib, new Date(at), d)).toBe(expectedMinutes);
  });

  it("never loops forever on a calendar with no working day", () => {
    const never = calendarOf({ timeZone: "Asia/Jakarta", days: {}, holidays: { country: "ID" } });
    expect(clockStart(never, new Date("2026-03-02T08:00:00+07:00"))).toBeUndefined();
    expect(addWorkingTime(never, new Date("2026-03-02T08:00:00+07:00"), { amount: 1, unit: "h" })).toBeUndefined();
    expect(workingMinutes(never, new Date("2026-03-02T08:00:00+07:00"), new Date("2026-03-09T08:00:00+07:00"))).toBe(0);
  });

  it("rejects durations governance cannot hold", () => {
    expect(parseWorkDuration("0m")).toBeUndefined();
    expect(parseWorkDuration("1w")).toBeUndefined();
    expect(parseWorkDuration("15m")).toEqual({ amount: 15, unit: "m" });
  });
});
