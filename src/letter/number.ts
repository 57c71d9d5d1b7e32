// Letter numbers. Every government numbers its outgoing letters by its own scheme (the
// classification code, a running number, the office, the year), so the scheme is a template:
// `000.5.9/{seq}/Diskominfo/{year}` by default, set with --scheme or LETTER_NUMBER_SCHEME.
// The running number is an input; the CLI derives it deterministically (see cli/letter.ts).
import { romanMonth } from "./date.ts";

export const DEFAULT_SCHEME = "000.5.9/{seq}/Diskominfo/{year}";

export interface NumberFields {
  seq: number;
  /** The letter's date, YYYY-MM-DD. */
  date: string;
  opd: string;
}

const PLACEHOLDER = /\{(seq|year|month|romanMonth|opd)\}/g;

/** Fills the scheme; unknown placeholders are reported by checkScheme, not silently kept. */
export function letterNumber(scheme: string, fields: NumberFields): string {
  return scheme.replace(PLACEHOLDER, (_m, key: string) => {
    switch (key) {
      case "seq":
        return String(fields.seq);
      case "year":
        return fields.date.slice(0, 4);
      case "month":
        return fields.date.slice(5, 7);
      case "romanMonth":
        return romanMonth(fields.date);
      default:
        return fields.opd.toUpperCase();
    }
  });
}

/** Problems with a scheme, in Indonesian and English; empty when it is usable. */
export function checkScheme(scheme: string): Array<{ id: string; en: string }> {
  const problems: Array<{ id: string; en: string }> = [];
  if (!scheme.includes("{seq}")) problems.push({ id: "Pola nomor surat harus memuat {seq}.", en: "The letter number scheme must contain {seq}." });
  const unknown = [...scheme.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((k) => !["seq", "year", "month", "romanMonth", "opd"].includes(k ?? ""));
  if (unknown.length)
    problems.push({
      id: `Pola nomor surat memuat penanda yang tidak dikenal: ${unknown.map((k) => `{${k}}`).join(", ")} (yang dikenal: {seq}, {year}, {month}, {romanMonth}, {opd}).`,
      en: `Unknown placeholders in the letter number scheme: ${unknown.map((k) => `{${k}}`).join(", ")} (known: {seq}, {year}, {month}, {romanMonth}, {opd}).`,
    });
  return problems;
}
