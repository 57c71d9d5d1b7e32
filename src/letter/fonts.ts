// The fonts of the letter: Noto from Debian (fonts-noto-core), embedded as subsets, so that every
// script a request may contain prints as itself: Latin, Javanese (ꦗꦮ), Arabic and Pegon (عربي),
// Balinese, Sundanese, Buginese and Batak. The standard PDF fonts draw WinAnsi only and would
// print "?" for them. Each script has its own Noto file; typeset.ts picks the file per run.
import { existsSync } from "node:fs";
import { join } from "node:path";

export type Script = "latin" | "arabic" | "javanese" | "balinese" | "sundanese" | "buginese" | "batak";
export type Weight = "regular" | "bold" | "mono";

/** Files per script: regular, bold (missing bold falls back to regular). */
const FILES: Record<Script, [string, string?]> = {
  latin: ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"],
  // Naskh is the usual book hand for Arabic and Pegon text.
  arabic: ["NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"],
  javanese: ["NotoSansJavanese-Regular.ttf", "NotoSansJavanese-Bold.ttf"],
  balinese: ["NotoSansBalinese-Regular.ttf", "NotoSansBalinese-Bold.ttf"],
  sundanese: ["NotoSansSundanese-Regular.ttf"],
  buginese: ["NotoSansBuginese-Regular.ttf"],
  batak: ["NotoSansBatak-Regular.ttf"],
};
const MONO = "NotoSansMono-Regular.ttf";

const DIRS = () => [process.env.LETTER_FONT_DIR, "/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto"].filter((d): d is string => !!d);

export class LetterFontError extends Error {}

export interface FontSet {
  /** The registered pdfkit font name for a script and weight. */
  name(script: Script, weight: Weight): string;
  /** Absolute file per registered name, for doc.registerFont. */
  files: Map<string, string>;
}

let cached: FontSet | undefined;

/** Finds the Noto files once; without Noto Sans the letter cannot be printed, and says how to get it. */
export function letterFonts(): FontSet {
  if (cached) return cached;
  const dir = DIRS().find((d) => existsSync(join(d, FILES.latin[0])));
  if (!dir)
    throw new LetterFontError(
      "Huruf Noto tidak ditemukan (dicari di LETTER_FONT_DIR dan /usr/share/fonts/truetype/noto). Pasang paket Debian fonts-noto-core: apt-get install fonts-noto-core. / Noto fonts not found; install the Debian package fonts-noto-core.",
    );
  const files = new Map<string, string>();
  const available = new Set<Script>();
  for (const [script, [regular, bold]] of Object.entries(FILES) as Array<[Script, [string, string?]]>) {
    if (!existsSync(join(dir, regular))) continue;
    available.add(script);
    files.set(`${script}-regular`, join(dir, regular));
    files.set(`${script}-bold`, join(dir, bold && existsSync(join(dir, bold)) ? bold : regular));
  }
  files.set("latin-mono", join(dir, existsSync(join(dir, MONO)) ? MONO : FILES.latin[0]));
  cached = {
    files,
    // A script whose file is missing falls back to Noto Sans: visible tofu, never a silent "?".
    name: (script, weight) => (weight === "mono" ? (script === "latin" ? "latin-mono" : `${available.has(script) ? script : "latin"}-regular`) : `${available.has(script) ? script : "latin"}-${weight}`),
  };
  return cached;
}

/** The script of one character; undefined for neutral ones (spaces, digits, punctuation, marks). */
export function scriptOf(cp: number): Script | undefined {
  if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return "arabic";
  if (cp >= 0xa980 && cp <= 0xa9df) return "javanese";
  if (cp >= 0x1b00 && cp <= 0x1b7f) return "balinese";
  if ((cp >= 0x1b80 && cp <= 0x1bbf) || (cp >= 0x1cc0 && cp <= 0x1ccf)) return "sundanese";
  if (cp >= 0x1a00 && cp <= 0x1a1f) return "buginese";
  if (cp >= 0x1bc0 && cp <= 0x1bff) return "batak";
  if (/[\p{L}]/u.test(String.fromCodePoint(cp))) return "latin";
  return undefined;
}

export const isRtl = (s: Script) => s === "arabic";
