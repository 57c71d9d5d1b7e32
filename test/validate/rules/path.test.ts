import { describe, expect, it } from "vitest";
import { requestText, rules, run } from "../helpers.ts";

describe("path.match, opd.exists, opd.folder", () => {
  it("is silent when the file sits at requests/<opd>/<label>.yaml", () => {
    expect(run({ "requests/dinkes/sehat.yaml": requestText() })).toEqual([]);
  });
  it("names the expected path when the file name and label differ", () => {
    const d = run({ "requests/dinkes/sehat-lama.yaml": requestText() });
    expect(rules(d)).toEqual(["path.match"]);
    expect(d[0]!.message.en).toContain("`requests/dinkes/sehat.yaml`");
  });
  it("refuses a request filed in another OPD's folder, pointing at opd", () => {
    const d = run({ "requests/disdik/sehat.yaml": requestText() });
    expect(rules(d)).toEqual(["path.match"]);
    expect(d[0]!.message.en).toContain("another OPD");
  });
  it("reports an unknown OPD once, whether or not the folder matches it", () => {
    expect(rules(run({ "requests/dinsos/sehat.yaml": requestText({}, "sehat", "dinsos") }))).toEqual(["opd.exists"]);
    expect(rules(run({ "requests/dinkes/sehat.yaml": requestText({}, "sehat", "dinsos") }))).toEqual(["opd.exists", "path.match"].sort());
  });
  it("reports a folder that is no OPD code once, with the right path", () => {
    const d = run({ "requests/kesehatan/sehat.yaml": requestText() });
    expect(rules(d)).toEqual(["opd.folder"]);
    expect(d[0]!.message.id).toContain("`requests/dinkes/sehat.yaml`");
  });
});

describe("zone.exists", () => {
  it("accepts the governance zone written out and refuses another", () => {
    expect(rules(run({ "requests/dinkes/sehat.yaml": requestText({ zone: "ContohKab.go.id" }) }))).toEqual([]);
    expect(rules(run({ "requests/dinkes/sehat.yaml": requestText({ zone: "lain.go.id" }) }))).toEqual(["zone.exists"]);
  });
});
