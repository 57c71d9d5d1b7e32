// Hygiene at the door: `npm run validate -- --network` refuses a new alias whose target does not
// resolve or answers with a "not claimed" page; without --network nothing is asked and it says so;
// with --base an alias already on the base branch is not new and not checked.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingTools } from "../bind/tools.ts";
import { CASES, startWorld, type World } from "./planted.ts";
import { runCli } from "./run-cli.ts";

const missing = missingTools(["named", "dig", "openssl", "git"]);
const ALIASES = CASES.filter((c) => c.spec.target.alias);

describe.skipIf(missing.length > 0)("validate --network", () => {
  let world: World;
  let net: string[];
  beforeAll(async () => {
    world = await startWorld(ALIASES);
    net = ["--network", ...world.args.slice(2), "--root", world.root, "--format", "json"];
  }, 120_000);
  afterAll(async () => world && (await world.stop()));

  it("refuses the dangling and the unclaimed alias, at the alias line, and passes the live one", async () => {
    const r = await runCli("validate.ts", net, world.env);
    const d = JSON.parse(r.stdout).diagnostics as { file: string; rule: string; line: number }[];
    const of = (label: string) => d.filter((x) => x.file.endsWith(`/${label}.yaml`) && x.rule.startsWith("alias.")).map((x) => x.rule).sort();
    expect(of("menggantung")).toEqual(["alias.resolves"]);
    expect(of("azure")).toEqual(["alias.resolves"]);
    expect(of("pages")).toEqual(["alias.takeover"]);
    expect(of("alias-ok")).toEqual([]);
    expect(of("pages-ok")).toEqual([]);
    expect(d.find((x) => x.rule === "alias.takeover")!.line).toBeGreaterThan(1);
    expect(r.code).toBe(1);
  }, 60_000);

  it("is off by default and says so in a workflow's log", async () => {
    const r = await runCli("validate.ts", ["--root", world.root], { ...world.env, GITHUB_ACTIONS: "true" });
    expect(r.stdout + r.stderr).not.toMatch(/alias\.(resolves|takeover)/);
    expect(r.stderr).toMatch(/tidak diperiksa lewat jaringan.*--network/);
  }, 60_000);

  it("checks only new aliases against --base", async () => {
    const git = (...a: string[]) => execFileSync("git", ["-C", world.root, ...a], { stdio: "pipe" });
    git("init", "-q", "-b", "main");
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
    const r = await runCli("validate.ts", [...net, "--base", "HEAD"], world.env);
    expect((JSON.parse(r.stdout).diagnostics as { rule: string }[]).filter((x) => x.rule.startsWith("alias."))).toEqual([]);
  }, 60_000);
});
