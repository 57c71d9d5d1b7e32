// The agenda (agenda.ts) as a checkout sees it, for the commands that print or send a letter
// outside the bot's flow (npm run letter, npm run notify): read from a file given with --agenda,
// else from the bot's `agenda` branch (`agenda` or `origin/agenda`; actions/checkout with
// fetch-depth: 0 brings it). These commands never invent a number: a letter that has no entry in
// the agenda has no number yet (it is given when the signing step is approved, or by the deploy
// job's `npm run notify --pull`, which reserves it through the GitHub API).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseAgenda, type Agenda, type AgendaEntry, type LetterKind } from "./agenda.ts";

export const AGENDA_REFS = ["agenda", "origin/agenda"] as const;

/** The agenda text from `file`, else from the agenda branch of the checkout at `root`; undefined when there is none. */
export function readAgendaText(root: string, file?: string): string | undefined {
  if (file !== undefined) return readFileSync(file, "utf8");
  for (const ref of AGENDA_REFS) {
    try {
      return execFileSync("git", ["show", `${ref}:agenda.yaml`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      // not this ref
    }
  }
  return undefined;
}

export function loadAgenda(root: string, year: number, file?: string): Agenda {
  return parseAgenda(readAgendaText(root, file), year);
}

/** The request's latest letter in the agenda (of `kind`, when given). */
export function agendaEntryFor(agenda: Agenda, requestFile: string, kind?: LetterKind): AgendaEntry | undefined {
  return agenda.letters.filter((e) => e.request === requestFile && (kind === undefined || e.kind === kind)).sort((a, b) => b.date.localeCompare(a.date) || b.seq - a.seq)[0];
}

/** What a command says when the agenda holds no number for the request. */
export function noNumberMessage(file: string): { id: string; en: string } {
  return {
    id: `Belum ada nomor agenda untuk ${file}. Nomor surat hanya diberikan dari agenda surat keluar (berkas agenda.yaml di cabang agenda): saat langkah tanda tangan disetujui pada pull request surat balasan, atau oleh job deploy (npm run notify --pull). Tidak ada surat yang dibuat. Untuk konsep tanpa nomor pakai --draft; untuk agenda dari berkas lain pakai --agenda BERKAS.`,
    en: `No agenda number yet for ${file}. Letter numbers come only from the office's agenda (agenda.yaml on the agenda branch): when the signing step is approved on the reply-letter pull request, or from the deploy job (npm run notify --pull). No letter was written. For an unnumbered draft use --draft; for an agenda in another file use --agenda FILE.`,
  };
}
