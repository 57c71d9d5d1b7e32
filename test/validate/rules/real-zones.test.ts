// Rules for the shapes of real zones: mail-only names, delegation, BIND's name checks per record
// type, and dangling in-zone destinations (across files, after deletion or decommission).
import { describe, expect, it } from "vitest";
import { GOVERNANCE_TEXT, one, requestText, rules, run } from "../helpers.ts";

const OPEN = GOVERNANCE_TEXT.replace("delegation: { allowed: true, requireDs: true }", "delegation: { allowed: true }");
const CLOSED = GOVERNANCE_TEXT.replace("    delegation: { allowed: true, requireDs: true }\n", "");
const DIGEST = "E2D3C916F6DEEAC73294E8268FB5885044A833FC5459588F4A9184CFC41A5766";
const delegation = (d: Record<string, unknown>) => ({ target: { delegation: { nameservers: ["ns1.dns-opd.example.net", "ns2.dns-opd.example.net"], ...d } } });

describe("target.or-records", () => {
  it("accepts a mail-only name: no target, MX and TXT", () => {
    const mail = { target: undefined, records: [{ type: "MX", values: [{ priority: 10, exchange: "mail.contohkab.go.id" }] }, { type: "TXT", values: ["v=spf1 mx -all"] }] };
    expect(one(mail)).toEqual([]);
  });
  it("refuses a request with neither a target nor a record, and says what to write", () => {
    const d = one({ target: undefined });
    expect(rules(d)).toEqual(["target.or-records"]);
    expect(d[0]!.message.id).toContain("records");
  });
});

describe("delegation", () => {
  it("is refused where governance does not allow it, and without DS where DS is required", () => {
    expect(rules(one(delegation({}), "sehat", "dinkes", { governance: CLOSED }))).toEqual(["delegation.allowed"]);
    expect(rules(one(delegation({})))).toEqual(["delegation.allowed"]); // fixture governance: requireDs
    expect(one(delegation({ ds: [{ keyTag: 2371, algorithm: 13, digestType: 2, digest: DIGEST }] }))).toEqual([]);
  });
  it("requires glue for a name server below the delegated name, and refuses glue for others", () => {
    const below = delegation({ nameservers: ["ns1.sehat.contohkab.go.id", "ns.dns-opd.example.net"] });
    const d = one(below, "sehat", "dinkes", { governance: OPEN });
    expect(rules(d)).toEqual(["delegation.fields"]);
    expect(d[0]!.message.en).toContain("add `glue` with name `ns1`");
    expect(one({ target: { delegation: { ...below.target.delegation, glue: [{ name: "ns1", ipv4: ["103.28.12.53"] }] } } }, "sehat", "dinkes", { governance: OPEN })).toEqual([]);
    expect(rules(one(delegation({ glue: [{ name: "ns9", ipv4: ["103.28.12.53"] }] }), "sehat", "dinkes", { governance: OPEN }))).toEqual(["delegation.fields"]);
  });
  it("refuses other records under a delegated name, a proxy, and a DS digest of the wrong length", () => {
    const d = one({ ...delegation({ ds: [{ keyTag: 1, algorithm: 13, digestType: 2, digest: DIGEST.slice(0, 40) }] }), proxied: true, records: [{ type: "TXT", name: "www", values: ["x"] }] }, "sehat", "dinkes", { governance: OPEN });
    expect(rules(d).sort()).toEqual(["delegation.fields", "delegation.fields", "delegation.fields"]);
    expect(d.map((x) => x.message.en).join(" ")).toMatch(/remove `records`[\s\S]*64 hexadecimal digits|64 hexadecimal digits[\s\S]*remove `records`/);
  });
  it("refuses a private glue address like any published address", () => {
    const d = one(delegation({ nameservers: ["ns1.sehat.contohkab.go.id"], glue: [{ name: "ns1", ipv4: ["10.0.0.53"] }] }), "sehat", "dinkes", { governance: OPEN });
    expect(rules(d)).toEqual(["address.public"]);
  });
});

