// How the snapshot (./snapshot.ts) checks its own bytes: CRC-32 (node:zlib), which finds damage,
// a truncated file or bytes changed since they were written. It is no defence against an
// adversary, and none is claimed: whoever can write the cache folder can write matching checks
// with any algorithm (README, "Plan cache"). SHA-256 cost a one-file plan of 15,000 requests
// ~17 ms of its 0.5 s budget (~13 MB of stored zone and registry); CRC-32 ~2 ms.
import { crc32 } from "node:zlib";

/** A piece's check word (its CRC-32; a text counts as its UTF-8 bytes), the form index.bin keeps per piece. */
export const checkWord = (bytes: Uint8Array | string): number => crc32(bytes);

/** Whether `bytes` are the piece whose check word is `words[i]`. */
export const checkMatches = (bytes: Uint8Array, words: ArrayLike<number>, i: number): boolean => crc32(bytes) === words[i];

/** A whole file's check as text: its length in bytes and its CRC-32, as meta.json keeps them. */
export const checkText = (bytes: Uint8Array | string): string => checkOf(typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.length, crc32(bytes));

const checkOf = (length: number, crc: number) => `${length}:${crc.toString(16).padStart(8, "0")}`;

/** checkText of bytes seen a chunk at a time, in order. */
export class RunningCheck {
  private length = 0;
  private crc = 0;

  update(bytes: Uint8Array): void {
    this.crc = crc32(bytes, this.crc);
    this.length += bytes.length;
  }

  text(): string {
    return checkOf(this.length, this.crc);
  }
}
