// A pull request as data: its metadata and changed files from the API, its request files read at
// the head commit as bytes (never checked out, never run), and the plan against the base branch,
// computed with the same pure stages as `npm run plan` (src/plan).
import { parseYaml } from "../load/parse.ts";
import { LIMITS } from "../load/limits.ts";
import type { Governance } from "../model/governance.ts";
import { stateFromFiles } from "../plan/base.ts";
import { diffStates } from "../plan/diff.ts";
import type { Plan } from "../plan/types.ts";
import { checkGovernance } from "../validate/validate.ts";
import { isRequestPath, readFileAt } from "./files.ts";
import { applicantOf } from "./ownership.ts";
import type { GitHub, RepoRef } from "./octokit.ts";

export interface ChangedFile {
  path: string;
  status: string;
  previous?: string;
}

export interface PullRequestView {
  number: number;
  title: string;
  body: string;
  author: string;
  /** The person the request is for (see ownership.ts). */
  applicant: string;
  headSha: string;
  baseRef: string;
  createdAt: string;
  htmlUrl: string;
  open: boolean;
  merged: boolean;
  files: ChangedFile[];
  /** Oldest first. `at` is the committer date; `author` the linked GitHub account, when known. */
  commits: { sha: string; at: string; author?: string }[];
  /**
   * Everyone besides the applicant and the bot who authored commits on the pull request: they
   * change the request too, so ownership is checked for each of them.
   */
  coAuthors: string[];
}

export async function readPullRequest(gh: GitHub, ref: RepoRef, number: number, botLogin: string): Promise<PullRequestView> {
  const { data: pr } = await gh.rest.pulls.get({ ...ref, pull_number: number });
  const files = await gh.paginate(gh.rest.pulls.listFiles, { ...ref, pull_number: number, per_page: 100 });
  const author = pr.user?.login ?? "ghost";
  const applicant = applicantOf(author, pr.body, botLogin);
  const rawCommits = await gh.paginate(gh.rest.pulls.listCommits, { ...ref, pull_number: number, per_page: 100 });
  const commits = rawCommits.map((c) => ({
    sha: c.sha,
    at: c.commit.committer?.date ?? c.commit.author?.date ?? pr.created_at,
    ...(c.author && "login" in c.author && c.author.login ? { author: c.author.login } : {}),
  }));
  const known = new Set([applicant.toLowerCase(), botLogin.toLowerCase()]);
  const coAuthors = [...new Set(commits.flatMap((c) => (c.author && !known.has(c.author.toLowerCase()) ? [c.author] : [])))].sort();
  return {
    number,
    title: pr.title,
    body: pr.body ?? "",
    author,
    applicant,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    createdAt: pr.created_at,
    htmlUrl: pr.html_url,
    open: pr.state === "open",
    merged: pr.merged_at !== null && pr.merged_at !== undefined,
    files: files.map((f) => ({ path: f.filename, status: f.status, ...(f.previous_filename ? { previous: f.previous_filename } : {}) })),
    commits,
    coAuthors,
  };
}

export type RequestKind = "baru" | "ubah" | "hapus";

export interface PullRequestAnalysis {
  governance?: Governance;
  plan: Plan;
  /** Deletes hosting data: governance's destructiveStep applies. */
  destructive: boolean;
  kinds: RequestKind[];
  opds: string[];
  /** Paths touched, with the old path of renames: what ownership is judged on. */
  paths: string[];
}

const hasDecommission = (bytes: Uint8Array | undefined, file: string) => {
  if (!bytes) return false;
  const v = parseYaml(file, bytes).value as { decommission?: unknown } | undefined;
  return typeof v === "object" && v !== null && v.decommission !== undefined;
};

/** Base files (governance.yaml and requests/** of the base branch) + the PR -> plan, kinds, labels. */
export async function analysePullRequest(gh: GitHub, ref: RepoRef, pr: PullRequestView, baseFiles: ReadonlyMap<string, Uint8Array>, today: string): Promise<PullRequestAnalysis> {
  const govBytes = baseFiles.get("governance.yaml");
  const gov = govBytes ? checkGovernance(parseYaml("governance.yaml", govBytes, LIMITS.governanceBytes)) : undefined;
  const governance = gov?.governance && !gov.diagnostics.some((d) => d.severity === "error") ? gov.governance : undefined;

  // The head side: the base's files with the PR's request changes applied. Governance stays the
  // base's: a pull request is judged, and planned, by the rules it is merged into.
  const head = new Map(baseFiles);
  const kinds = new Set<RequestKind>();
  const opds = new Set<string>();
  const paths: string[] = [];
  for (const f of pr.files) {
    paths.push(f.path, ...(f.previous ? [f.previous] : []));
    for (const p of [f.path, f.previous]) {
      const m = p && /^requests\/([^/]+)\//.exec(p);
      if (m) opds.add(m[1]!);
    }
    if (f.previous && isRequestPath(f.previous)) head.delete(f.previous);
    if (!isRequestPath(f.path)) continue;
    if (f.status === "removed") {
      head.delete(f.path);
      kinds.add("hapus");
      continue;
    }
    const file = await readFileAt(gh, ref, f.path, pr.headSha);
    if (file) head.set(f.path, file.bytes);
    else head.delete(f.path);
    if (f.status === "added" && !f.previous) kinds.add("baru");
    else if (hasDecommission(file?.bytes, f.path) && !hasDecommission(baseFiles.get(f.path), f.path)) kinds.add("hapus");
    else kinds.add("ubah");
  }
  const base = stateFromFiles(baseFiles, today);
  const after = stateFromFiles(head, today);
  const notes = [...base.notes, ...after.notes];
  if (pr.files.some((f) => f.path === "governance.yaml"))
    notes.push({ id: "governance.yaml diubah: aturan baru berlaku setelah digabung; pull request ini dinilai dengan aturan cabang dasar.", en: "governance.yaml is changed: the new rules apply once merged; this pull request is judged by the base branch's rules." });
  const plan = diffStates(base.state, after.state, { base: pr.baseRef, notes });
  const destructive = plan.safety.destructive > 0;
  return { ...(governance ? { governance } : {}), plan, destructive, kinds: [...kinds].sort(), opds: [...opds].sort(), paths: [...new Set(paths)].sort() };
}

export function labelsFor(a: PullRequestAnalysis): string[] {
  return [...a.opds.map((o) => `opd:${o}`), ...a.kinds.map((k) => `jenis:${k}`), ...(a.destructive ? ["destruktif"] : [])];
}
