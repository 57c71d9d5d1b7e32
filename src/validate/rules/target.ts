// A request without a web target (server, alias, hosting, delegation) is a name used only for
// its records, such as a mail-only name (MX and TXT): it must then hold at least one record.
import { report, type FileRule } from "../rule.ts";

export const targetOrRecords: FileRule = {
  id: "target.or-records",
  scope: "file",
  reads: ["target", "records", "decommission"],
  severity: "error",
  summary: {
    id: "Permohonan tanpa target (server, alias, hosting, delegation) punya sedikitnya satu rekaman",
    en: "A request without a target (server, alias, hosting, delegation) holds at least one record",
  },
  check(req) {
    const r = req.request;
    if (r.target !== undefined || (r.records?.length ?? 0) > 0) return [];
    return [
      report(
        this,
        req,
        r.records ? "/records" : "",
        {
          id: "Isi `target` (server, alias, hosting, atau delegation), atau tulis sedikitnya satu rekaman di `records` (misalnya MX dan TXT untuk nama yang hanya dipakai surel).",
          en: "Fill in `target` (server, alias, hosting or delegation), or write at least one record under `records` (e.g. MX and TXT for a name used only for e-mail).",
        },
        true,
      ),
    ];
  },
};
