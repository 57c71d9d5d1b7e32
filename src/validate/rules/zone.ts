// The zone a request names is one that governance serves.
import { zoneFor } from "../request-names.ts";
import { report, type FileRule } from "../rule.ts";

export const zoneExists: FileRule = {
  id: "zone.exists",
  scope: "file",
  reads: ["zone"],
  severity: "error",
  summary: { id: "Zona yang ditulis ada di governance.yaml", en: "The zone named is one listed in governance.yaml" },
  check(req, ctx) {
    if (zoneFor(req.request, ctx.governance)) return [];
    const zones = ctx.governance.zones.map((z) => z.name).join(", ");
    return [
      report(this, req, "/zone", {
        id: `Zona \`${req.request.zone}\` tidak dikelola di sini; pilih salah satu: ${zones} (atau hapus kolom zone untuk memakai ${ctx.governance.zones[0]!.name}).`,
        en: `The zone \`${req.request.zone}\` is not served here; use one of: ${zones} (or drop the zone field to use ${ctx.governance.zones[0]!.name}).`,
      }),
    ];
  },
};
