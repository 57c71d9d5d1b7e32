// @ts-check
// A program's code as one bundled JavaScript file, kept between runs. Plain JavaScript (types in
// bundle-cache.d.mts) because src/cli/launch.mjs uses it before any TypeScript loader runs: that
// is what lets `npm run validate` and `npm run plan` start without tsx.
//
// Through tsx, each of a command's ~250 modules passes the loader hooks one by one: ~0.4 s of CPU
// before the first file is read; a worker thread loading its code that way is ready after
// 300-400 ms. From one bundle both take well under 0.1 s. The bundle is made with esbuild (the
// compiler tsx itself runs on, so the same transform) and kept in the temporary folder with the
// SHA-256 of every input file: it is used only while all of them are unchanged, and rebuilt
// otherwise. On any failure the caller runs the TypeScript through tsx as before.
// The folder is trusted only when lstat shows a real directory of this user that nobody else can
// write (/tmp is shared: another account could have made the folder first and planted a bundle);
// otherwise the bundle is built afresh in a new private folder and not reused.
//
// A module bundle (moduleBundle) keeps each source file's `import.meta.url`, `dirname` and
// `filename` its own, as under tsx, so code that finds files next to itself still does; a worker
// bundle (workerBundle) is built synchronously, for code that needs no such thing.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { crc32 } from "node:zlib";

/**
 * `key`: what the manifest is for (entry, Node version, build options; see lookup); `inputs`: input
 * path (relative to `cwd`, where esbuild ran) -> SHA-256; `seen`: the same path -> its stat
 * signature when last found unchanged; `entry`: the entry's path, for prune (an older manifest
 * may lack `seen` and `entry`).
 * @typedef {{ key?: string, bundle: string, inputs: Record<string, string>, seen?: Record<string, string>, cwd: string, entry?: string }} Manifest
 */

/**
 * SHA-256 of the inputs and the bundle, when a bundle is built or an input's signature changed:
 * node:crypto is loaded only then, not at every start (12-16 ms on Node 24).
 * @param {Uint8Array | string} data
 */
const sha256 = (data) => process.getBuiltinModule("node:crypto").createHash("sha256").update(data).digest("base64url");

/**
 * What a file's content change always changes: size, inode and the inode's change time (ctime,
 * which no program can set back; touch, editors and git checkout all move it).
 * @param {string} path
 */
function signature(path) {
  const st = lstatSync(path, { bigint: true });
  return `${st.size}:${st.ino}:${st.ctimeNs}:${st.mtimeNs}`;
}

/**
 * A directory or file of ours that no other account can write, seen without following links.
 * @param {string} path
 * @param {"dir" | "file"} kind
 */
function ours(path, kind) {
  try {
    const st = lstatSync(path);
    const uid = process.getuid?.();
    if (uid === undefined || st.uid !== uid) return false;
    if (kind === "dir" ? !st.isDirectory() || (st.mode & 0o077) !== 0 : !st.isFile() || (st.mode & 0o022) !== 0) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * The shared cache folder when it is safely ours (made now if absent), else a new private one used once.
 * @param {string} dir
 */
function cacheFolder(dir) {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {
    /* exists already (or cannot be made): judged below */
  }
  if (ours(dir, "dir")) return { dir, reuse: true };
  return { dir: mkdtempSync(join(tmpdir(), "subdomain-gitops-worker-")), reuse: false };
}

/** The per-user folder bundles (and V8's compiled code for them) are kept in. */
export function bundleFolder() {
  return cacheFolder(join(tmpdir(), `subdomain-gitops-workers-${process.getuid?.() ?? "user"}`));
}

// Written in pieces so that the import.meta plugin below leaves this text alone.
const META_URL = ["import", "meta", "url"].join(".");

/** A require from tsx's folder: esbuild as tsx depends on it. */
const requireFromTsx = () => createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));

/** esbuild as tsx depends on it: the same version tsx transforms the rest of the code with. */
function esbuildOfTsx() {
  return /** @type {typeof import("esbuild")} */ (requireFromTsx()("esbuild"));
}

/**
 * The package.json of that esbuild, which names its version: an input of every bundle, checked
 * like the sources (by its stat signature, its SHA-256 when that changed), so that a bundle made
 * by another esbuild is made again. Resolving it at every start (two createRequire and the
 * package folders' lookups) cost ~6-10 ms of each command's start; a build resolves it once.
 */
const esbuildPackage = () => requireFromTsx().resolve("esbuild/package.json");

/**
 * Where the bundle of `entry` is cached, and whether the cached one can be used as it is.
 * @param {URL} entry
 * @param {"worker" | "module"} kind
 */
