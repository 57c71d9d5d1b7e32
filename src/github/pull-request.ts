// A pull request as data: its metadata and changed files from the API, its request files read at
// the head commit as bytes (never checked out, never run), and the plan against the base branch,
// computed with the same pure stages as `npm run plan` (src/plan).
import { parseYaml } from "../load/parse.ts";
import { LIMITS } from "../load/limits.ts";
import type { Governance } from "../model/governance.ts";
import { stateFromFiles } from "../plan/base.ts";
import { diffStates } from "../plan/diff.ts";
import type { Plan } from "../plan/types.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { GOVERNANCE_FILE } from "../load/repository.ts";
import { checkGovernance, validate } from "../validate/validate.ts";
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
  /** The head branch's name, and whether it lives in this repository (not a fork). */
  headRef: string;
  sameRepo: boolean;
  baseRef: string;
  createdAt: string;
  htmlUrl: string;
  open: boolean;
  merged: boolean;
  files: ChangedFile[];
  /** GitHub's own count of changed files; the file list stops at 3,000 (see filesComplete). */
  changedFiles: number;
  /** The listed files are all the changed files: anything judged on an incomplete list fails. */
  filesComplete: boolean;
  /** Oldest first. `at` is the committer date; `author`/`committer` the linked GitHub accounts, when known. */
  commits: { sha: string; at: string; author?: string; committer?: string }[];
  /**
   * Everyone besides the applicant and the bot who authored commits on the pull request: they
   * change the request too, so ownership is checked for each of them.
   */
  coAuthors: string[];
  /**
   * Everyone who pushed to the head branch, as GitHub's repository activity records it (git author
   * names can be forged; the pusher cannot). They may not approve what they pushed.
   */
  pushers: string[];
  /** When the head commit was pushed to the branch, by GitHub's clock; undefined when GitHub lists no such push. */
  headPushedAt?: string;
}

export async function readPullRequest(gh: GitHub, ref: RepoRef, number: number, botLogin: string): Promise<PullRequestView> {
  const { data: pr } = await gh.rest.pulls.get({ ...ref, pull_number: number });
  const files = await gh.paginate(gh.rest.pulls.listFiles, { ...ref, pull_number: number, per_page: 100 });
  const author = pr.user?.login ?? "ghost";
  const headRepo = pr.head.repo;
  const sameRepo = headRepo !== null && headRepo.full_name.toLowerCase() === `${ref.owner}/${ref.repo}`.toLowerCase();
  const applicant = await applicantOf(gh, ref, { author, headRef: pr.head.ref, sameRepo }, botLogin);
  const rawCommits = await gh.paginate(gh.rest.pulls.listCommits, { ...ref, pull_number: number, per_page: 100 });
  const login = (u: unknown) => (u && typeof u === "object" && "login" in u && typeof u.login === "string" && u.login ? u.login : undefined);
  const commits = rawCommits.map((c) => {
    const a = login(c.author);
    const cm = login(c.committer);
    return { sha: c.sha, at: c.commit.committer?.date ?? c.commit.author?.date ?? pr.created_at, ...(a ? { author: a } : {}), ...(cm ? { committer: cm } : {}) };
  });
  const known = new Set([applicant.toLowerCase(), botLogin.toLowerCase()]);
  const coAuthors = [...new Set(commits.flatMap((c) => (c.author && !known.has(c.author.toLowerCase()) ? [c.author] : [])))].sort();
  const pushes = headRepo ? await pushesOf(gh, { owner: headRepo.owner.login, repo: headRepo.name }, pr.head.ref, pr.head.sha) : { pushers: [] };
  const pushers = pushes.pushers;
  return {
    number,
    title: pr.title,
    body: pr.body ?? "",
    author,
    applicant,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    sameRepo,
    baseRef: pr.base.ref,
    createdAt: pr.created_at,
    htmlUrl: pr.html_url,
    open: pr.state === "open",
    merged: pr.merged_at !== null && pr.merged_at !== undefined,
    files: files.map((f) => ({ path: f.filename, status: f.status, ...(f.previous_filename ? { previous: f.previous_filename } : {}) })),
    changedFiles: pr.changed_files,
    filesComplete: files.length >= pr.changed_files,
    commits,
    coAuthors,
    pushers,
    ...(pushes.headPushedAt ? { headPushedAt: pushes.headPushedAt } : {}),
  };
}

/**
 * Logins that pushed to a branch (pushes, force pushes, branch creation), and when the head commit
 * reached it, by GitHub's clock: both from the activity API (a commit's own dates are whatever its
 * author wrote).
 */
