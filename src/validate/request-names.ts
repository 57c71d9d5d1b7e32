// The record sets a request asks for, as rules see them: name relative to the zone, type, and the
// JSON pointer to point a diagnostic at. The target counts as a record at the subdomain itself.
import { asciiHost, zoneOf } from "../model/names.ts";
import type { Governance, Zone } from "../model/governance.ts";
import type { Request } from "../model/request.ts";

/** What a request's names follow from. */
export type NamedRequest = Pick<Request, "label" | "target" | "records">;
/** What a request's zone follows from. */
export type ZonedRequest = Pick<Request, "zone">;

export interface OwnedName {
  /** Relative to the zone, lowercase ASCII: `sehat`, `mail.sehat`. */
  name: string;
  /** Record type; the target's own records are A/AAAA (server), CNAME (alias) or HOSTING. */
  type: string;
  /** Pointer to the record (or the target) in the file. */
  ptr: string;
  /** Pointer to the name field, where one is written. */
  namePtr: string;
  /** For CNAMEs: the host aliased to, as written. */
  alias?: string;
}

/**
 * The names of the requests of one run, for the file rules and then the repository rules. A Map,
 * not a WeakMap: 15,000 live WeakMap keys are ephemerons that every young-generation collection
 * must trace again, which cost the rules about a fifth of their time on a cold run (measured, Node
 * 24). Bounded instead: past CACHED requests it starts afresh (a name list is a pure function of
 * its request, so a miss only costs its recomputation), so a long-lived process keeps no more.
 */
const cache = new Map<NamedRequest, OwnedName[]>();
const CACHED = 1 << 15;
/**
 * The request asked about last, and its names: the file rules ask for one request's names one
 * after another, so most questions are answered without a lookup.
 */
let lastRequest: NamedRequest | undefined;
let lastNames: OwnedName[] = [];
/** Where a view (moveNames) holds its names itself: not enumerable, so no copy, JSON or comparison of it sees them. */
const NAMES = Symbol("ownedNames");

/** Every name a request occupies, target first, then extra records in file order. Computed once per request; do not mutate. */
export function ownedNames(req: NamedRequest): OwnedName[] {
  if (req === lastRequest) return lastNames;
  // The cache first: a whole request (thousands of shapes, one per key order) lacks the symbol, and
  // asking for a missing property of so many shapes takes V8's slow path; a view has few shapes.
  let names = cache.get(req) ?? (req as { [NAMES]?: OwnedName[] })[NAMES];
  if (!names) {
    if (cache.size >= CACHED) cache.clear();
    cache.set(req, (names = computeNames(req)));
  }
  lastRequest = req;
  lastNames = names;
  return names;
}

/**
 * Hands the names of `from`, if computed, to `to` (a view of it that holds the fields they follow
 * from: repository-view.ts), which keeps them itself: the cache must not keep a request whose view
 * is all that is kept of it, and the rules across files then find each view's names without a
 * lookup in a map of every request (15,000 of them: its growth alone cost a few thousand new pages).
 */
export function moveNames(from: NamedRequest, to: NamedRequest): void {
  const names = from === lastRequest ? lastNames : cache.get(from);
  if (names === undefined) return;
  cache.delete(from);
  if (from === lastRequest) lastRequest = undefined;
  Object.defineProperty(to, NAMES, { value: names });
}

/** The pointers of record `i` and of its type and name fields, made once per index: not three strings per record and request. */
const RECORD_POINTERS: { ptr: string; type: string; name: string }[] = [];
const recordPointers = (i: number) => (RECORD_POINTERS[i] = { ptr: `/records/${i}`, type: `/records/${i}/type`, name: `/records/${i}/name` });

// Plain loops, no closures and no object spread: this runs for every request of every run, cold.
function computeNames(req: NamedRequest): OwnedName[] {
  const own = safeHost(req.label);
  if (own === undefined) return [];
  const out: OwnedName[] = [];
  const t = req.target;
  if (t) {
    if (t.server?.ipv4) out.push({ name: own, type: "A", ptr: "/target/server/ipv4", namePtr: "/label" });
    if (t.server?.ipv6) out.push({ name: own, type: "AAAA", ptr: "/target/server/ipv6", namePtr: "/label" });
    if (t.alias !== undefined) out.push({ name: own, type: "CNAME", ptr: "/target/alias", namePtr: "/label", alias: t.alias });
    if (t.hosting) out.push({ name: own, type: "HOSTING", ptr: "/target/hosting", namePtr: "/label" });
    if (t.delegation) {
      out.push({ name: own, type: "NS", ptr: "/target/delegation", namePtr: "/label" });
      if (t.delegation.ds?.length) out.push({ name: own, type: "DS", ptr: "/target/delegation/ds", namePtr: "/label" });
      const glue = t.delegation.glue ?? [];
      for (let i = 0; i < glue.length; i++) {
        const below = safeHost(glue[i]!.name);
        const ptr = `/target/delegation/glue/${i}`;
        // Glue is an address record at a name below the delegation; a name may hold both families.
        if (below !== undefined) out.push({ name: `${below}.${own}`, type: "GLUE", ptr, namePtr: `${ptr}/name` });
      }
    }
  }
  const records = req.records ?? [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    // recordName(label, r.name), with the label's form computed once above.
    let name: string | undefined = own;
    if (r.name !== undefined && r.name !== "@") {
      const below = safeHost(r.name);
      name = below === undefined ? undefined : `${below}.${own}`;
    }
    if (name === undefined) continue;
    const at = RECORD_POINTERS[i] ?? recordPointers(i);
    const n: OwnedName = { name, type: r.type, ptr: at.ptr, namePtr: r.name === undefined ? at.type : at.name };
    if (r.type === "CNAME") n.alias = r.value;
    out.push(n);
  }
  return out;
}

/** A host name in its stored form, or lowercased as written when it cannot be converted (label.idn says why). */
export function hostKey(s: string): string {
  try {
    return asciiHost(s);
  } catch {
    return s.toLowerCase();
  }
}

/** A name that cannot be converted (bad punycode) is label.idn's finding, not a crash. */
function safeHost(s: string): string | undefined {
  try {
    return asciiHost(s);
  } catch {
    return undefined;
  }
}

/**
 * `f` of a request, computed once per distinct `zone` field: what a repository rule derives from
 * the zone (its normalised name) is the same for the thousands of requests that share one.
 */
export function byZoneField<T, R extends ZonedRequest>(f: (req: R) => T): (req: R) => T {
  const memo = new Map<string | undefined, T>();
  return (req) => {
    if (memo.has(req.zone)) return memo.get(req.zone)!;
    const value = f(req);
    memo.set(req.zone, value);
    return value;
  };
}

const zoneMemo = new WeakMap<Governance, Map<string | undefined, Zone | undefined>>();

/**
 * zoneOf(req, governance), looked up once per distinct `zone` field and governance: a dozen rules
 * ask it of every request, and thousands of requests share one or two zone fields.
 */
export function zoneFor(req: ZonedRequest, governance: Governance): Zone | undefined {
  let memo = zoneMemo.get(governance);
  if (!memo) zoneMemo.set(governance, (memo = new Map()));
  let zone = memo.get(req.zone);
  if (zone === undefined && !memo.has(req.zone)) memo.set(req.zone, (zone = zoneOf(req, governance)));
  return zone;
}

/** The name of the request's zone in lower case, or its own `zone` field when governance has no such zone: what rules across files group requests by. */
export const zoneKey = (req: ZonedRequest, governance: Governance): string => (zoneFor(req, governance)?.name ?? req.zone ?? "").toLowerCase();
