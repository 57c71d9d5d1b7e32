// External programs the papers tests use (pdftotext, pdftoppm from Debian's poppler-utils) and a
// small PNG reader for the page image check.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

/**
 * True when the program runs. When it is missing the tests say so loudly; under CI=true a
 * missing program is a failure (the caller's test throws), never a silent skip.
 */
export function haveTool(name: string): boolean {
  const ok = spawnSync(name, ["-v"], { stdio: "ignore" }).error === undefined;
  if (!ok) {
    const text = `${name} tidak ditemukan / not found: pasang poppler-utils (apt-get install -y poppler-utils)`;
    if (process.env.CI === "true") throw new Error(text);
    console.warn(`\n*** ${text}: uji PDF dilewati / PDF tests skipped ***\n`);
  }
  return ok;
}

export function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

export interface Png {
  width: number;
  height: number;
  /** 8-bit grey samples, row by row. */
  pixels: Uint8Array;
}

/**
 * Reads an 8-bit, non-interlaced PNG (grey or RGB, with or without alpha, as pdftoppm writes it)
 * into grey samples. Written by hand (the PNG specification's filters, about 40 lines) because
 * no PNG decoder is among the installed packages.
 */
export function readGreyPng(file: string): Png {
  const data = readFileSync(file);
  if (data.subarray(1, 4).toString("latin1") !== "PNG") throw new Error(`${file} is not a PNG`);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.subarray(offset + 4, offset + 8).toString("latin1");
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const ch = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[body[9]!];
      if (body[8] !== 8 || body[12] !== 0 || !ch) throw new Error("expected an 8-bit, non-interlaced grey or RGB PNG");
      channels = ch;
    } else if (type === "IDAT") idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const line = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? line[y * stride + x - channels]! : 0;
      const b = y > 0 ? line[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? line[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      line[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  const colour = channels >= 3 ? 3 : 1;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    let sum = 0;
    for (let k = 0; k < colour; k++) sum += line[i * channels + k]!;
    pixels[i] = Math.round(sum / colour);
  }
  return { width, height, pixels };
}
