// Labels the bot manages on issues and pull requests. Only labels with the bot's prefixes are
// ever removed; labels people add by hand stay.
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";

export const LABEL_COLORS: Record<string, string> = { opd: "1d76db", jenis: "5319e7", destruktif: "b60205", "perlu-perbaikan": "d93f0b", "deploy-gagal": "b60205", drift: "fbca04", "dns-berbeda": "fbca04" };

/** A label's colour: by its prefix (opd:, jenis:) or whole name; grey otherwise. */
export const colorOf = (name: string) => LABEL_COLORS[name.split(":")[0]!] ?? "ededed";

/** Creates a repository label unless it exists (422 already_exists is success). */
async function ensureRepoLabel(gh: GitHub, ref: RepoRef, name: string): Promise<void> {
  try {
    await gh.rest.issues.getLabel({ ...ref, name });
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
    try {
      await gh.rest.issues.createLabel({ ...ref, name, color: colorOf(name) });
    } catch (e2) {
      if (statusOf(e2) !== 422) throw e2;
    }
  }
}

/**
 * Makes the managed labels of an issue or pull request exactly `wanted`: adds the missing ones,
 * removes managed ones (matching `managed`) that are no longer wanted, touches nothing else.
 */
export async function syncLabels(gh: GitHub, ref: RepoRef, issue: number, wanted: readonly string[], managed: (name: string) => boolean): Promise<{ added: string[]; removed: string[] }> {
  const current = (await gh.paginate(gh.rest.issues.listLabelsOnIssue, { ...ref, issue_number: issue, per_page: 100 })).map((l) => l.name);
  const added = wanted.filter((w) => !current.includes(w));
  const removed = current.filter((c) => managed(c) && !wanted.includes(c));
  for (const name of added) await ensureRepoLabel(gh, ref, name);
  if (added.length) await gh.rest.issues.addLabels({ ...ref, issue_number: issue, labels: added });
  for (const name of removed) {
    try {
      await gh.rest.issues.removeLabel({ ...ref, issue_number: issue, name });
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
  }
  return { added, removed };
}

export const isPullRequestLabel = (name: string) => name.startsWith("opd:") || name.startsWith("jenis:") || name === "destruktif";
