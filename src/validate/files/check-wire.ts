// Files as read cross from a reading thread in a compact form. Structured cloning parsed values
// with their positions cost the receiving thread about as much as parsing them itself (so a
// second core gained nothing); instead each value travels as JSON text (V8's JSON.parse builds
// objects several times faster than the YAML parse or the clone's deserializer), each fast-read
// file's digest (its positions are found by reading it again, only if something asks: usually
// nothing does), and the few parse diagnostics. JSON cannot carry -0, NaN or
// ±Infinity: values holding one travel beside it, structured-cloned as they are.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { crc32 } from "node:zlib";
import { definePositions, positionsOf, type Loaded, type LoadedSource, type Positions } from "../../load/parse.ts";
import { readYamlSource } from "../../load/read.ts";
import { definePackedPositions, packPositions, type PackedPositions } from "../../load/positions-transfer.ts";
import type { SchemaFindings } from "../schema.ts";
import type { RequestCheck } from "../validate.ts";
import type { RepositoryFile } from "../rule.ts";
import { repositoryView } from "../repository-view.ts";
import { moveNames } from "../request-names.ts";

export interface WireChunk {
  /** Index of the chunk's first file in the job's list. */
  start: number;
  count: number;
  /**
   * Per file: its value as JSON, or null when it has none (or it is in `odd`). One text per file,
   * not per chunk: a text over 128 KB is allocated straight into V8's large-object space and freed
   * only by a full collection, so a run's chunk texts stayed in memory (~16 MB for 15,000 files).
   */
  values: (string | null)[];
  /**
   * Per file: the digest of the text the fast path read (textDigest: its positions are found by
   * reading the file again, only if something asks: usually nothing does), or (files the `yaml`
   * library read) its positions packed. Sending the texts themselves cost Node 24 ~30 MB of peak memory.
   */
  sources: (number | PackedPositions)[];
  /** [index in chunk, diagnostics] for the files that have any. */
  diagnostics: [number, Diagnostic[]][];
  /** [index in chunk, value] for values JSON cannot carry. */
  odd: [number, unknown][];
  /** [index in chunk, findings] for files with a value that fails the request schema (the others pass it). */
  schema: [number, { diagnostics: Diagnostic[]; broken: string[] }][];
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

/** Packs the files of one chunk for the trip, one by one. */
export class ChunkEncoder {
  private readonly chunk: WireChunk;
  constructor(start: number) {
    this.chunk = { start, count: 0, values: [], sources: [], diagnostics: [], odd: [], schema: [] };
  }

  /** Adds the next file as read, with its request schema findings (undefined: no value to check). */
  add({ loaded, source }: LoadedSource, found: SchemaFindings | undefined): void {
    const { values, sources, diagnostics, odd, schema } = this.chunk;
    const k = this.chunk.count++;
    if (found && (found.diagnostics.length || found.broken.size)) schema.push([k, { diagnostics: found.diagnostics, broken: [...found.broken] }]);
    if (loaded.diagnostics.length) diagnostics.push([k, loaded.diagnostics]);
    // A parsed value is never null (parse.ts reports an empty document instead): null means none.
    if (loaded.value === undefined) values.push(null);
    else if (jsonExact(loaded.value)) values.push(JSON.stringify(loaded.value));
    else {
      values.push(null);
      odd.push([k, loaded.value]);
    }
    sources.push(source === undefined ? packPositions(loaded.positions) : textDigest(source));
  }

  finish(): WireChunk {
    return this.chunk;
  }
}

/** One chunk of files as read, each with its request schema findings, packed for the trip (see ChunkEncoder). */
export function encodeChunk(start: number, files: readonly LoadedSource[], findings: readonly (SchemaFindings | undefined)[]): WireChunk {
  const encoder = new ChunkEncoder(start);
  files.forEach((file, k) => encoder.add(file, findings[k]));
  return encoder.finish();
}

/**
 * A text's length and CRC-32 in one number (exact below 2^21 characters; requests are far
 * smaller): it tells whether a file read again is the text read before. No adversary is in that
 * question (a file changed in the moment between the two reads only gets no line numbers), so no
 * cryptographic hash: loading node:crypto alone cost the reading thread ~9 ms of its start.
 */
const textDigest = (text: string): number => text.length * 0x1_0000_0000 + crc32(text);

/**
 * The positions of a fast-read file whose text had digest `digest`: read again (readYamlFile, as
 * the other thread did). A file changed since (this run validates what it first read) gets none:
 * its diagnostics then point at its first line rather than at a place in a text that was not checked.
 */
function positionsAgain(root: string, file: string, digest: number): Positions {
  const { loaded, source } = readYamlSource(root, file);
  return source !== undefined && textDigest(source) === digest ? loaded.positions : {};
}

/** The schema findings of a file that passes the schema; shared, so never to be changed. */
const PASSED: SchemaFindings = Object.freeze({ diagnostics: Object.freeze([]) as unknown as Diagnostic[], broken: new Set<string>() });

/**
 * The chunk's files as parseYaml gave them on the other thread, and their schema findings
 * (undefined for files without a value); `files` are their names, in order.
 */
export function decodeChunk(chunk: WireChunk, root: string, files: readonly string[]): { files: Loaded[]; schema: (SchemaFindings | undefined)[] } {
  // `odd`, `diagnostics` and `schema` list the few files that have any, in order: walked beside the files.
  const { odd, diagnostics, schema: found } = chunk;
  let o = 0, d = 0, f = 0;
  const schema: (SchemaFindings | undefined)[] = new Array(chunk.count);
  const out: Loaded[] = new Array(chunk.count);
  for (let k = 0; k < chunk.count; k++) {
    const json = chunk.values[k];
    const value = o < odd.length && odd[o]![0] === k ? odd[o++]![1] : json === null || json === undefined ? undefined : JSON.parse(json);
    const file = files[k]!;
    // `positions` is added by definePositions, not written first: redefining a data property as an
    // accessor turns the object into a slow dictionary (~0.5 KB each).
    const loaded = { file, value, diagnostics: d < diagnostics.length && diagnostics[d]![0] === k ? diagnostics[d++]![1] : [] };
    const source = chunk.sources[k]!;
    // The computation holds the file's name, not the file as read: the request kept for the rules
    // across files shares it (positionsOf), and must not keep the rest alive.
    out[k] = typeof source === "number" ? definePositions(loaded, () => positionsAgain(root, file, source)) : definePackedPositions(loaded, source);
    const findings = f < found.length && found[f]![0] === k ? found[f++]![1] : undefined;
    schema[k] = value === undefined ? undefined : findings ? { diagnostics: findings.diagnostics, broken: new Set(findings.broken) } : PASSED;
  }
  return { files: out, schema };
}

/**
 * `check`, keeping only its request's repository view (see CheckFilesOptions.repositoryView). The
 * view's positions are had the way the request's are (positionsOf), which holds neither its value
 * nor, for a file that crossed threads, its text.
 */
export function viewedCheck(check: RequestCheck): RequestCheck<RepositoryFile> {
  const request = check.request;
  if (!request) return check;
  const view = repositoryView(request.request);
  moveNames(request.request, view);
  return { request: definePositions({ file: request.file, request: view }, positionsOf(request)), diagnostics: check.diagnostics };
}
