import { describe, expect, it } from "vitest";
import { mailboxName, quote, txtStrings } from "../../src/targets/zone/escape.ts";
import { zoneSerial } from "../../src/targets/zone/render.ts";

describe("zone file strings", () => {
  it("splits TXT values into strings of at most 255 bytes", () => {
    const s = txtStrings("a".repeat(600));
    expect(s).toBe(`"${"a".repeat(255)}" "${"a".repeat(255)}" "${"a".repeat(90)}"`);
  });
  it("escapes quotes, backslashes and non-printable bytes", () => {
    expect(quote('say "hi" \\ ok')).toBe('"say \\"hi\\" \\\\ ok"');
    expect(quote("é\t")).toBe('"\\195\\169\\009"');
    expect(txtStrings("")).toBe('""');
  });
  it("writes the SOA mailbox with escaped dots", () => {
    expect(mailboxName("hostmaster@contohkab.go.id")).toBe("hostmaster.contohkab.go.id.");
    expect(mailboxName("tim.dns@contohkab.go.id")).toBe("tim\\.dns.contohkab.go.id.");
  });
});

describe("zone serial", () => {
  it("is YYYYMMDDnn of the newest commit day in the governance time zone", () => {
    // 2026-03-01T18:00Z is 2 March in Jakarta.
    expect(zoneSerial(["2026-03-01T18:00:00Z", "2026-03-01T20:00:00Z", "2026-02-28T10:00:00Z"], "Asia/Jakarta", "2026-06-01")).toBe(2026030202);
    expect(zoneSerial([], "Asia/Jakarta", "2026-06-01")).toBe(2026060100);
  });
  it("grows with each commit", () => {
    const dates = ["2026-03-01T01:00:00Z"];
    let last = zoneSerial(dates, "Asia/Jakarta", "2026-06-01");
    for (const d of ["2026-03-01T02:00:00Z", "2026-03-01T03:00:00Z", "2026-03-05T03:00:00Z"]) {
      dates.unshift(d);
      const next = zoneSerial(dates, "Asia/Jakarta", "2026-06-01");
      expect(next).toBeGreaterThan(last);
      last = next;
    }
  });
});
