// Reads files from disk into Loaded values. The only place validation touches the file system.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml, type Loaded } from "./parse.ts";
import { LIMITS } from "./limits.ts";
import { diagnostic, START } from "../diagnostics/diagnostic.ts";

export function readYamlFile(root: string, file: string, maxBytes: number = LIMITS.requestBytes): Loaded {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(root, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const [id, en] =
      code === "ENOENT"
        ? ["Berkas tidak ditemukan.", "File not found."]
        : code === "EISDIR"
          ? ["Ini folder, padahal di sini seharusnya berkas.", "This is a folder where a file belongs."]
          : [`Berkas tidak dapat dibaca (${code ?? "?"}).`, `The file cannot be read (${code ?? "?"}).`];
    return { file, value: undefined, positions: {}, diagnostics: [diagnostic(file, START, code === "ENOENT" ? "file.missing" : "file.not-file", "error", { id, en })] };
  }
  return parseYaml(file, bytes, maxBytes);
}

export const readGovernance = (root: string, file = "governance.yaml") => readYamlFile(root, file, LIMITS.governanceBytes);
