// The record sets a request asks for, as rules see them: name relative to the zone, type, and the
// JSON pointer to point a diagnostic at. The target counts as a record at the subdomain itself.
import { asciiHost } from "../model/names.ts";
import type { Request } from "../model/request.ts";

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

const cache = new WeakMap<Request, OwnedName[]>();

/** Every name a request occupies, target first, then extra records in file order. Computed once per request; do not mutate. */
export function ownedNames(req: Request): OwnedName[] {
  let names = cache.get(req);
  if (!names) cache.set(req, (names = computeNames(req)));
  return names;
}

function computeNames(req: Request): OwnedName[] {
  const own = safe(() => asciiHost(req.label));
  if (own === undefined) return [];
  const out: OwnedName[] = [];
  const t = req.target ?? {};
  if (t.server?.ipv4) out.push({ name: own, type: "A", ptr: "/target/server/ipv4", namePtr: "/label" });
  if (t.server?.ipv6) out.push({ name: own, type: "AAAA", ptr: "/target/server/ipv6", namePtr: "/label" });
  if (t.alias !== undefined) out.push({ name: own, type: "CNAME", ptr: "/target/alias", namePtr: "/label", alias: t.alias });
  if (t.hosting) out.push({ name: own, type: "HOSTING", ptr: "/target/hosting", namePtr: "/label" });
  if (t.delegation) {
    out.push({ name: own, type: "NS", ptr: "/target/delegation", namePtr: "/label" });
    if (t.delegation.ds?.length) out.push({ name: own, type: "DS", ptr: "/target/delegation/ds", namePtr: "/label" });
    (t.delegation.glue ?? []).forEach((g, i) => {
      const name = safe(() => `${asciiHost(g.name)}.${own}`);
      const ptr = `/target/delegation/glue/${i}`;
      // Glue is an address record at a name below the delegation; a name may hold both families.
      if (name !== undefined) out.push({ name, type: "GLUE", ptr, namePtr: `${ptr}/name` });
    });
  }
  (req.records ?? []).forEach((r, i) => {
    // recordName(label, r.name), with the label's form computed once above.
    const name = r.name === undefined || r.name === "@" ? own : safe(() => `${asciiHost(r.name!)}.${own}`);
    if (name === undefined) return;
    const ptr = `/records/${i}`;
    out.push({ name, type: r.type, ptr, namePtr: r.name === undefined ? `${ptr}/type` : `${ptr}/name`, ...(r.type === "CNAME" ? { alias: r.value } : {}) });
  });
  return out;
}

/** A name that cannot be converted (bad punycode) is label.idn's finding, not a crash. */
function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/**
 * `f` of a request, computed once per distinct `zone` field: what a repository rule derives from
 * the zone (its normalised name) is the same for the thousands of requests that share one.
 */
export function byZoneField<T>(f: (req: Request) => T): (req: Request) => T {
  const memo = new Map<string | undefined, T>();
  return (req) => {
    if (memo.has(req.zone)) return memo.get(req.zone)!;
    const value = f(req);
    memo.set(req.zone, value);
    return value;
  };
}
