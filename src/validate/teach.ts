// Messages that teach for the schema's commonest misses: a date written the Indonesian way, a NIP
// copied with the spaces of an SK, a NIP or phone number left unquoted. Each names what was
// written and what to write instead, from the user's own value. Pure.
import type { Message } from "../diagnostics/diagnostic.ts";

const MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"];
const MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO form of a date written as 02-03-2026, 2/3/2026, 2 Maret 2026 or 2 Mar 2026; undefined when unrecognised. */
export function isoFromWritten(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  let d: number, m: number, y: number;
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  const named = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(t);
  if (yearFirst) [y, m, d] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  else if (numeric) [d, m, y] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  else if (named) {
    const word = named[2]!;
    const i = [MONTHS, MONTHS_EN].map((list) => list.findIndex((name) => name === word || (word.length >= 3 && name.startsWith(word)))).find((x) => x >= 0);
    if (i === undefined) return undefined;
    [d, m, y] = [Number(named[1]), i + 1, Number(named[3])];
  } else return undefined;
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** What to say when `field` holding `value` failed its date format. */
export function dateMessage(field: string, value: unknown): Message {
  const written = typeof value === "string" ? value : JSON.stringify(value);
  const iso = typeof value === "string" ? isoFromWritten(value) : undefined;
  const example = iso ?? "2026-03-02";
  return {
    id: `\`${field}\`: tertulis \`${written}\`; tanggal ditulis tahun-bulan-tanggal (TTTT-BB-HH): tulis \`${example}\`.`,
    en: `\`${field}\`: \`${written}\` was written; dates are year-month-day (YYYY-MM-DD): write \`${example}\`.`,
  };
}

/** What to say when a NIP failed its 18-digit pattern. */
export function nipMessage(field: string, value: unknown): Message {
  const written = String(value);
  const digits = written.replace(/[\s.-]/g, "");
  if (/^\d{18}$/.test(digits) && digits !== written)
    return {
      id: `\`${field}\`: NIP \`${written}\` ditulis dengan spasi seperti pada SK; hapus spasinya: tulis \`"${digits}"\`.`,
      en: `\`${field}\`: NIP \`${written}\` is written with spaces as on an SK; remove the spaces: write \`"${digits}"\`.`,
    };
  const count = (written.match(/\d/g) ?? []).length;
  return {
    id: `\`${field}\`: NIP terdiri atas 18 angka tanpa spasi; \`${written}\` berisi ${count} angka. Salin dari SK atau kartu pegawai, misalnya \`"198703152010012004"\`.`,
    en: `\`${field}\`: a NIP is 18 digits without spaces; \`${written}\` holds ${count} digits. Copy it from the SK or staff card, e.g. \`"198703152010012004"\`.`,
  };
}

/** What to say when a NIP or telephone number was written as a bare number (YAML reads it as a number). */
export function unquotedMessage(field: string, nip: boolean): Message {
  return nip
    ? {
        id: `\`${field}\`: NIP ditulis tanpa tanda kutip sehingga dibaca sebagai angka (dan angka sepanjang itu berubah). Tulis di antara tanda kutip, misalnya \`nip: "198703152010012004"\`.`,
        en: `\`${field}\`: the NIP is written without quotes, so it is read as a number (and a number that long changes). Put it in quotes, e.g. \`nip: "198703152010012004"\`.`,
      }
    : {
        id: `\`${field}\`: nomor ini ditulis tanpa tanda kutip sehingga dibaca sebagai angka (angka 0 di depan hilang). Tulis di antara tanda kutip, misalnya \`phone: "0812 3456 7890"\`.`,
        en: `\`${field}\`: this number is written without quotes, so it is read as a number (a leading 0 is lost). Put it in quotes, e.g. \`phone: "0812 3456 7890"\`.`,
      };
}
