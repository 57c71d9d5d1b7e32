// The letter's typesetting, read back from the PDF with poppler: Javanese and Arabic text prints as
// itself (embedded Noto fonts, text that copies back), a long domain is never split over two lines,
// the technical access details are an attachment page, a long body fills the first page before it
// continues, and the government's emblem is drawn in the letterhead.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { accountDetails, renderLetter, type AccountDetails } from "../../src/letter/index.ts";
import { LOGO_MAX_BYTES, readLogo } from "../../src/letter/logo.ts";
import { exampleRequest, loadExamples } from "../papers/examples.ts";
import { haveTool } from "../papers/tools.ts";

const dir = mkdtempSync(join(tmpdir(), "scripts-"));
const ex = loadExamples();
const account = (file: string): AccountDetails => {
  const rf = exampleRequest(ex, file);
  return accountDetails(rf.file, rf.request, ex.governance, ex.state);
};

async function pdf(name: string, a: AccountDetails, extra: Partial<Parameters<typeof renderLetter>[0]> = {}): Promise<string> {
  expect(haveTool("pdftotext")).toBe(true);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await renderLetter({ governance: ex.governance, account: a, number: "000.5.9/7/Diskominfo/2026", date: "2026-03-16", ...extra }));
  return path;
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });
const pages = (path: string) => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [path]))?.[1]);
/** pdftotext of one page; poppler wraps right-to-left runs in bidi marks (U+202A-U+202E), which are not text. */
const pageText = (path: string, page: number) => run("pdftotext", ["-f", String(page), "-l", String(page), "-enc", "UTF-8", path, "-"]).replace(/[\u202a-\u202e]/g, "");
const allText = (path: string) => Array.from({ length: pages(path) }, (_, i) => pageText(path, i + 1)).join("\n");

