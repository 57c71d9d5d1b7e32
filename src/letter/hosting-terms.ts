// The letter's rows on what a hosting OPD may and may not do and when its data is backed up: the
// same words as the plan (src/state/tenant-terms.ts), kept apart from the rest of the letter.
import type { Lang } from "../diagnostics/diagnostic.ts";
import { tenantTerms } from "../state/tenant-terms.ts";
import type { Tenant } from "../state/types.ts";

const LABELS = {
  id: { may: "Yang boleh dilakukan OPD", mayNot: "Yang tidak boleh dilakukan OPD", backup: "Cadangan data" },
  en: { may: "What the OPD may do", mayNot: "What the OPD may not do", backup: "Data backup" },
} as const;

export function hostingTermRows(tenant: Tenant, lang: Lang): Array<[string, string]> {
  const terms = tenantTerms(tenant, lang);
  const l = LABELS[lang];
  return [
    [l.may, terms.may],
    [l.mayNot, terms.mayNot],
    [l.backup, terms.backup],
  ];
}
