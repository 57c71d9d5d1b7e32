// The comparison rules on their own: TTL counts, record order and duplicates do not, SOA and
// DNSSEC records belong to the server, and extra RRsets are only claimed from a complete zone.
import { describe, expect, it } from "vitest";
import { parseCanonical } from "../../src/import/canonical.ts";
import { compareZone, isEqual } from "../../src/import/compare.ts";

const zone = (...lines: string[]) => parseCanonical(lines.join("\n"));
const desired = zone("a.x.go.id. 300 IN A 192.0.2.1", "a.x.go.id. 300 IN A 192.0.2.2", 'b.x.go.id. 300 IN TXT "v=spf1 -all"', "x.go.id. 3600 IN SOA ns1.x.go.id. h.x.go.id. 1 2 3 4 5");

describe("compareZone", () => {
  it("is equal regardless of order, duplicates, SOA values and DNSSEC records", () => {
    const live = zone('b.x.go.id. 300 IN TXT "v=spf1 -all"', "a.x.go.id. 300 IN A 192.0.2.2", "a.x.go.id. 300 IN A 192.0.2.1", "a.x.go.id. 300 IN A 192.0.2.1", "x.go.id. 60 IN SOA ns.cf. dns.cf. 9 9 9 9 9", "a.x.go.id. 300 IN RRSIG A 13 4 300 20260101000000 20250101000000 1 x.go.id. abc=");
    expect(isEqual(compareZone(desired, live, true))).toBe(true);
  });

  it("a TTL or one record of a set differing makes the set different; a set absent is missing", () => {
    const d = compareZone(desired, zone("a.x.go.id. 60 IN A 192.0.2.1", "a.x.go.id. 60 IN A 192.0.2.2"), false);
    expect(d.different.map((s) => s.got)).toEqual([["a.x.go.id. 60 A 192.0.2.1", "a.x.go.id. 60 A 192.0.2.2"]]);
    expect(d.missing.map((s) => `${s.owner} ${s.type}`)).toEqual(["b.x.go.id TXT"]);
    expect(d.extra).toBeUndefined(); // not known without a zone transfer
  });

  it("extra RRsets only from a complete zone, including another type at a desired name", () => {
    const live = [...desired, ...zone("a.x.go.id. 300 IN AAAA 2001:db8::1", "c.x.go.id. 300 IN CNAME a.x.go.id.")];
    expect(compareZone(desired, live, true).extra!.map((s) => `${s.owner} ${s.type}`)).toEqual(["a.x.go.id AAAA", "c.x.go.id CNAME"]);
    expect(isEqual(compareZone(desired, live, false))).toBe(true);
  });
});