async function pushesOf(gh: GitHub, repo: RepoRef, branch: string, headSha: string): Promise<{ pushers: string[]; headPushedAt?: string }> {
  const list = await gh.paginate(gh.rest.repos.listActivities, { ...repo, ref: `refs/heads/${branch}`, per_page: 100 });
  const pushers = [...new Set(list.flatMap((a) => (a.activity_type !== "branch_deletion" && a.actor?.login ? [a.actor.login] : [])))].sort();
  // The latest time the branch was set to the head (it may have been pushed away and back).
  const times = list.filter((a) => a.activity_type !== "branch_deletion" && a.after === headSha).map((a) => a.timestamp).sort();
  const headPushedAt = times[times.length - 1];
  return { pushers, ...(headPushedAt ? { headPushedAt } : {}) };
}

export type RequestKind = "baru" | "ubah" | "hapus";

export interface PullRequestAnalysis {
  governance?: Governance;
  plan: Plan;
  /** Deletes hosting data: governance's destructiveStep applies (see destructiveFiles). */
  destructive: boolean;
  kinds: RequestKind[];
  opds: string[];
  /** Paths touched, with the old path of renames: what ownership is judged on. */
  paths: string[];
  /**
   * Errors of the tree that would land (the base's files with this pull request's changes),
   * judged by the base's code and governance: every error in a changed file, and every error
   * elsewhere that the base does not have (another file now claiming the same name, ...).
   */
  errors: Diagnostic[];
  /** Changed request files, as they are at the head, that have an error of their own. */
  invalidFiles: string[];
}

/**
 * Deletes hosting data, read from the raw YAML of the head's changed request files, valid or not:
 * a file that fails validation is dropped from the plan's state, and must not thereby drop the
 * extra decision. Any `decommission.deleteData` other than absent or `false` counts.
 */
export function destructiveFiles(files: ReadonlyMap<string, Uint8Array>, changed: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of changed) {
    const bytes = files.get(path);
    if (!bytes) continue;
    const v = parseYaml(path, bytes).value as { decommission?: { deleteData?: unknown } } | undefined;
    const d = typeof v === "object" && v !== null && typeof v.decommission === "object" && v.decommission !== null ? v.decommission.deleteData : undefined;
    if (d !== undefined && d !== false) out.push(path);
  }
  return out.sort();
}

const hasDecommission = (bytes: Uint8Array | undefined, file: string) => {
  if (!bytes) return false;
  const v = parseYaml(file, bytes).value as { decommission?: unknown } | undefined;
  return typeof v === "object" && v !== null && v.decommission !== undefined;
};

function diagnosticsOf(files: ReadonlyMap<string, Uint8Array>, today: string): Diagnostic[] {
  const gov = files.get(GOVERNANCE_FILE) ?? new Uint8Array();
  const requests = [...files.keys()].filter(isRequestPath).sort().map((p) => parseYaml(p, files.get(p)!));
  return validate(parseYaml(GOVERNANCE_FILE, gov, LIMITS.governanceBytes), requests, [], today).diagnostics;
}
const errorsOf = (files: ReadonlyMap<string, Uint8Array>, today: string) => diagnosticsOf(files, today).filter((d) => d.severity === "error");

/** Warnings that are errors in a file a pull request adds or changes: [ISI] values come only from `npm run import`, and whoever touches such a file completes it. */
const PENDING_IMPORT_RULES = new Set(["request.placeholder", "field.required"]);
const pendingImportAsError = (d: Diagnostic): Diagnostic => ({
  ...d,
  severity: "error",
  message: {
    id: `${d.message.id} Berkas yang diubah pull request tidak boleh menyisakan isian [ISI].`,
    en: `${d.message.en} A file changed by a pull request may keep no [ISI] value.`,
  },
});

const keyOf = (d: Diagnostic) => `${d.file}\u0000${d.rule}\u0000${d.message.en}`;

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
  const changedRequests: string[] = [];
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
    if (file) {
      head.set(f.path, file.bytes);
      changedRequests.push(f.path);
    } else head.delete(f.path);
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
  const destructive = plan.safety.destructive > 0 || destructiveFiles(head, changedRequests).length > 0;

  const changed = new Set(changedRequests);
  const before = new Set(errorsOf(baseFiles, today).map(keyOf));
  const all = diagnosticsOf(head, today).flatMap((d) => (d.severity === "error" ? [d] : changed.has(d.file) && PENDING_IMPORT_RULES.has(d.rule) ? [pendingImportAsError(d)] : []));
  // The pull request's own files first: the status description shows the first problem.
  const errors = [...all.filter((d) => changed.has(d.file)), ...all.filter((d) => !changed.has(d.file) && !before.has(keyOf(d)))];
  const invalidFiles = [...new Set(errors.filter((d) => changed.has(d.file)).map((d) => d.file))].sort();
  return { ...(governance ? { governance } : {}), plan, destructive, kinds: [...kinds].sort(), opds: [...opds].sort(), paths: [...new Set(paths)].sort(), errors, invalidFiles };
}

export function labelsFor(a: PullRequestAnalysis): string[] {
  return [...a.opds.map((o) => `opd:${o}`), ...a.kinds.map((k) => `jenis:${k}`), ...(a.destructive ? ["destruktif"] : [])];
}
