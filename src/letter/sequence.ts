// The running number of a reply letter, derived deterministically from the repository: the
// 1-based position of the request file in the order request files were first added to git
// (deleted files keep their place, so numbers never shift). Outside git, or for a file not yet
// committed, it counts after the committed ones in path order.
import { execFileSync } from "node:child_process";
import { ownRange } from "../git/history.ts";
import { DEFAULT_SCHEME, letterNumber } from "./number.ts";

export class ShallowHistoryError extends Error {}

/** `since`: governance's adoption base; files added before it (the product's examples) do not count. */
function commitPresent(root: string, commit: string): boolean {
  try {
    execFileSync("git", ["cat-file", "-e", `${commit}^{commit}`], { cwd: root, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function letterSequence(root: string, file: string, allFiles: readonly string[], since?: string): number {
  let added: string[] = [];
  // A shallow clone (actions/checkout's default) would number letters from the last commits only:
  // a wrong number on an official letter. Refuse, and say what to do.
  const shallow = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--is-shallow-repository"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() === "true";
    } catch {
      return false;
    }
  })();
  if (shallow)
    throw new ShallowHistoryError(
      "Riwayat git dangkal (shallow clone): nomor urut surat butuh riwayat lengkap. Pakai fetch-depth: 0 pada actions/checkout, atau beri --number. / Shallow git history: the letter's running number needs the full history; use fetch-depth: 0 or pass --number.",
    );
  if (since && !commitPresent(root, since))
    throw new ShallowHistoryError(
      `Commit awal adopsi ${since.slice(0, 12)} (governance.yaml, adoption.base) tidak ada di riwayat git ini: nomor urut surat tidak dapat dihitung. Ambil riwayat lengkap (fetch-depth: 0), atau beri --number. / The adoption base commit ${since.slice(0, 12)} is not in this git history: the running number cannot be computed; fetch the full history or pass --number.`,
    );
  try {
    const log = execFileSync("git", ["log", "--diff-filter=A", "--reverse", "--format=", "--name-only", "--no-renames", ...ownRange(since), "--", "requests/"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    added = log.split("\n").filter((l) => l.endsWith(".yaml") || l.endsWith(".yml"));
  } catch {
    added = []; // not a git checkout: fall back to path order below
  }
  const order = [...new Set(added)];
  for (const f of [...allFiles].sort()) if (!order.includes(f)) order.push(f);
  const i = order.indexOf(file);
  return i >= 0 ? i + 1 : order.length + 1;
}



/**
 * The letter number: `given` when it is a whole number text; a running number when it is digits;
 * otherwise the repository's sequence (see letterSequence). `scheme` defaults to DEFAULT_SCHEME.
 */
export function resolveLetterNumber(o: { root: string; file: string; allFiles: readonly string[]; opd: string; date: string; given?: string; scheme?: string; since?: string }): string {
  if (o.given !== undefined && !/^[0-9]+$/.test(o.given)) return o.given;
  const seq = o.given !== undefined ? Number(o.given) : letterSequence(o.root, o.file, o.allFiles, o.since);
  return letterNumber(o.scheme ?? DEFAULT_SCHEME, { seq, date: o.date, opd: o.opd });
}
