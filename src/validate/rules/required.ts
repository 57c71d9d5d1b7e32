// Fields a government requires beyond the schema (governance `requiredFields`), e.g. Kalimantan
// Utara's recommendation letter, or a scan of the signed request letter.
// A name brought in by `npm run import` (its letter number still the [ISI] mark) is live already
// and its letter predates this repository: a missing required field is then a warning, listed with
// the other [ISI] values, so a government can import its zone under any preset. A pull request
// cannot use that to skip the field: the `validasi` check refuses any [ISI] value, and so any
// missing required field, in a request file the pull request adds or changes (pull-request.ts).
import { isPlaceholder } from "../../model/placeholder.ts";
import type { Request } from "../../model/request.ts";
import { report, type FileRule } from "../rule.ts";

const FIELDS: Record<string, { has: (r: Request) => boolean; parent: string; what: { id: string; en: string } }> = {
  "letter.scan": { has: (r) => !!r.letter.scan, parent: "/letter", what: { id: "tautan pindaian surat bertanda tangan (letter.scan)", en: "a link to the scan of the signed letter (letter.scan)" } },
  recommendation: { has: (r) => !!r.recommendation, parent: "", what: { id: "rekomendasi/izin aplikasi (recommendation: nomor, tanggal, penerbit)", en: "the application recommendation (recommendation: number, date, issuer)" } },
  "contacts.administrative.nip": { has: (r) => !!r.contacts.administrative.nip, parent: "/contacts/administrative", what: { id: "NIP kontak administratif", en: "the administrative contact's NIP" } },
  "contacts.technical.nip": { has: (r) => !!r.contacts.technical.nip, parent: "/contacts/technical", what: { id: "NIP kontak teknis", en: "the technical contact's NIP" } },
};

export const fieldRequired: FileRule = {
  id: "field.required",
  scope: "file",
  reads: ["letter", "recommendation", "contacts"],
  severity: "error",
  summary: { id: "Kolom yang diwajibkan governance (requiredFields) diisi", en: "Fields that governance requires (requiredFields) are filled in" },
  check(req, ctx) {
    const imported = isImportedPending(req.request);
    return ctx.governance.requiredFields.flatMap((f) => {
      const spec = FIELDS[f];
      if (!spec || spec.has(req.request)) return [];
      const d = report(
        this,
        req,
        spec.parent,
        imported
          ? {
              id: `Pemerintah daerah ini mewajibkan ${spec.what.id}; nama ini diimpor dari zona yang berjalan, jadi OPD melengkapi kolom \`${f}\` bersama isian [ISI] lainnya (pull request yang mengubah berkas ini wajib melengkapinya).`,
              en: `This government requires ${spec.what.en}; this name was imported from the running zone, so the OPD fills in \`${f}\` with the other [ISI] values (a pull request changing this file must complete it).`,
            }
          : {
              id: `Pemerintah daerah ini mewajibkan ${spec.what.id}; lengkapi kolom \`${f}\`.`,
              en: `This government requires ${spec.what.en}; fill in \`${f}\`.`,
            },
        true, // at the parent's key: `technical:` rather than its first field
      );
      return [imported ? { ...d, severity: "warning" as const } : d];
    });
  },
};

/** Written by `npm run import` and not yet completed: the request letter's number is still marked [ISI]. */
export const isImportedPending = (r: Request): boolean => isPlaceholder(r.letter.number);
