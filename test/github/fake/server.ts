// A small fake of GitHub's REST API on 127.0.0.1 with in-memory state: git objects and refs,
// contents, issues, comments, labels, pull requests, reviews, statuses, teams. Only what the
// adapter uses, but each response is built from, and checked against, GitHub's official OpenAPI
// description (openapi.ts), and so is each request body the adapter sends; any mismatch is
// recorded in `mismatches` and fails the test.
// People other than the bot (applicants, reviewers, admins) act through the helper methods.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { OpenApiChecker } from "./openapi.ts";

type Json = Record<string, unknown>;

interface CommitRec {
  sha: string;
  tree: Map<string, string>;
  treeSha: string;
  parents: string[];
  message: string;
  author: string;
  date: string;
}
interface IssueRec {
  number: number;
  title: string;
  body: string;
  user: string;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  pull?: PullRec;
}
interface PullRec {
  head: string;
  base: string;
  headSha: string;
  baseSha: string;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  /** Review requests (users and team slugs), as POST .../requested_reviewers makes them. */
  requestedUsers?: string[];
  requestedTeams?: string[];
}
interface CommentRec {
  id: number;
  issue: number;
  user: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}
interface ReviewRec {
  id: number;
  pr: number;
  user: string;
  state: string;
  commitId: string;
  submittedAt: string;
  body: string;
}
interface StatusRec {
  id: number;
  sha: string;
  context: string;
  state: string;
  description: string | null;
  targetUrl: string | null;
  createdAt: string;
  creator: string;
}
interface ActivityRec {
  id: number;
  ref: string;
  before: string;
  after: string;
  actor: string;
  type: "push" | "force_push" | "branch_creation" | "branch_deletion";
  at: string;
}
interface LabelEventRec {
  id: number;
  issue: number;
  actor: string;
  event: "labeled" | "unlabeled";
  label: string;
  at: string;
}
interface DeploymentRec {
  id: number;
  sha: string;
  environment: string;
  createdAt: string;
  statuses: { id: number; state: string; at: string }[];
}
export interface EnvironmentRec {
  id: number;
  createdAt: string;
  updatedAt: string;
  policy: { protected_branches: boolean; custom_branch_policies: boolean } | null;
  reviewers: string[];
  waitTimer: number;
  branchPolicies: { id: number; name: string; type: "branch" | "tag" }[];
}
export type Fault = "server-error" | "rate-limit" | "secondary-rate-limit";

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json | undefined,
  ) {
    super(String(status));
  }
}

const sha1 = (s: string | Buffer) => createHash("sha1").update(s).digest("hex");
const DOCS = "https://docs.github.com/rest";
const notFound = () => new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
const unprocessable = (message: string) => new HttpError(422, { message, documentation_url: DOCS, status: "422" });

export class FakeGitHub {
  readonly checker = OpenApiChecker.shared();
  readonly owner = "pemkab-contoh";
  readonly repo = "subdomain";
  readonly mismatches: string[] = [];
  readonly calls: { method: string; path: string; status: number; user?: string }[] = [];
  url = "";
  /** The fake's clock; tests move it with advance(). */
  now = new Date("2026-03-16T01:00:00Z"); // Monday 08:00 WIB

  private server?: Server;
  private faults: Fault[] = [];
  private methodFaults: { method: string; fault: Fault }[] = [];
  private tokens = new Map<string, string>();
  private userIds = new Map<string, number>();
  private blobs = new Map<string, Buffer>();
  private trees = new Map<string, Map<string, string>>();
  private commits = new Map<string, CommitRec>();
  private refs = new Map<string, string>();
  private issues = new Map<number, IssueRec>();
  private comments: CommentRec[] = [];
  private labels = new Map<string, { id: number; color: string }>();
  private reviews: ReviewRec[] = [];
  private statuses: StatusRec[] = [];
  private teams = new Map<string, string[]>();
  private activities: ActivityRec[] = [];
  private labelEvents: LabelEventRec[] = [];
  private deployments: DeploymentRec[] = [];
  private protection?: { contexts: string[]; strict: boolean };
  /** Repository settings (setup-github): rulesets as GitHub stores them, environments, App installations. */
  readonly rulesets = new Map<number, Json>();
  readonly environments = new Map<string, EnvironmentRec>();
  readonly installations: { appId: number; selection: "all" | "selected" }[] = [];
  private seq = 100;
  /** GitHub lists at most 3,000 files of a pull request; tests lower this to provoke a cut list. */
  fileListCap = 3000;

  constructor(readonly defaultBranch = "main") {}

  // ---- setup and helpers for the people around the bot ----

