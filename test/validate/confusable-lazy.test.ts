// scriptOf compiles its \p{sc=...} classes one at a time, in its own order, after one test for
// Common/Inherited/Unknown. This checks it against the function it replaced (all ~160 classes
// compiled at once and tried in ISO order) on every code point Unicode has, lone surrogates included.
import { describe, expect, it } from "vitest";
import prototypes from "unhomoglyph/data.json" with { type: "json" };
import { lookalike, mixedScripts, scriptOf, skeleton } from "../../src/validate/confusable.ts";

const SCRIPT_CODES =
  "Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Berf Bhks Bopo Brah Brai Bugi Buhd Cakm Cans Cari Cham Cher Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba Elym Ethi Gara Geor Glag Gong Gonm Goth Gran Grek Gujr Gukh Guru Hang Hani Hano Hatr Hebr Hira Hluw Hmng Hmnp Hung Ital Java Kali Kana Kawi Khar Khmr Khoj Kits Knda Krai Kthi Lana Laoo Latn Lepc Limb Lina Linb Lisu Lyci Lydi Mahj Maka Mand Mani Marc Medf Mend Merc Mero Miao Mlym Modi Mong Mroo Mtei Mult Mymr Nagm Nand Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh Orya Osge Osma Ougr Palm Pauc Perm Phag Phli Phlp Phnx Plrd Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sidt Sind Sinh Sogd Sogo Sora Soyo Sund Sunu Sylo Syrc Tagb Takr Tale Talu Taml Tang Tavt Tayo Telu Tfng Tglg Thaa Thai Tibt Tirh Tnsa Todr Tols Toto Tutg Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb".split(" ");

/** The previous scriptOf, verbatim. */
const oldTests = SCRIPT_CODES.flatMap((code): [string, RegExp][] => {
  try {
    return [[code, new RegExp(`^\\p{sc=${code}}$`, "u")]];
  } catch {
    return [];
  }
});
function oldScriptOf(c: string): string | undefined {
  for (const [code, re] of oldTests) if (re.test(c)) return code;
  return undefined;
}

describe("scriptOf", () => {
  it("answers as the previous function on every code point of the BMP, lone surrogates included", () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      if (scriptOf(c) !== oldScriptOf(c)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
  }, 60_000);

  it("answers as the previous function on every astral code point", () => {
    // The previous function on each of the 1M astral code points would take minutes; its answer is
    // computed instead by scanning all of them once per script, in the same order (first match wins).
    const chars: string[] = [];
    for (let cp = 0x10000; cp <= 0x10ffff; cp++) chars.push(String.fromCodePoint(cp));
    const all = chars.join("");
    const expected = new Map<number, string>();
    for (const [code] of oldTests) {
      for (const m of all.matchAll(new RegExp(`\\p{sc=${code}}+`, "gu")))
        for (const c of m[0]) if (!expected.has(c.codePointAt(0)!)) expected.set(c.codePointAt(0)!, code);
    }
    expect(expected.size).toBeGreaterThan(90_000); // CJK extensions, Tangut, Egyptian, ...: the scan did find them
    const differ: string[] = [];
    for (const c of chars) if (scriptOf(c) !== expected.get(c.codePointAt(0)!)) differ.push(c.codePointAt(0)!.toString(16));
    expect(differ).toEqual([]);
    // and the scan agrees with the previous function itself on a spread of astral code points
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 257) expect(expected.get(cp)).toBe(oldScriptOf(String.fromCodePoint(cp)));
  }, 120_000);

  it("still tells a Cyrillic a in a Latin label apart, whatever script is asked first", () => {
    expect(mixedScripts("р\u0430ypal")).toEqual(["Cyrl", "Latn"]);
    expect(mixedScripts("ꦗꦮ-jawa")).toEqual(["Java", "Latn"]);
    expect(mixedScripts("東京とうきょうtokyo")).toBeUndefined();
  });
});

describe("skeleton and lookalike read the confusables object without copying it into a Map", () => {
  // The previous lookup: a Map of the object's entries.
  const MAP = new Map<string, string>(Object.entries(prototypes as Record<string, string>));
  const oldSkeleton = (text: string) => {
    let out = "";
    for (const c of text.normalize("NFD")) out += MAP.get(c) ?? c;
    return out.normalize("NFD");
  };
  const oldLookalike = (text: string) => {
    let out = "";
    for (const c of text.normalize("NFD")) out += c.charCodeAt(0) < 128 ? c : (MAP.get(c) ?? c);
    return out.normalize("NFC");
  };

  it("gives the previous answers for every BMP code point, every mapped character and names of Object.prototype", () => {
    const texts = [...MAP.keys(), "__proto__", "constructor", "toString", "hasOwnProperty", "dіnas-__proto__"];
    for (let cp = 0; cp <= 0xffff; cp++) texts.push(`a${String.fromCharCode(cp)}é`);
    const differ = texts.filter((t) => skeleton(t) !== oldSkeleton(t) || lookalike(t) !== oldLookalike(t));
    expect(differ).toEqual([]);
    expect(skeleton("раураl")).toBe(skeleton("paypal")); // Cyrillic look-alikes still map
  }, 60_000);
});
