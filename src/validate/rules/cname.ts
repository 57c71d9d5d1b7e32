// CNAME rules (RFC 1034 §3.6.2, RFC 2181 §10.1): an alias shares its name with no other record,
// does not point at itself, and aliases inside the zone do not go round in a circle.
// Decided (issue 10): a CNAME stays alone even when proxied. Cloudflare would serve MX/TXT beside a
// proxied CNAME, but the same desired state is written as a BIND zone, where that is illegal, and
// one edit turning the proxy off would make it illegal at Cloudflare's side too. See the README.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { absoluteName, asciiHost } from "../../model/names.ts";
import type { Request } from "../../model/request.ts";
import { byZoneField, ownedNames, type OwnedName, zoneFor, type ZonedRequest } from "../request-names.ts";
import { report, type FileRule, type RepoRule, type RepositoryFile, type RepositoryRequest, type RequestFile, type RuleContext } from "../rule.ts";

const host = (s: string) => {
  try {
    return asciiHost(s);
  } catch {
    return s.toLowerCase();
  }
};

function zoneName(req: ZonedRequest, ctx: RuleContext): string {
  return host(zoneFor(req, ctx.governance)?.name ?? req.zone ?? ctx.governance.zones[0]!.name);
}

const TARGET_WORD: Record<string, { id: string; en: string }> = {
  A: { id: "target.server (rekaman A)", en: "target.server (A record)" },
  AAAA: { id: "target.server (rekaman AAAA)", en: "target.server (AAAA record)" },
  HOSTING: { id: "target.hosting", en: "target.hosting" },
};

function describe(n: OwnedName): { id: string; en: string } {
  if (n.ptr.startsWith("/target")) return n.type === "CNAME" ? { id: "target.alias (CNAME)", en: "target.alias (CNAME)" } : TARGET_WORD[n.type]!;
  const i = Number(n.ptr.split("/")[2]) + 1;
  return { id: `rekaman ${n.type} ke-${i}`, en: `${n.type} record no. ${i}` };
}

export const cnameAlone: FileRule = {
  id: "cname.alone",
  scope: "file",
  reads: ["label", "zone", "records", "target"],
  severity: "error",
  summary: { id: "Nama yang ber-CNAME (alias) tidak punya rekaman lain", en: "A name with a CNAME (alias) has no other record" },
  check(req) {
    const names = ownedNames(req.request);
    const out: Diagnostic[] = [];
    for (let k = 0; k < names.length; k++) {
      const c = names[k]!;
      if (c.type !== "CNAME") continue;
      const others = names.filter((n) => n !== c && n.name === c.name);
      if (others.length === 0) continue;
      // Report at the CNAME, unless the CNAME is the target and the other is an extra record.
      const what = others.map(describe);
      out.push(
        report(this, req, c.ptr, {
          id: `Nama \`${c.name}\` memakai CNAME, jadi tidak boleh punya rekaman lain, tetapi juga punya ${what.map((w) => w.id).join(", ")}. Hapus salah satunya, atau taruh rekaman lain di nama lain.${req.request.proxied === true ? " Proxy Cloudflare tidak mengubah ini: zona yang sama juga ditulis untuk BIND, yang menolak CNAME di samping rekaman lain (RFC 1034 §3.6.2), dan mematikan proxy kelak akan membuat nama ini tidak sah. Untuk web plus surel di satu nama, pakai target.server atau target.hosting." : ""}`,
          en: `The name \`${c.name}\` has a CNAME, so it may hold no other record, but it also has ${what.map((w) => w.en).join(", ")}. Remove one, or put the other records under another name.${req.request.proxied === true ? " Cloudflare's proxy does not change this: the same zone is also written for BIND, which refuses a CNAME beside other records (RFC 1034 §3.6.2), and turning the proxy off later would make this name invalid. For web and mail at one name, use target.server or target.hosting." : ""}`,
        }),
      );
    }
    return out;
  },
};

