// Line breaking and drawing of the letter's text, written by hand because pdfkit's own wrapper
// cannot do three things an official letter needs:
// - several fonts in one line (a purpose in Latin with Javanese ꦱꦸꦫꦏꦂꦠ or Arabic بسم الله in it;
//   each script has its own Noto file, see fonts.ts), with one baseline and a known height;
// - no break inside a word: pdfkit breaks after a hyphen (Unicode line breaking), which splits a
//   domain such as peta-bencana.contohkab.go.id over two lines; here text breaks at spaces only,
//   and a single word wider than the column is set smaller until it fits (a domain stays whole);
// - right-to-left words: fontkit shapes and orders the glyphs inside one Arabic word, but the
//   order of several Arabic words is the writer's task (a tiny bidi: consecutive right-to-left
//   words are placed in reverse). Arabic discretionary ligatures (liga, dlig, such as the ligature
//   for الله) are turned off: each glyph then maps to one character, so the text copied from the
//   PDF (pdftotext) is the text of the request; the required ones (rlig, e.g. lam-alef) stay.
import type PDFKit from "pdfkit";
import { isRtl, letterFonts, scriptOf, type Script, type Weight } from "./fonts.ts";

export interface Style {
  size: number;
  weight?: Weight;
  /** Extra space between lines, in points. */
  lineGap?: number;
}

interface Piece {
  text: string;
  script: Script;
}

interface Word {
  pieces: Piece[];
  width: number;
  /** Below 1 when the word alone is wider than the column. */
  scale: number;
  rtl: boolean;
}

export interface Line {
  words: Word[];
  width: number;
  height: number;
  ascent: number;
  /** The last line of a paragraph (never justified). */
  last: boolean;
}

type Doc = PDFKit.PDFDocument;
const ARABIC_FEATURES = { liga: false, dlig: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];
const features = (s: Script) => (s === "arabic" ? ARABIC_FEATURES : undefined);

/** Registers the Noto fonts on a document. */
export function registerFonts(doc: Doc): void {
  for (const [name, file] of letterFonts().files) doc.registerFont(name, file);
}

function use(doc: Doc, script: Script, style: Style, scale = 1): Doc {
  return doc.font(letterFonts().name(script, style.weight ?? "regular")).fontSize(style.size * scale);
}

/** Splits a word into runs of one script; neutral characters (digits, marks, punctuation) stay with their neighbour. */
function piecesOf(word: string): Piece[] {
  const out: Piece[] = [];
  const chars = [...word];
  const firstStrong = chars.map((c) => scriptOf(c.codePointAt(0)!)).find((s) => s !== undefined) ?? "latin";
  for (const c of chars) {
    // Marks and joiners stay with their letter; other neutral characters (".", digits) take the
    // Latin font, except inside Arabic, which has its own punctuation and digits.
    const prev = out[out.length - 1]?.script;
    const mark = /[\p{M}\u200c\u200d]/u.test(c);
    const s = scriptOf(c.codePointAt(0)!) ?? (prev && (mark || isRtl(prev)) ? prev : prev ? "latin" : mark ? firstStrong : "latin");
    const last = out[out.length - 1];
    if (last && last.script === s) last.text += c;
    else out.push({ text: c, script: s });
  }
  return out;
}

const pieceWidth = (doc: Doc, p: Piece, style: Style, scale = 1) => {
  const f = features(p.script);
  return use(doc, p.script, style, scale).widthOfString(p.text, f ? { features: f } : {});
};

function metrics(doc: Doc, scripts: readonly Script[], style: Style): { height: number; ascent: number } {
  let height = 0;
  let ascent = 0;
  for (const s of new Set(scripts)) {
    use(doc, s, style);
    const font = (doc as unknown as { _font: { ascender: number } })._font;
    ascent = Math.max(ascent, (font.ascender / 1000) * style.size);
    height = Math.max(height, doc.currentLineHeight(true));
  }
  // Javanese and Arabic marks reach below the fonts' own descent (suku, kasrah): a little more room.
  const deep = [...new Set(scripts)].some((s) => s !== "latin") ? 0.25 * style.size : 0;
  return { height: height + deep + (style.lineGap ?? 0), ascent };
}

/** Breaks text into lines of at most `width` points; "\n" starts a new line. */
export function breakLines(doc: Doc, text: string, width: number, style: Style): Line[] {
  const lines: Line[] = [];
  const space = use(doc, "latin", style).widthOfString(" ");
  for (const paragraph of text.split("\n")) {
    const words: Word[] = paragraph
      .split(/[ \t]+/)
      .filter(Boolean)
      .map((w) => {
        const pieces = piecesOf(w);
        const natural = pieces.reduce((sum, p) => sum + pieceWidth(doc, p, style), 0);
        return { pieces, width: natural, scale: 1, rtl: pieces.every((p) => isRtl(p.script)) };
      });
    // A word wider than the column (a long domain in a table cell) is set smaller to fit whole.
    for (const w of words) if (w.width > width) ((w.scale = width / w.width), (w.width = width));
    let current: Word[] = [];
    let used = 0;
    const flush = (last: boolean) => {
      const m = metrics(doc, current.length ? current.flatMap((w) => w.pieces.map((p) => p.script)) : ["latin"], style);
      lines.push({ words: current, width: used, ...m, last });
      current = [];
      used = 0;
    };
    for (const w of words) {
      const add = current.length ? space + w.width : w.width;
      if (current.length && used + add > width + 0.01) flush(false);
      used += current.length ? space + w.width : w.width;
      current.push(w);
    }
    flush(true);
  }
  return lines;
}

export const heightOf = (lines: readonly Line[]) => lines.reduce((h, l) => h + l.height, 0);

/** Visual order: each run of consecutive right-to-left words is reversed (the line itself runs left to right). */
function visualOrder(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; ) {
    if (!words[i]!.rtl) out.push(words[i++]!);
    else {
      let j = i;
      while (j < words.length && words[j]!.rtl) j++;
      out.push(...words.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

/** Draws one line with its top at y. */
export function drawLine(doc: Doc, line: Line, x: number, y: number, width: number, style: Style & { align?: "left" | "right" | "center" | "justify"; underline?: boolean }): void {
  const space = use(doc, "latin", style).widthOfString(" ");
  const gaps = line.words.length - 1;
  const justify = style.align === "justify" && !line.last && gaps > 0;
  const gap = justify ? space + (width - line.width) / gaps : space;
  let cx = x + (style.align === "right" ? width - line.width : style.align === "center" ? (width - line.width) / 2 : 0);
  const start = cx;
  const baseline = y + line.ascent;
  for (const w of visualOrder(line.words)) {
    for (const p of w.pieces) {
      const f = features(p.script);
      use(doc, p.script, style, w.scale).text(p.text, cx, baseline, { lineBreak: false, baseline: "alphabetic", ...(f ? { features: f } : {}) });
      cx += pieceWidth(doc, p, style, w.scale);
    }
    cx += gap;
  }
  if (style.underline && line.words.length) doc.lineWidth(0.6).moveTo(start, baseline + 1.5).lineTo(cx - gap, baseline + 1.5).stroke();
}
