// Durations for people: "1 jam 20 menit", "2 hari kerja 3 jam" / "1 h 20 min".
import type { Lang } from "../diagnostics/diagnostic.ts";

/** Working minutes as hours and minutes (days are not used: their length differs by weekday). */
export function formatMinutes(minutes: number, lang: Lang = "id"): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (lang === "en") return h ? (rest ? `${h} h ${rest} min` : `${h} h`) : `${rest} min`;
  return h ? (rest ? `${h} jam ${rest} menit` : `${h} jam`) : `${rest} menit`;
}
