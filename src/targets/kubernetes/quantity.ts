// Kubernetes resource quantities ("500m", "1Gi", "2") as numbers, only to compare them.
// Written by hand: the one JS parser (@kubernetes/client-node) is a whole API client to pull in
// for twenty lines, and we never format quantities back, we only pick the smaller string.

const SUFFIX: Record<string, number> = {
  "": 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** The value of a quantity in base units (cores, bytes), or NaN when it is not one we accept. */
export function quantityValue(q: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(q);
  if (!m) return Number.NaN;
  return Number(m[1]) * SUFFIX[m[2] ?? ""]!;
}

/** The smaller of two quantities, as written (the first when equal or not comparable). */
export function minQuantity(a: string, b: string): string {
  return quantityValue(b) < quantityValue(a) ? b : a;
}
