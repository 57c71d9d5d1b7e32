// Subdomain hygiene in governance (issue 15): what the audit looks for, when the review lifecycle
// reminds and decommissions, and the emergency chain a suspension goes through. Every field is
// optional; hygieneSettings() fills the defaults, so a governance file without this block keeps
// working and gets the defaults listed in each field's description.
import { z } from "zod";
import type { Governance, Step } from "./governance.ts";

/** Keywords of Indonesian gambling spam (judi online), as defacements and cloaked pages carry them. */
export const DEFAULT_GAMBLING_KEYWORDS = [
  "slot gacor",
  "situs slot",
  "slot online",
  "slot88",
  "judi online",
  "judi slot",
  "togel",
  "toto macau",
  "maxwin",
  "rtp live",
  "rtp slot",
  "scatter hitam",
  "bandar togel",
] as const;

export const HYGIENE_DEFAULTS = {
  tlsExpiringDays: 21,
  remindDays: 30,
  graceDays: 30,
  timeoutSeconds: 4,
  retries: 1,
  concurrency: 128,
} as const;

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

export interface HygieneSettings {
  gamblingKeywords: string[];
  tlsExpiringDays: number;
  remindDays: number;
  graceDays: number;
  /** The chain a suspension pull request goes through. */
  suspensionSteps: Step[];
  timeoutMs: number;
  retries: number;
  concurrency: number;
}

export function hygieneSettings(g: Governance): HygieneSettings {
  const h = g.hygiene ?? {};
  return {
    gamblingKeywords: [...(h.gamblingKeywords ?? DEFAULT_GAMBLING_KEYWORDS)],
    tlsExpiringDays: h.tlsExpiringDays ?? HYGIENE_DEFAULTS.tlsExpiringDays,
    remindDays: h.review?.remindDays ?? HYGIENE_DEFAULTS.remindDays,
    graceDays: h.review?.graceDays ?? HYGIENE_DEFAULTS.graceDays,
    suspensionSteps: h.suspension?.steps ?? g.disposition.steps,
    timeoutMs: (h.audit?.timeoutSeconds ?? HYGIENE_DEFAULTS.timeoutSeconds) * 1000,
    retries: h.audit?.retries ?? HYGIENE_DEFAULTS.retries,
    concurrency: h.audit?.concurrency ?? HYGIENE_DEFAULTS.concurrency,
  };
}

/**
 * Where a request stands in the review lifecycle on `today`: `due` within remindDays before
 * reviewBy (the liaisons are reminded), `overdue` past reviewBy within the grace period, `expired`
 * past reviewBy plus grace (a decommission pull request is proposed). Inactive requests are `ok`.
 */
export type ReviewStatus = "ok" | "due" | "overdue" | "expired";

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function reviewStatus(r: { reviewBy: string; decommission?: unknown }, today: string, s: Pick<HygieneSettings, "remindDays" | "graceDays">): ReviewStatus {
  if (r.decommission) return "ok";
  if (today > addDays(r.reviewBy, s.graceDays)) return "expired";
  if (today > r.reviewBy) return "overdue";
  if (today >= addDays(r.reviewBy, -s.remindDays)) return "due";
  return "ok";
}
