// What a plan of a clean commit computed, kept for the next plan whose base is that commit (a pull
// request changing a few files of 15,000): per request file its blob id, its own findings, its
// findings and keys of each rule across files, its desired-state pieces and its dates; per output
// the rendered text with the offsets of every piece, and the tenants' manifests. The incremental
// plan (src/artifacts/incremental.ts) reads only the index and the few pieces it needs.
//
// Safe to lose and never trusted across repositories: the folder's name is a digest of the
// repository's identity, the governance blob, the day, the code and the plan options; the index
// names the commit it was made at and carries the CRC-32 (./checksum.ts) of itself, of every piece file, of
// every file's entry and of every block of links.txt, each checked before use; manifests are
// hard links checked by size and modification time. Anything missing or different sends the
// plan down the full path.
import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { writeText } from "./out-folder.ts";
import { LineBlocksWriter, linesWithPrefix, type BlockIndex } from "./line-blocks.ts";
import { checkMatches, checkText, checkWord } from "./checksum.ts";
import { lowerBound, sortedLines, type SortedList } from "./sorted.ts";
import { join, sep } from "node:path";
import type { Diagnostic, Lang } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";
import type { FileDates } from "../git/history.ts";
import type { RequestCheck } from "../validate/validate.ts";
import type { RuleContext, RuleLinks } from "../validate/rule.ts";
import { REPOSITORY_RULES } from "../validate/rules/index.ts";
import { requestRecords } from "../state/desired-state.ts";
import { zoneOf } from "../model/names.ts";
import { asciiHost, relativeName } from "../state/names.ts";
import type { DesiredState, RecordSet, Tenant } from "../state/types.ts";
import { renderZone, type ZoneSettings } from "../targets/zone/render.ts";
import { registryCsv, registryMarkdown } from "../targets/registry/render.ts";
import type { RegistryRow } from "../targets/registry/rows.ts";
import type { ZoneQuota } from "../plan/quota.ts";
import { codeVersion } from "../plan/check-cache.ts";
import { sha256Hex } from "../model/digest.ts";
import type { LinkedManifests } from "./manifest-links.ts";
import type { LineTap } from "./artifacts.ts";

const VERSION = 5;
const PREFIX = "snapshot-";
/** Snapshots of other commits or days kept beside the current one: a few, not all. */
const KEEP = 2;

/** Everything a snapshot's contents depend on besides the commit. */
export interface SnapshotKey {
  repository: string;
  governanceBlob: string;
  today: string;
  /** The plan options the outputs depend on (ingress, name-server addresses, cluster, language). */
  options: string;
}

/** The snapshot folder's name is a digest of its key: another key, another folder. */
export function snapshotDir(cacheDir: string, key: SnapshotKey): string {
  return join(cacheDir, `${PREFIX}${sha256Hex([VERSION, key.repository, key.governanceBlob, key.today, key.options, codeVersion()].join("\n")).slice(0, 32)}`);
}

/** One request file's entry, as stored (one JSON line of files.jsonl). */
export interface FileEntry {
  /** Blob id. */
  b: string;
  /** Own findings (schema and file rules), `file` left out. */
  d: Diagnostic[];
  r?: Request;
  /** Findings of each rule across files, by rule id. */
  x: Record<string, Diagnostic[]>;
  /** Keys of each rule across files: group, provides, consumes. */
  l: Record<string, [string[], string[], string[]]>;
  /** Its record sets in the desired state, in state order. */
  rs: RecordSet[];
  t?: Tenant;
  h?: FileDates;
}

/** A range of index.bin holding 32-bit numbers. */
type Range = [number, number];

export interface ZonePieces {
  name: string;
  /** Digest of zone-<i>.txt (the zone as written) and of zone-<i>.keys (its record keys, zone \0 name \0 type, one per line, sorted). */
  digest: string;
  keysDigest: string;
  /** In index.bin: where each key of zone-<i>.keys ends, in bytes (its newline, or the end). */
  keyEnds: Range;
  /** Record sets; per record set in index.bin: file index, start (its comment line, if any), start of its own lines, end, in bytes. */
  count: number;
  seg: Range;
}

