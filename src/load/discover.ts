// Finds the request files under requests/. Anything that is not a request file where one belongs
// (a folder named like a file, a link, another extension) is reported, never skipped in silence.
import { lstatSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { diagnostic, START, type Diagnostic } from "../diagnostics/diagnostic.ts";

export interface Discovery {
  /** Repository-relative paths of request files, sorted. */
  files: string[];
  diagnostics: Diagnostic[];
}

/** Files that may sit in requests/ without being requests. */
const IGNORED = new Set(["README.md", ".gitkeep"]);

const toPosix = (p: string) => p.split(sep).join("/");

export function discoverRequests(root: string, dir = "requests"): Discovery {
  const out: Discovery = { files: [], diagnostics: [] };
  const bad = (file: string, rule: string, id: string, en: string) => out.diagnostics.push(diagnostic(file, START, rule, "error", { id, en }));
  const walk = (abs: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      bad(toPosix(relative(root, abs)) || dir, "file.unreadable", `Folder tidak dapat dibaca: ${(e as Error).message}`, `The folder cannot be read: ${(e as Error).message}`);
      return;
    }
    // Entry names hold no separator, so each path is the folder's plus its name: path.relative
    // once per folder, not once per file (it was most of the time on 15,000 files).
    const base = toPosix(relative(root, abs));
    for (const entry of entries) {
      const rel = base ? `${base}/${entry.name}` : entry.name;
      if (IGNORED.has(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        bad(rel, "file.symlink", "Tautan simbolik tidak diizinkan di requests/; simpan berkas aslinya.", "Symbolic links are not allowed under requests/; store the file itself.");
      } else if (entry.isDirectory()) {
        if (depth === 0) walk(join(abs, entry.name), 1);
        else if (entry.name.endsWith(".yaml") || entry.name.endsWith(".yml"))
          bad(rel, "file.not-file", "Ini folder, padahal di sini seharusnya berkas permohonan.", "This is a folder where a request file belongs.");
        else bad(rel, "path.layout", "Folder bersarang tidak diizinkan: berkas permohonan berada di requests/<opd>/<label>.yaml.", "Nested folders are not allowed: request files live at requests/<opd>/<label>.yaml.");
      } else if (!entry.isFile()) {
        bad(rel, "file.not-file", "Ini bukan berkas biasa.", "This is not a regular file.");
      } else if (depth === 0) {
        bad(rel, "path.layout", "Berkas permohonan harus berada di dalam folder OPD: requests/<opd>/<label>.yaml.", "Request files belong in an OPD folder: requests/<opd>/<label>.yaml.");
      } else if (entry.name.endsWith(".yml")) {
        bad(rel, "path.layout", `Gunakan akhiran .yaml, bukan .yml (ganti nama menjadi ${entry.name.slice(0, -4)}.yaml).`, `Use the .yaml extension, not .yml (rename to ${entry.name.slice(0, -4)}.yaml).`);
      } else if (!entry.name.endsWith(".yaml")) {
        bad(rel, "path.layout", "Hanya berkas .yaml yang boleh berada di folder OPD.", "Only .yaml files belong in an OPD folder.");
      } else out.files.push(rel);
    }
  };
  // A freshly adopted repository has no requests yet, and git keeps no empty folder: a missing
  // requests/ is an empty one. Something else in its place is still an error.
  let stat;
  try {
    stat = lstatSync(join(root, dir));
  } catch {
    return out;
  }
  if (!stat.isDirectory()) {
    bad(dir, "file.not-file", `${dir} harus berupa folder berisi folder OPD.`, `${dir} must be a folder holding OPD folders.`);
    return out;
  }
  walk(join(root, dir), 0);
  out.files.sort();
  return out;
}
