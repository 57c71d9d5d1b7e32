// The schema of governance's hygiene block (issue 15; the defaults and their use are in
// hygiene.ts, which the commands load without zod).
import { z } from "zod";
import { DEFAULT_GAMBLING_KEYWORDS, HYGIENE_DEFAULTS } from "./hygiene.ts";

/** Builds the block from the Step shape of governance.ts (passed in to avoid an import cycle). */
export function hygieneBlock<S extends z.ZodType>(step: S) {
  return z
    .strictObject({
      gamblingKeywords: z
        .array(z.string().min(3).max(60))
        .min(1)
        .optional()
        .meta({ description: `Kata kunci judi online yang dicari di halaman (bawaan: ${DEFAULT_GAMBLING_KEYWORDS.join(", ")})` }),
      tlsExpiringDays: z.int().min(1).max(365).optional().meta({ description: `Sertifikat yang habis dalam sekian hari dilaporkan (bawaan ${HYGIENE_DEFAULTS.tlsExpiringDays})` }),
      review: z
        .strictObject({
          remindDays: z.int().min(1).max(365).optional().meta({ description: `Pengingat dikirim sekian hari sebelum reviewBy (bawaan ${HYGIENE_DEFAULTS.remindDays})` }),
          graceDays: z.int().min(0).max(365).optional().meta({ description: `Masa tenggang setelah reviewBy sebelum usulan penonaktifan (bawaan ${HYGIENE_DEFAULTS.graceDays})` }),
        })
        .optional(),
      suspension: z
        .strictObject({ steps: z.array(step).min(1).meta({ description: "Alur darurat, misalnya satu langkah Kepala Bidang dengan waktu baku singkat" }) })
        .optional()
        .meta({ description: "Alur persetujuan penangguhan darurat (bawaan: alur disposisi biasa)" }),
      audit: z
        .strictObject({
          timeoutSeconds: z.int().min(1).max(60).optional().meta({ description: `Batas waktu setiap sambungan (bawaan ${HYGIENE_DEFAULTS.timeoutSeconds})` }),
          retries: z.int().min(0).max(5).optional().meta({ description: `Percobaan ulang bila tidak ada jawaban (bawaan ${HYGIENE_DEFAULTS.retries})` }),
          concurrency: z.int().min(1).max(512).optional().meta({ description: `Nama yang diperiksa bersamaan (bawaan ${HYGIENE_DEFAULTS.concurrency})` }),
        })
        .optional(),
    })
    .meta({ description: "Kebersihan subdomain: audit, penangguhan darurat, siklus tinjau ulang" });
}
