// Where a command writes a file named after request or governance data (a zone, a namespace, a
// label): always inside its output folder. Validation refuses such names first; this is the last
// line, at the one place each writer joins a name to its folder.
import { resolve, sep } from "node:path";

export class OutsideOutputError extends Error {}

/** `out/rel` resolved, or an error when `rel` would leave `out` (`../`, an absolute path). */
export function insideOutput(out: string, rel: string): string {
  const base = resolve(out);
  const target = resolve(base, rel);
  if (!target.startsWith(base + sep) || rel.includes("\0"))
    throw new OutsideOutputError(`berkas ${JSON.stringify(rel)} akan ditulis di luar ${base}; tidak ditulis / the file ${JSON.stringify(rel)} would be written outside ${base}; not written`);
  return target;
}
