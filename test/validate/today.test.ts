// The government's today, by arithmetic for Indonesia's three zones: it must be the date ICU's
// time zone data gives, at every hour, across the turn of days, months and years.
import { describe, expect, it } from "vitest";
import { todayIn } from "../../src/load/repository.ts";
import { zoneSerial } from "../../src/targets/zone/render.ts";

const formats = new Map<string, Intl.DateTimeFormat>();
const icu = (timeZone: string, at: Date) => {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return f.format(at);
};

describe("today in WIB, WITA and WIT", () => {
  it("is ICU's date for every hour of two years, and for instants a second either side of each zone's midnight", () => {
    const zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];
    for (const zone of zones) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000) if (todayIn(zone, new Date(t)) !== icu(zone, new Date(t))) expect.fail(`${zone} ${new Date(t).toISOString()}: ${todayIn(zone, new Date(t))}, ICU ${icu(zone, new Date(t))}`);
      // 31 December, one second before and at midnight where the zone is.
      for (const [year, hours] of [[2026, 7], [2027, 8], [2028, 9]] as const) {
        const midnight = Date.UTC(year + 1, 0, 1) - hours * 3_600_000;
        for (const at of [midnight - 1000, midnight]) expect(todayIn(zone, new Date(at))).toBe(icu(zone, new Date(at)));
      }
    }
  });

  it("still asks ICU for any other zone", () => {
    const at = new Date("2026-06-30T23:30:00Z");
    expect(todayIn("Asia/Tokyo", at)).toBe("2026-07-01");
    expect(todayIn("UTC", at)).toBe("2026-06-30");
  });

  it("gives the zone serial the commits' dates where the government is (a commit at 00:30 WIT is that day's in WIT, the day before in WIB)", () => {
    const commits = ["2026-03-01T15:30:00Z", "2026-03-01T10:00:00Z", "2026-02-28T23:00:00Z"];
    expect(zoneSerial(commits, "Asia/Jayapura", "2026-03-05")).toBe(2026030201);
    expect(zoneSerial(commits, "Asia/Jakarta", "2026-03-05")).toBe(2026030103);
    expect(zoneSerial(commits, "Asia/Makassar", "2026-03-05")).toBe(2026030103);
    for (const zone of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Tokyo"]) {
      const days = commits.map((c) => icu(zone, new Date(c)).replace(/-/g, ""));
      const newest = days.reduce((a, b) => (b > a ? b : a));
      expect(zoneSerial(commits, zone, "2026-03-05")).toBe(Number(newest) * 100 + days.filter((d) => d === newest).length);
    }
  });
});
