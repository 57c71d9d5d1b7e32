// Every name in a zone belongs to one request: its label and every extra record name, compared
// case-insensitively in ASCII form. Each file involved is told, and told which other file it is.
import type { Diagnostic, Message } from "../../diagnostics/diagnostic.ts";
import { zoneOf } from "../../model/names.ts";
import { byZoneField, ownedNames } from "../request-names.ts";
import { report, type RepoRule, type RequestFile } from "../rule.ts";

interface Owner {
  req: RequestFile;
  ptr: string;
}

/** "also used by X" or "also used by X and N other files". */
function claimedBy(name: string, first: string, others: number): Message {
  const more = others - 1;
  return {
    id: `Nama \`${name}\` juga dipakai oleh ${first}${more ? ` dan ${more} berkas lain` : ""}; satu nama hanya untuk satu permohonan. Pilih nama lain atau gabungkan ke permohonan yang sudah ada.`,
    en: `The name \`${name}\` is also used by ${first}${more ? ` and ${more} other file${more === 1 ? "" : "s"}` : ""}; a name belongs to one request. Choose another name or add to the existing request.`,
  };
}

export const nameUnique: RepoRule = {
  id: "name.unique",
  scope: "repository",
  severity: "error",
  summary: {
    id: "Setiap nama (label dan nama rekaman tambahan) hanya dimiliki satu permohonan dalam satu zona",
    en: "Every name (label and extra record names) belongs to one request in a zone",
  },
  check(all, ctx) {
    // zone -> name -> its first owner, or all its owners once a second one comes. Nested maps and
    // no list for a name with one owner: these are built for every name of every request.
    const owners = new Map<string, Map<string, Owner | Owner[]>>();
    const zones = byZoneField((req) => (zoneOf(req, ctx.governance)?.name ?? req.zone ?? "").toLowerCase());
    for (const req of all) {
      const zone = zones(req.request);
      let names = owners.get(zone);
      if (!names) owners.set(zone, (names = new Map()));
      for (const n of ownedNames(req.request)) {
        const had = names.get(n.name);
        if (had === undefined) {
          names.set(n.name, { req, ptr: n.namePtr });
          continue;
        }
        const list = Array.isArray(had) ? had : [had];
        // Several record types at one name of one request are fine: requests come one at a time,
        // so this request already owns the name when it is the last owner.
        if (list[list.length - 1]!.req === req) continue;
        list.push({ req, ptr: n.namePtr });
        if (list !== had) names.set(n.name, list);
      }
    }
    const out: Diagnostic[] = [];
    for (const names of owners.values()) {
      for (const [name, list] of names) {
        if (!Array.isArray(list)) continue;
        // Each file names its first other owner and how many there are: a report that grows with
        // the number of files, never with its square (5,000 files claiming one name).
        for (const { req, ptr } of list) out.push(report(this, req, ptr, claimedBy(name, list[0]!.req === req ? list[1]!.req.file : list[0]!.req.file, list.length - 1)));
      }
    }
    return out;
  },
};