describe("name.bind-host", () => {
  it("refuses an MX at an underscore name and names the type", () => {
    const d = one({ records: [{ type: "MX", name: "mail._improvmx", values: [{ priority: 10, exchange: "mx1.improvmx.com" }] }] });
    expect(rules(d)).toEqual(["name.bind-host"]);
    expect(d[0]!.message.en).toContain("BIND refuses the whole zone when an MX record is at the name `mail._improvmx`");
  });
  it("refuses A and AAAA owners and MX/SRV/NS destinations with underscores, keeps TXT, CNAME and SRV owners", () => {
    expect(rules(one({ records: [{ type: "A", name: "_x", values: ["103.28.12.11"] }] }))).toEqual(["name.bind-host"]);
    expect(rules(one({ records: [{ type: "SRV", name: "_sip._tcp", values: [{ priority: 1, weight: 1, port: 5060, target: "sip._x.example.net" }] }] }))).toEqual(["name.bind-host"]);
    expect(rules(one(delegation({ nameservers: ["_ns1.example.net", "ns2.example.net"] }), "sehat", "dinkes", { governance: OPEN }))).toEqual(["name.bind-host"]);
    const fine = [
      { type: "TXT", name: "_dmarc", values: ["v=DMARC1; p=none"] },
      { type: "CNAME", name: "selector1._domainkey", value: "selector1-x._domainkey.example.onmicrosoft.com" },
      { type: "SRV", name: "_minecraft._tcp.game", values: [{ priority: 0, weight: 5, port: 25565, target: "sehat.contohkab.go.id" }] },
    ];
    expect(one({ records: fine })).toEqual([]);
  });
  it("keeps srv.fields refusing an underscore in the host part below the service", () => {
    expect(rules(one({ records: [{ type: "SRV", name: "_minecraft._tcp._game", values: [{ priority: 0, weight: 5, port: 25565, target: "." }] }] }))).toEqual(["srv.fields"]);
  });
});

describe("name.dangling", () => {
  const alias = (to: string) => requestText({ target: { alias: to } }, "jadwal");
  const portal = requestText({}, "portal");
  it("accepts an in-zone destination that another request creates, a protected name, and names outside the zones", () => {
    expect(run({ "requests/dinkes/jadwal.yaml": alias("portal.contohkab.go.id"), "requests/dinkes/portal.yaml": portal })).toEqual([]);
    expect(run({ "requests/dinkes/jadwal.yaml": alias("www.contohkab.go.id") })).toEqual([]);
    expect(run({ "requests/dinkes/jadwal.yaml": alias("dinkes.github.io") })).toEqual([]);
  });
  it("names the missing name when the other request is absent, deleted by a second pull request, or decommissioned", () => {
    const d = run({ "requests/dinkes/jadwal.yaml": alias("portal.contohkab.go.id") });
    expect(rules(d)).toEqual(["name.dangling"]);
    expect(d[0]!.message.en).toContain("`portal.contohkab.go.id`");
    const gone = { reason: "Aplikasi tidak dipakai lagi", letter: { number: "000.1/9/2026", date: "2026-04-01" } };
    const dec = run({ "requests/dinkes/jadwal.yaml": alias("portal.contohkab.go.id"), "requests/dinkes/portal.yaml": requestText({ decommission: gone }, "portal") });
    expect(dec.map((x) => `${x.file} ${x.rule}`)).toEqual(["requests/dinkes/jadwal.yaml name.dangling"]);
  });
  it("checks MX, SRV and NS destinations too, and asks addresses of an in-zone name server", () => {
    const mx = run({ "requests/dinkes/sehat.yaml": requestText({ records: [{ type: "MX", values: [{ priority: 10, exchange: "mx.sehat.contohkab.go.id" }] }] }) });
    expect(rules(mx)).toEqual(["name.dangling"]);
    const withMx = requestText({ records: [{ type: "MX", values: [{ priority: 10, exchange: "mx.sehat.contohkab.go.id" }] }, { type: "A", name: "mx", values: ["103.28.12.25"] }] });
    expect(run({ "requests/dinkes/sehat.yaml": withMx })).toEqual([]);
    const ns = (to: string) => requestText(delegation({ nameservers: [to, "ns.dns-opd.example.net"] }), "opd");
    const aliasOnly = requestText({ target: { alias: "dinkes.github.io" } }, "portal");
    const d = run({ "requests/dinkes/opd.yaml": ns("portal.contohkab.go.id"), "requests/dinkes/portal.yaml": aliasOnly }, { governance: OPEN });
    expect(rules(d)).toEqual(["name.dangling"]);
    expect(d[0]!.message.en).toContain("has no address (A/AAAA)");
    expect(run({ "requests/dinkes/opd.yaml": ns("portal.contohkab.go.id"), "requests/dinkes/portal.yaml": portal }, { governance: OPEN })).toEqual([]);
  });
  it("accepts names below a delegation, which only the OPD's servers know", () => {
    const deleg = requestText(delegation({}), "opd");
    expect(run({ "requests/dinkes/opd.yaml": deleg, "requests/dinkes/jadwal.yaml": alias("app.opd.contohkab.go.id") }, { governance: OPEN })).toEqual([]);
  });
});
