// `npm run validate` and `npm run plan` start from src/cli/launch.mjs, plain JavaScript without
// tsx: what they say must be exactly what the TypeScript says run through tsx, an unknown command
// is refused, and a bundle whose module changed is never run, even when the change kept the
// file's size and modification time (the quick freshness check goes by the change time too).
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand, validateCli } from "./run.ts";
import { moduleBundle } from "../../src/load/worker-bundle.ts";
import { askCommandAhead, withoutTurbofan } from "../../src/cli/launch.mjs";
import { runScript } from "../../src/load/run-bundle.mjs";
import { askAhead, FULL_PLAN_FIRST, FULL_PLAN_THEN, PLAN_FIRST, PLAN_THEN, questionKey, takeAhead, VALIDATE_FIRST, VALIDATE_THEN } from "../../src/git/spawn.mjs";
import { commitAll, gitInit } from "../plan/fixture.ts";

const REPO = join(import.meta.dirname, "../..");
const LAUNCH = join(REPO, "src/cli/launch.mjs");
const INVALID = join(REPO, "test/fixtures/invalid/rules");
const CONTOH = join(REPO, "test/fixtures/contoh");
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = runCommand;

describe("the launcher of npm run validate and npm run plan", () => {
  it("validates exactly as the TypeScript does through tsx (every diagnostic, line and column)", async () => {
    const args = ["--root", INVALID, "--today", "2026-11-22", "--format", "json"];
    const [launched, onMainThread, bundledUnderTsx, plain] = await Promise.all([
      // Without the young-generation flag the launcher runs validate on a thread of its own; with
      // it (as package.json starts it) on the main thread.
      run(process.execPath, [LAUNCH, "validate", ...args]),
      run(process.execPath, ["--max-semi-space-size=4", LAUNCH, "validate", ...args]),
      validateCli(args),
      validateCli(args, { SUBDOMAIN_GITOPS_NO_BUNDLE: "1" }),
    ]);
    expect(launched.code).toBe(1);
    expect(JSON.parse(launched.stdout).diagnostics.length).toBeGreaterThan(20);
    expect(launched).toEqual(plain);
    expect(onMainThread).toEqual(plain);
    expect(bundledUnderTsx).toEqual(plain);
  }, 120_000);

  it("plans exactly as the TypeScript does, and runs it through tsx itself when told not to use the bundle", async () => {
    const out = mkdtempSync(join(tmpdir(), "launch-plan-"));
    temps.push(out);
    const args = (dir: string) => ["--root", CONTOH, "--today", "2026-11-22", "--format", "json", "--no-cache", "--out", join(out, dir)];
    const [launched, unbundled] = await Promise.all([
      run(process.execPath, [LAUNCH, "plan", ...args("a")]),
      // Plain node, no tsx loaded: the launcher registers tsx for the TypeScript.
      run(process.execPath, [LAUNCH, "plan", ...args("b")], { SUBDOMAIN_GITOPS_NO_BUNDLE: "1" }),
    ]);
    expect(launched.code).toBe(0);
    expect(JSON.parse(launched.stdout).tenants).toBeDefined();
    expect(launched.stdout).toBe(unbundled.stdout);
    expect(launched.stderr.replaceAll(join(out, "a"), "OUT").replaceAll("/a/", "/x/")).toBe(unbundled.stderr.replaceAll(join(out, "b"), "OUT").replaceAll("/b/", "/x/"));
  }, 120_000);

  it("asks a plan's (with a cache and without) and validate's first git questions while their code loads, in the folder --root names, and each question once", async () => {
    const root = mkdtempSync(join(tmpdir(), "launch-ahead-"));
    temps.push(root);
    cpSync(CONTOH, root, { recursive: true });
    writeFileSync(join(root, ".gitignore"), ".cache/\nout/\n");
    gitInit(root);
    commitAll(root, "dasar");
    // A git that writes down what it is asked, then answers as git does.
    const log = join(root, ".cache", "git-calls.txt");
    const bin = join(root, ".cache", "bin");
    mkdirSync(bin, { recursive: true });
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    const plan = (...extra: string[]) => run(process.execPath, ["--max-semi-space-size=4", LAUNCH, "plan", "--root", root, "--today", "2026-11-22", "--base", "HEAD", ...extra], { PATH: `${bin}:${process.env.PATH}` });
    expect((await plan("--snapshot")).code).toBe(0); // the base's own plan, which leaves the snapshot
    const file = readdirSync(join(root, "requests"), { recursive: true, encoding: "utf8" }).find((f) => f.endsWith(".yaml"))!;
    writeFileSync(join(root, "requests", file), readFileSync(join(root, "requests", file), "utf8").replace(/^purpose: .*$/m, "purpose: Layanan yang diperbarui"));
    rmSync(log);
    const r = await plan();
    expect(r.code).toBe(0);
    const calls = readFileSync(log, "utf8").split("\n").filter(Boolean);
    const asked = (args: string[]) => ["-c", "core.quotepath=false", ...args].join(" ");
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    // The launcher's questions (`first`) were asked before any question the command asked
    // itself. The questions that follow from their first answers (`then`) may be written down
    // before the last of them: each fake git writes its line when its shell gets to run, and on a
    // loaded machine a shell started first can run after one started later (seen in CI).
    const askedAhead = (lines: string[], first: string[][], then: string[][]) => {
      const launcher = first.map(asked);
      const early = new Set([...launcher, ...then.map(asked)]);
      const own = lines.findIndex((c) => !early.has(c));
      const before = own < 0 ? lines : lines.slice(0, own);
      expect(before.filter((c) => launcher.includes(c)).sort()).toEqual([...launcher].sort());
    };
    // Asked by the launcher first; the plan took those answers instead of asking again.
    askedAhead(calls, PLAN_FIRST, PLAN_THEN(head));
    expect(new Set(calls).size).toBe(calls.length);
    // What differs from the base (HEAD) was asked as soon as git named HEAD's commit, and once.
    expect(calls).toEqual(expect.arrayContaining(PLAN_THEN(head).map(asked)));

    // validate as npm runs it (on the main thread): its first questions ahead, and each once.
    rmSync(log);
    const v = await run(process.execPath, ["--max-semi-space-size=4", LAUNCH, "validate", "--root", root, "--today", "2026-11-22"], { PATH: `${bin}:${process.env.PATH}` });
    expect(v.code).toBe(0);
    const validateCalls = readFileSync(log, "utf8").split("\n").filter(Boolean);
    askedAhead(validateCalls, VALIDATE_FIRST, VALIDATE_THEN(head));
    expect(validateCalls.length).toBeGreaterThan(VALIDATE_FIRST.length); // and the history after them
    expect(new Set(validateCalls).size).toBe(validateCalls.length);
    // Those that follow from HEAD's commit were asked ahead too (and not again).
    expect(validateCalls).toEqual(expect.arrayContaining(VALIDATE_THEN(head).map(asked)));

    // A plan without a cache: its own first questions ahead (the history among them), each once.
    rmSync(log);
    const full = await run(process.execPath, ["--max-semi-space-size=4", LAUNCH, "plan", "--root", root, "--today", "2026-11-22", "--base", "HEAD", "--no-cache", "--out", join(root, ".cache", "out")], { PATH: `${bin}:${process.env.PATH}` });
    expect(full.code).toBe(0);
    const fullCalls = readFileSync(log, "utf8").split("\n").filter(Boolean);
    askedAhead(fullCalls, FULL_PLAN_FIRST, FULL_PLAN_THEN(head));
    expect(new Set(fullCalls).size).toBe(fullCalls.length);
    expect(fullCalls).toEqual(expect.arrayContaining(FULL_PLAN_THEN(head).map(asked)));
  }, 120_000);

  it("asks nothing ahead for --help, for another command, or for a command line it cannot read", async () => {
    expect(askCommandAhead("plan", ["--help"])).toBe(false);
    expect(askCommandAhead("deploy", [])).toBe(false);
    expect(askCommandAhead("validate", ["--root"])).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), "launch-ahead-none-"));
    temps.push(dir);
    expect(askCommandAhead("plan", ["--root", dir, "--format", "json"])).toBe(true);
    const answer = takeAhead(questionKey(dir, PLAN_FIRST[0]!));
    expect(answer).toBeDefined();
    // Not a repository: git's failure is an answer, not an error.
    expect((await answer!).ok).toBe(false);
    expect(takeAhead(questionKey(dir, PLAN_FIRST[0]!))).toBeUndefined();
    await Promise.all(PLAN_FIRST.slice(1).map((q) => takeAhead(questionKey(dir, q))));
  }, 30_000);

  it("asks what follows from HEAD's commit only once git has named one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "launch-ahead-then-"));
    temps.push(dir);
    gitInit(dir); // a repository without a commit: HEAD names none
    // A git that writes down what it is asked (the questions run under one sh, src/git/batch.mjs).
    const bin = mkdtempSync(join(tmpdir(), "launch-ahead-git-"));
    temps.push(bin);
    const log = join(bin, "calls.txt");
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      askAhead(dir, VALIDATE_FIRST, VALIDATE_THEN);
    } finally {
      process.env.PATH = path;
    }
    const head = takeAhead(questionKey(dir, VALIDATE_FIRST[1]!))!;
    expect((await head).ok).toBe(false);
    await takeAhead(questionKey(dir, VALIDATE_FIRST[0]!));
    await new Promise((r) => setTimeout(r, 100));
    // Nothing that follows from a commit was asked (ls-tree, the deletions' log), only the first questions.
    const calls = readFileSync(log, "utf8").split("\n").filter(Boolean);
    expect(calls.some((c) => c.includes(" ls-tree ") || c.includes("--diff-filter=D"))).toBe(false);
    expect(calls.some((c) => c.includes("rev-parse"))).toBe(true);
    // With a commit, its questions are waiting once its name has come.
    writeFileSync(join(dir, "governance.yaml"), "zones: []\n");
    commitAll(dir, "dasar");
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" }).trim();
    askAhead(dir, VALIDATE_FIRST, VALIDATE_THEN);
    await takeAhead(questionKey(dir, VALIDATE_FIRST[1]!));
    await new Promise((r) => setTimeout(r, 0));
    const listing = takeAhead(questionKey(dir, VALIDATE_THEN(commit)[0]!));
    expect(listing).toBeDefined();
    expect((await listing!).stdout.toString("utf8")).toContain("governance.yaml");
    await Promise.all([VALIDATE_FIRST[0]!, VALIDATE_THEN(commit)[1]!].map((q) => takeAhead(questionKey(dir, q))));
  }, 30_000);

  it("leaves V8's Turbofan out where Node has Maglev (22 and later), keeps it on Node 20 and when told to", async () => {
    expect(withoutTurbofan("24.22.3", {})).toBe(true);
    expect(withoutTurbofan("22.1.0", {})).toBe(true);
    expect(withoutTurbofan("20.20.2", {})).toBe(false);
    expect(withoutTurbofan("24.22.3", { SUBDOMAIN_GITOPS_TURBOFAN: "1" })).toBe(false);
    // What V8 itself then does with a hot function, asked through its natives in a child.
    const probe = `
      const { shortRunCompilers } = await import(${JSON.stringify(pathToFileURL(LAUNCH).href)});
      const dropped = shortRunCompilers();
      const hot = (n) => { let s = 0; for (let i = 0; i < n; i++) s += i; return s; };
      const warm = (f) => { %PrepareFunctionForOptimization(f); f(9); f(9); };
      warm(hot);
      %OptimizeFunctionOnNextCall(hot);
      hot(9);
      const maglev = (n) => n * 2;
      let maglevved = null;
      if (dropped) { warm(maglev); %OptimizeMaglevOnNextCall(maglev); maglev(9); maglevved = (%GetOptimizationStatus(maglev) & 32) !== 0; }
      // V8's OptimizationStatus: 64 is "Turbofanned", 32 "Maglevved".
      console.log(JSON.stringify({ dropped, turbofanned: (%GetOptimizationStatus(hot) & 64) !== 0, maglevved }));`;
    const ask = async (env: Record<string, string>) => {
      const r = await run(process.execPath, ["--allow-natives-syntax", "--input-type=module", "-e", probe], env);
      expect(r.stderr).toBe("");
      return JSON.parse(r.stdout) as { dropped: boolean; turbofanned: boolean; maglevved: boolean | null };
    };
    const modern = Number(process.versions.node.split(".")[0]) >= 22;
    expect(await ask({})).toEqual(modern ? { dropped: true, turbofanned: false, maglevved: true } : { dropped: false, turbofanned: true, maglevved: null });
    expect(await ask({ SUBDOMAIN_GITOPS_TURBOFAN: "1" })).toEqual({ dropped: false, turbofanned: true, maglevved: null });
  }, 60_000);

  it("refuses an unknown command with exit 2 and names the ones it knows", async () => {
    const r = await run(process.execPath, [LAUNCH, "hapus-semua"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("hapus-semua");
    expect(r.stderr).toContain("validate, plan");
  });

  it("rebuilds a bundle whose module changed with the same size and modification time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "launch-bundle-"));
    temps.push(dir);
    const helper = join(dir, "helper.ts");
    writeFileSync(helper, 'export const word: string = "satu";\n');
    writeFileSync(join(dir, "main.ts"), 'import { word } from "./helper.ts";\nexport default word;\n');
    const entry = pathToFileURL(join(dir, "main.ts"));
    const first = await moduleBundle(entry);
    expect(first).toBeDefined();
    expect(await moduleBundle(entry)).toBe(first);
    // Same length, and the old modification time put back, as a careless copy tool would.
    const before = statSync(helper);
    writeFileSync(helper, 'export const word: string = "dua!";\n');
    utimesSync(helper, before.atime, before.mtime);
    expect(statSync(helper).size).toBe(before.size);
    const second = await moduleBundle(entry);
    expect(second).not.toBe(first);
    // A command's bundle is CommonJS written inside Node's module wrapper: run as the launcher runs it.
    expect(runScript(createRequire(import.meta.url), second!, undefined, true).exports.default).toBe("dua!");
  }, 120_000);
});

describe("the bundle folder", () => {
  it("drops bundles no manifest names once they are an hour old, and keeps the rest", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "launch-prune-"));
    temps.push(tmp);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const folder = join(tmp, `subdomain-gitops-workers-${process.getuid!()}`);
      mkdirSync(folder, { mode: 0o700 });
      const old = join(folder, "oldoldoldoldoldo.mjs");
      const recent = join(folder, "newnewnewnewnewn.mjs");
      writeFileSync(old, "export {};\n", { mode: 0o600 });
      writeFileSync(recent, "export {};\n", { mode: 0o600 });
      const twoHours = new Date(Date.now() - 2 * 3_600_000);
      utimesSync(old, twoHours, twoHours);
      const src = mkdtempSync(join(tmpdir(), "src-"));
      writeFileSync(join(src, "main.ts"), "export default 1;\n");
      const built = await moduleBundle(pathToFileURL(join(src, "main.ts")));
      expect(built).toBeDefined();
      expect(built!.startsWith(folder)).toBe(true);
      const left = readdirSync(folder);
      expect(left).not.toContain("oldoldoldoldoldo.mjs");
      expect(left).toContain("newnewnewnewnewn.mjs");
      expect(existsSync(built!)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }, 60_000);
});
