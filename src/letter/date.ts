// Letter numbers' month in Roman numerals. Dates as words ("2 Maret 2026") are formatDate in
// src/worktime/format.ts: notices, reports and comments write them too.
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** Month of an ISO date in Roman numerals, as many letter numbers carry it (`III` for March). */
export function romanMonth(iso: string): string {
  return ROMAN[Number(iso.slice(5, 7)) - 1] ?? "";
}
