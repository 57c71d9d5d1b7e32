// Positions packed for the trip between threads come back as the same record, unpacked only
// when read, and then behave as an ordinary data property.
import { describe, expect, it } from "vitest";
import { definePackedPositions, packPositions, unpackPositions } from "../../src/load/positions-transfer.ts";
import { parseYaml } from "../../src/load/parse.ts";
import { requestText } from "./helpers.ts";

const loaded = parseYaml("requests/dinkes/sehat.yaml", new TextEncoder().encode(requestText()));

describe("positions between threads", () => {
  it("round-trips a file's positions exactly, through structured cloning too", () => {
    expect(Object.keys(loaded.positions).length).toBeGreaterThan(10);
    expect(unpackPositions(structuredClone(packPositions(loaded.positions)))).toStrictEqual(loaded.positions);
    expect(unpackPositions(packPositions({}))).toStrictEqual({});
  });

  it("keeps unusual pointers (escapes, unicode, empty keys) intact", () => {
    const odd = { "": [1, 1] as [number, number], "/a~1b/~0c": [2, 3] as [number, number], "/bücher/😀#key": [4, 5] as [number, number], "/x/": [6, 7] as [number, number] };
    expect(unpackPositions(packPositions(odd))).toStrictEqual(odd);
  });

  it("unpacks on first read, into a plain enumerable data property", () => {
    const target = definePackedPositions({ file: "f" }, packPositions(loaded.positions));
    expect(Object.getOwnPropertyDescriptor(target, "positions")!.get).toBeDefined();
    expect(target.positions).toStrictEqual(loaded.positions);
    const after = Object.getOwnPropertyDescriptor(target, "positions")!;
    expect(after.get).toBeUndefined();
    expect(after.enumerable).toBe(true);
    expect(target.positions).toBe(target.positions);
  });
});
