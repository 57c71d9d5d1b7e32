// The validate command as a user runs it: exit codes, languages, formats, annotations, narrowing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateCli } from "../cli/run.ts";
import { CATALOGUE, catalogueMarkdown } from "../../src/validate/catalogue.ts";
import { governanceToday } from "../../src/load/repository.ts";
import { GOVERNANCE_TEXT, requestText } from "./helpers.ts";

const temps: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const REPO = join(import.meta.dirname, "../..");
const INVALID = join(REPO, "test/fixtures/invalid/rules");

const cli = validateCli;

function validRepo(): string {
  const root = tempDir("cli-");
  writeFileSync(join(root, "governance.yaml"), GOVERNANCE_TEXT);
  mkdirSync(join(root, "requests/dinkes"), { recursive: true });
  writeFileSync(join(root, "requests/dinkes/sehat.yaml"), requestText());
  return root;
}

describe.concurrent("npm run validate", () => {
  it("exits 0 and says all is valid for a valid repository", async () => {
    const r = await cli(["--root", validRepo(), "--today", "2026-11-22"]);
    expect(r).toMatchObject({ code: 0, stdout: "Semua berkas valid. (2)\n" });
  });
  it("exits 1 with file:line:column: galat [rule] lines and a summary", async () => {
    const r = await cli(["--root", INVALID, "--today", "2026-11-22"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^requests\/\S+:\d+:\d+: (galat|peringatan) \[[a-z0-9.-]+\] \S/);
    expect(lines.at(-1)).toMatch(/^\d+ galat, 2 peringatan dalam \d+ berkas\.$/);
    expect(r.stderr).toBe("");
  });
  it("speaks English with --lang en", async () => {
    const r = await cli(["--root", INVALID, "--today", "2026-11-22", "--lang", "en", "requests/dinkes/ip-privat.yaml"].map((a) => (a.startsWith("requests/") ? join(INVALID, a) : a)));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("requests/dinkes/ip-privat.yaml:24:9: error [address.public] `10.0.0.5` is not a public address");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("8 errors, 0 warnings in 64 files.");
  });
  it("narrows the report to the paths given, still judging uniqueness on every file", async () => {
    const r = await cli(["--root", INVALID, "--today", "2026-11-22", "--format", "json", join(INVALID, "requests/disdik")]);
    const json = JSON.parse(r.stdout) as { files: number; errors: number; diagnostics: { file: string; rule: string; line: number }[] };
    expect(r.code).toBe(1);
    expect(json.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(["requests/disdik/milik-dinkes.yaml:3 path.match", "requests/disdik/xn--bcher-kva.yaml:2 name.unique"]);
    expect(json.errors).toBe(2);
  });
  it("adds GitHub annotations when GITHUB_ACTIONS=true", async () => {
    const r = await cli(["--root", INVALID, "--today", "2026-11-22", join(INVALID, "requests/dinkes/cermin.yaml")], { GITHUB_ACTIONS: "true" });
    expect(r.stdout).toContain("requests/dinkes/cermin.yaml:22:10: galat [cname.self]");
    expect(r.stdout).toMatch(/^::error file=requests\/dinkes\/cermin\.yaml,line=22,col=10,title=cname\.self::Alias `cermin\.contohkab\.go\.id` menunjuk/m);
  });
  it.each([
    [["--format", "xml"]],
    [["--lang", "fr"]],
    [["--today", "2026-02-30"]],
    [["--unknown"]],
    [["/etc/passwd"]],
  ])("exits 2 on bad usage %j, with one line of help and no stack trace", async (args) => {
    const r = await cli(["--root", INVALID, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage|--lang must/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it("lists every rule with --rules, in the language asked", async () => {
    const id = await cli(["--rules"]);
    const en = await cli(["--rules", "--lang", "en"]);
    expect(id.code).toBe(0);
    for (const e of CATALOGUE) {
      expect(id.stdout).toContain(e.summary.id);
      expect(en.stdout).toContain(e.summary.en);
    }
    expect(id.stdout.trimEnd().split("\n")).toHaveLength(CATALOGUE.length);
  });
  it("judges dates in the governance time zone by default", async () => {
    const root = validRepo();
    writeFileSync(join(root, "requests/dinkes/sehat.yaml"), requestText({ letter: { number: "1/2026", date: "2099-01-01", scan: "https://x.go.id/1.pdf" } }));
    const r = await cli(["--root", root, "--lang", "en"]);
    expect(r.stdout).toContain(`(today is ${governanceToday(undefined)})`);
  });
});

describe("today and the rule table", () => {
  it("is the date in the governance time zone (WIB, WITA, WIT)", () => {
    const gov = (timeZone: string) => ({ workingHours: { timeZone } }) as Parameters<typeof governanceToday>[0];
    const now = new Date("2026-11-22T16:30:00Z");
    expect(governanceToday(gov("Asia/Jakarta"), now)).toBe("2026-11-22");
    expect(governanceToday(gov("Asia/Makassar"), now)).toBe("2026-11-23");
    expect(governanceToday(gov("Asia/Jayapura"), now)).toBe("2026-11-23");
  });
  it("keeps the README's rule table equal to the rule list", () => {
    expect(readFileSync(join(REPO, "README.md"), "utf8")).toContain(catalogueMarkdown("id"));
  });
  it("has a catalogue entry for every rule id a diagnostic can carry, each once", () => {
    const ids = CATALOGUE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
