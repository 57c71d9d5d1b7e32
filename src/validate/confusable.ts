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

// Looked up in the imported object itself: copying its 6,311 entries into a Map cost ~8 ms at every start.
const PROTOTYPES = prototypes as Record<string, string>;
/** The prototype of one character, or the character itself. */
const prototypeOf = (c: string): string => (Object.hasOwn(PROTOTYPES, c) ? PROTOTYPES[c]! : c);
const ASCII = /^[\x00-\x7f]*$/;
/** By ASCII code: the character's prototype when it is another text (`1` reads as `l`, `m` as `rn`), else undefined. */
const ASCII_MAPPED: (string | undefined)[] = Array.from({ length: 128 }, (_, i) => {
  const to = prototypeOf(String.fromCharCode(i));
  return to === String.fromCharCode(i) ? undefined : to;
});

/** The UTS #39 skeleton of a string. */
export function skeleton(text: string): string {
  if (ASCII.test(text)) return asciiSkeleton(text);
  let out = "";
  for (const c of text.normalize("NFD")) out += prototypeOf(c);
  return out.normalize("NFD");
}

/**
 * The skeleton of an ASCII text: the few characters that map elsewhere replaced, the runs between
 * them copied whole, and the text itself when none does. A loop, not String.replace with a
 * function: that calls back into JavaScript for every match, and the names of 15,000 requests
 * hold tens of thousands of `0`, `1` and `m` (the rules across files ask for every name's skeleton).
 */
function asciiSkeleton(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const to = ASCII_MAPPED[text.charCodeAt(i)];
    if (to === undefined) continue;
    out += text.slice(from, i) + to;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Each non-ASCII character replaced by its prototype: what a reader takes `dınas` or `раураl` for. */
export function lookalike(text: string): string {
  let out = "";
  for (const c of text.normalize("NFD")) out += c.charCodeAt(0) < 128 ? c : prototypeOf(c);
  return out.normalize("NFC");
}

// ISO 15924 codes of the scripts Node's regular expressions know (Common, Inherited and Unknown
// left out). A code the running Node does not know is skipped.
const SCRIPT_CODES =
  "Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Berf Bhks Bopo Brah Brai Bugi Buhd Cakm Cans Cari Cham Cher Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba Elym Ethi Gara Geor Glag Gong Gonm Goth Gran Grek Gujr Gukh Guru Hang Hani Hano Hatr Hebr Hira Hluw Hmng Hmnp Hung Ital Java Kali Kana Kawi Khar Khmr Khoj Kits Knda Krai Kthi Lana Laoo Latn Lepc Limb Lina Linb Lisu Lyci Lydi Mahj Maka Mand Mani Marc Medf Mend Merc Mero Miao Mlym Modi Mong Mroo Mtei Mult Mymr Nagm Nand Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh Orya Osge Osma Ougr Palm Pauc Perm Phag Phli Phlp Phnx Plrd Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sidt Sind Sinh Sogd Sogo Sora Soyo Sund Sunu Sylo Syrc Tagb Takr Tale Talu Taml Tang Tavt Tayo Telu Tfng Tglg Thaa Thai Tibt Tirh Tnsa Todr Tols Toto Tutg Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb".split(" ");
// Compiling a \p{sc=...} class costs ~0.1 ms, so the ~160 are compiled one by one, only when a
// character reaches them, the scripts a name here most often holds first. The Script property gives
// each code point exactly one value, so the order of the tests cannot change the answer; Common,
// Inherited and Unknown (which includes unassigned, private-use and lone surrogates) are answered
// by one class before any script's.
const FIRST = ["Latn", "Cyrl", "Grek", "Arab", "Java", "Bali", "Sund", "Bugi", "Hani", "Hira", "Kana", "Hang", "Bopo", "Thai", "Armn", "Hebr"];
const ORDER = [...FIRST, ...SCRIPT_CODES.filter((code) => !FIRST.includes(code))];
const NO_SCRIPT = /^[\p{sc=Zyyy}\p{sc=Zinh}\p{sc=Zzzz}]$/u;
const scriptTests: (RegExp | null | undefined)[] = []; // by index in ORDER; null: the running Node does not know the script
/** The ISO 15924 code of a character's script, undefined for Common, Inherited, unassigned and scripts the running Node does not know. */
export function scriptOf(c: string): string | undefined {
  if (NO_SCRIPT.test(c)) return undefined; // Common, Inherited or unassigned: goes with any script
  for (let i = 0; i < ORDER.length; i++) {
    let re = scriptTests[i];
    if (re === undefined) {
      try {
        re = new RegExp(`^\\p{sc=${ORDER[i]}}$`, "u");
      } catch {
        re = null;
      }
      scriptTests[i] = re;
    }
    if (re?.test(c)) return ORDER[i];
  }
  return undefined;
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
