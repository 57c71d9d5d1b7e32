// No dangling names inside the zones we serve: a CNAME, MX, SRV or NS destination that falls in a
// zone of governance must be a name the desired state holds (some active request's name, the
// apex, the zone's name servers, a protected name), or lie below a delegation, whose names only
// the OPD's servers know. An in-zone name server outside its own delegation needs addresses
// (A/AAAA), since a resolver must reach it. A repository rule: the name is usually another file's.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { absoluteName, asciiHost } from "../../model/names.ts";
import { byZoneField, hostKey as host, ownedNames, zoneFor } from "../request-names.ts";
import { report, type RepoRule, type RepositoryFile, type RepositoryRequest } from "../rule.ts";


const ADDRESS = new Set(["A", "AAAA", "GLUE"]);

/** A destination, at records[record].values[value] (record -1: the target's alias or name servers). */
interface Destination {
  type: "CNAME" | "MX" | "SRV" | "NS";
  name: string;
  record: number;
  value: number;
}

function destinations(req: RepositoryFile): Destination[] {
  const out: Destination[] = [];
  const r = req.request;
  if (r.target?.alias !== undefined) out.push({ type: "CNAME", name: r.target.alias, record: -1, value: 0 });
  const nameservers = r.target?.delegation?.nameservers ?? [];
  for (let i = 0; i < nameservers.length; i++) out.push({ type: "NS", name: nameservers[i]!, record: -1, value: i });
  const records = r.records ?? [];
  for (let i = 0; i < records.length; i++) {
    const x = records[i]!;
    if (x.type === "CNAME") out.push({ type: "CNAME", name: x.value, record: i, value: 0 });
    else if (x.type === "MX") {
      for (let j = 0; j < x.values.length; j++) if (x.values[j]!.exchange !== ".") out.push({ type: "MX", name: x.values[j]!.exchange, record: i, value: j });
    } else if (x.type === "SRV") for (let j = 0; j < x.values.length; j++) if (x.values[j]!.target !== ".") out.push({ type: "SRV", name: x.values[j]!.target, record: i, value: j });
  }
  return out;
}

/** Where a destination is written: made only for a finding (destinations are listed for every request). */
function pointer(d: Destination): string {
  if (d.record < 0) return d.type === "NS" ? `/target/delegation/nameservers/${d.value}` : "/target/alias";
  return d.type === "CNAME" ? `/records/${d.record}/value` : `/records/${d.record}/values/${d.value}/${d.type === "MX" ? "exchange" : "target"}`;
}

