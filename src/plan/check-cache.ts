// What a request file's own checks found (schema and file rules), kept between plan runs and keyed
// by the file's path and blob id: a blob id names the bytes, so the same key means the same file,
// and the same file under the same governance, on the same day, with the same code, gets the same
// result. A pull request changing one file of 15,000 checks one file; the other results come from
// the base commit's run. Rules across files are never cached: they run on every plan.
//
// Safe to lose: a missing, unreadable, truncated or altered cache file, or one written for another
// repository, governance, day or code, is ignored whole and everything is computed again, with the
// same result. The file's name carries a digest of all of that (its namespace), and its last line
// the SHA-256 of the rest, checked before any entry is used.
import { gitBlobId, nodeCrypto, sha256Hex } from "../model/digest.ts";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Positions } from "../load/parse.ts";
import type { Request } from "../model/request.ts";
import type { RequestCheck } from "../validate/validate.ts";
import { git } from "../git/run.ts";
import { REPOSITORY_FACTS } from "../git/spawn.mjs";
import { jsonExact } from "../validate/files/check-wire.ts";

export interface CachedCheck {
  diagnostics: Diagnostic[];
  /** The request when the file passed the schema. */
  request?: Request;
}

export interface CheckCache {
  /** The stored result for this path and blob, or undefined. */
  get(path: string, blob: string): CachedCheck | undefined;
  set(path: string, blob: string, check: RequestCheck): void;
  /** Writes the entries used or made in this run (and only those), atomically; errors only cost speed. */
  save(): void;
  /** Distinct stored results used in this run (results shared within the run do not count). */
  hits: number;
  /** Results the stored file holds (0: none to look up, so nothing need wait for blob ids). */
  readonly size: number;
  /** Why the stored file was not used, when it was not ("missing", "altered"...), for tests and the bench. */
  rejected?: string;
}

export interface CacheNamespace {
  /** Something only this repository has: its top folder, its first commit, its remote. */
  repository: string;
  /** Blob id of the governance file the checks ran under. */
  governance: string;
  today: string;
}

/** SHA-256 of a cache file's lines: megabytes, so node:crypto's (names use sha256Hex). */
const sha256 = (data: string) => nodeCrypto().createHash("sha256").update(data).digest("hex");

/** Git's own id of a blob with these bytes. */
export const blobId = gitBlobId;

/** The repository's identity: its top folder's real path, its root commit(s) and its origin URL. */
export function repositoryIdentity(root: string): string | undefined {
  return repositoryFacts(root)?.identity;
}

/**
 * What repositoryFacts asks git (defined with the questions the launcher asks ahead, src/git/spawn.mjs):
 * the top folder, the prefix of `root` in it (empty at the top) and HEAD's commit in one call; the
 * root commit(s); the origin's URL.
 */
export { REPOSITORY_FACTS };

/** The identity, HEAD's commit, and whether `root` is the repository's top, with one git call fewer than asking each. */
export function repositoryFacts(root: string): { identity: string; head: string; atTop: boolean } | undefined {
  const [ask, rootCommits, origin] = REPOSITORY_FACTS;
  const facts = git(root, ask);
  if (!facts.ok) return undefined;
  const [topLine, prefix, head] = facts.stdout.toString("utf8").split("\n");
  const roots = git(root, rootCommits);
  if (!roots.ok || !topLine || !head) return undefined;
  const remote = git(root, origin);
  let path = topLine.trim();
  try {
    path = realpathSync(path);
  } catch {
    /* the path as git printed it */
  }
  return { identity: [path, roots.stdout.toString("utf8").trim(), remote.ok ? remote.stdout.toString("utf8").trim() : ""].join("\n"), head: head.trim(), atTop: prefix === "" };
}

let codeDigest: string | undefined;
/** Digest of every source file of this program and of the locked dependencies: new code never reads old results. */
export function codeVersion(): string {
  if (!codeDigest) {
    // Run from one bundle: it holds all the code, libraries included, and is named by the digest
    // of that code (src/load/bundle-cache.mjs), so its name is the version. The launcher says which
    // (src/cli/launch.mjs); a worker bundle is the module itself.
    const started = (globalThis as Record<symbol, unknown>)[Symbol.for("subdomain-gitops.bundle")];
    if (typeof started === "string" && (started.endsWith(".cjs") || started.endsWith(".mjs"))) return (codeDigest = sha256Hex(`bundle\n${basename(started)}`));
    const here = fileURLToPath(import.meta.url);
    if (here.endsWith(".mjs")) return (codeDigest = nodeCrypto().createHash("sha256").update(readFileSync(here)).digest("hex"));
    const src = new URL("..", import.meta.url).pathname;
    const h = nodeCrypto().createHash("sha256");
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|mts|js|mjs|json|yaml)$/.test(e.name)) h.update(relative(src, p)).update("\0").update(readFileSync(p)).update("\0");
      }
    };
    walk(src);
    try {
      h.update(readFileSync(new URL("../../package-lock.json", import.meta.url)));
    } catch {
      /* no lock file beside the code: the sources alone */
    }
    codeDigest = h.digest("hex");
  }
  return codeDigest;
}

