// A sorted list read from bytes (src/artifacts/sorted.ts sortedLines), as the snapshot keeps a
// zone's record keys: every search answers as a search of the same strings in an array does,
// whatever the text (ASCII, or not: then split), and ends that do not fit the bytes give none.
import { describe, expect, it } from "vitest";
import { sortedArray, sortedLines } from "../../src/artifacts/sorted.ts";

const ends = (lines: readonly string[]) => {
  const out: number[] = [];
  for (let k = 0, end = -1; k < lines.length; k++) out.push((end += 1 + Buffer.byteLength(lines[k]!)));
  return Uint32Array.from(out);
};
const sorted = (lines: string[]) => [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const ascii = sorted(["contohkab.go.id\u0000_dmarc.sehat\u0000TXT", "contohkab.go.id\u0000sehat\u0000A", "contohkab.go.id\u0000sehat\u0000MX", "contohkab.go.id\u0000www.sehat\u0000CNAME", "contohkab.go.id\u0000a\u0000A", "contohkab.go.id\u0000a.b\u0000A", "x\u0000\u0000"]);
const other = sorted(["ü\u0000a", "z\u0000b", "\uffff", "😀", "ｆ", "a"]);
const probes = ["", "\u0000", "a", "contohkab.go.id", "contohkab.go.id\u0000sehat\u0000AAAA", "contohkab.go.id\u0000sehat\u0000A", "zz", "\uffff\uffff", "😀😀", ...ascii, ...other];

describe("a sorted list read from bytes", () => {
  for (const [name, lines] of [
    ["ASCII (searched in the bytes)", ascii],
    ["other text (split)", other],
    ["one line", [ascii[0]!]],
    ["an empty line among others", sorted(["", "a", "b"])],
    ["no lines", []],
  ] as [string, string[]][])
    it(`answers as the array of its strings does: ${name}`, () => {
      const list = sortedLines(Buffer.from(lines.join("\n")), ends(lines))!;
      const array = sortedArray(lines);
      expect(list.length).toBe(lines.length);
      lines.forEach((l, k) => expect(list.at(k)).toBe(l));
      for (const p of probes) {
        expect(list.has(p), p).toBe(lines.includes(p));
        expect(list.upperBound(p), p).toBe(lines.filter((l) => l <= p).length);
        expect([array.has(p), array.upperBound(p)]).toEqual([list.has(p), list.upperBound(p)]);
      }
    });

  it("gives none when the ends do not fit the bytes", () => {
    const bytes = Buffer.from(ascii.join("\n"));
    const good = ends(ascii);
    expect(sortedLines(bytes, good)).toBeDefined();
    expect(sortedLines(bytes.subarray(0, bytes.length - 1), good)).toBeUndefined();
    const shifted = good.slice();
    shifted[1]! += 1;
    expect(sortedLines(bytes, shifted)).toBeUndefined();
    const backwards = good.slice();
    backwards[2] = backwards[0]!;
    expect(sortedLines(bytes, backwards)).toBeUndefined();
    expect(sortedLines(Buffer.from("a"), new Uint32Array())).toBeUndefined();
  });
});
