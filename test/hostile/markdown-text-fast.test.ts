// markdownText returns text that holds nothing to escape as it is (a fast path for the registry's
// 150,000 cells). Against the four replacements it skips, on random text built from everything
// they act on (each special character, "://", "www." in any case, control characters) and from
// characters they leave alone: the fast path may never skip a string the replacements would change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markdownText } from "../../src/diagnostics/inert.ts";

/** The replacements as they are written in inert.ts, applied to every string: the reference. */
const NAMED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const reference = (s: string) =>
  s
    .replace(/[\x00-\x1f\x7f-\x9f]/g, " ")
    .replace(/[\\`*_{}[\]#!|<>&~$@]/g, (c) => (NAMED[c] ?? `&#${c.charCodeAt(0)};`) + (c === "@" || c === "#" ? "\u2060" : ""))
    .replace(/:\/\//g, "&#58;//")
    .replace(/(www)\./gi, "$1&#46;");

const PIECES = ["a", "Z", "0", " ", "-", ".", "/", ":", "é", "ñ", "日", "😀", "\u2060", "\u00a0", "w", "W", "ww", "www", "WwW.", "://", ":/", "\n", "\t", "\u0000", "\u007f", "\u009f", "\u00a0", ..."\\`*_{}[]#!|<>&~$@".split("")];

describe("markdownText's fast path", () => {
  it("gives what the replacements give, for any text made of what they act on and what they leave", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const s = parts.join("");
        expect(markdownText(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        expect(markdownText(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("still escapes what a registry cell may carry", () => {
    for (const s of ["www.contoh.go.id", "WWW.x", "https://x", "a@b", "#1", "x|y", "<b>", "a\nb"]) expect(markdownText(s)).not.toBe(s);
    for (const s of ["layanan-1.contohkab.go.id", "Dinas Kesehatan (dinkes)", "2026-05-04", "requests/opd01/layanan-1.yaml"]) expect(markdownText(s)).toBe(s);
  });
});
