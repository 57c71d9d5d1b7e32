// Searching lists kept in text order (JavaScript's < on strings: how the snapshot sorts its keys,
// lines and paths).

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
