// Every name in a zone belongs to one request: its label and every extra record name, compared
// case-insensitively in ASCII form. Each file involved is told, and told which other file it is.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { zoneOf } from "../../model/names.ts";
import { byZoneField, ownedNames } from "../request-names.ts";
import { report, type RepoRule, type RequestFile } from "../rule.ts";

interface Owner {
  req: RequestFile;
  ptr: string;
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
        for (const { req, ptr } of list) {
          const others = list.filter((o) => o.req !== req);
          const mine = req.request.opd;
          const files = others.map((o) => o.req.file).join(", ");
          // Whose name it is decides the advice: one's own other request can be changed; another
          // OPD's request is never to be merged into, only a different name helps.
          const foreign = [...new Set(others.map((o) => o.req.request.opd).filter((c) => c !== mine))];
          const opdName = (code: string) => ctx.governance.opds.find((o) => o.code === code)?.name ?? code;
          const suggestion = name.includes(".") ? "" : `, misalnya \`${name}-${mine}\``;
          const suggestionEn = name.includes(".") ? "" : `, e.g. \`${name}-${mine}\``;
          out.push(
            report(
              this,
              req,
              ptr,
              foreign.length
                ? {
                    id: `Nama \`${name}\` sudah dipakai ${foreign.map(opdName).join(", ")} (${files}). Satu nama hanya untuk satu permohonan: pilih nama lain${suggestion}.`,
                    en: `The name \`${name}\` is already used by ${foreign.map(opdName).join(", ")} (${files}). A name belongs to one request: choose another name${suggestionEn}.`,
                  }
                : {
                    id: `Nama \`${name}\` sudah dipakai permohonan lain OPD Anda sendiri (${files}). Ubah permohonan itu dengan formulir perubahan, atau pilih nama lain${suggestion}.`,
                    en: `The name \`${name}\` is already used by another request of your own OPD (${files}). Change that request with the change form, or choose another name${suggestionEn}.`,
                  },
            ),
          );
        }
      }
    }
    return out;
  },
};
