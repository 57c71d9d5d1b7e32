// Every `npm run` command answers --help with its usage and does nothing else: run in a temporary
// copy of the repository, each leaves `git status` clean, exits 0 and prints only a usage text
// (a command that ignored --help would write files, run a benchmark or ask for GITHUB_TOKEN).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, cloneRelease, REPO } from "../adopt/clone.ts";

const scripts = Object.keys((JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
// The repository's files as a fresh repository, with the tests' own government in place of this
// checkout's requests/ and governance.yaml: the commands below must not depend on what a
// government has put there (an adoption in progress may hold an invalid governance.yaml).
const { root: dir } = cloneRelease("help-");
const git = (...args: string[]) => spawnSync("git", args, { cwd: dir, encoding: "utf8" });
afterAll(cleanup);

describe("npm run <command> -- --help", () => {
  it.each(scripts)("%s prints its usage and changes nothing", (name) => {
    const env = { ...process.env, GITHUB_TOKEN: "", GITHUB_REPOSITORY: "", GITHUB_ACTIONS: "" };
    const r = spawnSync("npm", ["run", "-s", name, "--", "--help"], { cwd: dir, encoding: "utf8", env, timeout: 60_000 });
    expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    // Our commands print "Penggunaan / usage: npm run <name>"; test and typecheck are vitest's and tsc's own help.
    if (name === "test") expect(r.stdout).toMatch(/Usage:|Options:/i);
    else if (name === "typecheck") expect(r.stdout).toContain("tsc: The TypeScript Compiler");
    else {
      expect(r.stdout).toMatch(new RegExp(`^Penggunaan / usage: npm run ${name}\\b`));
      expect(r.stdout.split("\n").length, r.stdout).toBeLessThan(8);
    }
    expect(git("status", "--porcelain", "--ignored").stdout.split("\n").filter((l) => l && !l.endsWith("node_modules")), name).toEqual([]);
  });
});

describe("a path that does not exist", () => {
  const run = (...args: string[]) => spawnSync("npm", ["run", "-s", ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  it("is an error for validate, in both languages, never 'Semua berkas valid'", () => {
    const id = run("validate", "--", "requests/dinkes/tidak-ada.yaml");
    expect(id.status).toBe(2);
    expect(id.stdout).not.toContain("valid");
    expect(id.stderr).toContain("Tidak ditemukan: requests/dinkes/tidak-ada.yaml");
    const en = run("validate", "--", "requests/dinkes/tidak-ada.yaml", "--lang", "en");
    expect(en.stderr).toContain("Not found: requests/dinkes/tidak-ada.yaml");
  });
  it("letter says 'tidak ditemukan' (and 'not found' in English)", () => {
    const id = run("letter", "--", "requests/dinkes/tidak-ada.yaml");
    expect(id.status).toBe(1);
    expect(id.stdout + id.stderr).toContain("Berkas requests/dinkes/tidak-ada.yaml tidak ditemukan");
    const en = run("letter", "--", "requests/dinkes/tidak-ada.yaml", "--lang", "en");
    expect(en.stdout + en.stderr).toContain("File requests/dinkes/tidak-ada.yaml not found");
  });
});