function lookup(entry, kind) {
  const entryPath = fileURLToPath(entry);
  // Per user and private, as tsx keeps its own cache: only this user's processes write it.
  const { dir, reuse } = bundleFolder();
  // Keyed by the build's options too: a bundle built otherwise (by an older version of this code)
  // is not this one, though its inputs are unchanged.
  const key = entryPath + "\n" + process.version + "\n" + JSON.stringify(buildOptions(entryPath)) + (kind === "module" ? `\nmodule\n${JSON.stringify(MODULE_WRAPPER)}` : "");
  // Named by the key's CRC-32 and length, and holding the key: another key under the same name
  // (a chance of 1 in 2^32) is only a miss, and the bundle is built again.
  const manifestPath = join(dir, `${crc32(key).toString(16).padStart(8, "0")}${key.length.toString(16).padStart(8, "0")}.json`);
  const current = reuse ? readManifest(manifestPath) : undefined;
  const hit = current && current.key === key && upToDate(current, dir, entryPath, manifestPath) ? current.bundle : undefined;
  return { entryPath, dir, manifestPath, key, hit };
}

/**
 * Bundles are CommonJS: run as scripts (run-bundle.mjs), whose V8 code cache can be written after
 * the run, or loaded by a worker without Node's ES module loader (~27 of its modules fewer to
 * compile at the thread's start).
 * @param {string} entryPath
 */
function buildOptions(entryPath) {
  return /** @type {const} */ ({
    entryPoints: [entryPath],
    absWorkingDir: dirname(entryPath),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    // Without comments or indentation: 1.6 MB instead of 2.2, and only ASCII. Two characters
    // outside ASCII in comments made Node read all of the source as two-byte text (4.4 MB,
    // decoded the slow way): every start of validate and plan ~25 ms and ~3.5 MB faster.
    // Names stay; SUBDOMAIN_GITOPS_NO_BUNDLE=1 runs the TypeScript itself, for readable traces.
    minifyWhitespace: true,
  });
}

/**
 * A module bundle is written inside the function Node wraps every CommonJS module in, so that
 * run-bundle.mjs compiles the file's text as it was read: wrapping it there made one 1.6 MB
 * string of two, which V8 then copied into a third before compiling (~4 ms of a one-file plan,
 * mostly new memory to touch).
 */
export const MODULE_WRAPPER = /** @type {const} */ ({ banner: { js: "(function (exports, require, module, __filename, __dirname) {" }, footer: { js: "\n})" } });

/** A bundle's file name ends so (an older version of this code wrote ES modules, ".mjs": pruned). */
const EXTENSION = ".cjs";

/**
 * Path of an up-to-date bundle of `entry` (a .ts file) for a worker thread, or undefined if none can be had.
 * @param {URL} entry
 * @returns {string | undefined}
 */
export function workerBundle(entry) {
  try {
    const l = lookup(entry, "worker");
    return l.hit ?? store(l, esbuildOfTsx().buildSync(buildOptions(l.entryPath)));
  } catch {
    return undefined;
  }
}

/**
 * Each project source file's `import.meta.url`, `.dirname` and `.filename` as its own, written in
 * as text (a bundle's would otherwise be the bundle's, in the temporary folder).
 * @type {import("esbuild").Plugin}
 */
const importMeta = {
  name: "import-meta",
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, async (args) => {
      if (args.path.includes(`${"/"}node_modules/`)) return undefined;
      const text = await readFile(args.path, "utf8");
      const url = pathToFileURL(args.path).href;
      const contents = text
        .replaceAll(META_URL, JSON.stringify(url))
        .replaceAll(["import", "meta", "dirname"].join("."), JSON.stringify(dirname(args.path)))
        .replaceAll(["import", "meta", "filename"].join("."), JSON.stringify(args.path));
      return { contents, loader: args.path.endsWith(".mjs") ? "js" : "ts" };
    });
  },
};

/**
 * Path of an up-to-date bundle of `entry` (a .ts file) to import on the main thread, or undefined if none can be had.
 * @param {URL} entry
 * @returns {Promise<string | undefined>}
 */
export async function moduleBundle(entry) {
  try {
    const l = lookup(entry, "module");
    return l.hit ?? store(l, await esbuildOfTsx().build({ ...buildOptions(l.entryPath), ...MODULE_WRAPPER, plugins: [importMeta] }));
  } catch {
    return undefined;
  }
}

/**
 * Writes a fresh bundle and its manifest into the cache folder; returns the bundle's path.
 * @param {{ entryPath: string, dir: string, manifestPath: string, key: string }} l
 * @param {{ outputFiles: { contents: Uint8Array }[], metafile: { inputs: Record<string, unknown> } }} built
 */
function store(l, built) {
  const { dir, manifestPath } = l;
  const cwd = dirname(l.entryPath);
  const code = /** @type {{ contents: Uint8Array }} */ (built.outputFiles[0]).contents;
  /** @type {Record<string, string>} */
  const inputs = {};
  const files = [...Object.keys(built.metafile.inputs), relative(cwd, esbuildPackage())];
  // Signatures before the hashes: a file changed in between fails the quick check next time.
  const seen = signatures(cwd, files);
  for (const input of files) inputs[input] = sha256(readFileSync(resolve(cwd, input)));
  const bundle = join(dir, `${sha256(code).slice(0, 16)}${EXTENSION}`);
  writeFileSync(`${bundle}.${process.pid}`, code, { mode: 0o600 });
  renameSync(`${bundle}.${process.pid}`, bundle);
  writeManifest(manifestPath, { key: l.key, bundle, inputs, cwd, entry: l.entryPath, seen: { ...seen, "": signature(bundle) } });
  prune(dir);
  return bundle;
}

