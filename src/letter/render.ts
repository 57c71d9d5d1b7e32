// Draws the reply letter as an A4 PDF with pdfkit and embedded Noto fonts (fonts.ts): letterhead
// with the government's emblem and a double rule, place and date, numbering block, addressee,
// body, the table of what the letter is about, signature block, copies (tembusan), and an
// attachment page (Lampiran) with the technical access details. Text is set by typeset.ts (every
// script, no word split across lines). Deterministic: the same input gives the same bytes (the
// creation date is the letter's date).
//
// Page flow: paragraphs flow line by line and table rows move whole to the next page, so the first
// page is filled before the letter continues; the last closing paragraph, the signature and the
// copies stay together (a page holding only a signature is not a letter an official signs).
import PDFDocument from "pdfkit";
import { BSRE_FOOTER, letterContent, type LetterContent, type LetterInput } from "./content.ts";
import { breakLines, drawLine, heightOf, registerFonts, type Line, type Style } from "./typeset.ts";

const CM = 72 / 2.54;
// Margins of the government correspondence rules (tata naskah dinas): 3 cm left, 2 cm right.
const MARGIN = { top: 1.5 * CM, bottom: 2 * CM, left: 3 * CM, right: 2 * CM };
const BODY: Style = { size: 10.5, lineGap: 1.5 };
const BOLD: Style = { ...BODY, weight: "bold" };
const CELL: Style = { size: 9 };
const CELL_LABEL: Style = { size: 9, weight: "bold" };
const CELL_MONO: Style = { size: 8, weight: "mono" };
const PAD = { x: 5, y: 2.5 };
/** One body line, for vertical gaps. */
const LINE = BODY.size * 1.2 + (BODY.lineGap ?? 0);
/** The emblem's box in the letterhead, points. */
const LOGO = { width: 56, height: 64 };

type Align = "left" | "right" | "center" | "justify";

class Page {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN.left;
  readonly width: number;
  y = MARGIN.top;
  private number = 1;
  /** Continuation pages of the body carry their number at the top ("- 2 -"); the attachment does not. */
  numbered = true;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.number++;
    this.y = MARGIN.top;
    if (this.numbered) {
      this.lines(breakLines(this.doc, `- ${this.number} -`, this.width, { size: 10 }), { size: 10 }, this.left, this.width, "center");
      this.y += 6;
    }
  }

  /** Makes room for `height` points, on a new page when this one has too little. */
  keep(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** Draws lines, flowing to the next page; never leaves a paragraph's first line alone at the bottom. */
  lines(lines: Line[], style: Style, x: number, width: number, align: Align = "left", underline = false): void {
    lines.forEach((line, i) => {
      const needed = i === 0 && lines.length > 1 ? line.height + lines[1]!.height : line.height;
      if (this.y + needed > this.bottom) this.newPage();
      drawLine(this.doc, line, x, this.y, width, { ...style, align, underline });
      this.y += line.height;
    });
  }

  text(text: string, style: Style, o: { x?: number; width?: number; align?: Align; underline?: boolean } = {}): void {
    const width = o.width ?? this.width;
    this.lines(breakLines(this.doc, text, width, style), style, o.x ?? this.left, width, o.align, o.underline);
  }

  gap(lines: number, style: Style = BODY): void {
    this.y += lines * (style === BODY ? LINE : style.size * 1.2 + (style.lineGap ?? 0));
  }

  /** Label, colon, value in three aligned columns (numbering block, attachment heading). */
  labelled(rows: Array<[string, string]>, labelWidth: number, x = this.left, width = this.width, boldLabel?: string): void {
    for (const [label, value] of rows) {
      const y = this.y;
      this.text(label, BODY, { x, width: labelWidth });
      const after = this.y;
      this.y = y;
      this.text(":", BODY, { x: x + labelWidth, width: 10 });
      this.y = y;
      this.text(value, label === boldLabel ? BOLD : BODY, { x: x + labelWidth + 10, width: width - labelWidth - 10 });
      this.y = Math.max(this.y, after);
    }
  }

  /** A two-column table; a row moves whole to the next page (or is split line by line when taller than a page). */
  table(rows: Array<[string, string]>, mono: ReadonlySet<string>): void {
    const doc = this.doc;
    const labelWidth = 150;
    const valueWidth = this.width - labelWidth;
    for (const [label, value] of rows) {
      const style = mono.has(label) ? CELL_MONO : CELL;
      const labelLines = breakLines(doc, label, labelWidth - 2 * PAD.x, CELL_LABEL);
      let valueLines = breakLines(doc, value, valueWidth - 2 * PAD.x, style);
      let first = true;
      while (first || valueLines.length) {
        const full = Math.max(heightOf(first ? labelLines : []), heightOf(valueLines)) + 2 * PAD.y;
        if (this.y + full > this.bottom) {
          // Split only what cannot fit on a whole page; otherwise the row moves on whole.
          if (full <= this.bottom - MARGIN.top - 24 || this.y + (valueLines[0]?.height ?? 0) + 2 * PAD.y + 8 > this.bottom) this.newPage();
        }
        let h = 2 * PAD.y;
        let n = 0;
        while (n < valueLines.length && this.y + h + valueLines[n]!.height <= this.bottom) h += valueLines[n++]!.height;
        if (n === 0 && valueLines.length) n = 1;
        const chunk = valueLines.slice(0, n);
        valueLines = valueLines.slice(n);
        const rowHeight = Math.max(heightOf(first ? labelLines : []), heightOf(chunk)) + 2 * PAD.y;
        doc.save().rect(this.left, this.y, labelWidth, rowHeight).fill("#eeeeee").restore();
        doc.lineWidth(0.6).strokeColor("#444444").rect(this.left, this.y, labelWidth, rowHeight).rect(this.left + labelWidth, this.y, valueWidth, rowHeight).stroke().strokeColor("#000000");
        let ly = this.y + PAD.y;
        if (first) for (const l of labelLines) (drawLine(doc, l, this.left + PAD.x, ly, labelWidth - 2 * PAD.x, CELL_LABEL), (ly += l.height));
        let vy = this.y + PAD.y;
        for (const l of chunk) (drawLine(doc, l, this.left + labelWidth + PAD.x, vy, valueWidth - 2 * PAD.x, style), (vy += l.height));
        this.y += rowHeight;
        first = false;
      }
    }
  }
}

