// The bot's "today" follows governance's time zone (issue 9, item 11): at 23.30 WIB it is already
// the next day in Jayapura (WIT), and a Papua government's letter dated that day must be valid.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { botToday } from "../../src/cli/github-env.ts";
import { governanceText } from "./setup.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hari-ini-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = new Date("2026-03-15T16:30:00Z"); // 23.30 WIB, 00.30 WITA... 01.30 WIT on the 16th

describe("11. the bot's today", () => {
  it("is the date in governance's time zone, not Jakarta's", () => {
    expect(governanceText).toMatch(/timeZone: Asia\/Jakarta/);
    writeFileSync(join(dir, "governance.yaml"), governanceText.replace("timeZone: Asia/Jakarta", "timeZone: Asia/Jayapura"));
    expect(botToday(dir, {}, now)).toBe("2026-03-16");
    writeFileSync(join(dir, "governance.yaml"), governanceText);
    expect(botToday(dir, {}, now)).toBe("2026-03-15");
  });

  it("falls back to Jakarta without a usable governance file, and TODAY overrides", () => {
    expect(botToday(dir, {}, now)).toBe("2026-03-15");
    expect(botToday(dir, { TODAY: "2026-01-02" }, now)).toBe("2026-01-02");
  });
});