export interface SnapshotMeta {
  v: number;
  key: SnapshotKey;
  commit: string;
  files: string[];
  /** index.bin: its digest; per file the offset of its entry in files.jsonl (one more for the end), and its entry's check word (./checksum.ts). */
  bin: string;
  offsets: Range;
  digests: Range;
  filesChecked: number;
  /** Files with any stored finding (the rest have none and need not be read). */
  withFindings: number[];
  retained: { file: string; request: Request }[];
  /** Tenants kept from deleted files (not any current file's), in state order. */
  retainedTenants: Tenant[];
  /** namespace -> index of the file whose tenant holds it. */
  tenantFiles: ReadonlyMap<string, number>;
  zones: ZonePieces[];
  /** Digests of registry.md, registry.csv and registry.names (row names in order); per row in index.bin: file index, Markdown start and end, CSV start and end. */
  registry: { md: string; csv: string; names: string; rows: number; seg: Range };
  /** namespace (or "" for the baseline) -> [size, mtimeMs] of the manifest hard link. */
  manifests: ReadonlyMap<string, readonly [number, number]>;
  /** links.txt in blocks (./line-blocks.ts): in index.bin each block's start (one more for the end) and its check word; each block's first line. */
  links: { offsets: Range; digests: Range; first: string[] };
  /** Digest of dates.txt: per file "created\tlastChanged" (empty when uncommitted), one line each. */
  dates: string;
  quota: ZoneQuota[];
  serial: number;
  counts: { records: number; tenants: number; sources: number };
}

/**
 * meta.json's own form of SnapshotMeta: the file list as one text (NUL between paths) and the two
 * tables by namespace as columns. Parsed as 15,000 strings in an array and two objects of ~3,000
 * keys each (dictionaries, their keys interned), meta.json took a one-file plan 15-45 ms to read;
 * in this form ~1/3 of that. Everything else is as in memory.
 */
type StoredMeta = Omit<SnapshotMeta, "files" | "tenantFiles" | "manifests"> & {
  fileList: string;
  tenantFiles: [namespaces: string[], files: number[]];
  manifests: [names: string[], sizes: number[], mtimes: number[]];
};

function toStored(meta: SnapshotMeta): StoredMeta {
  const { files, tenantFiles, manifests, ...rest } = meta;
  const names = [...manifests.keys()];
  return {
    ...rest,
    fileList: files.join("\0"),
    tenantFiles: [[...tenantFiles.keys()], [...tenantFiles.values()]],
    manifests: [names, names.map((n) => manifests.get(n)![0]), names.map((n) => manifests.get(n)![1])],
  };
}

/** The meta in memory, or undefined when the stored form is not whole (columns of unequal length). */
function fromStored(stored: StoredMeta): SnapshotMeta | undefined {
  const { fileList, tenantFiles: [ns, holders], manifests: [names, sizes, mtimes], ...rest } = stored;
  if (typeof fileList !== "string" || ns.length !== holders.length || names.length !== sizes.length || names.length !== mtimes.length) return undefined;
  return {
    ...rest,
    files: fileList === "" ? [] : fileList.split("\0"),
    tenantFiles: new Map(ns.map((n, i) => [n, holders[i]!])),
    manifests: new Map(names.map((n, i) => [n, [sizes[i]!, mtimes[i]!] as const])),
  };
}

export interface SnapshotInput {
  key: SnapshotKey;
  commit: string;
  files: readonly string[];
  blobs: ReadonlyMap<string, string>;
  checks: readonly RequestCheck[];
  /** What the plan's writing of out/ heard: where each record set of the zones is. */
  tap: PieceTap;
  repositoryDiagnostics: readonly Diagnostic[];
  ctx: RuleContext;
  governance: Governance;
  state: DesiredState;
  registry: readonly RegistryRow[];
  history: ReadonlyMap<string, FileDates>;
  zone: ZoneSettings;
  quota: ZoneQuota[];
  lang: Lang;
  out: string;
}

