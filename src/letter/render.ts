// Draws the reply letter as an A4 PDF with pdfkit and its standard fonts (Helvetica family):
// letterhead with a double rule, place and date, numbering block, addressee, body, account
// table, signature block of the head of office, and copies (tembusan). Deterministic: the same
// input gives the same bytes (the creation date is the letter's date).
import PDFDocument from "pdfkit";
import { BSRE_FOOTER, letterContent, type LetterInput } from "./content.ts";

const CM = 72 / 2.54;
// Margins of the government correspondence rules (tata naskah dinas): 3 cm left, 2 cm right.
const MARGIN = { top: 1.5 * CM, bottom: 2 * CM, left: 3 * CM, right: 2 * CM };
const FONT = { regular: "Helvetica", bold: "Helvetica-Bold", mono: "Courier" };

/** Standard PDF fonts encode WinAnsi only: characters beyond it are shown as "?" instead of garbage. */
function printable(text: string): string {
  return text.replace(/[^\n\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022]/g, "?");
}

export async function renderLetter(input: LetterInput): Promise<Buffer> {
  const c = letterContent({ ...input, latinOnly: true });
  const lang = input.lang ?? "id";
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    lang: lang === "id" ? "id-ID" : "en",
    // Tagged PDF 1.7: screen readers get the structure (pdfkit tags the table cells itself).
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    // The BSrE footer is drawn on every page once the pages are known.
    bufferPages: true,
    info: {
      Title: printable(c.title),
      Author: printable(`${input.governance.government.office} ${input.governance.government.name}`),
      Subject: printable(c.numbering[3]![1]),
      CreationDate: new Date(`${input.date}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  // Continuation pages carry their number at the top ("- 2 -"), as official letters do.
  let page = 1;
  doc.on("pageAdded", () => {
    page++;
    const y = doc.y;
    doc.font(FONT.regular).fontSize(10).text(`- ${page} -`, left, MARGIN.top - 14, { width, align: "center" });
    doc.fontSize(10.5).text("", left, y);
  });
  const ensure = (height: number): void => {
    if (doc.y + height > doc.page.height - MARGIN.bottom) doc.addPage();
  };

  // Letterhead (kop surat), centred, closed by a thick and a thin rule.
  const h = c.letterhead;
  doc.font(FONT.bold).fontSize(13).text(printable(h.government), left, MARGIN.top, { width, align: "center" });
  doc.font(FONT.bold).fontSize(15).text(printable(h.office), { width, align: "center" });
  doc.font(FONT.regular).fontSize(9.5).text(printable(h.address), { width, align: "center" });
  if (h.contact) doc.text(printable(h.contact), { width, align: "center" });
  const ruleY = doc.y + 5;
  doc.lineWidth(2.2).moveTo(left, ruleY).lineTo(left + width, ruleY).stroke();
  doc.lineWidth(0.7).moveTo(left, ruleY + 3.5).lineTo(left + width, ruleY + 3.5).stroke();
  doc.y = ruleY + 12;

  doc.font(FONT.regular).fontSize(10.5);
  doc.text(printable(c.placeDate), left, doc.y, { width, align: "right" });
  doc.moveDown(0.4);

  // Numbering block: label, colon, value in three aligned columns.
  const labelWidth = 66;
  for (const [label, value] of c.numbering) {
    const y = doc.y;
    doc.font(FONT.regular).text(label, left, y, { width: labelWidth });
    doc.text(":", left + labelWidth, y, { width: 10 });
    doc.font(label === c.numbering[3]![0] ? FONT.bold : FONT.regular).text(printable(value), left + labelWidth + 10, y, { width: width - labelWidth - 10 });
  }
  doc.font(FONT.regular).moveDown(1);

  // "Yth." hangs to the left; the addressee, "di" and the city align after it.
  const [to, name, at, city] = c.addressee;
  const toWidth = doc.widthOfString(`${to} `);
  const y0 = doc.y;
  doc.text(to!, left, y0);
  doc.text(printable(name!), left + toWidth, y0, { width: width * 0.6 });
  doc.text(at!, left + toWidth, doc.y);
  doc.text(printable(city!), left + toWidth + 14, doc.y);
  doc.moveDown(0.8);

  doc.text(printable(c.opening), left, doc.y, { width, align: "justify", lineGap: 1.5 });
  doc.moveDown(0.6);

  // Account table (pdfkit's table: it wraps cells and breaks pages itself).
  const mono = new Set([c.table.find((r) => r[0].startsWith("Petunjuk") || r[0].startsWith("kubectl"))?.[0], c.table.find((r) => /DNS/.test(r[0]))?.[0]]);
  doc.fontSize(9.5);
  doc.table({
    position: { x: left, y: doc.y },
    maxWidth: width,
    columnStyles: [150, "*"],
    defaultStyle: { padding: [2.5, 5], border: 0.6, borderColor: "#444444" },
    data: c.table.map(([label, value]) => [
      { text: printable(label), type: "TH" as const, font: { src: FONT.bold, size: 9 }, backgroundColor: "#eeeeee" },
      mono.has(label) ? { text: printable(value), font: { src: FONT.mono, size: 8 }, padding: [4, 5, 2, 5] as [number, number, number, number] } : { text: printable(value), font: { src: FONT.regular, size: 9 } },
    ]),
  });
  doc.font(FONT.regular).fontSize(10.5);
  doc.x = left;
  doc.moveDown(0.8);

  // The closing, signature and copies stay together: a page holding only a signature is not a
  // letter an official signs. When they do not fit, they move to the next page as one block.
  const lineHeight = doc.currentLineHeight(true);
  const closingHeight = c.closing.reduce((h, p) => h + doc.heightOfString(printable(p), { width, lineGap: 1.5 }) + lineHeight * 0.5, 0);
  ensure(closingHeight + lineHeight * (13 + c.copies.length));
  for (const paragraph of c.closing) {
    doc.text(printable(paragraph), left, doc.y, { width, align: "justify", lineGap: 1.5 });
    doc.moveDown(0.5);
  }

  // Signature block: right half; space for the wet or electronic signature.
  const sigX = left + width * 0.52;
  const sigW = width * 0.48;
  doc.moveDown(0.5);
  doc.text(`${printable(c.signature.title)},`, sigX, doc.y, { width: sigW });
  doc.moveDown(3.5);
  doc.font(FONT.bold).text(printable(c.signature.name), sigX, doc.y, { width: sigW, underline: true });
  doc.font(FONT.regular);
  if (c.signature.rank) doc.text(printable(c.signature.rank), sigX, doc.y, { width: sigW });
  if (c.signature.nip) doc.text(c.signature.nip, sigX, doc.y, { width: sigW });

  doc.moveDown(1);
  doc.fontSize(10).text(c.copiesTitle, left, doc.y, { width, underline: true });
  c.copies.forEach((copy, i) => {
    const last = i === c.copies.length - 1;
    doc.text(`${i + 1}. ${printable(copy)}${last ? "." : ";"}`, left, doc.y, { width });
  });

  // An electronically signed letter carries BSrE's standard footer on every page, inside the
  // bottom margin (so it never pushes the text), drawn before signing: nothing changes after.
  if (input.electronic) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font(FONT.regular).fontSize(7).fillColor("#333333").text(BSRE_FOOTER, left, doc.page.height - bottom + 8, { width, align: "center", lineBreak: true });
      doc.page.margins.bottom = bottom;
    }
  }
  doc.end();
  return done;
}
