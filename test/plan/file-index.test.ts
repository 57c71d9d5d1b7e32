// The snapshot's index of its files (src/artifacts/snapshot.ts fileIndex): by binary search when
// the list is in text order, by a Map otherwise; either way every path is found where it is, and
// nothing else is found.
import { describe, expect, it } from "vitest";
import { fileIndex } from "../../src/artifacts/snapshot.ts";

const paths = ["requests/opd01/a.yaml", "requests/opd01/xn--bcher-kva.yaml", "requests/opd02/b.yaml", "requests/opd02/b.yaml.bak", "requests/opd10/ü.yaml", "requests/opd10/😀.yaml", "requests/opd10/ｆ.yaml"];
const absent = ["", "requests", "requests/opd01/", "requests/opd01/a.yam", "requests/opd02/b.yamk", "requests/opd03/c.yaml", "requests/opd99/z.yaml", "\uffff"];

describe("the snapshot's file index", () => {
  for (const [name, list] of [
    ["in text order (binary search)", [...paths].sort((a, b) => (a < b ? -1 : 1))],
    ["in another order (a Map)", [...paths].reverse()],
    ["empty", []],
    ["one path", [paths[0]!]],
  ] as [string, readonly string[]][])
    it(`finds every path where it is and nothing else: ${name}`, () => {
      const index = fileIndex(list);
      list.forEach((p, i) => {
        expect(index.get(p)).toBe(i);
        expect(index.has(p)).toBe(true);
      });
      for (const p of [...absent, ...paths.filter((p) => !list.includes(p))]) {
        expect(index.get(p)).toBeUndefined();
        expect(index.has(p)).toBe(false);
      }
    });
});
