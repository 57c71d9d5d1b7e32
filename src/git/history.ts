// Created and last-changed dates of every request file from one `git log` pass (never one per
// file), and the commit dates that drive the zone serial.
import { HISTORY_PATHS, historyArgs } from "./spawn.mjs";
import { runSteps, type GitSteps } from "./run.ts";

export interface FileDates {
  /** ISO 8601 date of the commit (on the first-parent line) that added the file (its latest addition). */
  created: string;
  /** ISO 8601 commit date of the newest commit that touched the file. */
  lastChanged: string;
}

export interface FileHistory {
  files: Map<string, FileDates>;
  /** Commit dates of every commit touching the paths, newest first. */
  commits: string[];
}

/**
 * The revision range of the government's own history: everything after `since` (governance's
 * adoption base) on HEAD's line, or all of HEAD when there is no such base.
 */
export function ownRange(since: string | undefined): string[] {
  return since ? ["--first-parent", `${since}..HEAD`] : [];
}

export function fileHistory(root: string, paths: string[] = HISTORY_PATHS, since?: string): FileHistory {
  return runSteps(root, fileHistorySteps(paths, since));
}

/** Steps of fileHistory. */
export function* fileHistorySteps(paths: string[] = HISTORY_PATHS, since?: string): GitSteps<FileHistory> {
  const files = new Map<string, FileDates>();
  const commits: string[] = [];
  // --first-parent (historyArgs): dates and the zone serial follow main even when branch commits are older.
  const r = yield { args: historyArgs(paths, since) };
  if (!r.ok) return { files, commits }; // no repository or no commits: no history to tell
  // Newest first. A file's first sighting is its last change; scanning older commits moves its
  // creation back until an older deletion shows that this incarnation began later.
  const done = new Set<string>();
  for (const chunk of r.stdout.toString("utf8").split("\x01")) {
    if (!chunk) continue;
    const end = chunk.indexOf("\0");
    const date = chunk.slice(0, end).trim();
    commits.push(date);
    const tokens = chunk.slice(end + 1).replace(/^\n/, "").split("\0");
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      const status = tokens[i]!.trim();
      const path = tokens[i + 1]!;
      if (!status || done.has(path)) continue;
      const seen = files.get(path);
      if (status.startsWith("D")) {
        if (seen) done.add(path);
        continue;
      }
      if (!seen) files.set(path, { created: date, lastChanged: date });
      else seen.created = date;
      if (status.startsWith("A")) done.add(path);
    }
  }
  return { files, commits };
}
