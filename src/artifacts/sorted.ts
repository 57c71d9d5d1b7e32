// Searching lists kept in text order (JavaScript's < on strings: how the snapshot sorts its keys,
// lines and paths).
import { isAscii } from "node:buffer";

/** The first index whose item is not before `key`: where `key` is, or would go. */
export function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sorted list of strings (JavaScript's < order), searched without making a string of each. */
export interface SortedList {
  readonly length: number;
  at(k: number): string;
  /** The first index whose item is after `key`: where an item after every `key` goes. */
  upperBound(key: string): number;
  has(key: string): boolean;
}

/**
 * The lines of `bytes`, given where each ends (`ends[k]`: the offset of line k's newline, or of the
 * end), as a SortedList that decodes only the lines a search reaches. A zone's record keys are
 * ~40,000 lines (1.5 MB): split into strings they were ~4 MB of new memory and ~15 ms of a
 * one-file plan that searches a few. In ASCII, byte order is the strings' order; other text is
 * split once instead. Undefined when `ends` do not fit `bytes`. The order is not checked: the
 * bytes come with their digest, and were written sorted.
 */
export function sortedLines(bytes: Buffer, ends: Uint32Array): SortedList | undefined {
  let ok = ends.length === 0 ? bytes.length === 0 : ends[ends.length - 1] === bytes.length;
  for (let k = 0, start = 0; ok && k < ends.length; k++) {
    const end = ends[k]!;
    ok = end >= start && (k === ends.length - 1 || bytes[end] === 0x0a);
    start = end + 1;
  }
  if (!ok) return undefined;
  if (!isAscii(bytes)) return sortedArray(ends.length ? bytes.toString("utf8").split("\n") : []);
  return sortedList(ends.length, (k) => bytes.toString("latin1", k === 0 ? 0 : ends[k - 1]! + 1, ends[k]!));
}

/** A SortedList of strings already made. */
export function sortedArray(list: readonly string[]): SortedList {
  return sortedList(list.length, (k) => list[k]!);
}

/** The SortedList of `length` items, item k being `at(k)`: searched by binary search. */
function sortedList(length: number, at: (k: number) => string): SortedList {
  const upperBound = (key: string) => {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key < at(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const has = (key: string) => {
    const k = upperBound(key);
    return k > 0 && at(k - 1) === key;
  };
  return { length, at, upperBound, has };
}
