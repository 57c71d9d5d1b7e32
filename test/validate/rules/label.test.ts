import { describe, expect, it } from "vitest";
import { idnProblem, labelProblem, showLabel } from "../../../src/validate/rules/label.ts";
import { one, rules, run, requestText } from "../helpers.ts";

describe("label.syntax", () => {
  it.each(["a", "sehat", "e-kinerja", "dinkes2", "xn--bcher-kva", "a".repeat(63)])("accepts %s", (l) => expect(labelProblem(l)).toBeUndefined());
  it.each(["", "a".repeat(64), "Sehat", "se hat", "se_hat", "-sehat", "sehat-", "ab--cd", "sehat!"])("refuses %j", (l) => expect(labelProblem(l)).toBeDefined());
  it("allows a leading underscore only in record names", () => {
    expect(labelProblem("_dmarc", true)).toBeUndefined();
    expect(labelProblem("_dmarc")).toBeDefined();
    expect(labelProblem("_", true)).toBeDefined();
  });
  it("refuses a dotted label and says to use records", () => {
    const d = one({}, "app.sehat");
    expect(rules(d, "label")).toEqual(["label.syntax"]);
    expect(d[0]!.message.en).toContain("extra records");
  });
  it("reports an invalid label once, without a path.match echo", () => {
    expect(rules(run({ "requests/dinkes/Sehat.yaml": requestText({}, "Sehat") }))).toEqual(["label.syntax"]);
  });
  it("checks each part of an extra record name", () => {
    expect(rules(one({ records: [{ name: "_dmarc", type: "TXT", values: ["v=DMARC1; p=none"] }, { name: "a.-b", type: "TXT", values: ["x"] }] }))).toEqual(["label.syntax"]);
  });
  it("refuses a full name longer than 253 characters", () => {
    const name = Array.from({ length: 3 }, () => "a".repeat(60)).join(".");
    const label = "b".repeat(63);
    expect(rules(one({ records: [{ name, type: "TXT", values: ["x"] }] }, label))).toEqual(["label.syntax"]);
  });
});

describe("label.idn", () => {
  it("accepts a Unicode label at its punycode path, and shows both forms", () => {
    expect(run({ "requests/dinkes/xn--bcher-kva.yaml": requestText({}, "bücher") })).toEqual([]);
    expect(showLabel("bücher")).toBe("bücher (xn--bcher-kva)");
    expect(showLabel("xn--bcher-kva")).toBe("xn--bcher-kva (bücher)");
  });
  it("accepts valid punycode and refuses what does not round-trip", () => {
    expect(idnProblem("xn--bcher-kva")).toBeUndefined();
    expect(idnProblem("sehat")).toBeUndefined();
    for (const bad of ["xn--abc", "xn--", "xn--zz"]) expect(idnProblem(bad), bad).toBeDefined();
  });
  it("refuses a Unicode label that is no valid IDN", () => {
    // UTS 46 maps the zero-width space away, punycode would keep it: the two forms disagree.
    expect(idnProblem("a\u200bb")).toBeDefined();
    expect(rules(run({ "requests/dinkes/xn--ab-wf0a.yaml": requestText({}, "a\u200bb") }))).toContain("label.idn");
  });
});
