// The unchanged tenants' manifests hard-linked into a fresh out/kubernetes by one `find` process
// (GNU findutils and coreutils), started as soon as the snapshot is open, while this thread works
// out the plan: it lists each stored manifest's size and modification time (-printf) and links
// them all (-exec ln -t ... {} +). On this project's 2-vCPU machines a stat and a link cost ~10 µs
// each, ~60 ms for ~3,000 tenants on the main thread, a tenth of a pull request's plan; the
// process does them on the other core. No library does this; Node has no batched or *at() file
// calls. Where `find` is missing or is not GNU's (macOS), or fails, the links are undone and
// writeFromSnapshot links each file itself, as before.
import { spawn } from "node:child_process";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, rmSync } from "node:fs";
import { insideOutput } from "../load/out-path.ts";

/** What the process linked: each file's name -> [size, mtimeMs] as it listed them before linking. */
export type LinkedManifests = ReadonlyMap<string, readonly [number, number]>;

export interface ManifestLinking {
  /** Whether out/ itself was made for them (else only out/kubernetes). */
  madeOut: boolean;
  /** The links, once the process has ended; undefined when it failed (out/kubernetes is gone by then). */
  result: Promise<LinkedManifests | undefined>;
  /** For a run that does not write out/ from the snapshot after all: waits for the process, then removes what was made for it. */
  undo(): Promise<void>;
}

/**
 * Starts linking every stored manifest of `manifestsDir` into `out`/kubernetes, when that folder
 * does not exist yet (a fresh out/, as in CI); else undefined, and writeFromSnapshot links them.
 */
export function linkManifestsAhead(manifestsDir: string, out: string): ManifestLinking | undefined {
  const target = insideOutput(out, "kubernetes");
  if (existsSync(target)) return undefined;
  const madeOut = !existsSync(out);
  const clear = (what: string) => rmSync(what, { recursive: true, force: true });
  // find's listing goes to a file, not a pipe: a pipe holds 64 KB, and this thread reads nothing
  // until it needs the links, so find would wait. The file is unlinked at once: nothing is left
  // behind, whatever happens to this run.
  const listing = `${target}.${process.pid}.list`;
  let fd: number;
  try {
    mkdirSync(target, { recursive: true });
    fd = openSync(listing, "w+", 0o600);
    rmSync(listing);
  } catch {
    clear(madeOut ? out : target);
    return undefined;
  }
  const ended = new Promise<boolean>((resolve) => {
    let failed = false;
    // Relative names (./x.yaml) keep ln's arguments short: fewer ln processes. Only names a
    // namespace can have (and 00-baseline) are stored; others are neither listed nor linked.
    // LC_ALL=C: ASCII ranges, and a decimal point in %T@.
    const child = spawn(
      "find",
      [".", "-mindepth", "1", "-maxdepth", "1", "-type", "f", "-regextype", "posix-extended", "-regex", "\\./[a-z0-9-]+\\.yaml", "-printf", "%f\\0%s\\0%T@\\0", "-exec", "ln", "-t", target, "--", "{}", "+"],
      { cwd: manifestsDir, env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", fd, "ignore"] },
    );
    child.on("error", () => (failed = true));
    child.on("close", (status) => resolve(!failed && status === 0));
  });
  // Never rejects: a listing that cannot be read is a failure like any other.
  const result = ended.then((ok): LinkedManifests | undefined => {
    let files: Map<string, [number, number]> | undefined;
    try {
      if (ok) {
        const bytes = Buffer.allocUnsafe(fstatSync(fd).size);
        if (readSync(fd, bytes, 0, bytes.length, 0) === bytes.length) files = parseListing(bytes);
      }
    } catch {
      files = undefined;
    }
    try {
      closeSync(fd);
      // out/ itself stays: the caller may have written there meanwhile, and removes it if it fails.
      if (!files) clear(target);
    } catch {
      /* the caller's writeFromSnapshot finds what is left as a filled out/ */
    }
    return files;
  });
  return {
    madeOut,
    result,
    // Waited for, not killed: find waits for its ln, which a killed find would leave linking.
    async undo() {
      await result;
      clear(madeOut ? out : target);
    },
  };
}

/**
 * find's "name\0size\0seconds.fraction\0" triples; undefined if they are not that. Names are
 * ASCII (find lists only names a namespace can have), so latin1 reads them exactly, and fast; a
 * number that is not one reads as NaN, which matches no stored size or time.
 */
function parseListing(listing: Buffer): Map<string, [number, number]> | undefined {
  const parts = listing.toString("latin1").split("\0");
  if (parts.pop() !== "" || parts.length % 3 !== 0) return undefined;
  const files = new Map<string, [number, number]>();
  for (let i = 0; i < parts.length; i += 3) {
    const time = parts[i + 2]!;
    const dot = time.indexOf(".");
    // Node's mtimeMs, computed as Node computes it from the seconds and nanoseconds (exactly equal).
    const seconds = Number(dot < 0 ? time : time.slice(0, dot));
    const nanoseconds = dot < 0 ? 0 : Number(time.slice(dot + 1, dot + 10).padEnd(9, "0"));
    files.set(parts[i]!, [Number(parts[i + 1]!), seconds * 1e3 + nanoseconds / 1e6]);
  }
  return files;
}
