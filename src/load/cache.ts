// An optional content-addressed cache of parsed request files: the YAML parse is most of the cost
// of validation, and its result depends only on the file's bytes and on this loader's code. Keys
// are SHA-256 digests of the bytes; the cache file's name carries a digest of the loader's source
// and the yaml library's version, so a changed loader never reads an old entry. The schema and
// every rule still run on each file every time (they depend on governance and on today).
// Opt-in (`npm run validate -- --cache DIR`): use it where the cache folder is trusted, e.g. a
// developer's machine or a CI cache restored only from the same branch.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Loaded } from "./parse.ts";

type Entry = Omit<Loaded, "file">;

export interface ParseCache {
  /** The cached parse of these bytes, as if `file` had been read; undefined on a miss. */
  get(digest: string, file: string): Loaded | undefined;
  set(digest: string, loaded: Loaded): void;
  /** Writes the entries used in this run (and only those), atomically. */
  save(): void;
  hits: number;
}

export const digest = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("base64url");

let namespace: string | undefined;
/** Digest of the code that turns bytes into a Loaded value. */
function loaderVersion(): string {
  if (!namespace) {
    const h = createHash("sha256");
    for (const f of ["parse.ts", "fast-yaml.ts", "limits.ts", "read.ts"]) h.update(readFileSync(new URL(`./${f}`, import.meta.url)));
    h.update(String((createRequire(import.meta.url)("yaml/package.json") as { version: string }).version));
    namespace = h.digest("base64url").slice(0, 16);
  }
  return namespace;
}

/** JSON keeps every YAML core value except non-finite numbers (.inf, .nan): those entries are not cached. */
export function jsonSafe(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (value && typeof value === "object") return Object.values(value).every(jsonSafe);
  return true;
}

/**
 * One line per entry, `<digest> <json>`: loading only splits lines, and each entry is parsed when
 * a file asks for it, so every caller gets fresh objects and what is saved is the text as read.
 */
export function openParseCache(dir: string): ParseCache {
  const path = join(dir, `parse-${loaderVersion()}.jsonl`);
  const stored = new Map<string, string>();
  try {
    for (const line of readFileSync(path, "utf8").split("\n")) {
      const space = line.indexOf(" ");
      if (space > 0) stored.set(line.slice(0, space), line.slice(space + 1));
    }
  } catch {
    // No cache yet, or an unreadable one: start empty (a cache never decides anything).
  }
  const used = new Map<string, string>();
  const cache: ParseCache = {
    hits: 0,
    get(key, file) {
      const text = stored.get(key);
      if (text === undefined) return undefined;
      let e: Entry;
      try {
        e = JSON.parse(text) as Entry;
        if (!e || !Array.isArray(e.diagnostics) || !e.positions || typeof e.positions !== "object") return undefined;
      } catch {
        return undefined;
      }
      used.set(key, text);
      cache.hits++;
      return { file, value: e.value, positions: e.positions, diagnostics: e.diagnostics.map((d) => ({ ...d, file })) };
    },
    set(key, loaded) {
      if (!jsonSafe(loaded.value)) return;
      used.set(key, JSON.stringify({ value: loaded.value, positions: loaded.positions, diagnostics: loaded.diagnostics.map((d) => ({ ...d, file: "" })) }));
    },
    save() {
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, [...used].map(([k, v]) => `${k} ${v}\n`).join(""));
        renameSync(tmp, path);
      } catch {
        // A cache that cannot be written only costs speed next time.
      }
    },
  };
  return cache;
}