export const cnameSelf: FileRule = {
  id: "cname.self",
  scope: "file",
  reads: ["label", "zone", "records", "target"],
  severity: "error",
  summary: { id: "Alias (CNAME) tidak menunjuk ke dirinya sendiri", en: "An alias (CNAME) does not point at itself" },
  check(req, ctx) {
    const zone = zoneName(req.request, ctx);
    const out: Diagnostic[] = [];
    const names = ownedNames(req.request);
    for (let k = 0; k < names.length; k++) {
      const n = names[k]!;
      if (n.alias === undefined || host(n.alias) !== absoluteName(n.name, zone)) continue;
      const ptr = n.ptr === "/target/alias" ? n.ptr : `${n.ptr}/value`;
      out.push(
        report(this, req, ptr, {
          id: `Alias \`${n.alias}\` menunjuk ke dirinya sendiri; tulis nama host tujuan yang sebenarnya.`,
          en: `The alias \`${n.alias}\` points at itself; write the real destination host name.`,
        }),
      );
    }
    return out;
  },
};

/** A request's aliases as edges between absolute names (self-loops left out: cname.self's). */
function aliasEdges(req: RepositoryRequest, zone: string): { from: string; to: string; ptr: string }[] {
  const out: { from: string; to: string; ptr: string }[] = [];
  const names = ownedNames(req);
  for (let k = 0; k < names.length; k++) {
    const n = names[k]!;
    if (n.alias === undefined) continue;
    const from = absoluteName(n.name, zone);
    const to = host(n.alias);
    if (to !== from) out.push({ from, to, ptr: n.ptr === "/target/alias" ? n.ptr : `${n.ptr}/value` });
  }
  return out;
}

export const cnameLoop: RepoRule = {
  id: "cname.loop",
  scope: "repository",
  severity: "error",
  summary: { id: "Alias (CNAME) di dalam zona tidak berputar kembali ke dirinya", en: "Aliases (CNAME) inside the zone do not lead back to themselves" },
  check(all, ctx) {
    // Absolute name -> where its CNAME is written and where it leads. Self-loops are cname.self's.
    const edges = new Map<string, { to: string; req: RepositoryFile; ptr: string }>();
    const zones = byZoneField((req) => zoneName(req, ctx));
    for (let r = 0; r < all.length; r++) {
      const req = all[r]!;
      const found = aliasEdges(req.request, zones(req.request));
      for (let k = 0; k < found.length; k++) {
        const e = found[k]!;
        if (!edges.has(e.from)) edges.set(e.from, { to: e.to, req, ptr: e.ptr });
      }
    }
    // Each chain is walked once: O(names). A name is on a cycle when the walk from it returns to it.
    const state = new Map<string, "active" | "done">();
    const onCycle = new Set<string>();
    for (const start of edges.keys()) {
      const path: string[] = [];
      let at: string | undefined = start;
      while (at !== undefined && edges.has(at) && !state.has(at)) {
        state.set(at, "active");
        path.push(at);
        at = edges.get(at)!.to;
      }
      if (at !== undefined && state.get(at) === "active") for (const n of path.slice(path.indexOf(at))) onCycle.add(n);
      for (const n of path) state.set(n, "done");
    }
    const out: Diagnostic[] = [];
    for (const name of onCycle) {
      const e = edges.get(name)!;
      const ring: string[] = [name];
      for (let x = e.to; x !== name && ring.length <= onCycle.size; x = edges.get(x)!.to) ring.push(x);
      const chain = [...ring, name].join(" → ");
      out.push(
        report(this, e.req, e.ptr, {
          id: `Alias berputar: ${chain}. Salah satu nama harus menunjuk ke server sungguhan.`,
          en: `Aliases go round in a circle: ${chain}. One of the names must point to a real server.`,
        }),
      );
    }
    return out;
  },
  // A loop is a chain of aliases: each name's alias is provided by the file aliasing that name.
  chains: true,
  links(req, ctx) {
    const edges = aliasEdges(req.request, zoneName(req.request, ctx));
    return { group: edges.map((e) => e.from), provides: edges.map((e) => e.from), consumes: edges.map((e) => e.to) };
  },
};
