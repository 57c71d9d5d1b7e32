// Which registered requests can change the repository rules' findings on one file, so that a
// keystroke runs those rules over a handful of files instead of every name of the zone (1,000
// names: ~20 ms against ~1 ms). The rules themselves are CI's, unchanged; this only leaves out
// files that cannot matter, and takes in more than needed whenever in doubt:
// - name.unique, namespace.unique: files owning one of the file's names, or its namespace;
// - label.confusable: files owning a name with the same UTS #39 skeleton;
// - name.dangling, mx.fields: files owning a destination (alias, MX, SRV, NS) or a name above it;
// - cname.loop: files on the alias chains that start at the file's destinations.
// Names are matched relative and absolute, in every zone. If anything about the file cannot be
// read, every file is taken. test/form/relevant.test.ts checks the findings equal those over all.
import { absoluteName, unicodeLabel, zoneOf } from "../../model/names.ts";
import { tenantNamespace } from "../../model/namespace.ts";
import type { Governance } from "../../model/governance.ts";
import type { Request } from "../../model/request.ts";
import { skeleton } from "../../validate/confusable.ts";
import { hostKey, ownedNames } from "../../validate/request-names.ts";
import type { RequestFile } from "../../validate/rule.ts";

export interface RelevanceIndex {
  /** Key -> indices into `files`. */
  byKey: Map<string, number[]>;
  /** Absolute name -> where its aliases (CNAME) lead, over all files. */
  aliasTo: Map<string, string[]>;
  files: readonly RequestFile[];
}

const attempt = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch {
    return undefined;
  }
};

/** Every name above and including `name`: a.b.c -> a.b.c, b.c, c. */
function suffixes(name: string): string[] {
  const out = [name];
  for (let i = name.indexOf("."); i >= 0; i = name.indexOf(".", i + 1)) out.push(name.slice(i + 1));
  return out;
}

function zoneHost(r: Request, g: Governance): string {
  return hostKey(zoneOf(r, g)?.name ?? r.zone ?? g.zones[0]!.name);
}

/** The keys under which a request's own names can meet another's. Throws on a malformed request. */
function ownKeys(r: Request, g: Governance): { keys: string[]; aliases: [string, string][] } {
  const zone = zoneHost(r, g);
  const keys: string[] = [];
  const aliases: [string, string][] = [];
  for (const n of ownedNames(r)) {
    keys.push(`rel:${n.name}`);
    const abs = absoluteName(n.name, zone);
    keys.push(`abs:${abs}`);
    const display = attempt(() => (n.name.includes("xn--") ? n.name.split(".").map(unicodeLabel).join(".") : n.name));
    if (display !== undefined) keys.push(`skel:${skeleton(display)}`);
    if (n.alias !== undefined) aliases.push([abs, hostKey(n.alias)]);
  }
  if (typeof r.label === "string") {
    const ns = attempt(() => tenantNamespace(r.label, zoneOf(r, g)?.name ?? r.zone ?? g.zones[0]!.name, g.zones[0]!.name));
    if (ns) keys.push(`ns:${ns}`);
    keys.push(`label:${hostKey(r.label)}`);
  }
  return { keys, aliases };
}

/** Destinations (alias, MX, SRV, NS), as host names. */
function destinations(r: Request): string[] {
  const out: string[] = [];
  const t = r.target;
  if (typeof t?.alias === "string") out.push(t.alias);
  for (const ns of t?.delegation?.nameservers ?? []) out.push(ns);
  for (const x of r.records ?? []) {
    if (x.type === "CNAME") out.push(x.value);
    if (x.type === "MX") for (const v of x.values) out.push(v.exchange);
    if (x.type === "SRV") for (const v of x.values) out.push(v.target);
  }
  return out.filter((d): d is string => typeof d === "string").map(hostKey);
}

export function relevanceIndex(files: readonly RequestFile[], g: Governance): RelevanceIndex {
  const byKey = new Map<string, number[]>();
  const aliasTo = new Map<string, string[]>();
  files.forEach((f, i) => {
    const own = attempt(() => ownKeys(f.request, g));
    // A registered file whose names cannot be read is always taken.
    for (const k of own?.keys ?? ["*"]) {
      const list = byKey.get(k);
      if (!list) byKey.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
    for (const [from, to] of own?.aliases ?? []) (aliasTo.get(from) ?? aliasTo.set(from, []).get(from)!).push(to);
  });
  return { byKey, aliasTo, files };
}

/** The files that can matter to the repository rules' findings on `req`; all of them if unsure. */
export function relevantFiles(index: RelevanceIndex, req: Request, g: Governance): readonly RequestFile[] {
  const keys = attempt(() => {
    const own = ownKeys(req, g);
    const out = new Set(own.keys);
    // Alias chains from the file's destinations, through every file's aliases.
    const queue = [...destinations(req), ...own.aliases.map(([, to]) => to)];
    const seen = new Set<string>();
    while (queue.length) {
      const d = queue.pop()!;
      if (seen.has(d)) continue;
      seen.add(d);
      for (const s of suffixes(d)) out.add(`abs:${s}`);
      for (const next of index.aliasTo.get(d) ?? []) queue.push(next);
    }
    return out;
  });
  if (!keys) return index.files;
  const picked = new Set<number>(index.byKey.get("*") ?? []);
  for (const k of keys) for (const i of index.byKey.get(k) ?? []) picked.add(i);
  return [...picked].sort((a, b) => a - b).map((i) => index.files[i]!);
}
