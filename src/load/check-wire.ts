// Per-file results cross from a worker thread in a compact form. Structured cloning 128 request
// values with their lazily computed positions cost the receiving thread about as much as checking
// the files itself (so a second core gained nothing); instead a chunk travels as one JSON text of
// the request values (V8's JSON.parse builds objects several times faster than the clone's
// deserializer), each fast-read file's text (its positions are found from it only if something
// asks: usually nothing does), and the few diagnostics. JSON cannot carry -0, NaN or ±Infinity:
// values holding one travel beside it, structured-cloned as they are.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { RequestCheck } from "../validate/validate.ts";
import type { RequestFile } from "../validate/rule.ts";
import { definePositions, fastPositions, lazySource, type Loaded } from "./parse.ts";
import { definePackedPositions, packPositions, type PackedPositions } from "./positions-transfer.ts";

export interface WireChunk {
  /** Index of the chunk's first file in the job's list. */
  start: number;
  count: number;
  /** JSON array, one entry per file: its request value, or null when it has none (or it is in `odd`). */
  values: string;
  /** Per file with a request: the text its positions are read from, or (files the `yaml` library read) its positions packed. */
  sources: (string | PackedPositions | null)[];
  /** [index in chunk, diagnostics] for the files that have any. */
  diagnostics: [number, Diagnostic[]][];
  /** [index in chunk, value] for request values JSON cannot carry. */
  odd: [number, unknown][];
}

/** Whether JSON gives `value` back exactly (finite numbers but -0, strings, booleans, null, plain arrays and objects). */
export function jsonExact(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== "object" || value === null) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!jsonExact(v)) return false;
    return true;
  }
  for (const k in value) if (!jsonExact((value as Record<string, unknown>)[k])) return false;
  return true;
}

/** One chunk's results, each with the file it was read from, packed for the trip. */
export function encodeChunk(start: number, results: readonly { check: RequestCheck; loaded: Loaded }[]): WireChunk {
  const values: unknown[] = [];
  const sources: WireChunk["sources"] = [];
  const diagnostics: WireChunk["diagnostics"] = [];
  const odd: WireChunk["odd"] = [];
  results.forEach(({ check, loaded }, k) => {
    if (check.diagnostics.length) diagnostics.push([k, check.diagnostics]);
    if (!check.request) {
      values.push(null);
      sources.push(null);
      return;
    }
    const value = check.request.request;
    if (jsonExact(value)) values.push(value);
    else {
      values.push(null);
      odd.push([k, value]);
    }
    sources.push(lazySource(loaded) ?? packPositions(loaded.positions));
  });
  return { start, count: results.length, values: JSON.stringify(values), sources, diagnostics, odd };
}

/** The chunk's results as checkRequest gave them on the other thread; `files` are the names of its files, in order. */
export function decodeChunk(chunk: WireChunk, files: readonly string[]): RequestCheck[] {
  const values = JSON.parse(chunk.values) as unknown[];
  for (const [k, v] of chunk.odd) values[k] = v;
  const diagnostics = new Map(chunk.diagnostics);
  const out: RequestCheck[] = new Array(chunk.count);
  for (let k = 0; k < chunk.count; k++) {
    const file = files[k]!;
    const value = values[k];
    const source = chunk.sources[k];
    const found = diagnostics.get(k) ?? [];
    if (value === null || source === null || source === undefined) out[k] = { diagnostics: found };
    else {
      const request = { file, request: value as RequestFile["request"] };
      // In checkRequest's own shape and key order.
      out[k] = { request: typeof source === "string" ? definePositions(request, () => fastPositions(source)) : definePackedPositions(request, source), diagnostics: found };
    }
  }
  return out;
}

/** A file as read, for the parse cache (cache.ts), which keeps its positions too. */
export interface WireLoaded {
  value: unknown;
  diagnostics: Diagnostic[];
  packed: PackedPositions;
}

export const encodeLoaded = (loaded: Loaded): WireLoaded => ({ value: loaded.value, diagnostics: loaded.diagnostics, packed: packPositions(loaded.positions) });

export const decodeLoaded = (wire: WireLoaded, file: string): Loaded =>
  definePackedPositions({ file, value: wire.value, diagnostics: wire.diagnostics }, wire.packed);
