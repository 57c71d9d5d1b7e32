import { describe, expect, it } from "vitest";
import { one, requestText, rules, run } from "../helpers.ts";

const alias = (to: string) => ({ target: { alias: to } });

describe("cname.alone", () => {
  it("accepts an alias target with records under other names", () => {
    expect(one({ ...alias("app.penyedia.co.id"), records: [{ name: "_acme-challenge", type: "TXT", values: ["x"] }] })).toEqual([]);
  });
  it("refuses a CNAME record at the subdomain itself, whatever the target", () => {
    expect(rules(one({ records: [{ type: "CNAME", value: "app.penyedia.co.id" }] }))).toEqual(["cname.alone"]);
  });
  it("refuses a CNAME record beside another record of the same name", () => {
    const d = one({ records: [{ name: "www", type: "CNAME", value: "sehat.contohkab.go.id" }, { name: "www", type: "TXT", values: ["x"] }] });
    expect(rules(d)).toEqual(["cname.alone"]);
  });
  it("reports two CNAMEs at one name under cname.alone only, not also as record.duplicate", () => {
    const d = one({ records: [{ name: "www", type: "CNAME", value: "a.contoh.id" }, { name: "www", type: "CNAME", value: "b.contoh.id" }] });
    expect(rules(d)).toEqual(["cname.alone", "cname.alone"]);
  });
});

describe("cname.self and cname.target", () => {
  it("refuses an alias to itself, in any letter case, with a trailing dot", () => {
    expect(rules(one(alias("SEHAT.contohkab.go.id.")))).toEqual(["cname.self"]);
    expect(rules(one({ records: [{ name: "www", type: "CNAME", value: "www.sehat.contohkab.go.id" }] }))).toEqual(["cname.self"]);
  });
  it("refuses an IP address or a bare word as alias destination", () => {
    expect(rules(one(alias("103.28.12.10")))).toEqual(["cname.target"]);
    expect(rules(one(alias("localhost")))).toEqual(["cname.target"]);
  });
});

describe("cname.loop", () => {
  const req = (label: string, to: string) => [`requests/dinkes/${label}.yaml`, requestText(alias(to), label)] as const;
  it("finds a loop of three requests and reports each member", () => {
    const d = run(Object.fromEntries([req("a", "b.contohkab.go.id"), req("b", "c.contohkab.go.id"), req("c", "a.contohkab.go.id")]));
    expect(d.map((x) => `${x.file} ${x.rule}`)).toEqual(["requests/dinkes/a.yaml cname.loop", "requests/dinkes/b.yaml cname.loop", "requests/dinkes/c.yaml cname.loop"]);
    expect(d[0]!.message.en).toContain("a.contohkab.go.id → b.contohkab.go.id → c.contohkab.go.id → a.contohkab.go.id");
  });
  it("does not blame a chain that only leads into a loop, nor a chain that ends", () => {
    const d = run(Object.fromEntries([req("a", "b.contohkab.go.id"), req("b", "c.contohkab.go.id"), req("c", "b.contohkab.go.id"), req("d", "a.contohkab.go.id"), req("e", "app.penyedia.co.id")]));
    expect(d.map((x) => `${x.file} ${x.rule}`)).toEqual(["requests/dinkes/b.yaml cname.loop", "requests/dinkes/c.yaml cname.loop"]);
  });
  it("follows a loop through an extra CNAME record", () => {
    const d = run(Object.fromEntries([req("a", "www.b.contohkab.go.id"), ["requests/dinkes/b.yaml", requestText({ records: [{ name: "www", type: "CNAME", value: "a.contohkab.go.id" }] }, "b")]]));
    expect(rules(d)).toEqual(["cname.loop", "cname.loop"]);
  });
});
