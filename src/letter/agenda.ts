// The office's agenda of outgoing letters (buku agenda surat keluar), kept in the repository as
// agenda.yaml: a yearly running counter and one entry per letter, with the digest of the signed
// PDF once it is signed. Numbers come from this counter and governance's pattern, never from the
// position of a file in git history: a removed file, a squash or a shallow clone changes nothing.
// Pure: read, reserve, record; the GitHub side (github/agenda.ts) stores it with compare-and-swap.
import { parse, stringify } from "yaml";
import { letterNumber } from "./number.ts";

export type LetterKind = "baru" | "ubah" | "hapus" | "tolak";

export interface AgendaEntry {
  seq: number;
  number: string;
  date: string;
  /** The request file the letter answers. */
  request: string;
  /** The request's pull request. */
  pullRequest: number;
  kind: LetterKind;
  /** sha256 of the signed PDF, hex; set once signed. */
  sha256?: string;
  signedBy?: string;
}

export interface Agenda {
  year: number;
  /** The next running number of `year`. */
  next: number;
  letters: AgendaEntry[];
}

export class AgendaError extends Error {}

export function parseAgenda(text: string | undefined, year: number): Agenda {
  if (text === undefined || text.trim() === "") return { year, next: 1, letters: [] };
  const v = parse(text) as Partial<Agenda> | null;
  if (!v || typeof v.year !== "number" || typeof v.next !== "number" || !Array.isArray(v.letters) || v.next < 1)
    throw new AgendaError("agenda.yaml rusak: perlu year, next (>= 1) dan letters. / agenda.yaml is damaged: it needs year, next (>= 1) and letters.");
  return { year: v.year, next: v.next, letters: v.letters as AgendaEntry[] };
}

export function renderAgenda(a: Agenda): string {
  return `# Buku agenda surat keluar layanan subdomain: ditulis oleh bot, jangan diubah tangan.\n${stringify(a)}`;
}

/**
 * The letter's entry: the existing one for the same pull request and kind (a re-run reserves
 * nothing new), else a new number from the counter, which starts again at 1 in a new year.
 */
export function reserve(a: Agenda, o: { date: string; pattern: string; opd: string; request: string; pullRequest: number; kind: LetterKind }): { agenda: Agenda; entry: AgendaEntry; created: boolean } {
  const existing = a.letters.find((e) => e.pullRequest === o.pullRequest && e.kind === o.kind && e.request === o.request);
  if (existing) return { agenda: a, entry: existing, created: false };
  const year = Number(o.date.slice(0, 4));
  const next = year === a.year ? a.next : 1;
  const entry: AgendaEntry = { seq: next, number: letterNumber(o.pattern, { seq: next, date: o.date, opd: o.opd }), date: o.date, request: o.request, pullRequest: o.pullRequest, kind: o.kind };
  return { agenda: { year, next: next + 1, letters: [...a.letters, entry] }, entry, created: true };
}

/** Records the signed PDF's digest; a second, different digest for the same letter is refused. */
export function recordSigned(a: Agenda, number: string, sha256: string, signedBy: string): Agenda {
  const i = a.letters.findIndex((e) => e.number === number);
  if (i < 0) throw new AgendaError(`Surat ${number} tidak ada di agenda. / Letter ${number} is not in the agenda.`);
  const e = a.letters[i]!;
  if (e.sha256 && e.sha256 !== sha256) throw new AgendaError(`Surat ${number} sudah ditandatangani dengan isi lain. / Letter ${number} was already signed with other content.`);
  const letters = [...a.letters];
  letters[i] = { ...e, sha256, signedBy };
  return { ...a, letters };
}