/**
 * Listens to the plan writing out/ (src/artifacts/artifacts.ts): per zone its record sets and, for each,
 * three byte offsets (start, start of its own lines after any comment line, end). The snapshot cuts
 * the written zone files there instead of rendering each record set again.
 */
export class PieceTap implements LineTap {
  readonly zones = new Map<string, { sets: RecordSet[]; cuts: number[]; bytes: number }>();
  private zone: { sets: RecordSet[]; cuts: number[]; bytes: number } | undefined;
  private zonePath = "";
  /** The record set whose own lines have not begun yet (its cut waits for the first line). */
  private open = false;

  line(path: string, text: string): void {
    const z = this.zoneAt(path);
    if (this.open && !text.startsWith(";")) {
      z.cuts[z.cuts.length - 2] = z.bytes;
      this.open = false;
    }
    z.bytes += Buffer.byteLength(text) + 1;
    if (this.open) {
      // The comment line naming the request file: its own lines begin after it.
      z.cuts[z.cuts.length - 2] = z.bytes;
      this.open = false;
    }
    if (z.cuts.length) z.cuts[z.cuts.length - 1] = z.bytes;
  }

  recordSet(path: string, rs: RecordSet): void {
    const z = this.zoneAt(path);
    z.sets.push(rs);
    z.cuts.push(z.bytes, z.bytes, z.bytes);
    this.open = true;
  }

