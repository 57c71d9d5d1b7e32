import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { nonPublic } from "../../../src/validate/rules/address.ts";
import { one, rules } from "../helpers.ts";

const server = (ipv4?: string[], ipv6?: string[]) => ({ target: { server: { ...(ipv4 ? { ipv4 } : {}), ...(ipv6 ? { ipv6 } : {}) } } });

describe("address.public", () => {
  it.each(["103.28.12.10", "36.91.1.1", "8.8.8.8"])("accepts public IPv4 %s", (a) => expect(nonPublic(ipaddr.parse(a))).toBeUndefined());
  it.each(["2400:cb00:2048:1::6810:1", "2001:4860:4860::8888"])("accepts public IPv6 %s", (a) => expect(nonPublic(ipaddr.parse(a))).toBeUndefined());
  it.each([
    "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "169.254.1.1", "100.64.0.1", "192.0.2.1", "198.51.100.7", "203.0.113.10",
    "198.18.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255",
  ])("refuses IPv4 %s", (a) => expect(nonPublic(ipaddr.parse(a))).toBeDefined());
  it.each(["::", "::1", "fe80::1", "fc00::1", "ff02::1", "2001:db8::1", "::ffff:8.8.8.8", "2002:c000:204::1", "2001:0:4136::1", "64:ff9b::8.8.8.8", "4000::1"])(
    "refuses IPv6 %s",
    (a) => expect(nonPublic(ipaddr.parse(a))).toBeDefined(),
  );
  it("applies to extra A and AAAA records too", () => {
    expect(rules(one({ records: [{ name: "db", type: "A", values: ["192.168.0.2"] }, { name: "db", type: "AAAA", values: ["fd00::2"] }] }))).toEqual(["address.public", "address.public"]);
  });
});

describe("address.syntax", () => {
  it.each(["1.2.3", "256.1.1.1", "0x7f.0.0.1", "01.2.3.4", "1.2.3.4/24", " 1.2.3.4", "sehat"])("refuses IPv4 written as %j", (a) =>
    expect(rules(one(server([a])))).toEqual(["address.syntax"]),
  );
  it("refuses an address in the wrong family's list and a zone index", () => {
    expect(rules(one(server(["2400:cb00::1"])))).toEqual(["address.syntax"]);
    expect(rules(one(server(undefined, ["103.28.12.10"])))).toEqual(["address.syntax"]);
    expect(rules(one(server(undefined, ["2400:cb00::1%eth0"])))).toEqual(["address.syntax"]);
  });
});

describe("address.duplicate", () => {
  it("finds the same IPv6 address written two ways", () => {
    expect(rules(one(server(undefined, ["2400:cb00::1", "2400:CB00:0:0::1"])))).toEqual(["address.duplicate"]);
  });
  it("allows the same address in two different lists", () => {
    expect(one({ ...server(["103.28.12.10"]), records: [{ name: "www", type: "A", values: ["103.28.12.10"] }] })).toEqual([]);
  });
});
