// Writing the files of out/ (src/artifacts/artifacts.ts says which). A file whose bytes are already
// right is left alone (a re-run or a one-file change rewrites a handful of 3,000 manifests); the
// rest is written beside and renamed into place, so a reader (a DNS server loading the zone, a
// shell that redirected stdout to out/plan.md) sees the old file or the new one, never half of
// each. A folder this run made has no reader and no old file: its files are created in place, with
// O_EXCL so that a file someone else made meanwhile still takes the careful way. On a full plan
// that saves 3,000 renames and as many looks for an old file (measured: the file system calls were
// most of writing out/, and under load they cost several times more).
//
// Text goes to the file without a Buffer copy of it on the heap (fs.writeSync with a string), and
// the large files (zones, registry) are written in chunks as their lines come, never held whole:
// 36 MB of manifests and 12 MB of zone and registry otherwise pass through the heap as strings and
// Buffers, and what outlives a scavenge is promoted, growing the process by ~100 MB.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { insideOutput } from "../load/out-path.ts";

/** Lines handed to `line` one by one, each without its line end. */
export type LineSource = (line: (text: string) => void) => void;

/** Chunks of this many characters go to the file at once. */
const CHUNK = 1 << 16;

/** All of `text` to `fd`: write(2) may stop short (a full disk, a signal); the rest as bytes, as writeFileSync does. */
export function writeText(fd: number, text: string): void {
  const n = writeSync(fd, text);
  if (n < Buffer.byteLength(text)) {
    const rest = Buffer.from(text).subarray(n);
    for (let at = 0; at < rest.length; ) at += writeSync(fd, rest, at);
  }
}

/** Writes the lines of `source` to `path` opened with `flag`, a chunk at a time. */
function writeLines(path: string, flag: "w" | "wx", eol: string, source: LineSource): void {
  const fd = openSync(path, flag);
  try {
    let chunk = "";
    source((text) => {
      chunk += text;
      chunk += eol;
      if (chunk.length >= CHUNK) {
        writeText(fd, chunk);
        chunk = "";
      }
    });
    writeText(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** A whole text as a line source with no line end of its own (the text carries its own). */
const whole =
  (text: string): LineSource =>
  (line) =>
    line(text);

/** Whether the files at `a` and `b` hold the same bytes: the sizes first, the bytes only when they match. */
export function sameBytes(a: string, b: string): boolean {
  const sa = statSync(a, { throwIfNoEntry: false });
  const sb = statSync(b, { throwIfNoEntry: false });
  if (!sa || !sb || sa.size !== sb.size || !sb.isFile()) return false;
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/** Whether `path` holds exactly `text` already. */
function holds(path: string, text: string): boolean {
  const size = statSync(path, { throwIfNoEntry: false })?.size;
  if (size === undefined || size !== Buffer.byteLength(text)) return false;
  try {
    return readFileSync(path).equals(Buffer.from(text));
  } catch {
    return false;
  }
}

/** out/ as one run writes it: the paths written (relative to out/), and which folders this run made. */
export class OutFolder {
  readonly written: string[] = [];
  private readonly fresh: Set<string>;

  /** `fresh`: folders (relative to `root`) this run made already, on another thread. */
  constructor(
    readonly root: string,
    fresh: Iterable<string> = [],
  ) {
    this.fresh = new Set(fresh);
  }

  /** The folders this run made, for another thread's OutFolder. */
  get made(): string[] {
    return [...this.fresh];
  }

  /** Makes the subfolder `sub` ("" for out/ itself) when missing; returns the names ending in `ext` it held before. */
  folder(sub: string, ext: string): Set<string> {
    const dir = join(this.root, sub);
    if (mkdirSync(dir, { recursive: true }) !== undefined) {
      this.fresh.add(sub);
      return new Set();
    }
    return new Set(readdirSync(dir).filter((f) => f.endsWith(ext)));
  }

  /** `rel` holds `text` (its folder made by folder() first). */
  put(rel: string, text: string): void {
    const target = insideOutput(this.root, rel);
    if (!this.created(rel, target, whole(text)) && !holds(target, text)) this.replace(target, "", whole(text));
    this.written.push(rel);
  }

  /** `rel` holds the lines of `source`, each ended by `eol`; a file that already holds them is left alone. */
  putLines(rel: string, eol: string, source: LineSource): void {
    const target = insideOutput(this.root, rel);
    if (!this.created(rel, target, source, eol)) {
      const tmp = this.tmp(target);
      writeLines(tmp, "w", eol, source);
      if (sameBytes(tmp, target)) rmSync(tmp, { force: true });
      else renameSync(tmp, target);
    }
    this.written.push(rel);
  }

  /**
   * Removes from `sub` what an earlier run wrote (`before`) and this one did not (`written`, by
   * default what this OutFolder wrote): a removed zone or tenant leaves no stale file.
   */
  prune(sub: string, before: ReadonlySet<string>, written: readonly string[] = this.written): void {
    const now = new Set(written.filter((w) => w.startsWith(`${sub}/`)).map((w) => w.slice(sub.length + 1)));
    for (const f of before) if (!now.has(f)) rmSync(join(this.root, sub, f), { force: true });
  }

  /** Created in place when its folder is this run's and nobody made the file meanwhile. */
  private created(rel: string, target: string, source: LineSource, eol = ""): boolean {
    const slash = rel.lastIndexOf("/");
    if (!this.fresh.has(slash < 0 ? "" : rel.slice(0, slash))) return false;
    try {
      writeLines(target, "wx", eol, source);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw e;
    }
  }

  /** Beside the target, named for this process and thread (the manifest thread writes beside the main one). */
  private tmp(target: string): string {
    return `${target}.${process.pid}.${threadId}.tmp`;
  }

  private replace(target: string, eol: string, source: LineSource): void {
    const tmp = this.tmp(target);
    writeLines(tmp, "w", eol, source);
    renameSync(tmp, target);
  }
}
