// Where a command writes a file named after request or governance data (a zone, a namespace, a
// label): always inside its output folder. Validation refuses such names first; this is the last
// line, at the one place each writer joins a name to its folder.
import { isAbsolute, resolve, sep } from "node:path";

export class OutsideOutputError extends Error {}

/**
 * A relative path that resolve() would only join: segments of letters, digits, `_`, `-` and `.`,
 * none starting with a dot (so no `.` or `..`), separated by single slashes. A plan links ~3,000
 * manifests into out/; two resolve() calls each cost ~10 ms of a one-file plan.
 */
const PLAIN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** The last absolute output folder and its resolve(), which depends on nothing but the text. */
let last: { out: string; base: string } | undefined;

/** `out/rel` resolved, or an error when `rel` would leave `out` (`../`, an absolute path). */
export function insideOutput(out: string, rel: string): string {
  let base = last?.out === out ? last.base : undefined;
  if (base === undefined) {
    base = resolve(out);
    if (isAbsolute(out)) last = { out, base };
  }
  // A plain path is joined as resolve() joins it (POSIX separators only; never into "/" itself,
  // which the check below refuses).
  if (sep === "/" && base !== "/" && PLAIN.test(rel)) return `${base}/${rel}`;
  const target = resolve(base, rel);
  if (!target.startsWith(base + sep) || rel.includes("\0"))
    throw new OutsideOutputError(`berkas ${JSON.stringify(rel)} akan ditulis di luar ${base}; tidak ditulis / the file ${JSON.stringify(rel)} would be written outside ${base}; not written`);
  return target;
}