  token(login: string): string {
    const t = `tok-${login}`;
    this.tokens.set(t, login);
    this.userId(login);
    return t;
  }
  setTeam(team: string, members: string[]): void {
    this.teams.set(team.toLowerCase(), members);
    members.forEach((m) => this.userId(m));
  }
  advance(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }
  fail(...faults: Fault[]): void {
    this.faults.push(...faults);
  }
  /** The next request with this method fails (e.g. the first write). */
  failOn(method: string, ...faults: Fault[]): void {
    this.methodFaults.push(...faults.map((fault) => ({ method, fault })));
  }
  /** Seeds the default branch with files. */
  seed(files: Record<string, string>): string {
    const sha = this.commit(new Map(), files, "Awal", "admin");
    this.refs.set(`heads/${this.defaultBranch}`, sha);
    return sha;
  }
  /** Someone creates a branch from another branch's tip (recorded as their activity when `by` is given). */
  createBranch(name: string, from = this.defaultBranch, by?: string): void {
    const sha = this.refs.get(`heads/${from}`)!;
    this.refs.set(`heads/${name}`, sha);
    if (by) this.activity(name, "0".repeat(40), sha, by, "branch_creation");
  }
  /**
   * Someone pushes a commit changing files (null deletes) on a branch. The commit's author is
   * `author` (git lets anyone write any name there); who pushed it is `pusher`, which GitHub
   * records in the repository's activity.
   */
  push(branch: string, author: string, files: Record<string, string | null>, message = "Perubahan", pusher = author, parents?: string[]): string {
    const tip = this.refs.get(`heads/${branch}`);
    if (!tip) throw new Error(`no branch ${branch}`);
    const sha = this.commit(this.commits.get(tip)!.tree, files, message, author, parents ?? [tip]);
    this.refs.set(`heads/${branch}`, sha);
    this.activity(branch, tip, sha, pusher, "push");
    for (const i of this.issues.values()) if (i.pull && i.pull.head === branch && i.state === "open") i.pull.headSha = sha;
    return sha;
  }
  /** A commit whose author GitHub cannot link to any account (an unknown e-mail). */
  unlinkedAuthors = new Set<string>();
  /** Someone adds or removes a label by hand (recorded on the timeline). */
  setLabel(issue: number, actor: string, name: string, add = true): void {
    const i = this.issues.get(issue)!;
    this.ensureLabel(name);
    if (add && !i.labels.includes(name)) i.labels.push(name);
    if (!add) i.labels = i.labels.filter((l) => l !== name);
    this.labelEvents.push({ id: this.seq++, issue, actor, event: add ? "labeled" : "unlabeled", label: name, at: this.now.toISOString() });
  }
  /** A reviewer's review is dismissed (GitHub then shows it as DISMISSED). */
  dismissReview(id: number): void {
    this.reviews.find((r) => r.id === id)!.state = "DISMISSED";
  }
  /** The ruleset on the default branch: required status contexts, and whether the head must be up to date. */
  protect(contexts: string[], strict: boolean): void {
    this.protection = { contexts, strict };
  }
  /** An admin edits a ruleset in the browser. */
  editRuleset(name: string, edit: (r: Json) => void): void {
    edit([...this.rulesets.values()].find((r) => r.name === name)!);
  }
  /** An admin recolours a label in the browser. */
  recolorLabel(name: string, color: string): void {
    this.ensureLabel(name).color = color;
  }
  /** The repository's labels and their colours. */
  labelColors(): Map<string, string> {
    return new Map([...this.labels].map(([n, l]) => [n, l.color]));
  }
  /** A deployment of `sha` to an environment, as a job with `environment:` makes one, with its final state. */
  deployment(sha: string, state: "success" | "failure" | "in_progress", environment = "production"): number {
    const id = this.seq++;
    this.deployments.push({ id, sha, environment, createdAt: this.now.toISOString(), statuses: [{ id: this.seq++, state, at: this.now.toISOString() }] });
    return id;
  }
  private activity(branch: string, before: string, after: string, actor: string, type: ActivityRec["type"]): void {
    this.activities.push({ id: this.seq++, ref: `refs/heads/${branch}`, before, after, actor, type, at: this.now.toISOString() });
  }
  openIssue(author: string, title: string, body: string, labels: string[]): number {
    const number = this.nextIssueNumber();
    const at = this.now.toISOString();
    labels.forEach((l) => this.ensureLabel(l));
    this.issues.set(number, { number, title, body, user: author, state: "open", stateReason: null, labels, createdAt: at, updatedAt: at, closedAt: null });
    return number;
  }
  editIssue(number: number, body: string): void {
    const i = this.issues.get(number)!;
    i.body = body;
    i.updatedAt = this.now.toISOString();
  }
  review(pr: number, user: string, state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED", body = ""): number {
    const p = this.issues.get(pr)!.pull!;
    const id = this.seq++;
    this.reviews.push({ id, pr, user, state, commitId: p.headSha, submittedAt: this.now.toISOString(), body });
    return id;
  }
  issue(number: number): IssueRec | undefined {
    return this.issues.get(number);
  }
  commentsOn(number: number): CommentRec[] {
    return this.comments.filter((c) => c.issue === number);
  }
  statusesOf(sha: string): StatusRec[] {
    return this.statuses.filter((s) => s.sha === sha);
  }
  latestStatus(sha: string, context: string): StatusRec | undefined {
    return this.statuses.filter((s) => s.sha === sha && s.context === context).at(-1);
  }
  fileAt(branch: string, path: string): string | undefined {
    const blob = this.commits.get(this.refs.get(`heads/${branch}`)!)?.tree.get(path);
    return blob ? this.blobs.get(blob)!.toString("utf8") : undefined;
  }
  branchSha(branch: string): string | undefined {
    return this.refs.get(`heads/${branch}`);
  }
  pullRequests(): IssueRec[] {
    return [...this.issues.values()].filter((i) => i.pull);
  }
  writes(): { method: string; path: string; status: number }[] {
    return this.calls.filter((c) => c.method !== "GET");
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  // ---- git model ----

  private userId(login: string): number {
    if (!this.userIds.has(login)) this.userIds.set(login, this.userIds.size + 1);
    return this.userIds.get(login)!;
  }
  private nextIssueNumber(): number {
    return this.issues.size + 1;
  }
  private commit(base: Map<string, string>, files: Record<string, string | null>, message: string, author: string, parents: string[] = []): string {
    const tree = new Map(base);
    for (const [path, text] of Object.entries(files)) {
      if (text === null) tree.delete(path);
      else {
        const buf = Buffer.from(text, "utf8");
        const b = sha1(Buffer.concat([Buffer.from(`blob ${buf.length}\0`), buf]));
        this.blobs.set(b, buf);
        tree.set(path, b);
      }
    }
    const treeSha = sha1([...tree.entries()].sort().map(([p, b]) => `${p} ${b}`).join("\n"));
    this.trees.set(treeSha, tree);
    const date = this.now.toISOString();
    const sha = sha1(`${treeSha}\n${parents.join(",")}\n${author}\n${date}\n${message}\n${this.seq++}`);
    this.commits.set(sha, { sha, tree, treeSha, parents, message, author, date });
    return sha;
  }
  private ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(this.commits.get(s)?.parents ?? []));
    }
    return seen;
  }
  /** Commits on head not on base, oldest first, and the merge base. */
  private prCommits(p: PullRec): { list: CommitRec[]; mergeBase: string } {
    const baseTip = p.mergedAt ? p.baseSha : this.refs.get(`heads/${p.base}`)!;
    const onBase = this.ancestors(baseTip);
    const list: CommitRec[] = [];
    let s: string | undefined = p.headSha;
    while (s && !onBase.has(s)) {
      list.unshift(this.commits.get(s)!);
      s = this.commits.get(s)!.parents[0];
    }
    // After the base was merged into the head ("Update branch"), the base's tip is the merge base.
    return { list, mergeBase: this.ancestors(p.headSha).has(baseTip) ? baseTip : (s ?? baseTip) };
  }
  private diff(p: PullRec) {
    const { mergeBase } = this.prCommits(p);
    const before = this.commits.get(mergeBase)!.tree;
    const after = this.commits.get(p.headSha)!.tree;
    const out: { filename: string; status: string; sha: string }[] = [];
    for (const [path, b] of after) if (!before.has(path)) out.push({ filename: path, status: "added", sha: b });
    else if (before.get(path) !== b) out.push({ filename: path, status: "modified", sha: b });
    for (const [path, b] of before) if (!after.has(path)) out.push({ filename: path, status: "removed", sha: b });
    return out.sort((a, b) => a.filename.localeCompare(b.filename));
  }
  private resolve(ref: string): CommitRec | undefined {
    const sha = this.refs.get(`heads/${ref}`) ?? ref;
    return this.commits.get(sha);
  }
  private ensureLabel(name: string): { id: number; color: string } {
    if (!this.labels.has(name)) this.labels.set(name, { id: this.seq++, color: "ededed" });
    return this.labels.get(name)!;
  }

  // ---- JSON shapes, from the OpenAPI skeletons ----

  private get api() {
    return `${this.url}/repos/${this.owner}/${this.repo}`;
  }
  private user(login: string): Json {
    const bot = login.endsWith("[bot]");
    const slug = encodeURIComponent(login);
    return this.checker.sample("simple-user", { login, id: this.userId(login), type: bot ? "Bot" : "User", html_url: `https://github.test/${slug}`, url: `${this.url}/users/${slug}` });
  }
  private label(name: string): Json {
    const l = this.ensureLabel(name);
    return this.checker.sample("label", { id: l.id, name, color: l.color, url: `${this.api}/labels/${encodeURIComponent(name)}`, default: false, description: "" });
  }
  private issueJson(i: IssueRec): Json {
    return this.checker.sample("issue", {
      id: i.number * 1000,
      number: i.number,
      title: i.title,
      body: i.body,
      user: this.user(i.user),
      state: i.state,
      state_reason: i.stateReason,
      labels: i.labels.map((l) => this.label(l)),
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      closed_at: i.closedAt,
      html_url: `https://github.test/${this.owner}/${this.repo}/issues/${i.number}`,
      url: `${this.api}/issues/${i.number}`,
      ...(i.pull ? { pull_request: { url: `${this.api}/pulls/${i.number}`, html_url: null, diff_url: null, patch_url: null } } : {}),
    });
  }
  private commentJson(c: CommentRec): Json {
    return this.checker.sample("issue-comment", { id: c.id, body: c.body, user: this.user(c.user), created_at: c.createdAt, updated_at: c.updatedAt, html_url: `https://github.test/${this.owner}/${this.repo}/issues/${c.issue}#issuecomment-${c.id}` });
  }
  private pullJson(i: IssueRec, schema: "pull-request" | "pull-request-simple"): Json {
    const p = i.pull!;
    const repo = this.checker.sample("repository", { id: 1, name: this.repo, full_name: `${this.owner}/${this.repo}`, owner: this.user(this.owner), private: false, default_branch: this.defaultBranch, html_url: `https://github.test/${this.owner}/${this.repo}`, url: this.api });
    const branch = (ref: string, sha: string) => ({ ref, sha, label: `${this.owner}:${ref}`, user: this.user(this.owner), repo });
    const extra = schema === "pull-request" ? { merged: p.mergedAt !== null, mergeable: null, commits: this.prCommits(p).list.length, changed_files: this.diff(p).length } : {};
    return this.checker.sample(schema, {
      id: i.number * 1000,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      user: this.user(i.user),
      labels: i.labels.map((l) => this.label(l)),
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      closed_at: i.closedAt,
      merged_at: p.mergedAt,
      merge_commit_sha: p.mergeCommitSha,
      html_url: `https://github.test/${this.owner}/${this.repo}/pull/${i.number}`,
      head: branch(p.head, p.headSha),
      base: branch(p.base, p.mergedAt ? p.baseSha : this.refs.get(`heads/${p.base}`)!),
      ...extra,
    });
  }
  private contentJson(path: string, blob: string): Json {
    const buf = this.blobs.get(blob)!;
    return this.checker.sample("content-file", {
      type: "file",
      encoding: "base64",
      size: buf.length,
      name: path.split("/").pop(),
      path,
      content: buf.toString("base64"),
      sha: blob,
      url: `${this.api}/contents/${path}`,
      git_url: `${this.api}/git/blobs/${blob}`,
      html_url: null,
      download_url: null,
      _links: { git: null, html: null, self: `${this.api}/contents/${path}` },
    });
  }
  /** A ruleset as GitHub returns it; the list leaves out conditions, rules and bypass actors. */
  private rulesetJson(r: Json, full: boolean): Json {
    const { conditions, rules, bypass_actors, ...head } = r;
    return this.checker.sample("repository-ruleset", { ...head, node_id: `RRS${String(r.id)}`, source_type: "Repository", source: `${this.owner}/${this.repo}`, ...(full ? { conditions, rules, bypass_actors: bypass_actors ?? [] } : {}) });
  }
  private environmentJson(name: string, e: EnvironmentRec): Json {
    const rules: Json[] = [];
    if (e.waitTimer) rules.push({ id: e.id + 1, node_id: `GA${e.id}w`, type: "wait_timer", wait_timer: e.waitTimer });
    if (e.reviewers.length) rules.push({ id: e.id + 2, node_id: `GA${e.id}r`, type: "required_reviewers", prevent_self_review: false, reviewers: e.reviewers.map((u) => ({ type: "User", reviewer: this.user(u) })) });
    if (e.policy) rules.push({ id: e.id + 3, node_id: `GA${e.id}b`, type: "branch_policy" });
    return this.checker.sample("environment", { id: e.id, node_id: `EN${e.id}`, name, url: `${this.api}/environments/${name}`, html_url: `https://github.test/${this.owner}/${this.repo}/deployments/activity_log?environments_filter=${name}`, created_at: e.createdAt, updated_at: e.updatedAt, protection_rules: rules, deployment_branch_policy: e.policy });
  }
  private statusJson(s: StatusRec): Json {
    return this.checker.sample("status", { id: s.id, state: s.state, context: s.context, description: s.description, target_url: s.targetUrl, created_at: s.createdAt, updated_at: s.createdAt, creator: this.user(s.creator) });
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const path = decodeURIComponent(url.pathname);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}, check = true) => {
      if (check) for (const m of this.checker.check(method, url.pathname, status, body)) this.mismatches.push(`${method} ${path}: ${m}`);
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "x-ratelimit-remaining": "4999", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600), ...headers });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    const byMethod = this.methodFaults.findIndex((f) => f.method === method);
    const fault = this.faults.shift() ?? (byMethod >= 0 ? this.methodFaults.splice(byMethod, 1)[0]!.fault : undefined);
    if (fault) {
      // Transport-level trouble GitHub really sends; its description does not document each.
      this.calls.push({ method, path, status: fault === "server-error" ? 502 : 403 });
      if (fault === "server-error") return send(502, { message: "Server Error" }, {}, false);
      if (fault === "rate-limit") return send(403, { message: "API rate limit exceeded", documentation_url: DOCS }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 1) }, false);
      return send(403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", documentation_url: DOCS }, { "retry-after": "1" }, false);
    }
    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const actor = auth ? this.tokens.get(auth) : undefined;
    if (!actor) {
      this.calls.push({ method, path, status: 401 });
      return send(401, { message: "Requires authentication", documentation_url: DOCS }, {}, false);
    }
    let body: Json = {};
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json) : {};
    } catch {
      return send(400, { message: "Problems parsing JSON" }, {}, false);
    }
    if (method !== "GET" && method !== "HEAD")
      for (const m of this.checker.checkRequest(method, url.pathname, chunks.length ? body : undefined)) this.mismatches.push(`${method} ${path}: ${m}`);
    try {
      const [status, out] = this.route(method, path, url.searchParams, body, actor);
      this.calls.push({ method, path, status, user: actor });
      send(status, out);
    } catch (e) {
      if (!(e instanceof HttpError)) {
        this.mismatches.push(`${method} ${path}: fake crashed: ${(e as Error).stack}`);
        return send(500, { message: String(e) }, {}, false);
      }
      this.calls.push({ method, path, status: e.status, user: actor });
      send(e.status, e.body);
    }
  }

  private route(method: string, path: string, q: URLSearchParams, b: Json, actor: string): [number, unknown] {
    const repo = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(repo) && !path.startsWith("/orgs/")) throw notFound();
    const p = path.startsWith(repo) ? path.slice(repo.length) : path;
    let m: RegExpExecArray | null;
    const at = () => this.now.toISOString();
    const is = (re: RegExp, verb: string) => method === verb && (m = re.exec(p)) !== null;
    const g = (i: number) => m![i]!;

    // git
    if (is(/^\/git\/ref\/heads\/(.+)$/, "GET")) {
      const sha = this.refs.get(`heads/${g(1)}`);
      if (!sha) throw notFound();
      return [200, this.checker.sample("git-ref", { ref: `refs/heads/${g(1)}`, url: `${this.api}/git/refs/heads/${g(1)}`, object: { type: "commit", sha, url: `${this.api}/git/commits/${sha}` } })];
    }
    if (is(/^\/git\/refs$/, "POST")) {
      const ref = String(b.ref).replace(/^refs\//, "");
      if (this.refs.has(ref)) throw unprocessable("Reference already exists");
      if (!this.commits.has(String(b.sha))) throw unprocessable("Object does not exist");
      this.refs.set(ref, String(b.sha));
      if (ref.startsWith("heads/")) this.activity(ref.slice(6), "0".repeat(40), String(b.sha), actor, "branch_creation");
      return [201, this.checker.sample("git-ref", { ref: `refs/${ref}`, url: `${this.api}/git/refs/${ref}`, object: { type: "commit", sha: b.sha, url: `${this.api}/git/commits/${b.sha}` } })];
    }
    if (is(/^\/git\/trees\/(.+)$/, "GET")) {
      const c = this.resolve(g(1));
      const tree = c?.tree ?? this.trees.get(g(1));
      if (!tree) throw notFound();
      const entries = [...tree.entries()].sort().map(([path, sha]) => ({ path, mode: "100644", type: "blob", sha, size: this.blobs.get(sha)!.length, url: `${this.api}/git/blobs/${sha}` }));
      return [200, this.checker.sample("git-tree", { sha: c?.treeSha ?? g(1), url: `${this.api}/git/trees/${g(1)}`, truncated: false, tree: entries })];
    }
    if (is(/^\/git\/blobs\/([0-9a-f]+)$/, "GET")) {
      const buf = this.blobs.get(g(1));
      if (!buf) throw notFound();
      return [200, this.checker.sample("blob", { content: buf.toString("base64"), encoding: "base64", sha: g(1), size: buf.length, url: `${this.api}/git/blobs/${g(1)}`, node_id: "B" })];
    }

    // contents
    if (is(/^\/contents\/(.+)$/, "GET")) {
      const c = this.resolve(q.get("ref") ?? this.defaultBranch);
      const blob = c?.tree.get(g(1));
      if (!blob) throw notFound();
      return [200, this.contentJson(g(1), blob)];
    }
    if (is(/^\/contents\/(.+)$/, "PUT") || is(/^\/contents\/(.+)$/, "DELETE")) {
      const filePath = g(1);
      const branch = String(b.branch ?? this.defaultBranch);
      const tip = this.refs.get(`heads/${branch}`);
      if (!tip) throw notFound();
      const existing = this.commits.get(tip)!.tree.get(filePath);
      if (method === "DELETE" && !existing) throw notFound();
      if (existing && b.sha === undefined) throw unprocessable('"sha" wasn\'t supplied.');
      if (existing && b.sha !== existing) throw new HttpError(409, { message: `${filePath} does not match ${b.sha}`, documentation_url: DOCS });
      const sha = this.push(branch, actor, { [filePath]: method === "DELETE" ? null : Buffer.from(String(b.content), "base64").toString("utf8") }, String(b.message));
      const blob = this.commits.get(sha)!.tree.get(filePath);
      const commit = { sha, message: b.message, url: `${this.api}/git/commits/${sha}`, html_url: `https://github.test/${this.owner}/${this.repo}/commit/${sha}` };
      return [method === "PUT" && !existing ? 201 : 200, this.checker.sample("file-commit", { content: blob ? { name: filePath.split("/").pop(), path: filePath, sha: blob } : null, commit })];
    }

    // issues and comments
    if (is(/^\/issues$/, "GET")) {
      const want = (q.get("labels") ?? "").split(",").filter(Boolean);
      const state = q.get("state") ?? "open";
      const list = [...this.issues.values()].filter((i) => (state === "all" || i.state === state) && want.every((l) => i.labels.includes(l)));
      return [200, list.map((i) => this.issueJson(i))];
    }
    if (is(/^\/issues$/, "POST")) {
      const n = this.openIssue(actor, String(b.title), String(b.body ?? ""), (b.labels as string[] | undefined) ?? []);
      return [201, this.issueJson(this.issues.get(n)!)];
    }
    if (is(/^\/issues\/comments\/(\d+)$/, "PATCH")) {
      const c = this.comments.find((x) => x.id === Number(g(1)));
      if (!c) throw notFound();
      if (c.user !== actor) throw new HttpError(403, { message: "Must have admin rights to Repository.", documentation_url: DOCS });
      c.body = String(b.body);
      c.updatedAt = at();
      return [200, this.commentJson(c)];
    }
    if (is(/^\/issues\/(\d+)$/, "GET")) {
      const i = this.issues.get(Number(g(1)));
      if (!i) throw notFound();
      return [200, this.issueJson(i)];
    }
    if (is(/^\/issues\/(\d+)$/, "PATCH")) {
      const i = this.issues.get(Number(g(1)));
      if (!i) throw notFound();
      if (b.state === "closed" && i.state !== "closed") {
        i.state = "closed";
        i.closedAt = at();
        i.stateReason = (b.state_reason as string) ?? "completed";
      }
      if (typeof b.body === "string") i.body = b.body;
      if (typeof b.title === "string") i.title = b.title;
      i.updatedAt = at();
      return [200, this.issueJson(i)];
    }
    if (is(/^\/issues\/(\d+)\/comments$/, "GET")) return [200, this.comments.filter((c) => c.issue === Number(g(1))).map((c) => this.commentJson(c))];
    if (is(/^\/issues\/(\d+)\/comments$/, "POST")) {
      if (!this.issues.has(Number(g(1)))) throw notFound();
      const c: CommentRec = { id: this.seq++, issue: Number(g(1)), user: actor, body: String(b.body), createdAt: at(), updatedAt: at() };
      this.comments.push(c);
      return [201, this.commentJson(c)];
    }
    if (is(/^\/issues\/(\d+)\/labels$/, "GET")) return [200, (this.issues.get(Number(g(1)))?.labels ?? []).map((l) => this.label(l))];
    if (is(/^\/issues\/(\d+)\/labels$/, "POST")) {
      const i = this.issues.get(Number(g(1)));
      if (!i) throw notFound();
      for (const l of b.labels as string[])
        if (!i.labels.includes(l)) {
          i.labels.push(l);
          this.labelEvents.push({ id: this.seq++, issue: i.number, actor, event: "labeled", label: l, at: at() });
        }
      return [200, i.labels.map((l) => this.label(l))];
    }
    if (is(/^\/issues\/(\d+)\/labels\/(.+)$/, "DELETE")) {
      const i = this.issues.get(Number(g(1)));
      if (!i || !i.labels.includes(g(2))) throw notFound();
      i.labels = i.labels.filter((l) => l !== g(2));
      this.labelEvents.push({ id: this.seq++, issue: i.number, actor, event: "unlabeled", label: g(2), at: at() });
      return [200, i.labels.map((l) => this.label(l))];
    }
    if (is(/^\/labels\/(.+)$/, "GET")) {
      if (!this.labels.has(g(1))) throw notFound();
      return [200, this.label(g(1))];
    }
    if (is(/^\/labels$/, "POST")) {
      if (this.labels.has(String(b.name))) throw unprocessable("Validation Failed");
      this.labels.set(String(b.name), { id: this.seq++, color: String(b.color ?? "ededed") });
      return [201, this.label(String(b.name))];
    }

    // pull requests
    if (is(/^\/pulls$/, "GET")) {
      const head = q.get("head");
      const state = q.get("state") ?? "open";
      const list = this.pullRequests().filter((i) => (state === "all" || i.state === state) && (!head || `${this.owner}:${i.pull!.head}` === head));
      return [200, list.sort((a, b2) => b2.number - a.number).map((i) => this.pullJson(i, "pull-request-simple"))];
    }
    if (is(/^\/pulls$/, "POST")) {
      const head = String(b.head);
      const base = String(b.base);
      const headSha = this.refs.get(`heads/${head}`);
      if (!headSha || !this.refs.has(`heads/${base}`)) throw unprocessable("Validation Failed");
      if (this.pullRequests().some((i) => i.state === "open" && i.pull!.head === head && i.pull!.base === base)) throw unprocessable(`A pull request already exists for ${this.owner}:${head}.`);
      const n = this.openIssue(actor, String(b.title), String(b.body ?? ""), []);
      this.issues.get(n)!.pull = { head, base, headSha, baseSha: this.refs.get(`heads/${base}`)!, mergedAt: null, mergeCommitSha: null };
      return [201, this.pullJson(this.issues.get(n)!, "pull-request")];
    }
    if (is(/^\/pulls\/(\d+)$/, "GET") || is(/^\/pulls\/(\d+)$/, "PATCH")) {
      const i = this.issues.get(Number(g(1)));
      if (!i?.pull) throw notFound();
      if (method === "PATCH") {
        if (typeof b.title === "string") i.title = b.title;
        if (typeof b.body === "string") i.body = b.body;
        if (b.state === "open" || b.state === "closed") i.state = b.state;
        i.updatedAt = at();
      }
      return [200, this.pullJson(i, "pull-request")];
    }
    if (is(/^\/pulls\/(\d+)\/requested_reviewers$/, "POST")) {
      const i = this.issues.get(Number(g(1)));
      if (!i?.pull) throw notFound();
      const users = (b.reviewers ?? []) as string[];
      if (users.some((u) => u.toLowerCase() === i.user.toLowerCase())) throw unprocessable("Review cannot be requested from pull request author.");
      const teams = (b.team_reviewers ?? []) as string[];
      const known = (slug: string) => [...this.teams.keys()].some((t) => t === `${this.owner}/${slug}`.toLowerCase() || t.endsWith(`/${slug.toLowerCase()}`));
      if (teams.some((t) => !known(t))) throw unprocessable("Reviews may only be requested from collaborators.");
      i.pull.requestedUsers = [...new Set([...(i.pull.requestedUsers ?? []), ...users])];
      i.pull.requestedTeams = [...new Set([...(i.pull.requestedTeams ?? []), ...teams])];
      return [201, this.pullJson(i, "pull-request-simple")];
    }
    if (is(/^\/pulls\/(\d+)\/files$/, "GET")) {
      const i = this.issues.get(Number(g(1)));
      if (!i?.pull) throw notFound();
      return [
        200,
        this.diff(i.pull).slice(0, this.fileListCap).map((f) =>
          this.checker.sample("diff-entry", { ...f, additions: 1, deletions: 0, changes: 1, blob_url: `https://github.test/blob/${f.sha}`, raw_url: `https://github.test/raw/${f.sha}`, contents_url: `${this.api}/contents/${f.filename}` }),
        ),
      ];
    }
    if (is(/^\/pulls\/(\d+)\/commits$/, "GET")) {
      const i = this.issues.get(Number(g(1)));
      if (!i?.pull) throw notFound();
      return [
        200,
        this.prCommits(i.pull).list.map((c) =>
          this.checker.sample("commit", {
            sha: c.sha,
            url: `${this.api}/commits/${c.sha}`,
            html_url: `https://github.test/commit/${c.sha}`,
            comments_url: `${this.api}/commits/${c.sha}/comments`,
            author: this.unlinkedAuthors.has(c.author) ? null : this.user(c.author),
            committer: this.unlinkedAuthors.has(c.author) ? null : this.user(c.author),
            parents: c.parents.map((s) => ({ sha: s, url: `${this.api}/commits/${s}` })),
            commit: {
              message: c.message,
              url: `${this.api}/git/commits/${c.sha}`,
              comment_count: 0,
              tree: { sha: c.treeSha, url: `${this.api}/git/trees/${c.treeSha}` },
              author: { name: c.author, email: `${c.author}@users.noreply.github.test`, date: c.date },
              committer: { name: c.author, email: `${c.author}@users.noreply.github.test`, date: c.date },
            },
          }),
        ),
      ];
    }
    if (is(/^\/pulls\/(\d+)\/reviews$/, "GET"))
      return [
        200,
        this.reviews
          .filter((r) => r.pr === Number(g(1)))
          .map((r) =>
            this.checker.sample("pull-request-review", {
              id: r.id,
              user: this.user(r.user),
              body: r.body,
              state: r.state,
              commit_id: r.commitId,
              submitted_at: r.submittedAt,
              html_url: `https://github.test/pull/${r.pr}#pullrequestreview-${r.id}`,
              pull_request_url: `${this.api}/pulls/${r.pr}`,
              author_association: "MEMBER",
              _links: { html: { href: "https://github.test/x" }, pull_request: { href: "https://github.test/x" } },
            }),
          ),
      ];
    if (is(/^\/pulls\/(\d+)\/merge$/, "PUT")) {
      const i = this.issues.get(Number(g(1)));
      if (!i?.pull) throw notFound();
      if (i.state !== "open") throw new HttpError(405, { message: "Pull Request is not mergeable", documentation_url: DOCS });
      const pr = i.pull;
      const rules = pr.base === this.defaultBranch ? this.protection : undefined;
      if (rules?.strict && !this.ancestors(pr.headSha).has(this.refs.get(`heads/${pr.base}`)!))
        throw new HttpError(405, { message: "Head branch is not up to date with the base branch", documentation_url: DOCS });
      for (const context of rules?.contexts ?? [])
        if (this.latestStatus(pr.headSha, context)?.state !== "success") throw new HttpError(405, { message: `Required status check "${context}" is expected.`, documentation_url: DOCS });
      const changes: Record<string, string | null> = {};
      const headTree = this.commits.get(pr.headSha)!.tree;
      for (const f of this.diff(pr)) changes[f.filename] = f.status === "removed" ? null : this.blobs.get(headTree.get(f.filename)!)!.toString("utf8");
      pr.baseSha = this.refs.get(`heads/${pr.base}`)!;
      const sha = this.push(pr.base, actor, changes, `${i.title} (#${i.number})`);
      pr.mergedAt = at();
      pr.mergeCommitSha = sha;
      i.state = "closed";
      i.closedAt = at();
      return [200, this.checker.sample("pull-request-merge-result", { sha, merged: true, message: "Pull Request successfully merged" })];
    }
    if (is(/^\/commits\/([0-9a-f]+)\/pulls$/, "GET"))
      return [200, this.pullRequests().filter((i) => i.pull!.mergeCommitSha === g(1) || i.pull!.headSha === g(1)).map((i) => this.pullJson(i, "pull-request-simple"))];

    if (is(/^\/pulls\/(\d+)\/update-branch$/, "PUT")) {
      const i = this.issues.get(Number(g(1)));
      if (!i?.pull || i.state !== "open") throw unprocessable("Validation Failed");
      const pr = i.pull;
      const baseTip = this.refs.get(`heads/${pr.base}`)!;
      if (this.ancestors(pr.headSha).has(baseTip)) throw unprocessable("There are no new commits on the base branch.");
      // Merge the base into the head: the base's tree with the pull request's own changes on top.
      const baseTree = this.commits.get(baseTip)!.tree;
      const headTree = this.commits.get(pr.headSha)!.tree;
      const files: Record<string, string | null> = {};
      for (const [path] of baseTree) files[path] = this.blobs.get(baseTree.get(path)!)!.toString("utf8");
      for (const f of this.diff(pr)) files[f.filename] = f.status === "removed" ? null : this.blobs.get(headTree.get(f.filename)!)!.toString("utf8");
      const tree = new Map<string, string>();
      const sha = this.commit(tree, files, `Merge branch '${pr.base}' into ${pr.head}`, actor, [pr.headSha, baseTip]);
      this.refs.set(`heads/${pr.head}`, sha);
      this.activity(pr.head, pr.headSha, sha, actor, "push");
      pr.headSha = sha;
      return [202, { message: "Updating pull request branch.", url: `https://github.test/${this.owner}/${this.repo}/pull/${i.number}` }];
    }

    if (is(/^\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/, "GET")) {
      const base = this.commits.get(g(1));
      const head = this.commits.get(g(2));
      if (!base || !head) throw notFound();
      const onBase = this.ancestors(base.sha);
      // Oldest first, as GitHub lists them (first-parent order is enough for the fake's history).
      const list: CommitRec[] = [];
      for (let c: CommitRec | undefined = head; c && !onBase.has(c.sha); c = this.commits.get(c.parents[0] ?? "")) list.unshift(c);
      const commitJson = (c: CommitRec) =>
        this.checker.sample("commit", {
          sha: c.sha,
          url: `${this.api}/commits/${c.sha}`,
          html_url: `https://github.test/commit/${c.sha}`,
          comments_url: `${this.api}/commits/${c.sha}/comments`,
          author: this.user(c.author),
          committer: this.user(c.author),
          parents: c.parents.map((s2) => ({ sha: s2, url: `${this.api}/commits/${s2}` })),
          commit: { message: c.message, url: `${this.api}/git/commits/${c.sha}`, comment_count: 0, tree: { sha: c.treeSha, url: `${this.api}/git/trees/${c.treeSha}` }, author: { name: c.author, email: "x@x", date: c.date }, committer: { name: c.author, email: "x@x", date: c.date } },
        });
      return [
        200,
        this.checker.sample("commit-comparison", {
          url: `${this.api}/compare/${g(1)}...${g(2)}`,
          html_url: "https://github.test/compare",
          permalink_url: "https://github.test/compare",
          diff_url: "https://github.test/compare.diff",
          patch_url: "https://github.test/compare.patch",
          base_commit: commitJson(base),
          merge_base_commit: commitJson(base),
          status: list.length ? "ahead" : "identical",
          ahead_by: list.length,
          behind_by: 0,
          total_commits: list.length,
          commits: list.map(commitJson),
        }),
      ];
    }

    // activity, timeline, deployments
    if (is(/^\/activity$/, "GET")) {
      const want = q.get("ref");
      const list = this.activities.filter((a) => !want || a.ref === want || a.ref === `refs/heads/${want}`).reverse();
      return [200, list.map((a) => this.checker.sample("activity", { id: a.id, node_id: `A${a.id}`, before: a.before, after: a.after, ref: a.ref, timestamp: a.at, activity_type: a.type, actor: this.user(a.actor) }))];
    }
    if (is(/^\/issues\/(\d+)\/timeline$/, "GET")) {
      if (!this.issues.has(Number(g(1)))) throw notFound();
      return [
        200,
        this.labelEvents
          .filter((e) => e.issue === Number(g(1)))
          .map((e) =>
            this.checker.sample(`${e.event}-issue-event`, { id: e.id, node_id: `E${e.id}`, url: `${this.api}/issues/events/${e.id}`, actor: this.user(e.actor), event: e.event, commit_id: null, commit_url: null, created_at: e.at, performed_via_github_app: null, label: { name: e.label, color: this.ensureLabel(e.label).color } }),
          ),
      ];
    }
    if (is(/^\/deployments$/, "GET")) {
      const env = q.get("environment");
      const list = this.deployments.filter((d) => !env || d.environment === env).reverse();
      return [200, list.map((d) => this.checker.sample("deployment", { id: d.id, node_id: `D${d.id}`, sha: d.sha, ref: d.sha, task: "deploy", environment: d.environment, creator: this.user("github-actions[bot]"), payload: {}, description: null, statuses_url: `${this.api}/deployments/${d.id}/statuses`, repository_url: this.api, url: `${this.api}/deployments/${d.id}`, created_at: d.createdAt, updated_at: d.createdAt }))];
    }
    if (is(/^\/deployments\/(\d+)\/statuses$/, "GET")) {
      const d = this.deployments.find((x) => x.id === Number(g(1)));
      if (!d) throw notFound();
      return [200, [...d.statuses].reverse().map((st) => this.checker.sample("deployment-status", { id: st.id, node_id: `DS${st.id}`, state: st.state, creator: this.user("github-actions[bot]"), description: "", deployment_url: `${this.api}/deployments/${d.id}`, target_url: `https://github.test/actions/runs/${d.id}`, repository_url: this.api, url: `${this.api}/deployments/${d.id}/statuses/${st.id}`, created_at: st.at, updated_at: st.at }))];
    }

    // statuses
    if (is(/^\/statuses\/([0-9a-f]+)$/, "POST")) {
      if (!this.commits.has(g(1))) throw unprocessable("No commit found for SHA");
      const s: StatusRec = { id: this.seq++, sha: g(1), context: String(b.context ?? "default"), state: String(b.state), description: (b.description as string) ?? null, targetUrl: (b.target_url as string) ?? null, createdAt: at(), creator: actor };
      if ((s.description ?? "").length > 140) throw unprocessable("description is too long (maximum is 140 characters)");
      this.statuses.push(s);
      return [201, this.statusJson(s)];
    }
    if (is(/^\/commits\/(.+)\/status$/, "GET")) {
      const c = this.resolve(g(1));
      if (!c) throw notFound();
      const latest = new Map<string, StatusRec>();
      for (const s of this.statuses.filter((x) => x.sha === c.sha)) latest.set(s.context, s);
      const list = [...latest.values()].reverse();
      const state = list.some((s) => s.state === "failure" || s.state === "error") ? "failure" : list.every((s) => s.state === "success") && list.length ? "success" : "pending";
      return [
        200,
        this.checker.sample("combined-commit-status", {
          state,
          sha: c.sha,
          total_count: list.length,
          statuses: list.map((s) => this.checker.sample("simple-commit-status", { id: s.id, state: s.state, context: s.context, description: s.description, target_url: s.targetUrl, created_at: s.createdAt, updated_at: s.createdAt, avatar_url: null, url: `${this.api}/statuses/${s.sha}` })),
          commit_url: `${this.api}/commits/${c.sha}`,
          url: `${this.api}/commits/${c.sha}/status`,
        }),
      ];
    }

    // repository settings: labels, rulesets, environments, App installations
    if (is(/^\/labels$/, "GET")) return [200, [...this.labels.keys()].map((l) => this.label(l))];
    if (is(/^\/labels\/(.+)$/, "PATCH")) {
      const l = this.labels.get(g(1));
      if (!l) throw notFound();
      if (b.color !== undefined) l.color = String(b.color);
      return [200, this.label(g(1))];
    }
    if (is(/^\/rulesets$/, "GET"))
      return [200, [...this.rulesets.values()].map((r) => this.rulesetJson(r, false))];
    if (is(/^\/rulesets$/, "POST")) {
      if ([...this.rulesets.values()].some((r) => r.name === b.name)) throw unprocessable("Validation Failed: Name must be unique");
      const id = this.seq++;
      this.rulesets.set(id, { ...b, id, created_at: at(), updated_at: at() });
      return [201, this.rulesetJson(this.rulesets.get(id)!, true)];
    }
    if (is(/^\/rulesets\/(\d+)$/, "GET")) {
      const r = this.rulesets.get(Number(g(1)));
      if (!r) throw notFound();
      return [200, this.rulesetJson(r, true)];
    }
    if (is(/^\/rulesets\/(\d+)$/, "PUT")) {
      const r = this.rulesets.get(Number(g(1)));
      if (!r) throw notFound();
      Object.assign(r, b, { updated_at: at() });
      return [200, this.rulesetJson(r, true)];
    }
    if (is(/^\/environments$/, "GET")) {
      const list = [...this.environments].map(([name, e]) => this.environmentJson(name, e));
      return [200, { total_count: list.length, environments: list }];
    }
    if (is(/^\/environments\/([^/]+)$/, "GET")) {
      const e = this.environments.get(g(1));
      if (!e) throw notFound();
      return [200, this.environmentJson(g(1), e)];
    }
    if (is(/^\/environments\/([^/]+)$/, "PUT")) {
      const e = this.environments.get(g(1)) ?? { id: this.seq++, createdAt: at(), updatedAt: at(), policy: null, reviewers: [], waitTimer: 0, branchPolicies: [] };
      // Like GitHub: PUT sets the protection rules it is given and clears those it is not.
      e.policy = (b.deployment_branch_policy as EnvironmentRec["policy"] | undefined) ?? null;
      e.reviewers = ((b.reviewers ?? []) as { id: number }[]).map((r) => [...this.userIds].find(([, id]) => id === r.id)?.[0] ?? "").filter(Boolean);
      e.waitTimer = Number(b.wait_timer ?? 0);
      if (!e.policy?.custom_branch_policies) e.branchPolicies = [];
      e.updatedAt = at();
      this.environments.set(g(1), e);
      return [200, this.environmentJson(g(1), e)];
    }
    if (is(/^\/environments\/([^/]+)\/deployment-branch-policies$/, "GET")) {
      const e = this.environments.get(g(1));
      if (!e) throw notFound();
      return [200, { total_count: e.branchPolicies.length, branch_policies: e.branchPolicies.map((x) => this.checker.sample("deployment-branch-policy", { id: x.id, node_id: `BP${x.id}`, name: x.name, type: x.type })) }];
    }
    if (is(/^\/environments\/([^/]+)\/deployment-branch-policies$/, "POST")) {
      const e = this.environments.get(g(1));
      if (!e) throw notFound();
      if (!e.policy?.custom_branch_policies) throw notFound(); // GitHub: only with custom policies on
      const x = { id: this.seq++, name: String(b.name), type: (b.type === "tag" ? "tag" : "branch") as "branch" | "tag" };
      if (e.branchPolicies.some((y) => y.name === x.name && y.type === x.type)) throw new HttpError(303, undefined);
      e.branchPolicies.push(x);
      return [200, this.checker.sample("deployment-branch-policy", { id: x.id, node_id: `BP${x.id}`, name: x.name, type: x.type })];
    }
    if (is(/^\/environments\/([^/]+)\/deployment-branch-policies\/(\d+)$/, "DELETE")) {
      const e = this.environments.get(g(1));
      if (!e || !e.branchPolicies.some((x) => x.id === Number(g(2)))) throw notFound();
      e.branchPolicies = e.branchPolicies.filter((x) => x.id !== Number(g(2)));
      return [204, undefined];
    }
    if (is(/^\/orgs\/([^/]+)\/installations$/, "GET")) {
      if (g(1) !== this.owner) throw notFound();
      const list = this.installations.map((i, n) =>
        this.checker.sample("installation", { id: 9000 + n, app_id: i.appId, app_slug: `app-${i.appId}`, target_id: 1, target_type: "Organization", repository_selection: i.selection, suspended_at: null, suspended_by: null, single_file_name: null, account: this.user(this.owner), events: [], permissions: {}, created_at: at(), updated_at: at() }),
      );
      return [200, { total_count: list.length, installations: list }];
    }

    // teams
    if (is(/^\/orgs\/([^/]+)\/teams\/([^/]+)\/members$/, "GET")) {
      const members = this.teams.get(`${g(1)}/${g(2)}`.toLowerCase());
      if (!members) throw notFound();
      return [200, members.map((u) => this.user(u))];
    }
    if (is(/^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/, "GET")) {
      const members = this.teams.get(`${g(1)}/${g(2)}`.toLowerCase());
      if (!members?.some((u) => u.toLowerCase() === g(3).toLowerCase())) throw new HttpError(404, undefined);
      return [200, this.checker.sample("team-membership", { url: `${this.url}${path}`, role: "member", state: "active" })];
    }
    throw notFound();
  }
}