export const nameDangling: RepoRule = {
  id: "name.dangling",
  scope: "repository",
  severity: "error",
  summary: {
    id: "Tujuan CNAME, MX, SRV dan NS di dalam zona yang dikelola adalah nama yang ada (tidak menggantung)",
    en: "CNAME, MX, SRV and NS destinations inside a managed zone are names that exist (not dangling)",
  },
  check(all, ctx) {
    const zones = ctx.governance.zones.map((z) => host(z.name)).sort((a, b) => b.length - a.length);
    const suffixes = zones.map((z) => `.${z}`);
    const zoneOfName = (name: string) => {
      for (let i = 0; i < zones.length; i++) if (name === zones[i] || name.endsWith(suffixes[i]!)) return zones[i];
      return undefined;
    };
    // Thousands of records name the same few mail and alias hosts: convert each text once per run.
    const hosts = new Map<string, string>();
    const hostOf = (text: string) => {
      let h = hosts.get(text);
      if (h === undefined) hosts.set(text, (h = host(text)));
      return h;
    };
    // First the destinations inside a managed zone, in file order: usually a few hundred names,
    // while the requests own tens of thousands. Only those are looked up among the owned names
    // below, without making every owned name absolute (index loops: see checkRequest in validate.ts).
    const inZone: { req: RepositoryFile; d: Destination; name: string; zone: string }[] = [];
    const wanted = new Set<string>();
    for (let r = 0; r < all.length; r++) {
      const req = all[r]!;
      if (req.request.decommission) continue; // a decommissioned request serves nothing
      const ds = destinations(req);
      for (let k = 0; k < ds.length; k++) {
        const d = ds[k]!;
        const name = hostOf(d.name);
        const zone = zoneOfName(name);
        if (!zone) continue;
        inZone.push({ req, d, name, zone });
        wanted.add(name);
      }
    }
    // Absolute name -> whether it has addresses, for the wanted names that exist; delegated names cover everything below them.
    const exists = new Map<string, boolean>();
    const delegated = new Set<string>();
    for (const z of ctx.governance.zones) {
      const origin = host(z.name);
      exists.set(origin, false);
      for (const ns of z.nameservers) exists.set(host(ns), true);
      for (const p of z.protected ?? []) exists.set(p === "@" ? origin : `${host(p)}.${origin}`, true); // kept outside: assumed complete
    }
    const zoneName = byZoneField((req) => host(zoneFor(req, ctx.governance)?.name ?? req.zone ?? ctx.governance.zones[0]!.name));
    // Per zone field: the zone's stored form (which zoneName already is) and the wanted names
    // relative to it, as owned names are written (`@` for the zone itself).
    const wantedIn = byZoneField((req) => {
      const zone = asciiHost(zoneName(req));
      const suffix = `.${zone}`;
      const relative = new Set<string>();
      for (const w of wanted) {
        if (w === zone) relative.add("@");
        else if (w.endsWith(suffix)) relative.add(w.slice(0, -suffix.length));
      }
      return { zone, relative };
    });
    for (let r = 0; r < all.length; r++) {
      const req = all[r]!;
      if (req.request.decommission) continue;
      const names = ownedNames(req.request);
      if (names.length === 0) continue;
      const { zone, relative } = wantedIn(req.request);
      for (let k = 0; k < names.length; k++) {
        const n = names[k]!;
        // Delegations are always noted: a destination below one is the OPD's servers' to answer.
        if (n.type !== "NS" && !relative.has(n.name)) continue;
        const abs = n.name === "@" ? zone : `${n.name}.${zone}`;
        exists.set(abs, exists.get(abs) === true || ADDRESS.has(n.type));
        if (n.type === "NS") delegated.add(abs);
      }
    }
    const underDelegation = (name: string) => {
      for (let i = name.indexOf("."); i >= 0; i = name.indexOf(".", i + 1)) if (delegated.has(name.slice(i + 1))) return true;
      return false;
    };
    const out: Diagnostic[] = [];
    for (const { req, d, name, zone } of inZone) {
      if (underDelegation(name)) continue;
      const known = exists.get(name);
      if (known === undefined)
        out.push(
          report(this, req, pointer(d), {
            id: `Tujuan ${d.type} \`${d.name}\` ada di zona ${zone} yang kita kelola, tetapi tidak ada permohonan aktif yang membuat nama itu, jadi rekaman ini menunjuk ke nama kosong. Ajukan dulu permohonan untuk \`${name}\`, atau perbaiki tujuannya.`,
            en: `The ${d.type} destination \`${d.name}\` is in zone ${zone}, which we manage, but no active request creates that name, so this record points at nothing. Request \`${name}\` first, or correct the destination.`,
          }),
        );
      else if (d.type === "NS" && !known && !name.endsWith(`.${absoluteName(host(req.request.label), zoneName(req.request))}`))
        out.push(
          report(this, req, pointer(d), {
            id: `Server nama \`${d.name}\` ada di zona ${zone} tetapi tidak punya alamat (A/AAAA); resolver tidak dapat menghubunginya. Beri nama itu target.server, atau pakai server nama lain.`,
            en: `Name server \`${d.name}\` is in zone ${zone} but has no address (A/AAAA); resolvers cannot reach it. Give that name a target.server, or use another name server.`,
          }),
        );
    }
    return out;
  },
  // A destination's findings depend on the names that exist and on delegations above it.
  links(req, ctx) {
    if (req.request.decommission) return { group: [], provides: [], consumes: [] };
    const zone = host(zoneFor(req.request, ctx.governance)?.name ?? req.request.zone ?? ctx.governance.zones[0]!.name);
    const provides = ownedNames(req.request).map((n) => absoluteName(n.name, zone));
    const consumes: string[] = [];
    for (const d of destinations(req)) {
      const name = host(d.name);
      consumes.push(name);
      for (let i = name.indexOf("."); i >= 0; i = name.indexOf(".", i + 1)) consumes.push(name.slice(i + 1));
    }
    return { group: [], provides, consumes };
  },
};
