// Reads files from disk into Loaded values. The only place validation touches the file system.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { parseYamlSource, type Loaded, type LoadedSource } from "./parse.ts";
import { LIMITS } from "./limits.ts";
import { diagnostic, START } from "../diagnostics/diagnostic.ts";

/** Reused between files: a request file is read into it whole (the parse keeps no reference to it). */
let buffer = Buffer.allocUnsafe(LIMITS.requestBytes + 1);

/**
 * The file's bytes, read into the shared buffer when they fit in `maxBytes` (one open, reads and
 * a close: readFileSync also asks the size and allocates a buffer per file, a fifth of the time
 * of reading 15,000 small files); a file larger than that is read whole, for the message's size.
 */
function readBytes(path: string, maxBytes: number): Uint8Array {
  if (buffer.length < maxBytes + 1) buffer = Buffer.allocUnsafe(maxBytes + 1);
  const fd = openSync(path, "r");
  let n = 0;
  try {
    for (let got = -1; got !== 0 && n <= maxBytes; n += got) got = readSync(fd, buffer, n, buffer.length - n, null);
  } finally {
    closeSync(fd);
  }
  return n > maxBytes ? readFileSync(path) : buffer.subarray(0, n);
}

/** The last root seen, and whether `join` leaves it as it is (absolute or relative, no `.`, `..`, `//` or trailing `/`). */
let lastRoot = "";
let lastRootPlain = false;

/**
 * join(root, file), without join's normalising walk over the whole path when neither part needs
 * it (the file list of a repository: `requests/opd/x.yaml`, thousands of times under one root).
 */
function joinPath(root: string, file: string): string {
  if (root !== lastRoot) {
    lastRoot = root;
    lastRootPlain = root !== "" && root !== "." && root !== "/" && join(root) === root && !root.endsWith("/");
  }
  const plain = lastRootPlain && file !== "" && file.charCodeAt(0) !== 46 && file.charCodeAt(0) !== 47 && !file.includes("/.") && !file.includes("//");
  return plain ? root + "/" + file : join(root, file);
}

export function readYamlFile(root: string, file: string, maxBytes: number = LIMITS.requestBytes): Loaded {
  return readYamlSource(root, file, maxBytes).loaded;
}

/** readYamlFile, with the text a fast-read file's positions would come from (see parse.ts). */
export function readYamlSource(root: string, file: string, maxBytes: number = LIMITS.requestBytes): LoadedSource {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(joinPath(root, file), maxBytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const [id, en] =
      code === "ENOENT"
        ? ["Berkas tidak ditemukan.", "File not found."]
        : code === "EISDIR"
          ? ["Ini folder, padahal di sini seharusnya berkas.", "This is a folder where a file belongs."]
          : [`Berkas tidak dapat dibaca (${code ?? "?"}).`, `The file cannot be read (${code ?? "?"}).`];
    const loaded = { file, value: undefined, positions: {}, diagnostics: [diagnostic(file, START, code === "ENOENT" ? "file.missing" : "file.not-file", "error", { id, en })] };
    return { loaded, source: undefined };
  }
  return parseYamlSource(file, bytes, maxBytes);
}

export const readGovernance = (root: string, file = "governance.yaml") => readYamlFile(root, file, LIMITS.governanceBytes);
