// Every name in a zone belongs to one request: its label and every extra record name, compared
// case-insensitively in ASCII form. Each file involved is told, and told which other file it is.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { zoneOf } from "../../model/names.ts";
import { byZoneField, ownedNames } from "../request-names.ts";
import { report, type RepoRule, type RequestFile } from "../rule.ts";

export const nameUnique: RepoRule = {
  id: "name.unique",
  scope: "repository",
  severity: "error",
  summary: {
    id: "Setiap nama (label dan nama rekaman tambahan) hanya dimiliki satu permohonan dalam satu zona",
    en: "Every name (label and extra record names) belongs to one request in a zone",
  },
  check(all, ctx) {
    // zone + name -> files that own it, with where each writes it.
    const owners = new Map<string, { req: RequestFile; ptr: string }[]>();
    const zones = byZoneField((req) => (zoneOf(req, ctx.governance)?.name ?? req.zone ?? "").toLowerCase());
    for (const req of all) {
      const zone = zones(req.request);
      for (const n of ownedNames(req.request)) {
        const key = `${zone}\u0000${n.name}`;
        const list = owners.get(key);
        // Several record types at one name of one request are fine: requests come one at a time,
        // so this request already owns the name when it is the list's last owner.
        if (list?.[list.length - 1]!.req === req) continue;
        if (list) list.push({ req, ptr: n.namePtr });
        else owners.set(key, [{ req, ptr: n.namePtr }]);
      }
    }
    const out: Diagnostic[] = [];
    for (const [key, list] of owners) {
      if (list.length < 2) continue;
      const name = key.slice(key.indexOf("\u0000") + 1);
      for (const { req, ptr } of list) {
        const others = list.filter((o) => o.req !== req).map((o) => o.req.file).join(", ");
        out.push(
          report(this, req, ptr, {
            id: `Nama \`${name}\` juga dipakai oleh ${others}; satu nama hanya untuk satu permohonan. Pilih nama lain atau gabungkan ke permohonan yang sudah ada.`,
            en: `The name \`${name}\` is also used by ${others}; a name belongs to one request. Choose another name or add to the existing request.`,
          }),
        );
      }
    }
    return out;
  },
};
