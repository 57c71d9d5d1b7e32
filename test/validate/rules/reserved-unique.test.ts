import { describe, expect, it } from "vitest";
import { GOVERNANCE_TEXT, one, requestText, rules, run } from "../helpers.ts";

describe("label.reserved", () => {
  it("refuses governance reserved names and the zone's protected names", () => {
    expect(rules(one({}, "api"))).toEqual(["label.reserved"]);
    expect(rules(one({}, "ns1"))).toEqual(["label.reserved"]);
  });
  it("allows a reserved word below a subdomain (www.sehat)", () => {
    expect(one({ records: [{ name: "www", type: "CNAME", value: "sehat.contohkab.go.id" }] })).toEqual([]);
  });
});

describe("name.unique", () => {
  it("reports both files when two requests claim one label", () => {
    const d = run({ "requests/dinkes/portal.yaml": requestText({}, "portal"), "requests/disdik/portal.yaml": requestText({}, "portal", "disdik") });
    expect(d.map((x) => `${x.file} ${x.rule}`)).toEqual(["requests/dinkes/portal.yaml name.unique", "requests/disdik/portal.yaml name.unique"]);
    expect(d[0]!.message.en).toContain("requests/disdik/portal.yaml");
  });
  it("lets one request hold several types at one name", () => {
    expect(one({ records: [{ name: "mail", type: "A", values: ["103.28.12.11"] }, { name: "mail", type: "TXT", values: ["x"] }] })).toEqual([]);
  });
  it("keeps zones apart", () => {
    const gov = (t: string) => t.replace("zones:\n", "zones:\n  - name: lain.go.id\n    nameservers: [ns1.lain.go.id]\n    soa: { mname: ns1.lain.go.id, rname: hostmaster@lain.go.id }\n");
    const files = { "requests/dinkes/portal.yaml": requestText({ zone: "contohkab.go.id" }, "portal"), "requests/disdik/portal.yaml": requestText({ zone: "lain.go.id" }, "portal", "disdik") };
    expect(run(files, { governance: gov(GOVERNANCE_TEXT) })).toEqual([]);
  });
});
