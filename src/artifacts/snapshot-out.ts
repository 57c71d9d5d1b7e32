// out/ written from a snapshot: the same files, bytes and order as writeArtifacts
// (src/artifacts/artifacts.ts), with the changed files' pieces replaced. Zones and the registry are
// spliced from the stored texts' byte ranges and the changed pieces (./splice.ts), never read
// whole; unchanged tenants' manifests are hard links to the stored files (a copy when linking
// fails; in a fresh out/, made by one `find` process while the plan is worked out:
// ./manifest-links.ts), changed ones are rendered. Files are put in place by rename, so a reader
// sees the old file or the new one.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { insideOutput } from "../load/out-path.ts";
import type { Governance } from "../model/governance.ts";
import { asciiHost } from "../state/names.ts";
import type { RecordSet, Tenant } from "../state/types.ts";
import { renderZone, type ZoneSettings } from "../targets/zone/render.ts";
import { registryCsv, registryMarkdown } from "../targets/registry/render.ts";
import type { RegistryRow } from "../targets/registry/rows.ts";
import type { ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { renderManifests } from "../targets/kubernetes/render.ts";
import { clusterBaseline } from "../targets/kubernetes/baseline.ts";
import { renderMarkdown } from "../plan/render-markdown.ts";
import { renderJson } from "../plan/render-json.ts";
import { tenantManifestText } from "./artifacts.ts";
import type { Plan } from "../plan/types.ts";
import { registryMarkdownHeader, zonePiece, type Snapshot } from "./snapshot.ts";
import { sameBytes } from "./out-folder.ts";
import { spliceBuffers, spliceFile, type Piece } from "./splice.ts";
import type { LinkedManifests, ManifestLinking } from "./manifest-links.ts";

export interface ChangedPieces {
  /** Paths of the changed files: their stored pieces are left out. */
  changed: ReadonlySet<string>;
  /** Paths whose registry rows are given anew (the changed files', and any whose dates moved). */
  rows: ReadonlySet<string>;
  /** Their pieces now, sorted as the state sorts them. */
  records: RecordSet[];
  tenants: Tenant[];
  registry: RegistryRow[];
  tenantCount: number;
}

export interface OutSettings {
  governance: Governance;
  zone: ZoneSettings;
  cluster: ClusterSettings;
  plan: Plan;
  lang: Lang;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes out/; returns the paths written, or why the snapshot could not serve (nothing is
 * half-done that a full run would not redo). `linking`: the stored manifests being linked into a
 * fresh out/kubernetes by a `find` process (manifest-links.ts), awaited once the zones and the
 * registry are spliced; the caller undoes it if this returns a reason.
 */
export async function writeFromSnapshot(out: string, snap: Snapshot, c: ChangedPieces, a: OutSettings, linking?: ManifestLinking): Promise<string[] | string> {
  const meta = snap.meta;
  const files = meta.files;
  const kept = (i: number) => !c.changed.has(files[i]!);

  // What each zone and registry file is made of first; they are written (and their stored files
  // checked) before anything else, so that a stored piece found altered leaves out/ as it was.
  const spliced: { rel: string; file: string; digest: string; pieces: Piece[]; altered: string }[] = [];
  for (const [zi, z] of a.governance.zones.entries()) {
    const name = asciiHost(z.name);
    const stored = meta.zones[zi];
    if (!stored || stored.name !== name) return "zones";
    const file = `zone-${zi}.txt`;
    const keys = snap.keys(zi);
    if (!keys) return "zone altered";
    const header = renderZone(z, [], a.zone);
    // Pieces rendered as the snapshot rendered them (a bare zone: the same lines, a shorter header).
    const bare = { ...z, nameservers: [], protected: [] };
    const bareHeader = renderZone(bare, [], a.zone);
    // Each fresh record set goes before the first stored one after it (keys.upperBound): found by
    // search, so that only the few keys it reaches are read.
    const fresh = c.records
      .filter((r) => r.zone === name)
      .map((r) => ({ at: keys.upperBound(`${r.zone}\u0000${r.name}\u0000${r.type}`), ...zonePiece(bareHeader, renderZone(bare, [r], a.zone)) }));
    // Runs of stored record sets that were neighbours are copied as one byte range, comments and
    // all; where a change breaks a run, the next comment is decided as renderZone decides it.
    const seg = snap.numbers(stored.seg);
    const parts: Piece[] = [Buffer.from(header)];
    let unreadable = false;
    /** The comment line a stored record set is under: its own, or the nearest one above it. */
    const labelOf = (k: number) => {
      for (let i = k; i >= 0; i--)
        if (seg[4 * i + 1]! < seg[4 * i + 2]!) {
          const label = snap.slice(file, seg[4 * i + 1]!, seg[4 * i + 2]!);
          if (!label) unreadable = true;
          return label?.toString("utf8") ?? "";
        }
      return "";
    };
    let lastK = -1; // the stored record set emitted last; -1 when a fresh one (or none) was
    let lastFresh = "";
    const lastLabel = () => (lastK >= 0 ? labelOf(lastK) : lastFresh);
    let runStart = 0;
    let runEnd = 0;
    const flush = () => {
      if (runEnd > runStart) parts.push([runStart, runEnd]);
      runStart = runEnd = 0;
    };
    const emitFresh = (f: (typeof fresh)[number]) => {
      flush();
      parts.push(Buffer.from(f.comment === lastLabel() ? f.lines : f.comment + f.lines));
      lastFresh = f.comment;
      lastK = -1;
    };
    let j = 0;
    for (let k = 0; k < keys.length; k++) {
      if (!kept(seg[4 * k]!)) continue;
      while (j < fresh.length && fresh[j]!.at <= k) emitFresh(fresh[j++]!);
      const start = seg[4 * k + 1]!;
      const linesStart = seg[4 * k + 2]!;
      if (lastK >= 0 && lastK === k - 1) runEnd = seg[4 * k + 3]!;
      else {
        flush();
        const label = labelOf(k);
        runStart = label === lastLabel() ? linesStart : start;
        if (label !== lastLabel() && start === linesStart) parts.push(Buffer.from(label));
        runEnd = seg[4 * k + 3]!;
      }
      lastK = k;
    }
    while (j < fresh.length) emitFresh(fresh[j++]!);
    flush();
    if (unreadable) return "zone altered";
    spliced.push({ rel: `zones/${name}.zone`, file, digest: stored.digest, pieces: parts, altered: "zone altered" });
  }

  const csvHeader = registryCsv([], a.lang);
  const mdRowStart = registryMarkdownHeader(1, a.lang).length;
  const fresh = [...c.registry]
    .sort((x, y) => cmp(x.name, y.name) || cmp(x.file, y.file))
    .map((r) => ({ name: r.name, file: r.file, md: Buffer.from(registryMarkdown([r], a.lang).slice(mdRowStart)), csv: Buffer.from(registryCsv([r], a.lang).slice(csvHeader.length)) }));
  const namesBytes = snap.bytes("registry.names", meta.registry.names);
  if (!namesBytes) return "registry altered";
  const names = meta.registry.rows ? namesBytes.toString("utf8").split("\n") : [];
  const mdParts: Piece[] = [];
  const csvParts: Piece[] = [Buffer.from(csvHeader)];
  let rows = 0;
  let j = 0;
  const before = (f: (typeof fresh)[number], name: string, file: string) => cmp(f.name, name) || cmp(f.file, file);
  const rseg = snap.numbers(meta.registry.seg);
  // Neighbouring stored rows are copied as one range.
  let run = -1; // first stored row of the current run
  let lastRow = -2;
  const flushRows = () => {
    if (run < 0) return;
    mdParts.push([rseg[5 * run + 1]!, rseg[5 * lastRow + 2]!]);
    csvParts.push([rseg[5 * run + 3]!, rseg[5 * lastRow + 4]!]);
    run = -1;
  };
  for (let k = 0; k < names.length; k++) {
    const fi = rseg[5 * k]!;
    if (c.rows.has(files[fi]!)) continue;
    while (j < fresh.length && before(fresh[j]!, names[k]!, files[fi]!) < 0) {
      flushRows();
      mdParts.push(fresh[j]!.md);
      csvParts.push(fresh[j++]!.csv);
      rows++;
    }
    if (run < 0 || lastRow !== k - 1) {
      flushRows();
      run = k;
    }
    lastRow = k;
    rows++;
  }
  flushRows();
  for (; j < fresh.length; j++, rows++) {
    mdParts.push(fresh[j]!.md);
    csvParts.push(fresh[j]!.csv);
  }
  spliced.push(
    { rel: "registry.md", file: "registry.md", digest: meta.registry.md, pieces: [Buffer.from(registryMarkdownHeader(rows, a.lang)), ...mdParts], altered: "registry altered" },
    { rel: "registry.csv", file: "registry.csv", digest: meta.registry.csv, pieces: csvParts, altered: "registry altered" },
  );

  // Tenants: every stored one but the changed files', plus the changed files' tenants now.
  const gone = new Set<string>();
  for (const [ns, i] of meta.tenantFiles) if (!kept(i)) gone.add(ns);
  const namespaces = [...[...meta.manifests.keys()].filter((n) => n !== "" && !gone.has(n)), ...c.tenants.map((t) => t.namespace)].sort(cmp);
  const renderedNow = new Map(c.tenants.map((t) => [t.namespace, t]));
  // The stored manifests still the files the index describes: by a stat of each, or as the
  // process linking them listed them.
  const linkFrom = new Map<string, string>();
  let baseline: string | undefined;
  const storedManifests = (listed?: LinkedManifests) => {
    for (const ns of namespaces) {
      if (renderedNow.has(ns)) continue;
      const p = snap.manifest(ns, listed);
      if (!p) return false;
      linkFrom.set(ns, p);
    }
    baseline = namespaces.length ? snap.manifest("", listed) : undefined;
    return true;
  };
  if (!linking && !storedManifests()) return "manifest altered";

  const written: string[] = [];
  const put = (rel: string, text: string | Buffer) => {
    const target = insideOutput(out, rel);
    const bytes = typeof text === "string" ? Buffer.from(text) : text;
    if (!holds(target, bytes)) {
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
    }
    written.push(rel);
  };
  /** A stored file linked in place: straight to its name when out/ has none (the usual fresh out/), else beside it and renamed. */
  const link = (rel: string, from: string, present: boolean) => {
    const target = insideOutput(out, rel);
    const at = present ? `${target}.${process.pid}.tmp` : target;
    try {
      linkSync(from, at);
    } catch {
      copyFileSync(from, at);
    }
    if (present) {
      renameSync(at, target);
      // Renaming onto a hard link of the same file does nothing (POSIX): the extra name goes.
      rmSync(at, { force: true });
    }
    written.push(rel);
  };
  const prune = (sub: string, before: Set<string>) => {
    const now = new Set(written.filter((w) => w.startsWith(`${sub}/`)).map((w) => w.slice(sub.length + 1)));
    for (const f of before) if (!now.has(f)) rmSync(join(out, sub, f), { force: true });
  };
  // The spliced files first, each beside its place; a stored file found altered removes them (and
  // out/ itself when this run made it), and the caller takes the full path.
  const outMade = linking ? linking.madeOut : !existsSync(out);
  mkdirSync(out, { recursive: true });
  const zones = existing(join(out, "zones"), ".zone");
  const buffers = spliceBuffers();
  const beside = new Map<string, string>();
  /** out/ as it was: this run's out/ removed (by the caller's linking.undo() once its process has ended, when linking), else the spliced files beside their places. */
  const undo = (reason: string) => {
    if (outMade && !linking) rmSync(out, { recursive: true, force: true });
    else for (const t of beside.values()) rmSync(t, { force: true });
    return reason;
  };
  for (const f of spliced) {
    const tmp = `${insideOutput(out, f.rel)}.${process.pid}.tmp`;
    beside.set(f.rel, tmp);
    let whole = false;
    try {
      whole = spliceFile(join(snap.dir, f.file), f.digest, f.pieces, tmp, buffers);
    } catch {
      /* unreadable: as altered */
    }
    if (!whole) return undo(f.altered);
  }
  // The links, made meanwhile; where the process failed, this thread links each file itself.
  const linked = await linking?.result;
  if (linking && !storedManifests(linked)) return undo("manifest altered");
  /** A spliced file into its place, unless the file there holds the same bytes already. */
  const place = (rel: string) => {
    const target = insideOutput(out, rel);
    const tmp = beside.get(rel)!;
    if (sameBytes(tmp, target)) rmSync(tmp, { force: true });
    else renameSync(tmp, target);
    beside.delete(rel);
    written.push(rel);
  };
  try {
    for (const f of spliced) if (f.rel.startsWith("zones/")) place(f.rel);
    prune("zones", zones);
    // Linked ahead: the stored files are in place (checked above as listed before linking); what
    // else was linked there (a changed or gone tenant's, anything not stored by this code) is
    // replaced or pruned like any file out/ held.
    const manifests = linked ? new Set(linked.keys()) : existing(join(out, "kubernetes"), ".yaml");
    const keep = (rel: string, from: string) => {
      if (linked) written.push(rel);
      else link(rel, from, manifests.has(rel.slice("kubernetes/".length)));
    };
    if (namespaces.length) {
      if (baseline) keep("kubernetes/00-baseline.yaml", baseline);
      else put("kubernetes/00-baseline.yaml", renderManifests(clusterBaseline(a.cluster)));
    }
    for (const ns of namespaces) {
      const t = renderedNow.get(ns);
      if (t) put(`kubernetes/${ns}.yaml`, tenantManifestText(t, a.cluster));
      else keep(`kubernetes/${ns}.yaml`, linkFrom.get(ns)!);
    }
    prune("kubernetes", manifests);
    place("registry.md");
    place("registry.csv");
    put("plan.md", renderMarkdown(a.plan, a.lang, Number.MAX_SAFE_INTEGER));
    put("plan.json", renderJson(a.plan));
  } finally {
    // A failure on the way (a full disk) leaves no spliced file beside its place.
    for (const t of beside.values()) rmSync(t, { force: true });
  }
  return written;
}

function existing(dir: string, ext: string): Set<string> {
  mkdirSync(dir, { recursive: true });
  return new Set(readdirSync(dir).filter((f) => f.endsWith(ext)));
}

function holds(path: string, bytes: Buffer): boolean {
  try {
    return statSync(path).size === bytes.length && readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}
