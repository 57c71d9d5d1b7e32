// Subdomain hygiene in governance (issue 15): what the audit looks for, when the review lifecycle
// reminds and decommissions, and the emergency chain a suspension goes through. Every field is
// optional; hygieneSettings() fills the defaults, so a governance file without this block keeps
// working and gets the defaults listed in each field's description. The block's schema is in
// hygiene-schema.ts: this file stays free of zod, which the plan and validate load without
// (their bundles would hold ~600 KB more, evaluated at every start).
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
