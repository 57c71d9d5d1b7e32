// Positions packed for the trip between threads come back as the same record, unpacked only
// when read, and then behave as an ordinary data property.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { definePackedPositions, packPositions, unpackPositions } from "../../src/load/positions-transfer.ts";
import { definePositions, parseYaml } from "../../src/load/parse.ts";
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

describe("lazy positions on thousands of files", () => {
  it("gives every file's object the same hidden class, so rules reading them stay fast", () => {
    // V8's own answer, asked in a child with its natives on (a closure per object once gave each
    // file's object a shape of its own: ~7% of validate's time and ~35 MB for 15,000 files).
    const script = `
      import { definePositions } from ${JSON.stringify(new URL("../../src/load/parse.ts", import.meta.url).href)};
      const make = (file) => definePositions({ file, value: { label: file } }, () => ({ "": [1, 1] }));
      const a = make("a.yaml"), b = make("b.yaml"), c = make("c.yaml");
      void c.positions;
      const d = make("d.yaml");
      void d.positions;
      console.log(JSON.stringify([%HaveSameMap(a, b), %HaveSameMap(c, d), %HaveSameMap(a, c)]));`;
    const run = spawnSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    // Unread ones share one class, read ones another.
    expect(JSON.parse(run.stdout)).toEqual([true, true, false]);
  });

  it("computes once, keeps nothing of the computation after, and takes an assignment as the value", () => {
    let calls = 0;
    const target = definePositions({ file: "f" }, () => (calls++, { "/label": [2, 8] as [number, number] }));
    expect(calls).toBe(0);
    expect(target.positions).toEqual({ "/label": [2, 8] });
    expect(target.positions).toBe(target.positions);
    expect(calls).toBe(1);
    expect(Object.getOwnPropertySymbols(target).map((s) => (target as unknown as Record<symbol, unknown>)[s])).toEqual([undefined]);
    expect({ ...target }).toEqual({ file: "f", positions: { "/label": [2, 8] } });
    const assigned = definePositions({ file: "g" }, () => {
      throw new Error("never computed when assigned first");
    });
    assigned.positions = {};
    expect(assigned.positions).toEqual({});
    expect(Object.getOwnPropertyDescriptor(assigned, "positions")!.writable).toBe(true);
  });
});
