// Sorted lines in blocks (src/artifacts/line-blocks.ts), the snapshot's links: a search through the
// block index must find exactly the lines a scan of the whole text finds, whatever the block size
// (keys whose lines run across several blocks, keys before the first line and after the last, a key
// that is a block's first line, keys not in ASCII, astral characters included), and must read only
// the blocks it needs.
import { describe, expect, it } from "vitest";
import { LineBlocksWriter, linesWithPrefix } from "../../src/artifacts/line-blocks.ts";
import { checkMatches } from "../../src/artifacts/checksum.ts";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lines as the snapshot writes them: "rule \u0001 role \u0001 key \t index", sorted as text. */
function sortedLines(seed: number, n: number): { lines: string[]; keys: string[] } {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const words = ["a", "app1", "app10", "bücher", "café", "zz", "ｆｕｌｌ", "😀smile", "\u00e9", "e\u0301", "rn", "m"];
  const keys = Array.from({ length: 40 }, (_, i) => `r${i % 3}\u0001${"gpc"[i % 3]}\u0001${JSON.stringify(words[i % words.length]! + (i % 5 ? i : ""))}\t`);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    // Some keys have many lines (a popular name), most a few.
    const k = keys[rnd() < 0.3 ? 0 : Math.floor(rnd() * keys.length)]!;
    lines.push(`${k}${Math.floor(rnd() * 15000)}`);
  }
  return { lines: [...new Set(lines)].sort(cmp), keys: [...keys, "a", "\uffff", "r1\u0001g\u0001", "r0"] };
}

function write(lines: string[], block: number) {
  let text = "";
  const w = new LineBlocksWriter((t) => (text += t), block);
  for (const l of lines) w.line(`${l}\n`);
  const index = w.end();
  const bytes = Buffer.from(text);
  return { bytes, index };
}

describe("lines in blocks", () => {
  for (const block of [1, 40, 300, 4096, 1 << 20])
    it(`finds exactly what a scan finds, blocks of ${block} bytes`, () => {
      const { lines, keys } = sortedLines(block, 600);
      const { bytes, index } = write(lines, block);
      expect(bytes.toString("utf8")).toBe(lines.map((l) => `${l}\n`).join(""));
      expect(index.offsets.at(-1)).toBe(bytes.length);
      const read = new Set<number>();
      const text = (j: number) => {
        read.add(j);
        const b = bytes.subarray(index.offsets[j]!, index.offsets[j + 1]!);
        expect(checkMatches(b, index.digests, j)).toBe(true);
        return b.toString("utf8");
      };
      for (const k of [...keys, ...index.first.slice(1, 6).map((f) => f.slice(0, f.indexOf("\t") + 1))]) {
        read.clear();
        const want = lines.filter((l) => l.startsWith(k)).map((l) => l.slice(k.length));
        expect(linesWithPrefix(index.first, text, k)).toEqual(want);
        // The blocks holding its lines, and at most one before them and one after.
        const bytesOfLines = Buffer.byteLength(want.map((w) => `${k}${w}\n`).join(""));
        expect(read.size).toBeLessThanOrEqual(Math.ceil(bytesOfLines / block) + 3);
      }
    });

  it("an empty list is one empty block, and searching it finds nothing", () => {
    const { bytes, index } = write([], 64);
    expect(bytes.length).toBe(0);
    expect(index.offsets).toEqual([0, 0]);
    expect(linesWithPrefix(index.first, () => "", "a")).toEqual([]);
  });

  it("a block whose bytes changed is not intact", () => {
    const { bytes, index } = write(sortedLines(3, 200).lines, 256);
    const b = Buffer.from(bytes.subarray(index.offsets[1]!, index.offsets[2]!));
    expect(checkMatches(b, index.digests, 1)).toBe(true);
    b[3]! ^= 1;
    expect(checkMatches(b, index.digests, 1)).toBe(false);
    expect(checkMatches(b.subarray(0, b.length - 1), index.digests, 1)).toBe(false);
  });
});
