// The government's emblem for the letterhead: governance.yaml `letters.logo`, a PNG or JPEG file in
// the repository. Checked before it reaches the PDF: the path stays inside the repository, the
// file exists, is at most LOGO_MAX_BYTES, and its first bytes say PNG or JPEG (pdfkit would throw
// on anything else, in the middle of a signing job).
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Message } from "../diagnostics/diagnostic.ts";
import { logoPathProblem } from "../validate/governance-rules.ts";

export const LOGO_MAX_BYTES = 1024 * 1024;

export type LogoResult = { ok: true; bytes: Buffer } | { ok: false; message: Message };

const tooBig = (path: string, size: number): LogoResult => ({
  ok: false,
  message: {
    id: `letters.logo \`${path}\`: berkas ${Math.ceil(size / 1024)} KB, paling besar ${LOGO_MAX_BYTES / 1024} KB. Perkecil gambarnya (lebar 400 piksel cukup untuk kop surat).`,
    en: `letters.logo \`${path}\`: the file is ${Math.ceil(size / 1024)} KB, at most ${LOGO_MAX_BYTES / 1024} KB. Make the image smaller (400 pixels wide is enough).`,
  },
});

export function checkLogoBytes(path: string, bytes: Uint8Array): LogoResult {
  if (bytes.length > LOGO_MAX_BYTES) return tooBig(path, bytes.length);
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg)
    return { ok: false, message: { id: `letters.logo \`${path}\`: isi berkas bukan gambar PNG atau JPEG.`, en: `letters.logo \`${path}\`: the file is not a PNG or JPEG image.` } };
  return { ok: true, bytes: Buffer.from(bytes) };
}

/** Reads the emblem from a checkout at `root`. */
export function readLogo(root: string, path: string): LogoResult {
  const problem = logoPathProblem(path);
  if (problem) return { ok: false, message: problem };
  const full = resolve(root, path);
  try {
    const stat = lstatSync(full);
    // A symbolic link could point outside the repository: the real path must stay inside.
    const inside = relative(realpathSync(root), realpathSync(full));
    if (!stat.isFile() && !stat.isSymbolicLink()) throw new Error("not a file");
    if (inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { ok: false, message: logoPathProblem("../")! };
    const size = lstatSync(realpathSync(full)).size;
    if (size > LOGO_MAX_BYTES) return tooBig(path, size);
    return checkLogoBytes(path, readFileSync(full));
  } catch {
    return { ok: false, message: { id: `letters.logo \`${path}\`: berkas tidak ditemukan di repositori. Periksa ejaan jalurnya.`, en: `letters.logo \`${path}\`: file not found in the repository. Check the path's spelling.` } };
  }
}
