// npm run setup-github against the fake GitHub (every request and response checked against
// GitHub's OpenAPI description): a fresh repository gets the settings, a second run and --check
// find nothing, and a setting an admin changes afterwards is reported and put back.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeGitHub } from "./fake/server.ts";
import { root } from "./setup.ts";
import { BOT_BRANCHES, BOT_RULESET, desiredLabels, ENVIRONMENT_BRANCH, ENVIRONMENTS, REQUIRED_STATUSES } from "../../src/github/repo-settings.ts";

const run = promisify(execFile);
const tsx = join(root, "node_modules/.bin/tsx");
const APP = 4242;

let fake: FakeGitHub;
let env: Record<string, string>;

async function setup(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; writes: string[] }> {
  const before = fake.calls.length;
  let out: { code: number; stdout: string; stderr: string };
  try {
    const { stdout, stderr } = await run(tsx, [join(root, "src/cli/setup-github.ts"), ...args], { cwd: root, env: { ...process.env, ...env }, timeout: 90_000 });
    out = { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    out = { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
  const writes = fake.calls.slice(before).filter((c) => c.method !== "GET").map((c) => `${c.method} ${c.path}`);
  return { ...out, writes };
}

beforeAll(async () => {
  fake = new FakeGitHub();
  await fake.start();
  fake.seed({ "README.md": "x" });
  fake.installations.push({ appId: APP, selection: "selected" });
  env = { GITHUB_TOKEN: fake.token("admin1"), GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url, BOT_APP_ID: String(APP) };
});
afterAll(async () => {
  await fake.stop();
});

describe("setup-github", { timeout: 180_000 }, () => {
  it("--check on a fresh repository lists every missing setting, writes nothing, exits 3", async () => {
    const r = await setup("--check");
    expect(r.code).toBe(3);
    expect(r.writes).toEqual([]);
    for (const l of desiredLabels()) expect(r.stdout).toContain(`label ${l.name}: belum ada`);
    expect(r.stdout).toContain("ruleset main: belum ada");
    expect(r.stdout).toContain("ruleset permohonan-bot: belum ada");
    for (const e of ENVIRONMENTS) expect(r.stdout).toContain(`environment ${e}: belum ada`);
  });

  it("applies labels, rulesets and environments limited to main; a second run and --check change nothing", async () => {
    const first = await setup();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("diterapkan: ruleset main: belum ada");
    const main = [...fake.rulesets.values()].find((r) => r.name === "main")!;
    const checks = (main.rules as { type: string; parameters?: Record<string, unknown> }[]).find((x) => x.type === "required_status_checks")!.parameters!;
    expect(checks.strict_required_status_checks_policy).toBe(true);
    expect(checks.required_status_checks).toEqual(REQUIRED_STATUSES.map((context) => ({ context, integration_id: APP })));
    const bot = [...fake.rulesets.values()].find((r) => r.name === "permohonan-bot")!;
    expect(bot.bypass_actors).toEqual([{ actor_id: APP, actor_type: "Integration", bypass_mode: "always" }]);
    expect((bot.conditions as { ref_name: { include: string[] } }).ref_name.include).toEqual(["refs/heads/permohonan/*", "refs/heads/surat/*"]);
    for (const e of ENVIRONMENTS) {
      expect(fake.environments.get(e)!.policy).toEqual({ protected_branches: false, custom_branch_policies: true });
      expect(fake.environments.get(e)!.branchPolicies.map((p) => `${p.type}:${p.name}`)).toEqual(["branch:main"]);
    }
    for (const l of desiredLabels()) expect(fake.labelColors().get(l.name)).toBe(l.color);

    const second = await setup();
    expect(second.code).toBe(0);
    expect(second.writes).toEqual([]);
    expect(second.stdout).toContain("tidak ada yang perlu diubah");
    const check = await setup("--check", "--lang", "en");
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("settings as desired");
  });

  it("--check reports a ruleset loosened by hand, in English with --lang en; applying restores it", async () => {
    fake.editRuleset("main", (r) => {
      const rule = (r.rules as { type: string; parameters: Record<string, unknown> }[]).find((x) => x.type === "required_status_checks")!;
      rule.parameters = { ...rule.parameters, strict_required_status_checks_policy: false, required_status_checks: [{ context: "validasi", integration_id: APP }] };
    });
    const check = await setup("--check", "--lang", "en");
    expect(check.code).toBe(3);
    expect(check.writes).toEqual([]);
    expect(check.stdout).toContain("1 difference(s)");
    expect(check.stdout).toContain("ruleset main: differs in rules");
    const fix = await setup();
    expect(fix.code).toBe(0);
    expect(fix.writes).toHaveLength(1);
    expect((await setup("--check")).code).toBe(0);
  });

  it("a rule of another type an admin added stays and is not a difference", async () => {
    fake.editRuleset("main", (r) => {
      (r.rules as unknown[]).push({ type: "required_signatures" });
    });
    expect((await setup("--check")).code).toBe(0);
    fake.editRuleset("main", (r) => {
      (r.rules as { type: string; parameters?: Record<string, unknown> }[]).find((x) => x.type === "pull_request")!.parameters!.require_code_owner_review = false;
    });
    const fix = await setup();
    expect(fix.stdout).toContain("ruleset main: berbeda pada rules");
    const main = [...fake.rulesets.values()].find((r) => r.name === "main")!;
    const rules = main.rules as { type: string; parameters?: Record<string, unknown> }[];
    expect(rules.map((x) => x.type)).toContain("required_signatures");
    expect(rules.find((x) => x.type === "pull_request")!.parameters!.require_code_owner_review).toBe(true);
  });

  it("a status accepted from any source instead of the App is a difference", async () => {
    fake.editRuleset("main", (r) => {
      const rule = (r.rules as { type: string; parameters: Record<string, unknown> }[]).find((x) => x.type === "required_status_checks")!;
      rule.parameters = { ...rule.parameters, required_status_checks: REQUIRED_STATUSES.map((context) => ({ context })) };
    });
    expect((await setup("--check")).stdout).toContain("ruleset main: berbeda pada rules");
    await setup();
  });

  it("an extra deployment branch policy and an opened-up environment are reported and fixed; reviewers an admin set stay", async () => {
    const prod = fake.environments.get("production")!;
    prod.reviewers = ["kadis"];
    prod.branchPolicies.push({ id: 77, name: "release/*", type: "branch" });
    const lab = fake.environments.get("laporan")!;
    lab.policy = { protected_branches: false, custom_branch_policies: false };
    lab.branchPolicies = [];
    const check = await setup("--check");
    expect(check.code).toBe(3);
    expect(check.stdout).toContain("environment production: kebijakan branch release/* selain main");
    expect(check.stdout).toContain("environment laporan: cabang penyebaran tidak dibatasi ke main");
    const fix = await setup();
    expect(fix.code).toBe(0);
    expect(prod.branchPolicies.map((p) => p.name)).toEqual(["main"]);
    expect(prod.reviewers).toEqual(["kadis"]);
    expect(fake.environments.get("laporan")!.branchPolicies.map((p) => p.name)).toEqual(["main"]);
    expect((await setup("--check")).code).toBe(0);
  });

  it("a recoloured label is put back; labels people added stay", async () => {
    fake.openIssue("warga", "x", "x", ["pertanyaan"]);
    fake.recolorLabel("drift", "000000");
    const check = await setup("--check");
    expect(check.stdout).toContain("label drift: warna 000000, seharusnya fbca04");
    const fix = await setup();
    expect(fix.writes).toEqual([`PATCH /repos/${fake.owner}/${fake.repo}/labels/drift`]);
    expect(fake.labelColors().get("drift")).toBe("fbca04");
    expect(fake.labelColors().has("pertanyaan")).toBe(true);
  });

  it("the App not installed, or installed on every repository, needs an admin: exit 3 even after applying", async () => {
    fake.installations[0]!.selection = "all";
    const all = await setup();
    expect(all.code).toBe(3);
    expect(all.stdout).toContain("PERLU TINDAKAN ADMIN: GitHub App 4242: dipasang di semua repositori");
    const other = await setup("--app-id", "99");
    expect(other.code).toBe(3);
    expect(other.stdout).toContain("GitHub App 99: belum dipasang");
    fake.installations[0]!.selection = "selected";
  });

  it("usage: --help, missing App id, bad App id; never a stack trace", async () => {
    expect((await setup("--help")).stdout).toContain("npm run setup-github");
    const saved = env.BOT_APP_ID;
    env.BOT_APP_ID = "";
    const missing = await setup("--check");
    env.BOT_APP_ID = saved!;
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--app-id atau BOT_APP_ID belum diisi");
    const bad = await setup("--app-id", "abc");
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it("every request and response matched GitHub's OpenAPI description", () => {
    expect(fake.mismatches).toEqual([]);
  });
});

describe("the README's settings section names what setup-github applies", () => {
  it("every required status, environment, ruleset and request branch of repo-settings.ts", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Pengaturan repositori"), readme.indexOf("\n## ", readme.indexOf("## Pengaturan repositori") + 3));
    expect(section).toContain("npm run setup-github");
    for (const name of [...REQUIRED_STATUSES, ...ENVIRONMENTS, BOT_RULESET, ...BOT_BRANCHES, ENVIRONMENT_BRANCH]) expect(section).toContain(`\`${name}\``);
  });
});
