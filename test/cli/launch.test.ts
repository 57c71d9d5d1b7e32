// `npm run validate` and `npm run plan` start from src/cli/launch.mjs, plain JavaScript without
// tsx: what they say must be exactly what the TypeScript says run through tsx, an unknown command
// is refused, and a bundle whose module changed is never run, even when the change kept the
// file's size and modification time (the quick freshness check goes by the change time too).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand, validateCli } from "./run.ts";
import { moduleBundle } from "../../src/load/worker-bundle.ts";

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
    expect((await import(pathToFileURL(second!).href)).default).toBe("dua!");
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
