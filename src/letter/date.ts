// Dates as letters write them: "2 Maret 2026" (Indonesian), "2 March 2026" (English).
// Intl's "id-ID" long month names are the same words, but depend on the ICU data Node was built
// with; a fixed table keeps letters byte-for-byte identical on every machine.
import type { Lang } from "../diagnostics/diagnostic.ts";

const MONTHS: Record<Lang, string[]> = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** `2026-03-02` -> `2 Maret 2026`. Returns the input unchanged when it is not a date. */
export function formatDate(iso: string, lang: Lang = "id"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[lang][Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** Month of an ISO date in Roman numerals, as many letter numbers carry it (`III` for March). */
export function romanMonth(iso: string): string {
  return ROMAN[Number(iso.slice(5, 7)) - 1] ?? "";
}
