// Desired record sets against what a server answers, both in BIND's canonical form: an RRset
// (owner, type) is missing when the server has none, different when its records (TTL included)
// differ, extra (known only from a zone transfer) when the repository has no such RRset at all.
import { canonicalLine, type Rr } from "./canonical.ts";

/** Types the server or the provider adds itself: SOA (serial, provider's values) and DNSSEC signing. */
export const SERVER_OWNED = new Set(["SOA", "RRSIG", "NSEC", "NSEC3", "NSEC3PARAM", "DNSKEY", "CDS", "CDNSKEY", "ZONEMD", "TYPE65534"]);

export interface RrsetDiff {
  owner: string;
  type: string;
  want: string[];
  got: string[];
}

export interface ZoneDiff {
  missing: RrsetDiff[];
  different: RrsetDiff[];
  /** undefined: not known (no zone transfer). */
  extra?: RrsetDiff[];
}

const key = (rr: Pick<Rr, "owner" | "type">) => `${rr.owner} ${rr.type}`;

export function groupRrsets(rrs: readonly Rr[]): Map<string, { owner: string; type: string; lines: string[] }> {
  const sets = new Map<string, { owner: string; type: string; lines: string[] }>();
  for (const rr of rrs) {
    if (SERVER_OWNED.has(rr.type)) continue;
    const set = sets.get(key(rr)) ?? { owner: rr.owner, type: rr.type, lines: [] };
    const line = canonicalLine(rr);
    if (!set.lines.includes(line)) set.lines.push(line);
    sets.set(key(rr), set);
  }
  for (const s of sets.values()) s.lines.sort();
  return sets;
}

/**
 * `live` holds the server's records for every desired RRset it was asked about (or the whole zone
 * when `complete`, i.e. from a zone transfer, which alone can show extra RRsets).
 */
export function compareZone(desired: readonly Rr[], live: readonly Rr[], complete: boolean): ZoneDiff {
  const want = groupRrsets(desired);
  const got = groupRrsets(live);
  const out: ZoneDiff = { missing: [], different: [], ...(complete ? { extra: [] } : {}) };
  for (const [k, w] of want) {
    const g = got.get(k);
    if (!g) out.missing.push({ owner: w.owner, type: w.type, want: w.lines, got: [] });
    else if (g.lines.join("\n") !== w.lines.join("\n")) out.different.push({ owner: w.owner, type: w.type, want: w.lines, got: g.lines });
  }
  if (out.extra) for (const [k, g] of got) if (!want.has(k)) out.extra.push({ owner: g.owner, type: g.type, want: [], got: g.lines });
  return out;
}

/** Exit codes of `npm run verify-dns` (documented in the README); `drift-issue --check dns` reads `differs`. */
export const VERIFY_EXIT = { equal: 0, invalid: 1, usage: 2, unreachable: 3, differs: 8 } as const;

export const isEqual = (d: ZoneDiff) => !d.missing.length && !d.different.length && !(d.extra?.length ?? 0);
