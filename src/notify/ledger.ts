// Sent-ledgers: how the notifier knows an e-mail already went out, so that running the step
// again (a re-run of the workflow, a second deploy job for the same commit) sends nothing.
//
// In GitHub Actions the ledger is the pull request itself: after sending, the bot adds a comment
// carrying a hidden marker with the e-mail's deterministic Message-ID; before sending, it looks
// for that marker among bot comments. Comments outlive runs, re-runs and artifacts' retention,
// and show people what was sent. Locally and in tests, a JSON file does the same.
// Order: check, send, record. A crash between sending and recording can repeat one e-mail on
// the next run (at least once, never silently lost); the same Message-ID lets mail clients fold
// the duplicate.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { findComment, upsertComment } from "../github/comments.ts";
import type { GitHub, RepoRef } from "../github/octokit.ts";

export interface SentEntry {
  id: string;
  file: string;
  sha: string;
  recipients: string[];
  at: string;
}

export interface SentLedger {
  has(id: string): Promise<boolean>;
  record(entry: SentEntry): Promise<void>;
}

/** A JSON file of sent entries; a missing file is an empty ledger, an unreadable one an error. */
export class FileLedger implements SentLedger {
  constructor(private readonly path: string) {}

  private read(): SentEntry[] {
    if (!existsSync(this.path)) return [];
    const data = JSON.parse(readFileSync(this.path, "utf8")) as unknown;
    if (!Array.isArray(data)) throw new Error(`${this.path}: bukan buku catatan kiriman / not a sent-ledger`);
    return data as SentEntry[];
  }

  async has(id: string): Promise<boolean> {
    return this.read().some((e) => e.id === id);
  }

  async record(entry: SentEntry): Promise<void> {
    const entries = this.read().filter((e) => e.id !== entry.id);
    entries.push(entry);
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, JSON.stringify(entries, null, 2) + "\n");
  }
}

export const mailMarker = (id: string): string => `<!-- subdomain-mail: ${id} -->`;

/** The pull request's bot comments as the ledger (see above). */
export class PullRequestLedger implements SentLedger {
  constructor(
    private readonly gh: GitHub,
    private readonly ref: RepoRef,
    private readonly pull: number,
  ) {}

  async has(id: string): Promise<boolean> {
    return (await findComment(this.gh, this.ref, this.pull, mailMarker(id))) !== undefined;
  }

  async record(entry: SentEntry): Promise<void> {
    const body = [
      `E-mail pemberitahuan untuk \`${entry.file}\` (commit \`${entry.sha.slice(0, 12)}\`) telah dikirim ke ${entry.recipients.length} kontak OPD pada ${entry.at}, dengan surat balasan terlampir.`,
      "",
      `*English: the notification e-mail for \`${entry.file}\` was sent to ${entry.recipients.length} agency contacts, with the reply letter attached.*`,
    ].join("\n");
    await upsertComment(this.gh, this.ref, this.pull, mailMarker(entry.id), body);
  }
}