describe("every script a request may contain", () => {
  it("prints a purpose in Javanese script and Arabic as themselves: embedded Noto fonts, and the text copies back (pdftotext)", async () => {
    const a = { ...account("requests/dinkes/sehat.yaml"), purpose: "Portal budaya ꦱꦸꦫꦏꦂꦠ dengan doa بسم الله untuk warga" };
    const path = await pdf("scripts", a);
    const text = allText(path).replace(/\s+/g, " ");
    expect(text).toContain("ꦱꦸꦫꦏꦂꦠ");
    expect(text).toContain("بسم الله");
    expect(text).toContain("Portal budaya ꦱꦸꦫꦏꦂꦠ dengan doa");
    expect(text).not.toMatch(/\?{2,}/);
    const fonts = run("pdffonts", [path]);
    expect(fonts).toMatch(/NotoSansJavanese/);
    expect(fonts).toMatch(/NotoNaskhArabic/);
    // Every font is embedded (the "emb" column): no reader substitutes a font without the glyphs.
    for (const line of fonts.split("\n").slice(2).filter(Boolean)) expect(line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it("prints a subdomain in Javanese script (ꦧꦸꦢꦪ) with its ASCII form", async () => {
    const text = allText(await pdf("javanese-name", account("requests/disdik/xn--dm9ajak8c.yaml")));
    expect(text).toContain("ꦧꦸꦢꦪ.contohkab.go.id");
    expect(text).toContain("xn--dm9ajak8c.contohkab.go.id");
  });
});

describe("layout", () => {
  it("never splits a long domain over two lines, in the body or in the table", async () => {
    const host = "sistem-informasi-pelayanan-terpadu-satu-pintu-kabupaten-contoh-online.contohkab.go.id";
    const a = { ...account("requests/dinkes/sehat.yaml"), host: { unicode: host, ascii: host } };
    const raw = run("pdftotext", ["-raw", "-enc", "UTF-8", await pdf("long-domain", a), "-"]);
    // Opening paragraph, table and title all carry it whole, on one line each.
    expect(raw.split(host).length - 1).toBeGreaterThanOrEqual(2);
    for (const part of host.split("-").slice(1)) expect(raw).not.toMatch(new RegExp(`-\\n${part.slice(0, 6)}`));
  });

  it("puts the technical access details of a hosting account in the attachment (Lampiran), not the body", async () => {
    const path = await pdf("hosting", account("requests/dinkes/puskesmas.yaml"));
    const n = pages(path);
    const body = Array.from({ length: n - 1 }, (_, i) => pageText(path, i + 1)).join("\n").replace(/\s+/g, " ");
    const attachment = pageText(path, n).replace(/\s+/g, " ");
    expect(body).toMatch(/Lampiran\s*:\s*1 \(satu\) berkas/);
    expect(body).toContain("rincian akses teknis (akun, namespace, kuota) dalam Lampiran");
    for (const technical of ["Namespace hosting", "tenant-puskesmas", "ServiceAccount", "kubectl", "Kuota"]) {
      expect(body).not.toContain(technical);
      expect(attachment).toContain(technical);
    }
    expect(attachment).toContain("RINCIAN AKSES TEKNIS");
    expect(attachment).toMatch(/Nomor\s*:\s*000\.5\.9\/7\/Diskominfo\/2026/);
  });

  it("fills the first page before a long body continues, and keeps the last paragraph with the signature", async () => {
    const long = Array.from({ length: 14 }, (_, i) => `Layanan ke-${i + 1} bagi warga: pendaftaran, pelacakan berkas, dan pengaduan daring yang terhubung dengan sistem kependudukan.`).join(" ");
    const path = await pdf("long-body", { ...account("requests/dinkes/sehat.yaml"), purpose: long });
    const n = pages(path);
    expect(n).toBeGreaterThanOrEqual(3); // body on two pages, then the attachment
    // The lowest word of page 1 sits in the bottom fifth of the page: no half-empty first page.
    const bbox = run("pdftotext", ["-bbox", "-f", "1", "-l", "1", path, "-"]);
    const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(bbox)?.[1]);
    const lowest = Math.max(...[...bbox.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(lowest / height).toBeGreaterThan(0.8);
    const signed = Array.from({ length: n }, (_, i) => pageText(path, i + 1)).findIndex((t) => t.includes("Dr. Ahmad Fauzi"));
    expect(pageText(path, signed + 1)).toContain("Demikian kami sampaikan");
    expect(run("pdftotext", ["-layout", "-f", String(signed + 1), "-l", String(signed + 1), path, "-"])).toMatch(new RegExp(`-\\s*${signed + 1}\\s*-`));
  });
});

/** A small valid PNG (RGB, a red disc on white), written by hand: there is no PNG encoder among the packages. */
function png(size: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    t.copy(out, 4);
    out.writeUInt32BE(crc(t), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 2.2) ** 2;
      rows.set(inside ? [200, 30, 30] : [255, 255, 255], y * (1 + size * 3) + 1 + x * 3);
    }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

describe("the government's emblem in the letterhead", () => {
  const root = mkdtempSync(join(tmpdir(), "logo-"));
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "assets/lambang.png"), png(120));
  writeFileSync(join(root, "assets/besar.png"), Buffer.concat([png(8), Buffer.alloc(LOGO_MAX_BYTES)]));
  writeFileSync(join(root, "assets/teks.png"), "bukan gambar");

  it("is drawn in the PDF (pdfimages lists it)", async () => {
    const logo = readLogo(root, "assets/lambang.png");
    expect(logo.ok).toBe(true);
    const path = await pdf("logo", account("requests/dinkes/sehat.yaml"), logo.ok ? { logo: logo.bytes } : {});
    const list = run("pdfimages", ["-list", path]).split("\n").slice(2).filter(Boolean);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/^\s*1\s+\d+\s+image\s+120\s+120\s+rgb/);
    expect(run("pdfimages", ["-list", await pdf("no-logo", account("requests/dinkes/sehat.yaml"))]).split("\n").slice(2).filter(Boolean)).toHaveLength(0);
  });

  it.each([
    ["assets/tidak-ada.png", "tidak ditemukan"],
    ["assets/besar.png", "paling besar 1024 KB"],
    ["assets/teks.png", "bukan gambar PNG atau JPEG"],
    ["../luar.png", "di dalam repositori"],
    ["/etc/lambang.png", "di dalam repositori"],
    ["assets/lambang.gif", "PNG atau JPEG"],
  ])("refuses %s: %s", (path, words) => {
    const r = readLogo(root, path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.id).toContain(words);
  });
});
