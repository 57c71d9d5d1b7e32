// The skeleton of ASCII names is made by a loop over the few characters that map elsewhere
// (src/validate/confusable.ts); it must be exactly UTS #39's: each character replaced by its
// prototype from confusables.txt (the unhomoglyph data), the text NFD-normalised.
import fc from "fast-check";
import prototypes from "unhomoglyph/data.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { skeleton } from "../../src/validate/confusable.ts";

const table = prototypes as Record<string, string>;
const byDefinition = (text: string) => [...text.normalize("NFD")].map((c) => (Object.hasOwn(table, c) ? table[c]! : c)).join("").normalize("NFD");

describe("skeleton of ASCII text", () => {
  it("is each character's prototype, for any ASCII text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((n) => String.fromCharCode(n)), maxLength: 40 }), (text) => {
        expect(skeleton(text)).toBe(byDefinition(text));
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it("maps the look-alikes names hold and leaves other names as they are", () => {
    expect(skeleton("layanan-10069")).toBe("layanan-lOO69");
    expect(skeleton("modem")).toBe("rnodern");
    expect(skeleton("m")).toBe("rn");
    expect(skeleton("sehat")).toBe("sehat");
    expect(skeleton("")).toBe("");
    expect(skeleton("1m0")).toBe(byDefinition("1m0"));
  });
});
