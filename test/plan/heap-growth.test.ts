// A plan that fills the cache holds V8's heap growth down for its run (src/artifacts/heap-growth.ts).
// The flag is part of the hash V8 checks a code cache against: when the run ends, however it ends,
// the flags must be as before, or the code cache written at exit would be refused by every next run.
import { cachedDataVersionTag } from "node:v8";
import { describe, expect, it } from "vitest";
import { withHeldHeapGrowth } from "../../src/artifacts/heap-growth.ts";

describe("holding the heap's growth down while the cache is filled", () => {
  it("holds it during the run and gives the flags back after it, also when the run fails", async () => {
    const before = cachedDataVersionTag();
    const during = await withHeldHeapGrowth(async () => cachedDataVersionTag());
    expect(during).not.toBe(before);
    expect(cachedDataVersionTag()).toBe(before);
    await expect(
      withHeldHeapGrowth(async () => {
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(cachedDataVersionTag()).toBe(before);
  });
});
