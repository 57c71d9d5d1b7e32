// Fields a government requires beyond the schema (governance `requiredFields`), e.g. Kalimantan
// Utara's recommendation letter, or a scan of the signed request letter.
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
    return ctx.governance.requiredFields.flatMap((f) => {
      const spec = FIELDS[f];
      if (!spec || spec.has(req.request)) return [];
      return [
        report(
          this,
          req,
          spec.parent,
          {
          id: `Pemerintah daerah ini mewajibkan ${spec.what.id}; lengkapi kolom \`${f}\`.`,
          en: `This government requires ${spec.what.en}; fill in \`${f}\`.`,
          },
          true, // at the parent's key: `technical:` rather than its first field
        ),
      ];
    });
  },
};
