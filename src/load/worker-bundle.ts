// The worker thread's code as one bundled JavaScript file. A worker that loads worker.ts through
// tsx is ready only after 300-400 ms on this machine (each of its ~200 modules goes through the
// loader hooks, on a thread of their own), most of a second of CPU on a 2-core machine that
// should be validating; started from one bundle it is ready in ~60 ms. The bundle is made with
// esbuild (the compiler tsx itself runs on, so the same transform) and kept in the temporary
// folder with the SHA-256 of every input file: it is used only while all of them are unchanged,
// and rebuilt otherwise. On any failure the caller starts the worker through tsx as before.
// The folder is trusted only when lstat shows a real directory of this user that nobody else can
// write (/tmp is shared: another account could have made the folder first and planted a bundle);
// otherwise the bundle is built afresh in a new private folder and not reused.
//
// moduleBundle does the same for a command's main module (src/cli/validate.ts runs its command
// from one): through tsx its ~250 modules cost ~0.4 s of CPU before the first file is read,
// from one bundle ~0.1 s. There each module's `import.meta.url`, `dirname` and `filename` are
// its own source file's, as under tsx, so code that finds files next to itself still does.
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BuildOptions, BuildResult, Plugin } from "esbuild";

interface Manifest {
  bundle: string;
  /** Input path (relative to the working directory esbuild ran in) -> SHA-256. */
  inputs: Record<string, string>;
  cwd: string;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("base64url");

/** A directory or file of ours that no other account can write, seen without following links. */
function ours(path: string, kind: "dir" | "file"): boolean {
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

/** The shared cache folder when it is safely ours (made now if absent), else a new private one used once. */
function cacheFolder(dir: string): { dir: string; reuse: boolean } {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {
    /* exists already (or cannot be made): judged below */
  }
  if (ours(dir, "dir")) return { dir, reuse: true };
  return { dir: mkdtempSync(join(tmpdir(), "subdomain-gitops-worker-")), reuse: false };
}

// Written in pieces so that the import.meta plugin below leaves this text alone.
const META_URL = ["import", "meta", "url"].join(".");

interface Lookup {
  entryPath: string;
  esbuild: typeof import("esbuild");
  dir: string;
  manifestPath: string;
  /** The bundle, when the cached one is still up to date. */
  hit?: string;
  options: BuildOptions & { write: false; metafile: true };
}

/** Where the bundle of `entry` is cached, and whether the cached one can be used as it is. */
function lookup(entry: URL, kind: "worker" | "module"): Lookup {
  const entryPath = fileURLToPath(entry);
  // esbuild as tsx depends on it: the same version tsx transforms the rest of the code with.
  const requireFromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
  const esbuild = requireFromTsx("esbuild") as typeof import("esbuild");
  // Per user and private, as tsx keeps its own cache: only this user's processes write it.
  const { dir, reuse } = cacheFolder(join(tmpdir(), `subdomain-gitops-workers-${process.getuid?.() ?? "user"}`));
  const manifestPath = join(dir, `${sha256(entryPath + "\n" + process.version + "\n" + esbuild.version + (kind === "module" ? "\nmodule" : "")).slice(0, 16)}.json`);
  const current = reuse ? readManifest(manifestPath) : undefined;
  const options = {
    entryPoints: [entryPath],
    absWorkingDir: dirname(entryPath),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    // Bundled CommonJS packages (ajv...) call require() for Node's built-in modules.
    banner: { js: `import { createRequire as __createRequire } from "node:module"; const require = __createRequire(${META_URL});` },
  } satisfies BuildOptions;
  return { entryPath, esbuild, dir, manifestPath, options, ...(current && upToDate(current, dir, entryPath) ? { hit: current.bundle } : {}) };
}

/** Path of an up-to-date bundle of `entry` (a .ts file) for a worker thread, or undefined if none can be had. */
export function workerBundle(entry: URL): string | undefined {
  try {
    const l = lookup(entry, "worker");
    return l.hit ?? store(l, l.esbuild.buildSync(l.options));
  } catch {
    return undefined;
  }
}

/**
 * Each project source file's `import.meta.url`, `.dirname` and `.filename` as its own, written in
 * as text (a bundle's would otherwise be the bundle's, in the temporary folder).
 */
const importMeta: Plugin = {
  name: "import-meta",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${"/"}node_modules/`)) return undefined;
      const text = await readFile(args.path, "utf8");
      const url = pathToFileURL(args.path).href;
      const contents = text
        .replaceAll(META_URL, JSON.stringify(url))
        .replaceAll(["import", "meta", "dirname"].join("."), JSON.stringify(dirname(args.path)))
        .replaceAll(["import", "meta", "filename"].join("."), JSON.stringify(args.path));
      return { contents, loader: "ts" };
    });
  },
};

/** Path of an up-to-date bundle of `entry` (a .ts file) to import on the main thread, or undefined if none can be had. */
export async function moduleBundle(entry: URL): Promise<string | undefined> {
  try {
    const l = lookup(entry, "module");
    return l.hit ?? store(l, await l.esbuild.build({ ...l.options, plugins: [importMeta] }));
  } catch {
    return undefined;
  }
}

/** Writes a fresh bundle and its manifest into the cache folder; returns the bundle's path. */
function store(l: Lookup, built: BuildResult<{ write: false; metafile: true }>): string {
  const { dir, manifestPath } = l;
  const cwd = dirname(l.entryPath);
  const code = built.outputFiles[0]!.contents;
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(built.metafile.inputs)) inputs[input] = sha256(readFileSync(resolve(cwd, input)));
  const bundle = join(dir, `${sha256(code).slice(0, 16)}.mjs`);
  const manifest: Manifest = { bundle, inputs, cwd };
  // Written under a temporary name, then renamed: a concurrent run sees the old file or the new one.
  const tmp = `${manifestPath}.${process.pid}.${Date.now()}`;
  writeFileSync(`${bundle}.${process.pid}`, code, { mode: 0o600 });
  renameSync(`${bundle}.${process.pid}`, bundle);
  writeFileSync(tmp, JSON.stringify(manifest), { mode: 0o600 });
  renameSync(tmp, manifestPath);
  return bundle;
}

function readManifest(path: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

function upToDate(m: Manifest, dir: string, entryPath: string): boolean {
  try {
    // The bundle lies in this folder and is ours; the inputs include the entry itself, and each
    // is hashed again now: a manifest cannot vouch for code by listing nothing.
    if (typeof m.bundle !== "string" || dirname(m.bundle) !== dir || !ours(m.bundle, "file")) return false;
    if (!m.inputs || typeof m.inputs !== "object" || !Object.keys(m.inputs).some((i) => resolve(m.cwd, i) === entryPath)) return false;
    // The bundle is named by the digest of its code: check it is still that code.
    if (!m.bundle.endsWith(`${sha256(readFileSync(m.bundle)).slice(0, 16)}.mjs`)) return false;
    for (const [input, hash] of Object.entries(m.inputs)) if (sha256(readFileSync(resolve(m.cwd, input))) !== hash) return false;
    return true;
  } catch {
    return false;
  }
}
