// Who may change what. A pull request that touches requests/<opd>/ must come from a liaison of
// that OPD or an admin; everything else (governance, workflows, schemas, code) only from an admin.
// Judged with the BASE branch's governance, so a pull request cannot change its own rules. For an
// intake pull request opened by the bot, the applicant is the issue author recorded in the body.
import type { Message } from "../diagnostics/diagnostic.ts";
import type { Governance } from "../model/governance.ts";
import { statusOf, type GitHub } from "./octokit.ts";
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
    const m = /^requests\/([^/]+)\//.exec(path);
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

const APPLICANT = /<!-- pemohon: ([A-Za-z0-9-]{1,39}) -->/;

export function applicantMarker(login: string): string {
  return `<!-- pemohon: ${login} -->`;
}

/** The applicant: the PR author, or the recorded issue author when (and only when) the bot opened the PR. */
export function applicantOf(prAuthor: string, prBody: string | null | undefined, botLogin: string): string {
  if (!same(prAuthor, botLogin)) return prAuthor;
  return APPLICANT.exec(prBody ?? "")?.[1] ?? prAuthor;
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