const PREFIX = "checks-";
/** Older namespaces kept beside the current one (another day, another governance): a few, not all. */
const KEEP = 3;

/** A cache in `dir`, or only in memory (shared by the two sides of one plan) when `dir` is undefined. */
export function openCheckCache(dir: string | undefined, ns: CacheNamespace | undefined): CheckCache {
  const stored = new Map<string, string>();
  const used = new Map<string, string>();
  const decoded = new Map<string, CachedCheck>();
  const fresh = new Map<string, CachedCheck>();
  const name = ns && `${PREFIX}${sha256Hex([ns.repository, ns.governance, ns.today, codeVersion()].join("\n")).slice(0, 32)}.jsonl`;
  const path = dir && name ? join(dir, name) : undefined;
  const cache: CheckCache = {
    hits: 0,
    get size() {
      return stored.size;
    },
    get(file, blob) {
      const key = `${file}\t${blob}`;
      const seen = decoded.get(key);
      if (seen) return seen;
      const text = stored.get(key);
      if (text === undefined) return undefined;
      let entry: { d: Diagnostic[]; r?: Request };
      try {
        entry = JSON.parse(text) as { d: Diagnostic[]; r?: Request };
        if (!entry || !Array.isArray(entry.d)) return undefined;
      } catch {
        return undefined;
      }
      const check: CachedCheck = { diagnostics: entry.d.map((d) => ({ ...d, file })), ...(entry.r !== undefined ? { request: entry.r } : {}) };
      decoded.set(key, check);
      used.set(key, text);
      cache.hits++;
      return check;
    },
    set(file, blob, check) {
      const key = `${file}\t${blob}`;
      if (decoded.has(key)) return;
      const cached: CachedCheck = { diagnostics: check.diagnostics, ...(check.request ? { request: check.request.request } : {}) };
      decoded.set(key, cached);
      fresh.set(key, cached);
    },
    save() {
      if (!dir || !path) return;
      // Nothing new and nothing dropped: the file on disk is already this run's cache.
      if (fresh.size === 0 && used.size === stored.size && cache.rejected === undefined) return;
      let fd: number | undefined;
      const tmp = `${path}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        // Streamed line by line, the digest last: never the whole file as one string in memory.
        fd = openSync(tmp, "w");
        const digest = nodeCrypto().createHash("sha256");
        let chunk = "";
        const line = (text: string) => {
          digest.update(text);
          chunk += text;
          if (chunk.length > 1 << 20) {
            writeSync(fd!, chunk);
            chunk = "";
          }
        };
        for (const [key, text] of used) line(`${key}\t${text}\n`);
        for (const [key, c] of fresh) {
          // A value JSON cannot carry (.inf, .nan) is not cached: a miss costs only time.
          if (used.has(key) || (c.request !== undefined && !jsonExact(c.request))) continue;
          line(`${key}\t${JSON.stringify({ d: c.diagnostics.map((d) => ({ ...d, file: "" })), ...(c.request !== undefined ? { r: c.request } : {}) })}\n`);
        }
        writeSync(fd, `${chunk}${digest.digest("hex")}\n`);
        closeSync(fd);
        fd = undefined;
        renameSync(tmp, path);
        // Other namespaces: the newest few stay (a base a day older still helps), the rest go.
        const others = readdirSync(dir)
          .filter((f) => f.startsWith(PREFIX) && f.endsWith(".jsonl") && f !== name)
          .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
          .sort((a, b) => b.t - a.t);
        for (const { f } of others.slice(KEEP)) rmSync(join(dir, f), { force: true });
      } catch {
        // A cache that cannot be written only costs time next run.
        if (fd !== undefined) closeSync(fd);
        rmSync(tmp, { force: true });
      }
    },
  };
  if (!path) return cache;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    cache.rejected = "missing";
    return cache;
  }
  // The last line is the SHA-256 of everything before it.
  const nl = text.lastIndexOf("\n", text.length - 2);
  const body = text.slice(0, nl + 1);
  if (!text.endsWith("\n") || text.length - nl - 2 !== 64 || text.slice(nl + 1, -1) !== sha256(body)) {
    cache.rejected = "altered";
    return cache;
  }
  for (const line of body.split("\n")) {
    const a = line.indexOf("\t");
    const b = line.indexOf("\t", a + 1);
    if (a > 0 && b > a) stored.set(line.slice(0, b), line.slice(b + 1));
  }
  return cache;
}

/** A RequestCheck from a cached result; the positions are read only if a diagnostic needs them. */
export function restoreCheck(file: string, cached: CachedCheck, positions: () => Positions): RequestCheck {
  if (!cached.request) return { diagnostics: cached.diagnostics };
  let known: Positions | undefined;
  const request = {
    file,
    request: cached.request,
    get positions(): Positions {
      return (known ??= positions());
    },
  };
  return { request, diagnostics: cached.diagnostics };
}