/** Height of the signature block (title, room to sign, name, rank, NIP). */
function signatureLines(doc: PDFKit.PDFDocument, c: LetterContent, width: number): { title: Line[]; rest: Array<[Line[], Style]>; height: number } {
  const title = breakLines(doc, `${c.signature.title},`, width, BODY);
  const rest: Array<[Line[], Style]> = [[breakLines(doc, c.signature.name, width, BOLD), BOLD]];
  if (c.signature.rank) rest.push([breakLines(doc, c.signature.rank, width, BODY), BODY]);
  if (c.signature.nip) rest.push([breakLines(doc, c.signature.nip, width, BODY), BODY]);
  const room = 3.5 * LINE;
  return { title, rest, height: heightOf(title) + room + rest.reduce((h, [l]) => h + heightOf(l), 0) };
}

function drawSignature(p: Page, c: LetterContent, tight = false): void {
  const x = p.left + p.width * 0.52;
  const w = p.width * 0.48;
  const s = signatureLines(p.doc, c, w);
  p.lines(s.title, BODY, x, w);
  p.gap(tight ? 3 : 3.5);
  s.rest.forEach(([lines, style], i) => p.lines(lines, style, x, w, "left", i === 0));
}

export async function renderLetter(input: LetterInput): Promise<Buffer> {
  const c = letterContent(input);
  const lang = input.lang ?? "id";
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    lang: lang === "id" ? "id-ID" : "en",
    // Tagged PDF 1.7: screen readers get the document's language and title.
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    // The BSrE footer is drawn on every page once the pages are known.
    bufferPages: true,
    info: {
      Title: c.title,
      Author: `${input.governance.government.office} ${input.governance.government.name}`,
      Subject: c.numbering[3]![1],
      CreationDate: new Date(`${input.date}T00:00:00Z`),
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const p = new Page(doc);
  const { left, width } = p;

  // A draft says so where nobody can miss it (and it is not signed: no BSrE footer either).
  if (c.draftMark) {
    doc.save().fillColor("#b00000");
    p.y = MARGIN.top - 24;
    p.text(c.draftMark, { size: 12, weight: "bold" }, { align: "right" });
    doc.restore();
    p.y = MARGIN.top;
  }
  // Letterhead (kop surat): the emblem on the left, the text centred on the page beside it, closed
  // by a thick and a thin rule.
  const h = c.letterhead;
  const inset = input.logo ? LOGO.width + 8 : 0;
  if (input.logo) doc.image(input.logo, left, MARGIN.top, { fit: [LOGO.width, LOGO.height], align: "center", valign: "center" });
  const textX = left + inset;
  const textW = width - 2 * inset;
  p.text(h.government, { size: 13, weight: "bold" }, { x: textX, width: textW, align: "center" });
  p.text(h.office, { size: 15, weight: "bold" }, { x: textX, width: textW, align: "center" });
  p.text(h.address, { size: 9.5 }, { x: textX, width: textW, align: "center" });
  if (h.contact) p.text(h.contact, { size: 9.5 }, { x: textX, width: textW, align: "center" });
  const ruleY = Math.max(p.y, input.logo ? MARGIN.top + LOGO.height : 0) + 4;
  doc.lineWidth(2.2).moveTo(left, ruleY).lineTo(left + width, ruleY).stroke();
  doc.lineWidth(0.7).moveTo(left, ruleY + 3.5).lineTo(left + width, ruleY + 3.5).stroke();
  p.y = ruleY + 12;

  p.text(c.placeDate, BODY, { align: "right" });
  p.gap(0.4);
  p.labelled(c.numbering, 66, left, width, c.numbering[3]![0]);
  p.gap(1);

  // "Yth." hangs to the left; the addressee, "di" and the city align after it.
  const [to, name, at, city] = c.addressee as [string, string, string, string];
  const toWidth = doc.font("latin-regular").fontSize(BODY.size).widthOfString(`${to} `);
  const y0 = p.y;
  p.text(to, BODY, { width: toWidth });
  p.y = y0;
  p.text(name, BODY, { x: left + toWidth, width: width * 0.6 });
  p.text(at, BODY, { x: left + toWidth, width: width * 0.6 });
  p.text(city, BODY, { x: left + toWidth + 14, width: width * 0.6 });
  p.gap(0.8);

  p.text(c.opening, BODY, { align: "justify" });
  p.gap(0.6);
  const mono = (rows: Array<[string, string]>) => new Set(rows.map(([k]) => k).filter((k) => k.startsWith("Petunjuk") || k.startsWith("kubectl") || /DNS/.test(k)));
  p.table(c.table, mono(c.table));
  p.gap(0.8);

  // The closing paragraphs flow; the last one, the signature and the copies move as one block.
  c.closing.slice(0, -1).forEach((paragraph) => (p.text(paragraph, BODY, { align: "justify" }), p.gap(0.5)));
  const lastClosing = breakLines(doc, c.closing[c.closing.length - 1] ?? "", width, BODY);
  const sig = signatureLines(doc, c, width * 0.48);
  const copies = c.copies.map((copy, i) => breakLines(doc, `${i + 1}. ${copy}${i === c.copies.length - 1 ? "." : ";"}`, width, { size: 10 }));
  const copiesHeight = heightOf(breakLines(doc, c.copiesTitle, width, { size: 10 })) + copies.reduce((s, l) => s + heightOf(l), 0);
  // When the block misses the page by a little, it closes up (half the gaps, a slightly smaller
  // room to sign) rather than leave the first page a third empty; otherwise it moves on whole.
  const tail = (tight: boolean) => heightOf(lastClosing) + (tight ? 1 : 2) * LINE + sig.height - (tight ? 0.5 * LINE : 0) + copiesHeight;
  const tight = p.y + tail(false) > p.bottom && p.y + tail(true) <= p.bottom;
  p.keep(tail(tight));
  p.lines(lastClosing, BODY, left, width, "justify");
  p.gap(tight ? 0.5 : 1);
  drawSignature(p, c, tight);
  p.gap(tight ? 0.5 : 1);
  p.text(c.copiesTitle, { size: 10 }, { underline: true });
  for (const l of copies) p.lines(l, { size: 10 }, left, width);

  // The attachment (Lampiran): technical access details, on its own page, with the heading that
  // ties it to the letter, and signed like the letter.
  if (c.attachment) {
    p.numbered = false;
    p.newPage();
    const a = c.attachment;
    p.labelled(a.heading, 60, left + width * 0.45, width * 0.55);
    p.gap(1.2);
    p.text(a.title, BOLD, { align: "center" });
    p.gap(0.6);
    p.table(a.rows, mono(a.rows));
    p.gap(1);
    p.keep(sig.height + 12);
    drawSignature(p, c);
  }

  // An electronically signed letter carries BSrE's standard footer on every page, inside the
  // bottom margin (so it never pushes the text), drawn before signing: nothing changes after.
  if (input.electronic && !input.draft) {
    const footer: Style = { size: 7 };
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.fillColor("#333333");
      let y = doc.page.height - MARGIN.bottom + 8;
      for (const l of breakLines(doc, BSRE_FOOTER, width, footer)) (drawLine(doc, l, left, y, width, { ...footer, align: "center" }), (y += l.height));
      doc.fillColor("#000000");
    }
  }
  doc.end();
  return done;
}
