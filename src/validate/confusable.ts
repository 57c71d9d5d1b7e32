// Names that look alike, after Unicode Technical Standard #39 (Security Mechanisms):
// - skeleton(X) = NFD(map(NFD(X))), where map replaces each character by its prototype from
//   Unicode's confusables.txt. Two names with one skeleton look the same. The mapping data comes
//   from the npm package `unhomoglyph` (nodeca, the markdown-it authors), a plain copy of
//   confusables.txt; its own replace function is one regular expression of 6,311 alternatives,
//   far too slow for 15,000 files, so the lookup is done here: a table for ASCII, a map for the rest.
// - script mixing (UTS #39 "highly restrictive"): one script per label, or Latin with the
//   Japanese, Chinese or Korean combinations; characters of the Common and Inherited scripts
//   (digits, hyphen, combining marks) go with any.
// - IDNA2008 (RFC 5891/5892) allows letters, digits and marks that are stable under NFKC and case
//   folding; symbols, emoji and punctuation are not. Node's domainToASCII follows UTS #46, which
//   lets emoji through, so that part of RFC 5892 is checked here by hand (no maintained npm package
//   implements IDNA2008's derived property): general category, NFKC and lowercase stability, and
//   RFC 5892's exceptions.
import prototypes from "unhomoglyph/data.json" with { type: "json" };

const MAP = new Map<string, string>(Object.entries(prototypes as Record<string, string>));
const ASCII_MAP: string[] = Array.from({ length: 128 }, (_, i) => MAP.get(String.fromCharCode(i)) ?? String.fromCharCode(i));
const ASCII = /^[\x00-\x7f]*$/;

/** The ASCII characters whose prototype is another text (`1` reads as `l`, `m` as `rn`). */
const ASCII_MAPPED = new RegExp(
  `[${ASCII_MAP.flatMap((to, i) => (to === String.fromCharCode(i) ? [] : [`\\x${i.toString(16).padStart(2, "0")}`])).join("")}]`,
  "g",
);
const mapAscii = (c: string) => ASCII_MAP[c.charCodeAt(0)]!;

/** The UTS #39 skeleton of a string. */
export function skeleton(text: string): string {
  // ASCII: the characters that map elsewhere replaced in one native pass (a name is mostly letters that map to themselves).
  if (ASCII.test(text)) return text.replace(ASCII_MAPPED, mapAscii);
  let out = "";
  for (const c of text.normalize("NFD")) out += MAP.get(c) ?? c;
  return out.normalize("NFD");
}

/** Each non-ASCII character replaced by its prototype: what a reader takes `dınas` or `раураl` for. */
export function lookalike(text: string): string {
  let out = "";
  for (const c of text.normalize("NFD")) out += c.charCodeAt(0) < 128 ? c : (MAP.get(c) ?? c);
  return out.normalize("NFC");
}

// ISO 15924 codes of the scripts Node's regular expressions know (Common, Inherited and Unknown
// left out). A code the running Node does not know is skipped.
const SCRIPT_CODES =
  "Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Berf Bhks Bopo Brah Brai Bugi Buhd Cakm Cans Cari Cham Cher Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba Elym Ethi Gara Geor Glag Gong Gonm Goth Gran Grek Gujr Gukh Guru Hang Hani Hano Hatr Hebr Hira Hluw Hmng Hmnp Hung Ital Java Kali Kana Kawi Khar Khmr Khoj Kits Knda Krai Kthi Lana Laoo Latn Lepc Limb Lina Linb Lisu Lyci Lydi Mahj Maka Mand Mani Marc Medf Mend Merc Mero Miao Mlym Modi Mong Mroo Mtei Mult Mymr Nagm Nand Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh Orya Osge Osma Ougr Palm Pauc Perm Phag Phli Phlp Phnx Plrd Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sidt Sind Sinh Sogd Sogo Sora Soyo Sund Sunu Sylo Syrc Tagb Takr Tale Talu Taml Tang Tavt Tayo Telu Tfng Tglg Thaa Thai Tibt Tirh Tnsa Todr Tols Toto Tutg Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb".split(" ");
let scriptTests: [string, RegExp][] | undefined;
function scriptOf(c: string): string | undefined {
  scriptTests ??= SCRIPT_CODES.flatMap((code): [string, RegExp][] => {
    try {
      return [[code, new RegExp(`^\\p{sc=${code}}$`, "u")]];
    } catch {
      return [];
    }
  });
  for (const [code, re] of scriptTests) if (re.test(c)) return code;
  return undefined; // Common, Inherited or unassigned: goes with any script
}

/** UTS #39's highly restrictive combinations with Latin. */
const ALLOWED_MIXES = [new Set(["Latn", "Hani", "Hira", "Kana"]), new Set(["Latn", "Hani", "Bopo"]), new Set(["Latn", "Hani", "Hang"])];
const SCRIPT_NAMES: Record<string, string> = { Latn: "Latin", Cyrl: "Sirilik/Cyrillic", Grek: "Yunani/Greek", Arab: "Arab/Arabic", Java: "Jawa/Javanese", Bali: "Bali/Balinese", Sund: "Sunda/Sundanese", Bugi: "Bugis/Buginese" };
export const scriptName = (code: string) => SCRIPT_NAMES[code] ?? code;

/** The scripts of a label when they mix in a way UTS #39 does not allow, else undefined. */
export function mixedScripts(label: string): string[] | undefined {
  if (ASCII.test(label)) return undefined;
  const scripts = new Set<string>();
  for (const c of label) {
    if (c.charCodeAt(0) < 128) {
      if (/[a-zA-Z]/.test(c)) scripts.add("Latn");
      continue;
    }
    const s = scriptOf(c);
    if (s) scripts.add(s);
  }
  if (scripts.size <= 1 || ALLOWED_MIXES.some((m) => [...scripts].every((s) => m.has(s)))) return undefined;
  return [...scripts].sort();
}

/** RFC 5892 exceptions: DISALLOWED letters (tatweel, NKo lajanyalan, Hangul/CJK marks), and the CONTEXTJ/CONTEXTO characters, refused here rather than judged in context. */
const DISALLOWED = new Set([0x0640, 0x07fa, 0x302e, 0x302f, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303b, 0x200c, 0x200d, 0x00b7, 0x0375, 0x05f3, 0x05f4, 0x30fb]);
const PVALID_EXCEPTIONS = new Set([0x00df, 0x03c2, 0x06fd, 0x06fe, 0x0f0b, 0x3007]);
const LETTER_DIGIT = /^[\p{Ll}\p{Lo}\p{Lm}\p{Mn}\p{Mc}\p{Nd}]$/u;

/** The first character of a Unicode label that IDNA2008 does not allow, or undefined. */
export function idna2008Problem(label: string): string | undefined {
  if (ASCII.test(label)) return undefined; // ASCII labels are label.syntax's
  for (const c of label) {
    const n = c.codePointAt(0)!;
    if (n < 128) continue;
    if (PVALID_EXCEPTIONS.has(n)) continue;
    if (DISALLOWED.has(n) || !LETTER_DIGIT.test(c) || c.normalize("NFKC") !== c || c.toLowerCase() !== c) return c;
  }
  return undefined;
}
