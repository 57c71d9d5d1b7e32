// The first 128 bits of a SHA-256 as four 32-bit words, the form index.bin keeps for each piece
// the snapshot checks on its own (a file's entry, a block of links.txt): 16 bytes instead of a
// 64-character hex text each, for ~15,000 entries.
import { createHash } from "node:crypto";

export function digestWords(bytes: Uint8Array | string): number[] {
  const d = createHash("sha256").update(bytes).digest();
  return [d.readUInt32LE(0), d.readUInt32LE(4), d.readUInt32LE(8), d.readUInt32LE(12)];
}

/** Whether `bytes` are the piece whose 4 digest words start at `words[4 * i]`. */
export function digestMatches(bytes: Uint8Array, words: ArrayLike<number>, i: number): boolean {
  return digestWords(bytes).every((w, k) => w === words[4 * i + k]);
}
