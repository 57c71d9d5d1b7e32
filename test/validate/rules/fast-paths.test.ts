// The rules' fast paths against their definitions: each shortcut taken for the usual case must give
// exactly what the general code gives, on every character class and on hostile texts.
import prototypes from "unhomoglyph/data.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { skeleton } from "../../../src/validate/confusable.ts";

const MAP = new Map<string, string>(Object.entries(prototypes as Record<string, string>));
const ALL_ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join("");

describe("skeleton of ASCII text", () => {
  // UTS #39's definition, character by character (NFD changes no ASCII text).
  const byDefinition = (t: string) => [...t].map((c) => MAP.get(c) ?? c).join("");
  it("maps every ASCII character as confusables.txt does", () => {
    for (const t of [ALL_ASCII, [...ALL_ASCII].reverse().join(""), "layanan-110", "rn-m", "I|l1O0", "\\]^-[", "", "$&$'$`"]) expect(skeleton(t), JSON.stringify(t)).toBe(byDefinition(t));
    expect(skeleton("layanan-10")).toBe(skeleton("layanan-lO"));
  });
});

/** Deterministic texts over an alphabet, with the lengths and characters the shortcuts hinge on. */
function texts(alphabet: string, count: number, maxLength: number, seed = 1): string[] {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(next() * maxLength);
    let t = "";
    for (let j = 0; j < n; j++) t += alphabet[Math.floor(next() * alphabet.length)];
    out.push(t);
  }
  return out;
}

describe("host names", () => {
  const hostile = ["a.b", "a.b.", "a.", ".a.b", "a..b", "1.2", "1.2.3.4", "1.2.3.4.", "-a.b", "a-.b", "ab--c.d", "xn--bcher-kva.de", "xn--zz.de", "A.B", "Mail.Contoh.GO.ID", `${"a".repeat(63)}.id`, `${"a".repeat(64)}.id`, "a_b.c", "_dmarc.c", "http://a.b/", "2001:db8::1", "a.b\n", "a.b ", "bücher.de", "a:b.c"];
  it("gives the full check's answer on hostile and random texts", async () => {
    const { hostProblem, hostProblemInFull } = await import("../../../src/validate/host-name.ts");
    for (const t of [...hostile, ...texts("ab1-.", 4000, 12), ...texts("aZ09-._:/x", 3000, 20, 7), ...texts("a-.", 500, 140, 3)]) expect(hostProblem(t), JSON.stringify(t)).toEqual(hostProblemInFull(t));
  });
});

describe("address ranges", () => {
  it("names the range ipaddr.js names, for every leading octet and 16-bit part", async () => {
    const ipaddr = (await import("ipaddr.js")).default;
    const { rangeOf } = await import("../../../src/validate/rules/address.ts");
    let s = 5;
    const next = (n: number) => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % n);
    const seen = new Set<string>();
    for (let a = 0; a < 256; a++)
      for (let k = 0; k < 40; k++) {
        const v4 = new ipaddr.IPv4([a, k < 4 ? [0, 88, 51, 255][k]! : next(256), k < 4 ? [0, 99, 100, 255][k]! : next(256), next(256)]);
        expect(rangeOf(v4), v4.toString()).toBe(v4.range());
        seen.add(v4.range());
      }
    for (let p = 0; p < 65536; p += p < 0x300 || (p >= 0x1ff0 && p < 0x2700) || p >= 0xfb00 ? 1 : 7)
      for (let k = 0; k < 3; k++) {
        const v6 = new ipaddr.IPv6([p, k === 0 ? 0 : next(65536), k === 2 ? 0x112 : next(16), 0, 0, k === 0 ? 0xffff : 0, 0, k === 0 ? 0 : next(65536)]);
        expect(rangeOf(v6), v6.toString()).toBe(v6.range());
        seen.add(v6.range());
      }
    for (const t of ["::", "::1", "::ffff:10.0.0.1", "64:ff9b::1", "2001:db8::1", "2002::1", "2001:2::1", "2620:4f:8000::1", "fe80::1", "ff02::1", "fc00::1", "100::1"]) expect(rangeOf(ipaddr.IPv6.parse(t)), t).toBe(ipaddr.IPv6.parse(t).range());
    // The test reached the special ranges, not only unicast.
    for (const r of ["private", "loopback", "multicast", "reserved", "linkLocal", "uniqueLocal", "6to4", "teredo", "ipv4Mapped", "unicast"]) expect(seen.has(r), r).toBe(true);
  });
});

describe("labels and record names", () => {
  it("takes the shortcut only for names every part check accepts", async () => {
    const { plainName, labelProblem, idnProblem } = await import("../../../src/validate/rules/label.ts");
    // What the full path finds of a name's parts (label.syntax and label.idn): nothing, for a plain name.
    const partsClean = (text: string, record: boolean) => (record || !text.includes(".")) && text.split(".").every((p) => !idnProblem(p) && /^[\x00-\x7f]*$/.test(p) && !labelProblem(p, record));
    const hostile = ["a", "-a", "a-", "ab--c", "xn--bcher-kva", "_dmarc", "_", "__a", "a._b", "_sip._tcp", "a..b", ".a", "a.", "A", "a_b", "a b", `${"a".repeat(63)}`, `${"a".repeat(64)}`, `_${"a".repeat(62)}`, `_${"a".repeat(63)}`, "bücher", "a\n"];
    let plain = 0;
    for (const record of [false, true])
      for (const t of [...hostile, ...texts("ab1-._", 6000, 10, 11), ...texts("a-._", 300, 70, 13)]) {
        if (!plainName(t, record)) continue;
        plain++;
        expect(partsClean(t, record), `${JSON.stringify(t)} record=${record}`).toBe(true);
      }
    expect(plain).toBeGreaterThan(1000);
  });
});

describe("owned names of many requests", () => {
  it("stay right past the bound of the cache, recomputed once forgotten", async () => {
    const { ownedNames } = await import("../../../src/validate/request-names.ts");
    const make = (i: number) => ({ label: `nama-${i}`, target: { server: { ipv4: ["103.1.1.1"] } }, records: [{ name: "mail", type: "A", values: ["103.1.1.2"] }] }) as never;
    const first = make(0);
    const before = ownedNames(first);
    expect(ownedNames(first)).toBe(before); // remembered
    for (let i = 1; i < 70_000; i++) ownedNames(make(i));
    const after = ownedNames(first);
    expect(after).toEqual(before);
    expect(after.map((n) => n.name)).toEqual(["nama-0", "mail.nama-0"]);
  });
});
