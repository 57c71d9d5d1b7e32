// The rules' fast paths against their definitions: each shortcut taken for the usual case must give
// exactly what the general code gives, on every character class and on hostile texts.
import prototypes from "unhomoglyph/data.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { skeleton } from "../../../src/validate/confusable.ts";
import { validDate } from "../../../src/validate/dates.ts";
import { nipProblem } from "../../../src/validate/rules/contact.ts";

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

describe("contact.nip's digits read as numbers", () => {
  // The NIP's definition on text: its dates written out as YYYY-MM-DD and compared as text.
  const byDefinition = (nip: string, today: string): { id: string; en: string } | undefined => {
    if (!/^\d{18}$/.test(nip)) return { id: "NIP harus 18 angka", en: "a NIP has 18 digits" };
    const birth = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
    const appointed = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
    const gender = nip[14]!;
    if (!validDate(birth) || birth < "1930-01-01" || birth > today)
      return { id: `8 angka pertama (${nip.slice(0, 8)}) harus tanggal lahir TTTTBBHH yang sah`, en: `the first 8 digits (${nip.slice(0, 8)}) must be a valid birth date YYYYMMDD` };
    if (!validDate(`${appointed}-01`) || appointed > today.slice(0, 7))
      return { id: `angka ke-9 sampai 14 (${nip.slice(8, 14)}) harus bulan pengangkatan TTTTBB yang sah dan tidak di masa depan`, en: `digits 9-14 (${nip.slice(8, 14)}) must be a valid appointment month YYYYMM, not in the future` };
    if (Number(nip.slice(8, 12)) - Number(nip.slice(0, 4)) < 15)
      return { id: `tahun pengangkatan ${nip.slice(8, 12)} terlalu dekat dengan tahun lahir ${nip.slice(0, 4)}`, en: `appointment year ${nip.slice(8, 12)} is too close to birth year ${nip.slice(0, 4)}` };
    if (gender !== "1" && gender !== "2") return { id: `angka ke-15 (${gender}) adalah jenis kelamin: 1 atau 2`, en: `digit 15 (${gender}) is the gender: 1 or 2` };
    if (nip.slice(15) === "000") return { id: "3 angka terakhir adalah nomor urut: 001-999", en: "the last 3 digits are a serial number: 001-999" };
    return undefined;
  };
  it("gives the definition's answer on every edge of every field, and on random NIPs", () => {
    const pad = (n: number, w: number) => String(n).padStart(w, "0");
    const nips: string[] = ["", "1", "19870315201001200", "1987031520100120045", "19870315201001200x", "١٩٨٧٠٣١٥٢٠١٠٠١٢٠٠٤"];
    // Birth and appointment dates around every boundary: 1930, leap days, month 0 and 13, day 0
    // and 32, today's day and month, the 15-year gap; genders 0-3; serials 000 and 001.
    for (const year of [1929, 1930, 1931, 1900, 2000, 2004, 2011, 2026, 2027])
      for (const month of [0, 1, 2, 12, 13])
        for (const day of [0, 1, 28, 29, 30, 31, 32]) nips.push(`${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}201001${1 + (day % 2)}001`);
    for (const appointed of ["194414", "194500", "194501", "201912", "202605", "202606", "202607", "202612", "999912", "000001"])
      for (const tail of ["1000", "2001", "0001", "3001", "1999"]) nips.push(`19300101${appointed}${tail}`, `20110601${appointed}${tail}`);
    let s = 7;
    const next = (n: number) => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % n;
    for (let i = 0; i < 20_000; i++) nips.push(`${pad(1925 + next(105), 4)}${pad(next(14), 2)}${pad(next(33), 2)}${pad(1940 + next(90), 4)}${pad(next(14), 2)}${next(4)}${pad(next(3) ? next(1000) : 0, 3)}`);
    for (const today of ["2026-06-01", "2026-06-15", "2000-02-29", "2011-06-01"])
      for (const nip of nips) expect(nipProblem(nip, today), `${nip} ${today}`).toEqual(byDefinition(nip, today));
  });
});
