// The worker thread's code as one bundled JavaScript file. A worker that loads worker.ts through
// tsx is ready only after 300-400 ms on this machine (each of its ~200 modules goes through the
// loader hooks, on a thread of their own), most of a second of CPU on a 2-core machine that
// should be validating; started from one bundle it is ready in ~60 ms. The bundle is made with
// esbuild (the compiler tsx itself runs on, so the same transform) and kept in the temporary
// folder with the SHA-256 of every input file: it is used only while all of them are unchanged,
// and rebuilt otherwise. On any failure the caller starts the worker through tsx as before.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface Manifest {
  bundle: string;
  /** Input path (relative to the working directory esbuild ran in) -> SHA-256. */
  inputs: Record<string, string>;
  cwd: string;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("base64url");

/** Path of an up-to-date bundle of `entry` (a .ts file), or undefined if none can be had. */
export function workerBundle(entry: URL): string | undefined {
  try {
    const entryPath = fileURLToPath(entry);
    // esbuild as tsx depends on it: the same version tsx transforms the rest of the code with.
    const requireFromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
    const esbuild = requireFromTsx("esbuild") as typeof import("esbuild");
    // Per user and private, as tsx keeps its own cache: only this user's processes write it.
    const dir = join(tmpdir(), `subdomain-gitops-workers-${process.getuid?.() ?? "user"}`);
    const manifestPath = join(dir, `${sha256(entryPath + "\n" + process.version + "\n" + esbuild.version).slice(0, 16)}.json`);
    const current = readManifest(manifestPath);
    if (current && upToDate(current)) return current.bundle;

    const cwd = dirname(entryPath);
    const built = esbuild.buildSync({
      entryPoints: [entryPath],
      absWorkingDir: cwd,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      metafile: true,
      logLevel: "silent",
      // Bundled CommonJS packages (ajv...) call require() for Node's built-in modules.
      banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    });
    const code = built.outputFiles[0]!.contents;
    const inputs: Record<string, string> = {};
    for (const input of Object.keys(built.metafile.inputs)) inputs[input] = sha256(readFileSync(resolve(cwd, input)));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const bundle = join(dir, `${sha256(code).slice(0, 16)}.mjs`);
    const manifest: Manifest = { bundle, inputs, cwd };
    // Written under a temporary name, then renamed: a concurrent run sees the old file or the new one.
    const tmp = `${manifestPath}.${process.pid}.${Date.now()}`;
    writeFileSync(`${bundle}.${process.pid}`, code);
    renameSync(`${bundle}.${process.pid}`, bundle);
    writeFileSync(tmp, JSON.stringify(manifest));
    renameSync(tmp, manifestPath);
    return bundle;
  } catch {
    return undefined;
  }
}

function readManifest(path: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

function upToDate(m: Manifest): boolean {
  try {
    // The bundle is named by the digest of its code: check it is still that code.
    if (!m.bundle.endsWith(`${sha256(readFileSync(m.bundle)).slice(0, 16)}.mjs`)) return false;
    for (const [input, hash] of Object.entries(m.inputs)) if (sha256(readFileSync(resolve(m.cwd, input))) !== hash) return false;
    return true;
  } catch {
    return false;
  }
}
