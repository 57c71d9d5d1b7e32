// Reads a timeline JSON file (`--input`): a syntax error or a value that does not fit the format
// gives messages naming the place in the file, never a stack trace.
import { readFileSync } from "node:fs";
import { TimelineFile } from "../worktime/timeline.ts";

export type InputResult = { ok: true; value: TimelineFile } | { ok: false; problems: Array<{ id: string; en: string }> };

const MAX_BYTES = 50 * 1024 * 1024;

export function parseTimelineJson(text: string): InputResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = (e as Error).message;
    return { ok: false, problems: [{ id: `bukan JSON yang sah (${m})`, en: `not valid JSON (${m})` }] };
  }
  const r = TimelineFile.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    problems: r.error.issues.slice(0, 20).map((i) => {
      const where = i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "(akar/root)";
      return { id: `${where}: ${i.message}`, en: `${where}: ${i.message}` };
    }),
  };
}

export function readTimelineFile(path: string): InputResult {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_BYTES) return { ok: false, problems: [{ id: "berkas terlalu besar (maks. 50 MB)", en: "file too large (max 50 MB)" }] };
    text = bytes.toString("utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "?";
    return { ok: false, problems: [{ id: code === "ENOENT" ? "berkas tidak ditemukan" : `berkas tidak dapat dibaca (${code})`, en: code === "ENOENT" ? "file not found" : `cannot read the file (${code})` }] };
  }
  return parseTimelineJson(text);
}