  private zoneAt(path: string) {
    if (path !== this.zonePath || !this.zone) {
      this.zonePath = path;
      this.open = false;
      this.zone = { sets: [], cuts: [], bytes: 0 };
      this.zones.set(path, this.zone);
    }
    return this.zone;
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Bytes gathered before each write of a streamed file. */
const CHUNK = 1 << 16;

/**
 * Where each line ends (after its "\n"), or with `crlf` each CSV record (after a CRLF outside
 * quotes: RFC 4180, a quoted cell may hold a line end; "" inside quotes toggles twice).
 */
export function recordEnds(b: Buffer, crlf: boolean): number[] {
  const ends: number[] = [];
  let quoted = false;
  for (let k = 0; k < b.length; k++) {
    const c = b[k];
    if (crlf && c === 0x22) quoted = !quoted;
    else if (c === 0x0a && (!crlf || (!quoted && k > 0 && b[k - 1] === 0x0d))) ends.push(k + 1);
  }
  return ends;
}

const strip = (d: Diagnostic) => ({ ...d, file: "" });

/** The text of one record set in a zone file: its comment line, then its own lines. */
export function zonePiece(header: string, rendered: string): { comment: string; lines: string } {
  const body = rendered.slice(header.length);
  const nl = body.indexOf("\n");
  return { comment: body.slice(0, nl + 1), lines: body.slice(nl + 1) };
}

/** The header every registry Markdown file starts with, for `rows` rows. */
export function registryMarkdownHeader(rows: number, lang: Lang): string {
  const empty = registryMarkdown([], lang);
  return rows === 0 ? empty : empty.replace(/^(# [^\n]*\n\n)(\d+)/, `$1${rows}`);
}

/**
 * Writes the snapshot of a clean, valid working tree; returns why it did not, or undefined.
 * Never throws: a snapshot that cannot be made only costs time next run.
 */
export function saveSnapshot(cacheDir: string, s: SnapshotInput): string | undefined {
  const dir = snapshotDir(cacheDir, s.key);
  const tmp = `${dir}.${process.pid}.tmp`;
  try {
    if (s.checks.length !== s.files.length) return "checks";
    const index = new Map(s.files.map((f, i) => [f, i]));
    const rules = REPOSITORY_RULES;
    if (rules.some((r) => !r.links)) return "rule without links";
    if (s.repositoryDiagnostics.some((d) => !index.has(d.file))) return "finding outside a file";
    // Entries are made one at a time as files.jsonl is written (never all 15,000 at once); what
    // they gather from elsewhere is grouped by file first, as references.
    // Arrays sized up front: filled out of order, they stay plain arrays (not dictionaries).
    const xs = new Array<Record<string, Diagnostic[]> | undefined>(s.files.length);
    for (const d of s.repositoryDiagnostics) ((xs[index.get(d.file)!] ??= {})[d.rule] ??= []).push(strip(d));
    // Every record set must come from one file only: then each file's pieces are its own.
    let own = 0;
    for (const c of s.checks) {
      if (!c.request) continue;
      const zone = zoneOf(c.request.request, s.governance);
      if (!zone) continue;
      const keys = new Set(requestRecords(c.request.request, { file: c.request.file, opd: c.request.request.opd, label: relativeName(c.request.request.label, undefined) }, zone).map((r) => `${r.zone}\u0000${r.name}\u0000${r.type}`));
      own += keys.size;
    }
    if (own !== s.state.records.length) return "record set of several files";
    const recordsOf = new Array<RecordSet[] | undefined>(s.files.length);
    for (const r of s.state.records) {
      const i = index.get(r.source.file);
      if (i === undefined) return "record of no file";
      (recordsOf[i] ??= []).push(r);
    }
    const tenantOf = new Array<Tenant | undefined>(s.files.length);
    const retainedTenants: Tenant[] = [];
    const tenantFiles = new Map<string, number>();
    for (const t of s.state.tenants) {
      const i = index.get(t.source.file);
      if (t.deletedFile || i === undefined) retainedTenants.push(t);
      else {
        if (tenantOf[i]) return "two tenants of one file";
        tenantOf[i] = t;
        tenantFiles.set(t.namespace, i);
      }
    }

    if (s.files.some((f) => !s.blobs.get(f))) return "file without blob";
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(join(tmp, "manifests"), { recursive: true });
    // Numbers go to index.bin (read without parsing), in ranges the index names.
    const words: number[] = [];
    const range = (list: readonly number[]): Range => {
      const start = words.length * 4;
      for (const n of list) words.push(n);
      return [start, list.length * 4];
    };
    // Zones and the registry: the files this run wrote, linked in place (out/ is replaced by
    // rename, never rewritten), cut where the tap saw each record set and row begin.
    const tap = s.tap;
    const kept = (rel: string, to: string, size?: number): Buffer | undefined => {
      const from = join(s.out, rel);
      try {
        linkSync(from, join(tmp, to));
      } catch {
        copyFileSync(from, join(tmp, to));
      }
      const b = readFileSync(join(tmp, to));
      return size === undefined || b.length === size ? b : undefined;
    };
    /** Every cut falls at the start of a line. */
    const lineStarts = (b: Buffer, at: readonly number[]) => at.every((n) => n === 0 || n === b.length || b[n - 1] === 0x0a);
    const zones: ZonePieces[] = [];
    for (const z of s.governance.zones) {
      const name = asciiHost(z.name);
      const rel = `zones/${name}.zone`;
      const t = tap.zones.get(rel);
      if (!t) return "zone not heard";
      const own = s.state.records.filter((r) => r.zone === name);
      if (own.length !== t.sets.length || own.some((r, k) => r !== t.sets[k])) return "zone pieces";
      const text = kept(rel, `zone-${zones.length}.txt`, t.bytes);
      if (!text) return "zone pieces";
      const seg: number[] = [];
      const keys: string[] = [];
      for (const [k, r] of own.entries()) {
        const i = index.get(r.source.file);
        if (i === undefined) return "record of no file";
        seg.push(i, t.cuts[3 * k]!, t.cuts[3 * k + 1]!, t.cuts[3 * k + 2]!);
        keys.push(`${r.zone}\u0000${r.name}\u0000${r.type}`);
      }
      if (!lineStarts(text, t.cuts)) return "zone pieces";
      const keyText = keys.join("\n");
      const keyEnds: number[] = [];
      for (let k = 0, end = -1; k < keys.length; k++) keyEnds.push((end += 1 + Buffer.byteLength(keys[k]!)));
      writeFileSync(join(tmp, `zone-${zones.length}.keys`), keyText);
      zones.push({ name, digest: checkText(text), keysDigest: checkText(keyText), keyEnds: range(keyEnds), count: keys.length, seg: range(seg) });
    }
    // Registry: one line per row in Markdown, one record per row in CSV (a quoted cell may hold a line end).
    const rows = s.registry.length;
    const mdHeader = registryMarkdownHeader(rows, s.lang);
    const csvHeader = registryCsv([], s.lang);
    if (registryMarkdown([], s.lang) !== registryMarkdownHeader(0, s.lang)) return "registry pieces";
    // Written on the plan's other thread: cut where each line (Markdown) or record (CSV) ends.
    const md = kept("registry.md", "registry.md");
    const csv = kept("registry.csv", "registry.csv");
    if (!md || !csv) return "registry pieces";
    const mdEnds = recordEnds(md, false);
    const csvEnds = recordEnds(csv, true);
    const mdSkip = mdEnds.length - rows;
    if (csvEnds.length !== rows + 1 || mdSkip < 1 || mdEnds.at(-1) !== md.length || csvEnds.at(-1) !== csv.length) return "registry pieces";
    if (md.toString("utf8", 0, mdEnds[mdSkip - 1]) !== mdHeader || csv.toString("utf8", 0, csvEnds[0]) !== csvHeader) return "registry pieces";
    const regSeg: number[] = [];
    for (const [k, row] of s.registry.entries()) {
      const i = index.get(row.file);
      if (i === undefined) return "registry row of no file";
      regSeg.push(i, mdEnds[mdSkip + k - 1]!, mdEnds[mdSkip + k]!, csvEnds[k]!, csvEnds[k + 1]!);
    }
    const names = s.registry.map((r) => r.name).join("\n");
    writeFileSync(join(tmp, "registry.names"), names);
    // Manifests: hard links to what this run wrote (renamed into place, never written in place).
    const manifests = new Map<string, [number, number]>();
    const keep = (name: string, from: string) => {
      const to = join(tmp, "manifests", `${name || "00-baseline"}.yaml`);
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
      const st = statSync(to);
      manifests.set(name, [st.size, st.mtimeMs]);
    };
    if (s.state.tenants.length) keep("", join(s.out, "kubernetes", "00-baseline.yaml"));
    for (const t of s.state.tenants) keep(t.namespace, join(s.out, "kubernetes", `${t.namespace}.yaml`));

    // Per-file entries, one JSON line each, read back by offset; streamed in chunks. The keys of
    // the rules across files are gathered per rule and role as the entries are made.
    const withFindings: number[] = [];
    const offsets: number[] = [];
    const digests: number[] = [];
    const buckets = new Map<string, Map<string, number[]>>();
    let at = 0;
    const fd = openSync(join(tmp, "files.jsonl"), "w");
    try {
      // Strings, never a Buffer per entry: 15,000 Buffers (and their concatenations) are memory
      // outside V8's heap, freed only when a collection finds their handles, and held the
      // cache-filling plan ~30 MB above the run's other peaks. A string hashes as its UTF-8 bytes.
      let text = "";
      const flush = () => {
        writeText(fd, text);
        text = "";
      };
      for (const [i, c] of s.checks.entries()) {
        const l: Record<string, [string[], string[], string[]]> = {};
        if (c.request)
          for (const rule of rules) {
            const k: RuleLinks = rule.links!(c.request, s.ctx);
            l[rule.id] = [k.group, k.provides, k.consumes];
            for (const [role, keys] of [["g", k.group], ["p", k.provides], ["c", k.consumes]] as const) {
              if (!keys.length) continue;
              const prefix = `${rule.id}\u0001${role}\u0001`;
              let bucket = buckets.get(prefix);
              if (!bucket) buckets.set(prefix, (bucket = new Map()));
              for (const key of keys) {
                const list = bucket.get(key);
                if (!list) bucket.set(key, [i]);
                else if (list.at(-1) !== i) list.push(i);
              }
            }
          }
        const h = s.history.get(s.files[i]!);
        const e: FileEntry = { b: s.blobs.get(s.files[i]!)!, d: c.diagnostics.map(strip), ...(c.request ? { r: c.request.request } : {}), x: xs[i] ?? {}, l, rs: recordsOf[i] ?? [], ...(h ? { h } : {}), ...(tenantOf[i] ? { t: tenantOf[i] } : {}) };
        if (e.d.length || xs[i]) withFindings.push(i);
        const line = JSON.stringify(e) + "\n";
        offsets.push(at);
        digests.push(checkWord(line));
        text += line;
        if (text.length >= CHUNK) flush();
        at += Buffer.byteLength(line);
      }
      flush();
    } finally {
      closeSync(fd);
    }
    offsets.push(at);
    // links.txt: "rule \u0001 role \u0001 key-as-JSON \t file-index" lines in string order, in
    // blocks found from the index and read only where a search goes (./line-blocks.ts). A JSON
    // text holds no raw tab, so ordering by prefix, then key and tab, then index as text is the
    // order of the whole lines.
    const lfd = openSync(join(tmp, "links.txt"), "w");
    let linkBlocks: BlockIndex;
    try {
      let text = "";
      const blocks = new LineBlocksWriter((block) => {
        text += block;
        if (text.length >= CHUNK) {
          writeText(lfd, text);
          text = "";
        }
      });
      for (const prefix of [...buckets.keys()].sort(cmp)) {
        const bucket = buckets.get(prefix)!;
        const keys = [...bucket.keys()].map((k) => [`${JSON.stringify(k)}\t`, k] as const).sort((x, y) => cmp(x[0], y[0]));
        for (const [json, k] of keys) for (const i of bucket.get(k)!.map(String).sort(cmp)) blocks.line(`${prefix}${json}${i}\n`);
        buckets.delete(prefix);
      }
      linkBlocks = blocks.end();
      writeText(lfd, text);
    } finally {
      closeSync(lfd);
    }
    const dates = s.files.map((f) => (s.history.get(f) ? `${s.history.get(f)!.created}\t${s.history.get(f)!.lastChanged}` : "")).join("\n");
    writeFileSync(join(tmp, "dates.txt"), dates);
    const offsetRange = range(offsets);
    const digestRange = range(digests);
    const registrySeg = range(regSeg);
    const links = { offsets: range(linkBlocks.offsets), digests: range(linkBlocks.digests), first: linkBlocks.first };
    const bin = Buffer.from(new Uint32Array(words).buffer);
    writeFileSync(join(tmp, "index.bin"), bin);
    const sources = new Set([...s.state.records.map((r) => r.source.file), ...s.state.tenants.map((t) => t.source.file)]).size;
    const meta: SnapshotMeta = {
      v: VERSION,
      key: s.key,
      commit: s.commit,
      files: [...s.files],
      bin: checkText(bin),
      offsets: offsetRange,
      digests: digestRange,
      filesChecked: s.files.length + 1,
      withFindings,
      retained: (s.ctx.retained ?? []).map((r) => ({ file: r.file, request: r.request })),
      retainedTenants,
      tenantFiles,
      zones,
      registry: { md: checkText(md), csv: checkText(csv), names: checkText(names), rows, seg: registrySeg },
      manifests,
      links,
      dates: checkText(dates),
      quota: s.quota,
      serial: s.zone.serial,
      counts: { records: s.state.records.length, tenants: s.state.tenants.length, sources },
    };
    const text = asciiJson(JSON.stringify(toStored(meta)));
    writeFileSync(join(tmp, "meta.json"), `${text}\n${checkText(text)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    // Other snapshots: the newest few stay, the rest go.
    const others = readdirSync(cacheDir)
      .filter((f) => f.startsWith(PREFIX) && !f.endsWith(".tmp") && join(cacheDir, f) !== dir)
      .map((f) => ({ f, t: statSync(join(cacheDir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of others.slice(KEEP)) rmSync(join(cacheDir, f), { recursive: true, force: true });
    return undefined;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    return `error: ${(e as Error).message}`;
  }
}

/**
 * JSON text with every character outside ASCII written as a \uXXXX escape (the same value). One such
 * character in ~800 KB of meta.json (a link key) made the whole text decode to two bytes a
 * character: ~0.8 MB more to touch at every one-file plan.
 */
function asciiJson(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** An opened snapshot: its index, and its pieces read on demand, each checked. */
export interface Snapshot {
  dir: string;
  meta: SnapshotMeta;
  /** Where a file is in meta.files. */
  indexOf: FileIndex;
  /** The stored entry of file `i`; undefined when its bytes are not what the index says. */
  entry(i: number): FileEntry | undefined;
  /** Indexes of files having `key` in `role` of `rule` (g, p, c). */
  lookup(rule: string, role: "g" | "p" | "c", key: string): number[];
  /** Each file's stored dates line (see SnapshotMeta.dates); undefined when altered. */
  dates(): string[] | undefined;
  /** A zone's record keys in order (read once); undefined when altered. */
  keys(zone: number): SortedList | undefined;
  /** Numbers of a range of index.bin. */
  numbers(range: Range): Uint32Array;
  /** A stored piece file's bytes, checked against its digest; undefined when altered. */
  bytes(file: string, digest: string): Buffer | undefined;
  /**
   * Bytes `start` up to `end` of a stored piece file, not checked by themselves: for a few bytes
   * of a file that the same run checks whole as it copies it (spliceFile). Undefined when short.
   */
  slice(file: string, start: number, end: number): Buffer | undefined;
  /** The folder of the stored manifests (with a separator at its end). */
  manifestsDir: string;
  /**
   * Path of a stored manifest when it is still the file the index describes (size and
   * modification time): by a stat of it, or as `listed` shows it (file name -> [size, mtimeMs],
   * as manifest-links.ts lists the folder).
   */
  manifest(name: string, listed?: LinkedManifests): string | undefined;
  /** Closes files.jsonl, if it was opened. */
  close(): void;
}

/** Where each of a list of paths is. */
export interface FileIndex {
  get(path: string): number | undefined;
  has(path: string): boolean;
}

/**
 * The index of `files`: a binary search when they are in text order (as git lists them, and the
 * plan keeps them), else a Map. A Map of 15,000 paths cost ~13 ms of a one-file plan that looks up a few.
 */
export function fileIndex(files: readonly string[]): FileIndex {
  let sorted = true;
  for (let i = 1; i < files.length && sorted; i++) sorted = files[i - 1]! < files[i]!;
  if (!sorted) return new Map(files.map((f, i) => [f, i]));
  const get = (path: string) => {
    const at = lowerBound(files, path);
    return files[at] === path ? at : undefined;
  };
  return { get, has: (path) => get(path) !== undefined };
}

/** The snapshot for `key` made at `commit`, or why there is none usable. */
export function openSnapshot(cacheDir: string, key: SnapshotKey, commit: string): Snapshot | string {
  const dir = snapshotDir(cacheDir, key);
  // Digests are of the bytes as read: hashing a text makes node encode it to UTF-8 again first.
  let raw: Buffer;
  try {
    raw = readFileSync(join(dir, "meta.json"));
  } catch {
    return "missing";
  }
  const nl = raw.lastIndexOf(0x0a, raw.length - 2);
  if (nl < 0 || raw[raw.length - 1] !== 0x0a || raw.toString("latin1", nl + 1, raw.length - 1) !== checkText(raw.subarray(0, nl))) return "altered";
  const body = raw.toString("utf8", 0, nl);
  let stored: StoredMeta;
  try {
    stored = JSON.parse(body) as StoredMeta;
  } catch {
    return "altered";
  }
  if (stored.v !== VERSION || JSON.stringify(stored.key) !== JSON.stringify(key)) return "other key";
  let meta: SnapshotMeta | undefined;
  try {
    meta = fromStored(stored);
  } catch {
    /* not this version's shape */
  }
  if (!meta) return "altered";
  if (meta.commit !== commit) return "other commit";
  let bin: Buffer;
  try {
    bin = readFileSync(join(dir, "index.bin"));
  } catch {
    return "missing";
  }
  if (checkText(bin) !== meta.bin) return "altered";
  // Views of index.bin where aligned (it is read into a buffer of its own): a copy of each range
  // put ~1 MB of new memory through a one-file plan.
  const numbers = (r: Range) => {
    const at = bin.byteOffset + r[0];
    return at % 4 === 0 && r[1] % 4 === 0 ? new Uint32Array(bin.buffer, at, r[1] / 4) : new Uint32Array(bin.buffer.slice(at, at + r[1]));
  };
  const offsets = numbers(meta.offsets);
  const digests = numbers(meta.digests);
  let fd: number | undefined;
  // links.txt: only the blocks a search reaches are read, each checked against its digest.
  const linkOffsets = numbers(meta.links.offsets);
  const linkDigests = numbers(meta.links.digests);
  const linkTexts = new Map<number, string>();
  let linksFd: number | undefined;
  const linkBlock = (j: number): string => {
    let t = linkTexts.get(j);
    if (t === undefined) {
      linksFd ??= openSync(join(dir, "links.txt"), "r");
      const b = Buffer.alloc(linkOffsets[j + 1]! - linkOffsets[j]!);
      if (readSync(linksFd, b, 0, b.length, linkOffsets[j]!) !== b.length || !checkMatches(b, linkDigests, j)) throw new Error("snapshot links altered");
      linkTexts.set(j, (t = b.toString("utf8")));
    }
    return t;
  };
  const zoneKeys = new Map<number, SortedList | undefined>();
  const indexOf = fileIndex(meta.files);
  const manifestsDir = join(dir, "manifests") + sep;
  return {
    dir,
    meta,
    indexOf,
    numbers,
    dates(this: Snapshot) {
      const b = this.bytes("dates.txt", meta.dates);
      return b && b.toString("utf8").split("\n");
    },
    keys(this: Snapshot, zi: number) {
      if (!zoneKeys.has(zi)) {
        const z = meta.zones[zi];
        const b = z && this.bytes(`zone-${zi}.keys`, z.keysDigest);
        const keys = z && b ? sortedLines(b, numbers(z.keyEnds)) : undefined;
        zoneKeys.set(zi, keys && keys.length === z!.count ? keys : undefined);
      }
      return zoneKeys.get(zi);
    },
    entry(i) {
      try {
        fd ??= openSync(join(dir, "files.jsonl"), "r");
        const len = offsets[i + 1]! - offsets[i]!;
        const buf = Buffer.alloc(len);
        if (readSync(fd, buf, 0, len, offsets[i]!) !== len) return undefined;
        if (!checkMatches(buf, digests, i)) return undefined;
        return JSON.parse(buf.toString("utf8")) as FileEntry;
      } catch {
        return undefined;
      }
    },
    lookup(rule, role, key) {
      return linesWithPrefix(meta.links.first, linkBlock, `${rule}\u0001${role}\u0001${JSON.stringify(key)}\t`).map(Number);
    },
    bytes(file, digest) {
      try {
        const b = readFileSync(join(dir, file));
        return checkText(b) === digest ? b : undefined;
      } catch {
        return undefined;
      }
    },
    slice(file, start, end) {
      try {
        const piece = openSync(join(dir, file), "r");
        try {
          const b = Buffer.alloc(end - start);
          return readSync(piece, b, 0, b.length, start) === b.length ? b : undefined;
        } finally {
          closeSync(piece);
        }
      } catch {
        return undefined;
      }
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      if (linksFd !== undefined) closeSync(linksFd);
      fd = linksFd = undefined;
    },
    manifestsDir,
    manifest(name, listed) {
      const want = meta.manifests.get(name);
      // Names come from the snapshot's index: one with a separator or a dot segment is no manifest
      // this code stored. Joined by hand: join() for each of ~3,000 names cost ~5 ms.
      if (!want || name.includes("/") || name.includes("\\") || name.startsWith(".")) return undefined;
      const file = `${name || "00-baseline"}.yaml`;
      const p = manifestsDir + file;
      if (listed) {
        const seen = listed.get(file);
        return seen && seen[0] === want[0] && seen[1] === want[1] ? p : undefined;
      }
      try {
        const st = statSync(p, { throwIfNoEntry: false });
        return st && st.size === want[0] && st.mtimeMs === want[1] ? p : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
