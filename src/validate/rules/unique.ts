// Every name in a zone belongs to one request: its label and every extra record name, compared
// case-insensitively in ASCII form. Each file involved is told, and told which other file it is.
import type { Diagnostic, Message } from "../../diagnostics/diagnostic.ts";
import type { Governance } from "../../model/governance.ts";
import { byZoneField, ownedNames, zoneKey } from "../request-names.ts";
import { report, type RepoRule, type RepositoryFile, type RuleContext } from "../rule.ts";

/** The zone a request's names are compared in (its zone field's, lowercase). */

interface Owner {
  req: RepositoryFile;
  ptr: string;
}

/**
 * The message for one owner of a name held by several requests. Whose name it is decides the
 * advice: one's own other request can be changed; another OPD's request is never to be merged
 * into, only a different name helps.
 */
function claimedBy(name: string, first: string, others: number, mine: string, foreign: string[], governance: Governance): Message {
  const more = others - 1;
  const where = { id: `${first}${more ? ` dan ${more} berkas lain` : ""}`, en: `${first}${more ? ` and ${more} other file${more === 1 ? "" : "s"}` : ""}` };
  const suggestion = name.includes(".") ? { id: "", en: "" } : { id: `, misalnya \`${name}-${mine}\``, en: `, e.g. \`${name}-${mine}\`` };
  const opdName = (code: string) => governance.opds.find((o) => o.code === code)?.name ?? code;
  if (foreign.length)
    return {
      id: `Nama \`${name}\` sudah dipakai ${foreign.map(opdName).join(", ")} (${where.id}). Satu nama hanya untuk satu permohonan: pilih nama lain${suggestion.id}.`,
      en: `The name \`${name}\` is already used by ${foreign.map(opdName).join(", ")} (${where.en}). A name belongs to one request: choose another name${suggestion.en}.`,
    };
  return {
    id: `Nama \`${name}\` sudah dipakai permohonan lain OPD Anda sendiri (${where.id}). Ubah permohonan itu dengan formulir perubahan, atau pilih nama lain${suggestion.id}.`,
    en: `The name \`${name}\` is already used by another request of your own OPD (${where.en}). Change that request with the change form, or choose another name${suggestion.en}.`,
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
    const zones = byZoneField((req) => zoneKey(req, ctx.governance));
    // Index loops and Map.forEach here (see checkRequest in validate.ts): no iterator results.
    for (let r = 0; r < all.length; r++) {
      const req = all[r]!;
      const zone = zones(req.request);
      let names = owners.get(zone);
      if (!names) owners.set(zone, (names = new Map()));
      const owned = ownedNames(req.request);
      for (let k = 0; k < owned.length; k++) {
        const n = owned[k]!;
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
      names.forEach((list, name) => {
        if (!Array.isArray(list)) return;
        // Each file names its first other owner and how many there are: a report that grows with
        // the number of files, never with its square (5,000 files claiming one name). The OPDs
        // holding the name are gathered once per name for the same reason.
        const opds = new Set(list.map((o) => o.req.request.opd));
        for (const { req, ptr } of list) {
          const first = list[0]!.req === req ? list[1]!.req.file : list[0]!.req.file;
          out.push(report(this, req, ptr, claimedBy(name, first, list.length - 1, req.request.opd, [...opds].filter((c) => c !== req.request.opd), ctx.governance)));
        }
      });
    }
    return out;
  },
  links(req, ctx) {
    const zone = zoneKey(req.request, ctx.governance);
    return { group: ownedNames(req.request).map((n) => `${zone}\t${n.name}`), provides: [], consumes: [] };
  },
};