const HOUR = 3_600_000;

/** The subfolder of the bundle folder where run-bundle.mjs keeps the module bundles' V8 code caches. */
export const CODE_CACHE_FOLDER = "code";

/**
 * Removes what no run needs any more, so the folder does not grow with every edit of the code or
 * every checkout: manifests untouched for a week or whose entry file is gone (a deleted clone:
 * the test suite makes dozens, each with bundles and code caches of ~4 MB), bundles no manifest
 * names, and the code caches of bundles gone (run-bundle.mjs). Bundles and caches go only when
 * older than an hour: another run may have just looked one up and not imported it yet. Errors
 * only cost space.
 * @param {string} dir
 */
function prune(dir) {
  try {
    const now = Date.now();
    const named = new Set();
    const entries = readdirSync(dir).map((f) => ({ f, path: join(dir, f), age: now - lstatSync(join(dir, f)).mtimeMs }));
    for (const e of entries.filter((x) => x.f.endsWith(".json"))) {
      const m = e.age > 168 * HOUR ? undefined : readManifest(e.path);
      // A manifest from before `entry` was kept is judged by its folder.
      if (m && typeof m.cwd === "string" && existsSync(typeof m.entry === "string" ? m.entry : m.cwd)) named.add(m.bundle);
      else rmSync(e.path, { force: true });
    }
    const isBundle = (/** @type {string} */ f) => f.endsWith(EXTENSION) || f.endsWith(".mjs");
    for (const e of entries) if (isBundle(e.f) && e.age > HOUR && !named.has(e.path)) rmSync(e.path, { force: true });
    const caches = join(dir, CODE_CACHE_FOLDER);
    for (const f of readdirSync(caches)) {
      // <bundle file name>.<kind>.<Node version>.v8: gone with its bundle.
      const bundle = join(dir, `${f.slice(0, f.indexOf("."))}${EXTENSION}`);
      if (!named.has(bundle) && now - lstatSync(join(caches, f)).mtimeMs > HOUR) rmSync(join(caches, f), { force: true });
    }
  } catch {
    /* the next build tries again */
  }
}

/**
 * Stat signatures of files, by their path relative to `cwd`.
 * @param {string} cwd
 * @param {string[]} inputs
 */
function signatures(cwd, inputs) {
  /** @type {Record<string, string>} */
  const seen = {};
  for (const input of inputs) seen[input] = signature(resolve(cwd, input));
  return seen;
}

/**
 * Writes a manifest (with the stat signatures its files had before they were hashed). Under a
 * temporary name, then renamed: a concurrent run sees the old file or the new one.
 * @param {string} manifestPath
 * @param {Manifest} m
 */
function writeManifest(manifestPath, m) {
  const tmp = `${manifestPath}.${process.pid}.${Date.now()}`;
  writeFileSync(tmp, JSON.stringify(m), { mode: 0o600 });
  renameSync(tmp, manifestPath);
}

/**
 * @param {string} path
 * @returns {Manifest | undefined}
 */
function readManifest(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * @param {Manifest} m
 * @param {string} dir
 * @param {string} entryPath
 * @param {string} manifestPath
 */
function upToDate(m, dir, entryPath, manifestPath) {
  try {
    // The bundle lies in this folder and is ours; the inputs include the entry itself: a manifest
    // cannot vouch for code by listing nothing.
    if (typeof m.bundle !== "string" || dirname(m.bundle) !== dir || !ours(m.bundle, "file")) return false;
    if (!m.inputs || typeof m.inputs !== "object" || !Object.keys(m.inputs).some((i) => resolve(m.cwd, i) === entryPath)) return false;
    // Every file exactly as when it was last hashed (same size, inode and change time): nothing
    // to hash again. Reading and hashing ~250 inputs and a 2 MB bundle cost ~30 ms of each start.
    const seen = m.seen;
    const now = { ...signatures(m.cwd, Object.keys(m.inputs)), "": signature(m.bundle) };
    if (seen && typeof seen === "object" && Object.keys(now).every((i) => seen[i] === now[i])) return true;
    // Otherwise each is hashed again. The bundle is named by the digest of its code: check it is still that code.
    const digest = sha256(readFileSync(m.bundle)).slice(0, 16);
    if (!m.bundle.endsWith(`${digest}${EXTENSION}`)) return false;
    for (const [input, hash] of Object.entries(m.inputs)) if (sha256(readFileSync(resolve(m.cwd, input))) !== hash) return false;
    // Unchanged after all (a checkout that rewrote the same bytes): remember the files as they were before hashing.
    writeManifest(manifestPath, { ...m, seen: now });
    return true;
  } catch {
    return false;
  }
}
