// The agenda (letter/agenda.ts) stored in the repository on its own branch, `agenda`, written
// only by the bot: the request branches stay free of it, and a protected main needs no bot push.
// Every change is a compare-and-swap through the contents API (the blob sha must match), so two
// jobs reserving numbers at once never give one number twice: the loser re-reads and retries.
import { parseAgenda, renderAgenda, type Agenda } from "../letter/agenda.ts";
import { readFileAt } from "./files.ts";
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";

export const AGENDA_BRANCH = "agenda";
export const AGENDA_FILE = "agenda.yaml";

/** The branch is made on first use, from `fromSha` (any commit of the repository). */
async function ensureBranch(gh: GitHub, ref: RepoRef, fromSha: string): Promise<void> {
  try {
    await gh.rest.git.getRef({ ...ref, ref: `heads/${AGENDA_BRANCH}` });
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
    try {
      await gh.rest.git.createRef({ ...ref, ref: `refs/heads/${AGENDA_BRANCH}`, sha: fromSha });
    } catch (e2) {
      if (statusOf(e2) !== 422) throw e2; // made meanwhile by another job
    }
  }
}

export async function readAgenda(gh: GitHub, ref: RepoRef, year: number, fromSha: string): Promise<Agenda> {
  await ensureBranch(gh, ref, fromSha);
  return parseAgenda((await readFileAt(gh, ref, AGENDA_FILE, AGENDA_BRANCH))?.text, year);
}

/** Applies `change` to the stored agenda and writes it back, retrying when someone wrote first. */
export async function updateAgenda<T>(gh: GitHub, ref: RepoRef, o: { year: number; fromSha: string; message: string }, change: (a: Agenda) => { agenda: Agenda; result: T }): Promise<T> {
  const { year, message } = o;
  await ensureBranch(gh, ref, o.fromSha);
  for (let attempt = 0; ; attempt++) {
    const file = await readFileAt(gh, ref, AGENDA_FILE, AGENDA_BRANCH);
    const before = parseAgenda(file?.text, year);
    const { agenda, result } = change(before);
    const text = renderAgenda(agenda);
    if (file?.text === text) return result;
    try {
      await gh.rest.repos.createOrUpdateFileContents({ ...ref, path: AGENDA_FILE, branch: AGENDA_BRANCH, message, content: Buffer.from(text).toString("base64"), ...(file ? { sha: file.sha } : {}) });
      return result;
    } catch (e) {
      if ((statusOf(e) !== 409 && statusOf(e) !== 422) || attempt >= 4) throw e;
    }
  }
}
