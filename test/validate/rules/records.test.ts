import { describe, expect, it } from "vitest";
import { txtChunks } from "../../../src/validate/rules/txt.ts";
import { one, requestText, rules, run, GOVERNANCE_TEXT } from "../helpers.ts";

describe("record.duplicate", () => {
  it("refuses an extra A record at the subdomain beside target.server", () => {
    expect(rules(one({ records: [{ type: "A", values: ["103.28.12.11"] }] }))).toEqual(["record.duplicate"]);
  });
  it("counts @ and an absent name as the same name", () => {
    expect(rules(one({ records: [{ type: "TXT", values: ["a"] }, { name: "@", type: "TXT", values: ["b"] }] }))).toEqual(["record.duplicate"]);
  });
});

describe("ttl.range", () => {
  it("uses governance limits, allows 1 (automatic), and checks records", () => {
    expect(one({ ttl: 1 })).toEqual([]);
    expect(one({ ttl: 300 })).toEqual([]);
    expect(rules(one({ ttl: 299 }))).toEqual(["ttl.range"]);
    expect(rules(one({ records: [{ name: "x", type: "TXT", ttl: 60, values: ["a"] }] }))).toEqual(["ttl.range"]);
  });
  it("defaults to 60..86400 when governance sets no limits", () => {
    const governance = GOVERNANCE_TEXT.replace(/^limits:\n  ttl: .*\n/m, "");
    expect(one({ ttl: 60 }, "sehat", "dinkes", { governance })).toEqual([]);
    expect(rules(one({ ttl: 59 }, "sehat", "dinkes", { governance }))).toEqual(["ttl.range"]);
  });
});

describe("txt.length", () => {
  it("accepts a 2048-byte value and splits it in 255-byte chunks", () => {
    const v = "v=DKIM1; k=rsa; p=" + "A".repeat(2030);
    expect(one({ records: [{ name: "s1._domainkey", type: "TXT", values: [v] }] })).toEqual([]);
    const chunks = txtChunks(v);
    expect(v.length).toBe(2048);
    expect(chunks.map((c) => c.length)).toEqual([...Array<number>(8).fill(255), 8]);
    expect(chunks.join("")).toBe(v);
  });
  it("refuses control characters and longer values", () => {
    expect(rules(one({ records: [{ type: "TXT", values: ["a\tb"] }] }))).toEqual(["txt.length"]);
    expect(rules(one({ records: [{ type: "TXT", values: ["x".repeat(2049)] }] }))).toEqual(["txt.length"]);
  });
});

describe("mx.fields", () => {
  const mx = (...values: { priority: number; exchange: string }[]) => ({ records: [{ type: "MX", values }] });
  it("accepts host names, a trailing dot, and a lone null MX", () => {
    expect(one(mx({ priority: 10, exchange: "aspmx.l.google.com." }, { priority: 20, exchange: "mail.contohkab.go.id" }))).toEqual([]);
    expect(one(mx({ priority: 0, exchange: "." }))).toEqual([]);
  });
  it("refuses a null MX beside others or with a priority", () => {
    expect(rules(one(mx({ priority: 0, exchange: "." }, { priority: 10, exchange: "mx.contoh.id" })))).toEqual(["mx.fields"]);
    expect(rules(one(mx({ priority: 5, exchange: "." })))).toEqual(["mx.fields"]);
  });
  it("refuses an exchange that another request made an alias", () => {
    const d = run({
      "requests/dinkes/sehat.yaml": requestText(mx({ priority: 10, exchange: "surel.contohkab.go.id" })),
      "requests/dinkes/surel.yaml": requestText({ target: { alias: "ghs.googlehosted.com" } }, "surel"),
    });
    expect(d.map((x) => `${x.file} ${x.rule}`)).toEqual(["requests/dinkes/sehat.yaml mx.fields"]);
  });
});

describe("caa.fields", () => {
  const caa = (...values: object[]) => ({ records: [{ type: "CAA", values }] });
  it("accepts issue with parameters, a forbidding ';', and https iodef", () => {
    expect(one(caa({ tag: "issue", value: "letsencrypt.org; validationmethods=dns-01" }, { tag: "issuewild", value: ";" }, { flags: 128, tag: "iodef", value: "https://csirt.contohkab.go.id/caa" }))).toEqual([]);
  });
  it("refuses other tags, flags and value forms", () => {
    expect(rules(one(caa({ tag: "issuemail", value: "x.id" })))).toEqual(["caa.fields"]);
    expect(rules(one(caa({ flags: 64, tag: "issue", value: "letsencrypt.org" })))).toEqual(["caa.fields"]);
    expect(rules(one(caa({ tag: "iodef", value: "ftp://x.id" })))).toEqual(["caa.fields"]);
  });
});

describe("srv.fields", () => {
  const srv = (name: string, ...targets: string[]) => ({ records: [{ type: "SRV", name, values: targets.map((target) => ({ priority: 10, weight: 5, port: 443, target })) }] });
  it("accepts _service._proto names and host or '.' targets", () => {
    expect(one(srv("_xmpp-server._tcp", "sehat.contohkab.go.id"))).toEqual([]);
    expect(one(srv("_sip._udp", "."))).toEqual([]);
  });
  it("refuses other names, IP targets and '.' beside others", () => {
    expect(rules(one(srv("_sip._http", "sip.contoh.id")))).toEqual(["srv.fields"]);
    expect(rules(one(srv("_sip._tcp", ".", "sip.contoh.id")))).toEqual(["srv.fields"]);
    expect(rules(one(srv("_sip._tcp", "2400:cb00::1")))).toEqual(["srv.fields"]);
  });
});
