// spliceFile (src/artifacts/splice.ts): an output made of a stored file's byte ranges and texts of
// its own, streamed through small buffers, must be byte for byte the pieces joined, whatever the
// buffers' size; and a stored file that is not the one its digest names (altered, shorter) must
// fail, not give a file that looks right.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkText } from "../../src/artifacts/checksum.ts";
import { spliceBuffers, spliceFile, type Piece } from "../../src/artifacts/splice.ts";

const dir = mkdtempSync(join(tmpdir(), "splice-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const digest = (b: Uint8Array) => checkText(b);
/** A stored file: lines of mixed width, some not ASCII (bytes of one character split across chunks). */
const stored = Buffer.from(Array.from({ length: 300 }, (_, i) => `baris ${i} ${i % 7 === 0 ? "bücher ñandú 😀" : "x".repeat(i % 13)}\n`).join(""));
const source = join(dir, "stored.txt");
writeFileSync(source, stored);

/** What the pieces are meant to give. */
const joined = (pieces: Piece[]) => Buffer.concat(pieces.map((p) => (Array.isArray(p) ? stored.subarray(p[0], p[1]) : (p as Uint8Array))));

function splice(pieces: Piece[], size: number, file = source, want = digest(stored)) {
  const dest = join(dir, `out-${size}.txt`);
  const ok = spliceFile(file, want, pieces, dest, spliceBuffers(size));
  return { ok, bytes: readFileSync(dest) };
}

describe("spliceFile", () => {
  const n = stored.length;
  const pieces: Piece[] = [
    Buffer.from("; kepala yang baru\n"),
    [0, 100],
    Buffer.from("rekaman yang diubah ☺\n"),
    [100, 101],
    [250, 1234],
    Buffer.from("x".repeat(70)), // longer than the smallest buffers
    [1234, 1234],
    [n - 500, n],
  ];

  for (const size of [1, 3, 7, 64, 4096, 1 << 20])
    it(`gives the pieces joined, byte for byte, with buffers of ${size} bytes`, () => {
      const r = splice(pieces, size);
      expect(r.ok).toBe(true);
      expect(r.bytes.equals(joined(pieces))).toBe(true);
    });

  it("reads and checks the whole stored file even when the pieces use only its start", () => {
    expect(splice([[0, 10]], 16).ok).toBe(true);
    // The change is after every piece: the digest still sees it.
    const altered = Buffer.from(stored);
    altered[n - 2] = altered[n - 2] === 0x31 ? 0x32 : 0x31;
    writeFileSync(join(dir, "altered.txt"), altered);
    expect(splice([[0, 10]], 16, join(dir, "altered.txt")).ok).toBe(false);
    // Inside a piece, too.
    expect(splice(pieces, 64, join(dir, "altered.txt")).ok).toBe(false);
  });

  it("fails for a stored file shorter than a piece, and for pieces out of order", () => {
    writeFileSync(join(dir, "short.txt"), stored.subarray(0, 1000));
    expect(splice(pieces, 64, join(dir, "short.txt"), digest(stored.subarray(0, 1000))).ok).toBe(false);
    expect(splice([[0, n + 1]], 64).ok).toBe(false);
    // A range starting before the chunk already passed (the stored bytes are read once, in order).
    expect(splice([[500, 900], [10, 20]], 64).ok).toBe(false);
    expect(splice([[20, 10]], 64).ok).toBe(false);
  });

  it("an empty list of pieces gives an empty file, the stored file still checked", () => {
    const r = splice([], 64);
    expect(r.ok).toBe(true);
    expect(r.bytes.length).toBe(0);
    expect(splice([], 64, source, digest(Buffer.from("lain"))).ok).toBe(false);
  });
});
