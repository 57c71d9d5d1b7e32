// The example repository (fictional contohkab.go.id) is the product's demonstration and the
// other stages' realistic input: it must validate cleanly and cover every shape a request can take.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { addMonths } from "../../src/validate/dates.ts";
import { CONTOH } from "../fixtures/contoh.ts";

// Fixed so the check does not change with the calendar; the data was written for this day.
const TODAY = "2026-11-22";
const result = validateRepository(CONTOH, TODAY);
const requests = result.requests.map((r) => r.request);

describe("example data", () => {
  it("validates with no diagnostic at all", () => {
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} [${d.rule}] ${d.message.en}`)).toEqual([]);
  });

  it("has at least 24 requests from at least 10 OPDs", () => {
    expect(requests.length).toBeGreaterThanOrEqual(24);
    expect(new Set(requests.map((r) => r.opd)).size).toBeGreaterThanOrEqual(10);
    expect(result.governance!.opds.length).toBeGreaterThanOrEqual(10);
  });

  it("covers every target kind", () => {
    const server = requests.flatMap((r) => (r.target?.server ? [r.target?.server] : []));
    expect(server.some((s) => s.ipv4 && !s.ipv6)).toBe(true);
    expect(server.some((s) => s.ipv6 && !s.ipv4)).toBe(true);
    expect(server.some((s) => s.ipv4 && s.ipv6)).toBe(true);
    const outside = (host: string) => !host.endsWith(result.governance!.zones[0]!.name);
    expect(requests.some((r) => r.target?.alias && outside(r.target?.alias))).toBe(true);
    expect(requests.some((r) => r.target?.hosting && Object.keys(r.target?.hosting).length === 0)).toBe(true);
    expect(requests.some((r) => r.target?.hosting && Object.keys(r.target?.hosting).length > 0)).toBe(true);
  });

  it("covers every extra record type, with SPF, DMARC and a verification TXT", () => {
    const records = requests.flatMap((r) => r.records ?? []);
    expect(new Set(records.map((r) => r.type))).toEqual(new Set(["A", "AAAA", "CNAME", "TXT", "MX", "CAA", "SRV"]));
    const txt = records.flatMap((r) => (r.type === "TXT" ? r.values : []));
    expect(txt.some((v) => v.startsWith("v=spf1"))).toBe(true);
    expect(txt.some((v) => v.startsWith("v=DMARC1"))).toBe(true);
    expect(txt.some((v) => v.includes("-verification="))).toBe(true);
  });

  it("has a Unicode label, a recommendation, and decommissions with and without deleting data", () => {
    expect(requests.some((r) => /[^\x00-\x7f]/.test(r.label))).toBe(true);
    expect(requests.some((r) => r.recommendation)).toBe(true);
    expect(requests.some((r) => r.decommission && !r.decommission.deleteData)).toBe(true);
    expect(requests.some((r) => r.decommission?.deleteData === true && r.target?.hosting)).toBe(true);
  });

  it("spreads review dates between today and governance review.maxMonths", () => {
    const dates = requests.map((r) => r.reviewBy);
    expect(new Set(dates).size).toBeGreaterThan(requests.length / 2);
    const latest = addMonths(TODAY, result.governance!.review.maxMonths);
    expect(dates.every((d) => d >= TODAY && d <= latest)).toBe(true);
  });
});
