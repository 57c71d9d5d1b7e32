// Who may change what. A pull request that touches requests/<opd>/ must come from a liaison of
// that OPD or an admin; everything else (governance, workflows, schemas, code) only from an admin.
// Judged with the BASE branch's governance, so a pull request cannot change its own rules. For an
// intake pull request opened by the bot, the applicant is the intake issue's author as GitHub
// reports it (the issue number comes from the bot-only branch `permohonan/isu-N`), never text in
// the pull request body, which people with triage or write access can edit.
import type { Message } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import { statusOf, type GitHub, type RepoRef } from "./octokit.ts";
import { isPlaceholder } from "../model/placeholder.ts";

export interface OwnershipVerdict {
  ok: boolean;
  problems: Message[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Pure: the changed paths (with the old path of a rename), the applicant, and whether they are an admin. */
export function checkOwnership(paths: readonly string[], applicant: string, isAdmin: boolean, governance: Governance): OwnershipVerdict {
  if (isAdmin) return { ok: true, problems: [] };
  const problems: Message[] = [];
  for (const path of [...new Set(paths)].sort()) {
    // A liaison changes request files only (requests/<opd>/<name>.yaml); any other path, also
    // elsewhere under requests/, is read by tools or people as something else: admins only.
    const m = /^requests\/([^/]+)\/[^/]+\.yaml$/.exec(path);
    if (!m) {
      problems.push({ id: `@${applicant} bukan admin, sehingga tidak boleh mengubah ${path} (hanya admin yang boleh mengubah tata kelola, alur kerja, skema dan kode).`, en: `@${applicant} is not an admin and may not change ${path} (only admins change governance, workflows, schemas and code).` });
      continue;
    }
    const opd = governance.opds.find((o) => o.code === m[1]);
    if (!opd) problems.push({ id: `Folder requests/${m[1]}/ bukan milik OPD yang terdaftar di governance.yaml.`, en: `The folder requests/${m[1]}/ belongs to no OPD listed in governance.yaml.` });
    // A placeholder login left by `npm run adopt` is nobody: whoever registers that name gains nothing.
    else if (!opd.liaisons.some((l) => !isPlaceholder(l) && same(l, applicant)))
      problems.push({ id: `@${applicant} bukan penghubung ${opd.name} (${opd.code}), sehingga tidak boleh mengubah ${path}.`, en: `@${applicant} is not a liaison of ${opd.name} (${opd.code}) and may not change ${path}.` });
  }
  return { ok: problems.length === 0, problems };
}

/** Kept for the intake's pull request body (a reader's hint); never read back as a fact. */
export function applicantMarker(login: string): string {
  return `<!-- pemohon: ${login} -->`;
}

/** The issue number of an intake branch (`permohonan/isu-N`, see intake.ts), or undefined. */
export function intakeIssueOf(headRef: string): number | undefined {
  const m = /^permohonan\/isu-([1-9][0-9]{0,9})$/.exec(headRef);
  return m ? Number(m[1]) : undefined;
}

/** Branches only the bot pushes to (rulesets in the README): intake branches and reply-letter branches. */
export const isIntakeBranch = (headRef: string) => headRef.startsWith("permohonan/") || headRef.startsWith("surat/");

/** The source pull request of a reply-letter branch (`surat/pr-N`, see letter-flow.ts), or undefined. */
export function letterSourceOfBranch(headRef: string): number | undefined {
  const m = /^surat\/pr-([1-9][0-9]{0,9})$/.exec(headRef);
  return m ? Number(m[1]) : undefined;
}

/**
 * The applicant: the pull request's author; when the bot opened it from its own branch of this
 * repository, the author of the intake issue read through the API (for a reply-letter branch, the
 * applicant of the pull request it answers). Anything else the bot opened has no applicant but the
 * bot, which owns no OPD folder, so ownership fails (closed).
 */
export async function applicantOf(gh: GitHub, ref: RepoRef, pr: { author: string; headRef: string; sameRepo: boolean }, botLogin: string, depth = 0): Promise<string> {
  if (!same(pr.author, botLogin) || !pr.sameRepo) return pr.author;
  try {
    const issue = intakeIssueOf(pr.headRef);
    if (issue !== undefined) {
      const { data } = await gh.rest.issues.get({ ...ref, issue_number: issue });
      return data.user?.login && !data.pull_request ? data.user.login : pr.author;
    }
    const source = letterSourceOfBranch(pr.headRef);
    if (source !== undefined && depth === 0) {
      const { data } = await gh.rest.pulls.get({ ...ref, pull_number: source });
      const sameRepo = data.head.repo !== null && data.head.repo.full_name.toLowerCase() === `${ref.owner}/${ref.repo}`.toLowerCase();
      return applicantOf(gh, ref, { author: data.user?.login ?? "ghost", headRef: data.head.ref, sameRepo }, botLogin, depth + 1);
    }
    return pr.author;
  } catch (e) {
    if (statusOf(e) === 404) return pr.author;
    throw e;
  }
}

/** Admin: listed in governance's admin users, or an active member of its admin team (checked via the API). */
export async function isAdmin(gh: GitHub, governance: Governance, login: string): Promise<boolean> {
  if ((governance.admins.users ?? []).some((u) => same(u, login))) return true;
  const team = governance.admins.team;
  if (!team) return false;
  return isTeamMember(gh, team, login);
}

export async function isTeamMember(gh: GitHub, team: string, login: string): Promise<boolean> {
  const [org, slug] = team.split("/") as [string, string];
  try {
    const { data } = await gh.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
    return data.state === "active";
  } catch (e) {
    if (statusOf(e) === 404) return false;
    throw e;
  }
}

export async function teamMembers(gh: GitHub, team: string): Promise<string[]> {
  const [org, slug] = team.split("/") as [string, string];
  const members = await gh.paginate(gh.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
  return members.map((m) => m.login);
}

/**
 * What the changed files alone cannot say: whether the list is whole, and who really put the
 * commits there. Pure; the facts come from GitHub (pull request, commits, repository activity).
 */
export function provenanceProblems(
  pr: { filesComplete: boolean; changedFiles: number; files: readonly unknown[]; headRef: string; sameRepo: boolean; commits: readonly { sha: string; author?: string }[]; pushers: readonly string[] },
  botLogin: string,
): Message[] {
  const problems: Message[] = [];
  if (!pr.filesComplete)
    problems.push({
      id: `Pull request ini mengubah ${pr.changedFiles} berkas, tetapi GitHub hanya mencantumkan ${pr.files.length}; kepemilikan tidak dapat dinilai. Pecah menjadi pull request yang lebih kecil.`,
      en: `This pull request changes ${pr.changedFiles} files but GitHub lists only ${pr.files.length}; ownership cannot be judged. Split it into smaller pull requests.`,
    });
  for (const c of pr.commits)
    if (!c.author)
      problems.push({
        id: `Commit ${c.sha.slice(0, 7)} tidak tertaut ke akun GitHub mana pun (surel penulisnya tidak dikenal GitHub), sehingga pemiliknya tidak dapat dinilai.`,
        en: `Commit ${c.sha.slice(0, 7)} is linked to no GitHub account (its author e-mail is unknown to GitHub), so whose change it is cannot be judged.`,
      });
  if (pr.sameRepo && isIntakeBranch(pr.headRef)) {
    const others = new Set([...pr.commits.flatMap((c) => (c.author ? [c.author] : [])), ...pr.pushers].filter((l) => !same(l, botLogin)));
    for (const who of [...others].sort())
      problems.push({
        id: `@${who} mendorong atau menulis commit di cabang ${pr.headRef}; cabang permohonan/* dan surat/* hanya boleh diubah oleh bot. Ajukan perubahan lewat isu formulirnya.`,
        en: `@${who} pushed or authored a commit on ${pr.headRef}; permohonan/* and surat/* branches may be changed by the bot only. Change the request through its form issue.`,
      });
  }
  return problems;
}
