import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "./governance.ts";
import { renderAgenda, reserve, type Agenda } from "../../src/letter/agenda.ts";
import { CONTOH } from "../fixtures/contoh.ts";

// The letter and registry commands end to end on the example data, and on bad input: one clear
// line naming the file, line and rule, an exit code, never a stack trace.
const run = promisify(execFile);
const cli = (script: string, args: string[]) =>
  run(process.execPath, ["--import", "tsx", join(ROOT, "src/cli", script), ...args], { cwd: CONTOH, env: { ...process.env, DEBUG: "" } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

/** A copy of the repository's governance and requests with one request broken. */
function brokenRepository(): string {
  const root = mkdtempSync(join(tmpdir(), "papers-bad-"));
  cpSync(join(CONTOH, "governance.yaml"), join(root, "governance.yaml"));
  cpSync(join(CONTOH, "requests"), join(root, "requests"), { recursive: true });
  cpSync(join(ROOT, "schemas"), join(root, "schemas"), { recursive: true });
  const file = join(root, "requests/dinkes/sehat.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/reviewBy: .*/, "reviewBy: besok"));
  return root;
}

/** An agenda file in which puskesmas.yaml has letter 6 of 2026. */
function agendaFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "papers-agenda-"));
  let a: Agenda = { year: 2026, next: 6, letters: [] };
  a = reserve(a, { date: "2026-11-16", pattern: "000.5.9/{seq}/Diskominfo/{year}", opd: "dinkes", request: "requests/dinkes/puskesmas.yaml", pullRequest: 12, kind: "baru" }).agenda;
  writeFileSync(join(dir, "agenda.yaml"), renderAgenda(a));
  return join(dir, "agenda.yaml");
}

describe("letter and registry commands", () => {
  it("write a letter numbered from the agenda and the registry for the example data", async () => {
    const out = mkdtempSync(join(tmpdir(), "papers-out-"));
    const [letter, registry] = await Promise.all([
      cli("letter.ts", ["requests/dinkes/puskesmas.yaml", "--out", out, "--agenda", agendaFile(), "--date", "2026-11-20"]),
      cli("registry.ts", ["--out", join(out, "daftar"), "--source-url", "https://github.com/pemkab/subdomain/blob/main/"]),
    ]);
    expect(letter.stdout).toBe(`Surat 000.5.9/6/Diskominfo/2026 ditulis: ${join(out, "surat-dinkes-puskesmas.pdf")}\n`);
    expect(readFileSync(join(out, "surat-dinkes-puskesmas.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(execFileSync("pdftotext", [join(out, "surat-dinkes-puskesmas.pdf"), "-"], { encoding: "utf8" })).toContain("Contoh, 16 November 2026"); // the agenda's date
    expect(registry.stdout).toMatch(/^Daftar \d+ subdomain ditulis ke /);
    expect(readdirSync(join(out, "daftar")).sort()).toEqual(["daftar-subdomain.csv", "daftar-subdomain.md", "formulir", "index.html"]);
    expect(readdirSync(join(out, "daftar/formulir")).sort()).toEqual(["data.json", "en.html", "formulir.js", "index.html"]);
    expect(readFileSync(join(out, "daftar/index.html"), "utf8")).toContain('href="https://github.com/pemkab/subdomain/blob/main/requests/dinkes/sehat.yaml"');
  }, 60_000);

  it("write no letter for a request the agenda has not numbered, say why, and write a marked draft only with --draft", async () => {
    const out = mkdtempSync(join(tmpdir(), "papers-out-"));
    const none = await cli("letter.ts", ["requests/dinkes/sehat.yaml", "--out", out, "--agenda", agendaFile(), "--date", "2026-11-20"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("Belum ada nomor agenda untuk requests/dinkes/sehat.yaml");
    expect(readdirSync(out)).toEqual([]);
    const draft = await cli("letter.ts", ["requests/dinkes/sehat.yaml", "--out", out, "--agenda", agendaFile(), "--date", "2026-11-20", "--draft"]);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain("Konsep surat tanpa nomor");
    const text = execFileSync("pdftotext", [join(out, "konsep-dinkes-sehat.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("KONSEP");
    expect(text).toContain("belum bernomor");
    expect(text).not.toContain("Diskominfo/2026");
  }, 60_000);

  it("answer bad input with the file, line and rule, and write nothing", async () => {
    const root = brokenRepository();
    const out = join(root, "out");
    const [letter, registry, missing, usage] = await Promise.all([
      cli("letter.ts", [join(root, "requests/dinkes/sehat.yaml"), "--root", root, "--out", out, "--draft"]),
      cli("registry.ts", ["--root", root, "--out", out]),
      cli("letter.ts", [join(root, "requests/dinkes/tidak-ada.yaml"), "--root", root, "--out", out, "--draft"]),
      cli("letter.ts", [join(root, "requests/dinkes/sehat.yaml"), "--root", root, "--date", "2 Maret"]),
    ]);
    expect(letter.code).toBe(1);
    expect(letter.stderr).toMatch(/^requests\/dinkes\/sehat\.yaml:\d+:\d+: galat \[[a-z.-]+\]/m);
    expect(registry.code).toBe(1);
    expect(registry.stderr).toMatch(/requests\/dinkes\/sehat\.yaml:\d+:\d+: galat/);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("requests/dinkes/tidak-ada.yaml:1:1: galat [papers.not-found] Berkas requests/dinkes/tidak-ada.yaml tidak ditemukan.");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--date: TTTT-BB-HH");
    for (const r of [letter, registry, missing, usage]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
