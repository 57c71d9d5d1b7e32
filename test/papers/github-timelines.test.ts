import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGitHub } from "../../src/github/octokit.ts";
import { renderReminderComment } from "../../src/disposition/reminders.ts";
import { fetchTimelines } from "../../src/report/github.ts";
import { stepTimes } from "../../src/worktime/steps.ts";
import { OpenApiChecker } from "../github/fake/openapi.ts";
import { exampleGovernance } from "./governance.ts";

// A few of GitHub's REST endpoints on 127.0.0.1, each answer built from and checked against
// GitHub's official OpenAPI description (@octokit/openapi), for the report's thin adapter.
const governance = exampleGovernance();
const checker = new OpenApiChecker();
const mismatches: string[] = [];
const seen: string[] = [];
let server: Server;
let base = "";

const user = (login: string) => checker.sample("simple-user", { login, type: "User" });
const at = (local: string) => new Date(`2026-03-${local}:00+07:00`).toISOString().replace(".000", "");
const MERGE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const BASE = "9c1185a5c5e9fc54612808977ee8f548b2258d31";

function routes(path: string): unknown {
  if (path === "/repos/pemkab/subdomain/pulls")
    return [
      checker.sample("pull-request-simple", { number: 7, title: "Permohonan subdomain sehat", user: user("siti-dinkes"), created_at: at("02T08:00"), updated_at: at("03T09:00"), merged_at: at("03T08:30"), merge_commit_sha: MERGE, draft: false, html_url: "https://github.com/pemkab/subdomain/pull/7", base: { sha: BASE } }),
      checker.sample("pull-request-simple", { number: 8, title: "Ubah README", user: user("rina-diskominfo"), created_at: at("02T09:00"), updated_at: at("02T10:00"), merged_at: null, merge_commit_sha: null }),
      checker.sample("pull-request-simple", { number: 3, title: "Lama", user: user("x"), created_at: "2026-01-05T01:00:00Z", updated_at: "2026-01-06T01:00:00Z" }),
    ];
  if (path === "/repos/pemkab/subdomain/pulls/7/files") return [checker.sample("diff-entry", { filename: "requests/dinkes/sehat.yaml", status: "added" })];
  if (path === "/repos/pemkab/subdomain/pulls/8/files") return [checker.sample("diff-entry", { filename: "README.md", status: "modified" })];
  if (path === "/repos/pemkab/subdomain/issues/7/timeline") {
    const reviewed = (login: string, when: string, state: string) => checker.sample("timeline-reviewed-event", { event: "reviewed", user: user(login), state, submitted_at: at(when) });
    return [
      reviewed("joko-pelaksana", "02T08:20", "approved"),
      reviewed("ahmad-kadis", "02T09:00", "approved"),
      reviewed("rudi-kabid", "02T15:30", "approved"),
      reviewed("lina-kasi", "03T08:00", "approved"),
      reviewed("joko-pelaksana", "03T08:25", "approved"),
      checker.sample("state-change-issue-event", { event: "merged", actor: user("joko-pelaksana"), created_at: at("03T08:30"), commit_id: MERGE }),
    ];
  }
  if (path === "/repos/pemkab/subdomain/issues/7/comments") {
    // The reminder job's one comment (a bot's), and a person's comment pretending to be one.
    const entry = { kind: "reminder" as const, step: "kabid-egov", phase: "before-merge" as const, since: at("02T09:00"), at: at("02T10:01"), to: ["diskominfo-contohkab/kabid-egov"] };
    const body = renderReminderComment({ v: 1, entries: [entry, { ...entry, kind: "escalation", at: at("03T07:31"), to: ["diskominfo-contohkab/kepala-dinas"], above: "kepala-dinas" }] }, governance);
    return [
      checker.sample("issue-comment", { id: 1, user: checker.sample("simple-user", { login: "joko-pelaksana", type: "User" }), body: renderReminderComment({ v: 1, entries: [entry, entry, entry] }, governance) }),
      checker.sample("issue-comment", { id: 2, user: checker.sample("simple-user", { login: "subdomain-bot[bot]", type: "Bot" }), body }),
    ];
  }
  if (path === "/repos/pemkab/subdomain/deployments") return [checker.sample("deployment", { id: 55, sha: MERGE, environment: "produksi" })];
  if (path === "/repos/pemkab/subdomain/deployments/55/statuses")
    return [checker.sample("deployment-status", { state: "in_progress", created_at: at("03T08:32") }), checker.sample("deployment-status", { state: "success", created_at: at("03T08:40") })];
  const team = /^\/orgs\/diskominfo-contohkab\/teams\/([^/]+)\/members$/.exec(path);
  if (team) {
    const members: Record<string, string[]> = { "pelaksana-aplikasi": ["joko-pelaksana"], "kepala-dinas": ["ahmad-kadis"], "kabid-egov": ["rudi-kabid"], "kasi-aplikasi": ["lina-kasi"] };
    return (members[team[1]!] ?? []).map(user);
  }
  return undefined;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    seen.push(`${req.method} ${url.pathname}`);
    const body = routes(url.pathname);
    const status = body === undefined ? 404 : 200;
    const payload = body ?? { message: "Not Found", documentation_url: "https://docs.github.com/rest" };
    if (body !== undefined) mismatches.push(...checker.check(req.method ?? "GET", url.pathname, status, payload));
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(payload));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("GitHub timeline adapter", () => {
  it("reads pull requests touching requests/, their reviews, merge and deployment, and the teams", async () => {
    const gh = createGitHub({ token: "test", baseUrl: base, fast: true, log: () => {} });
    const file = await fetchTimelines(gh, { owner: "pemkab", repo: "subdomain" }, governance, {
      since: new Date("2026-03-01T00:00:00+07:00"),
      until: new Date("2026-04-01T00:00:00+07:00"),
    });
    expect(mismatches).toEqual([]);
    expect(file.timelines.map((t) => t.pull)).toEqual([7]);
    const t = file.timelines[0]!;
    expect(t).toMatchObject({ title: "Permohonan subdomain sehat", author: "siti-dinkes", files: ["requests/dinkes/sehat.yaml"], url: "https://github.com/pemkab/subdomain/pull/7" });
    expect(t.events.map((e) => e.type)).toEqual(["opened", "review", "review", "review", "review", "review", "merged", "deployed", "reminder", "reminder"]);
    // The reminders come from the bot's comment only; the base commit is kept to judge by its chain.
    expect(t.events.filter((e) => e.type === "reminder")).toEqual([
      { type: "reminder", at: at("02T10:01"), step: "kabid-egov", kind: "reminder" },
      { type: "reminder", at: at("03T07:31"), step: "kabid-egov", kind: "escalation" },
    ]);
    expect(t.base).toBe(BASE);
    expect(t.events.find((e) => e.type === "deployed")).toMatchObject({ type: "deployed", state: "success", sha: MERGE, at: "2026-03-03T01:40:00Z" });
    expect(file.teams?.["diskominfo-contohkab/kabid-egov"]).toEqual(["rudi-kabid"]);
    // Pull request 3 was last updated before the period: the listing stops there.
    expect(seen).not.toContain("GET /repos/pemkab/subdomain/pulls/3/files");
    const steps = stepTimes(t, governance, { teams: file.teams! });
    expect(steps.map((s) => [s.step, s.workingMinutes, s.withinStandard])).toEqual([
      ["pemeriksaan-formulir", 20, true],
      ["kepala-dinas", 40, true],
      ["kabid-egov", 390, false],
      ["kasi-aplikasi", 60, true],
      ["pelaksana-teknis", 25, true],
    ]);
  });
});
