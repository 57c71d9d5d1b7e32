import { describe, expect, it } from "vitest";
import { addMonths, validDate } from "../../../src/validate/dates.ts";
import { nationalPhone, nipProblem } from "../../../src/validate/rules/contact.ts";
import { parseQuantity } from "../../../src/validate/quantity.ts";
import { baseRequest, GOVERNANCE_TEXT, one, rules, TODAY } from "../helpers.ts";

const contacts = (admin: object, tech: object = {}) => {
  const b = baseRequest().contacts as { administrative: object; technical: object };
  return { contacts: { administrative: { ...b.administrative, ...admin }, technical: { ...b.technical, ...tech } } };
};

describe("contact.phone", () => {
  it.each([
    ["+62 812-3456-7890", "081234567890"],
    ["6281234567890", "081234567890"],
    ["0812 3456 789", "0812345678 9".replace(" ", "")],
    ["(021) 1234 5678", "02112345678"],
    ["0355 321456", "0355321456"],
    ["+62 355 321456", "0355321456"],
  ])("accepts %s", (text, national) => expect(nationalPhone(text)).toBe(national));
  it.each(["12345", "+1 202 555 0100", "0812", "08123456789012345", "0812-abc-4567", "+62 0812 3456 7890", "0123 456789"])("refuses %s", (text) =>
    expect(nationalPhone(text)).toBeUndefined(),
  );
  it("names the contact it found wrong", () => {
    const d = one(contacts({}, { phone: "555-1234" }));
    expect(rules(d)).toEqual(["contact.phone"]);
    expect(d[0]!.message.en).toContain("technical");
  });
});

describe("contact.email", () => {
  it("accepts ordinary addresses and refuses malformed ones", () => {
    expect(one(contacts({ email: "siti.rahma+subdomain@dinkes.contohkab.go.id" }))).toEqual([]);
    for (const email of ["siti", "siti@dinkes", "siti@@x.id", "siti rahma@x.id", ".siti@x.id", "siti@x.id, budi@x.id", "siti@-x.id"])
      expect(rules(one(contacts({ email }))), email).toEqual(["contact.email"]);
  });
});

describe("contact.nip", () => {
  it("accepts a NIP whose dates, gender and serial make sense", () => {
    expect(nipProblem("198703152010012004", TODAY)).toBeUndefined();
    expect(nipProblem("199002292015031001", TODAY)).toBeDefined(); // 1990 was not a leap year
    expect(nipProblem("199202292015031001", TODAY)).toBeUndefined();
  });
  it.each([
    ["198713152010012004", "birth"],
    ["198703152027012004", "appointment"],
    ["198703152010132004", "appointment"],
    ["198703151995012004", "too close"],
    ["198703152010013004", "gender"],
    ["198703152010012000", "serial"],
  ])("refuses %s (%s)", (nip, why) => expect(nipProblem(nip, TODAY)?.en).toContain(why));
  it("checks the technical contact's NIP too", () => {
    expect(rules(one(contacts({}, { nip: "198703152010019004" })))).toEqual(["contact.nip"]);
  });
});

describe("letter.date, review.expired, review.too-far", () => {
  it("allows a letter dated today and refuses one dated tomorrow", () => {
    const letter = (date: string) => ({ letter: { ...(baseRequest().letter as object), date } });
    expect(one(letter(TODAY))).toEqual([]);
    expect(rules(one(letter("2026-11-23")))).toEqual(["letter.date"]);
  });
  it("warns, without failing, when the review date has passed, unless the request is being removed", () => {
    const d = one({ reviewBy: "2026-11-21" });
    expect(d.map((x) => `${x.rule} ${x.severity}`)).toEqual(["review.expired warning"]);
    const decommission = { reason: "Layanan ditutup", letter: { number: "1/2026", date: "2026-11-01" } };
    expect(one({ reviewBy: "2026-01-01", decommission })).toEqual([]);
  });
  it("refuses a review date more than review.maxMonths ahead", () => {
    expect(one({ reviewBy: "2027-11-22" })).toEqual([]);
    expect(rules(one({ reviewBy: "2027-11-23" }))).toEqual(["review.too-far"]);
    const governance = GOVERNANCE_TEXT.replace("maxMonths: 12", "maxMonths: 24");
    expect(one({ reviewBy: "2028-11-22" }, "sehat", "dinkes", { governance })).toEqual([]);
  });
  it("adds months on the calendar, clamping to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2027-12-15", 2)).toBe("2028-02-15");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(validDate("2026-02-29")).toBe(false);
  });
});

describe("field.required", () => {
  it("asks for a scan only when governance requires one", () => {
    const letter = { number: "1/2026", date: "2026-03-02" };
    expect(rules(one({ letter }))).toEqual(["field.required"]);
    const governance = GOVERNANCE_TEXT.replace("requiredFields: [letter.scan]", "requiredFields: []");
    expect(one({ letter }, "sehat", "dinkes", { governance })).toEqual([]);
  });
  it("asks for a recommendation where governance requires it (Kalimantan Utara)", () => {
    const governance = GOVERNANCE_TEXT.replace("requiredFields: [letter.scan]", "requiredFields: [recommendation]");
    expect(rules(one({}, "sehat", "dinkes", { governance }))).toEqual(["field.required"]);
    expect(one({ recommendation: { number: "555/REK/2026", issuer: "Kominfo" } }, "sehat", "dinkes", { governance })).toEqual([]);
  });
});

describe("hosting.limits and Kubernetes quantities", () => {
  it.each([
    ["500m", 0.5],
    ["2", 2],
    ["1.5", 1.5],
    ["512Mi", 512 * 2 ** 20],
    ["10Gi", 10 * 2 ** 30],
    ["1G", 1e9],
    ["1e3", 1000],
    ["100k", 100_000],
  ])("parses %s", (q, v) => expect(parseQuantity(q)).toBeCloseTo(v));
  it.each(["", "1GB", "Gi", "1.2.3", "abc"])("refuses %j", (q) => expect(parseQuantity(q)).toBeUndefined());
  it("compares across units: 4096Mi of memory is within 8Gi, 8193Mi is not", () => {
    expect(one({ target: { hosting: { memory: "4096Mi", cpu: "3500m" } } })).toEqual([]);
    expect(rules(one({ target: { hosting: { memory: "8193Mi" } } }))).toEqual(["hosting.limits"]);
    expect(one({ target: { hosting: {} } })).toEqual([]);
  });
});
