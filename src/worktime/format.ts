// Durations and dates for people: "1 jam 20 menit", "2 hari kerja 3 jam" / "1 h 20 min";
// "2 Maret 2026" / "2 March 2026" (letters, notices, reports and comments write dates so).
import type { Lang } from "../diagnostics/diagnostic.ts";

/** Working minutes as hours and minutes (days are not used: their length differs by weekday). */
export function formatMinutes(minutes: number, lang: Lang = "id"): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (lang === "en") return h ? (rest ? `${h} h ${rest} min` : `${h} h`) : `${rest} min`;
  return h ? (rest ? `${h} jam ${rest} menit` : `${h} jam`) : `${rest} menit`;
}

// Intl's "id-ID" long month names are the same words, but depend on the ICU data Node was built
// with; a fixed table keeps letters byte-for-byte identical on every machine.
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

