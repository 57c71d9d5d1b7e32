// Letter numbers come from the office's agenda only (agenda.yaml on the bot's agenda branch, or a
// file given with --agenda): read from a checkout, the request's latest entry, and nothing when the
// agenda has no entry. Git history plays no part: a file's position, a deleted file, a shallow
// clone change no number.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderAgenda, reserve, type Agenda } from "../../src/letter/agenda.ts";
import { agendaEntryFor, loadAgenda, noNumberMessage } from "../../src/letter/agenda-local.ts";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Uji", "-c", "user.email=uji@contohkab.go.id", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

const PATTERN = "000.5.9/{seq}/Diskominfo/{year}";
function agendaWith(...items: Array<[string, number, "baru" | "ubah" | "hapus", string]>): Agenda {
  let a: Agenda = { year: 2026, next: 1, letters: [] };
  for (const [request, pullRequest, kind, date] of items) a = reserve(a, { date, pattern: PATTERN, opd: "dinkes", request, pullRequest, kind }).agenda;
  return a;
}

/** A repository whose agenda branch holds agenda.yaml, and whose requests were added in an order unrelated to it. */
function repository(agenda: Agenda): string {
  const root = mkdtempSync(join(tmpdir(), "agenda-"));
  git(root, "init", "-q");
  mkdirSync(join(root, "requests/dinkes"), { recursive: true });
  for (const f of ["a", "b", "sehat"]) writeFileSync(join(root, `requests/dinkes/${f}.yaml`), "a: 1\n");
  git(root, "add", ".");
  git(root, "commit", "-qm", "permohonan");
  git(root, "checkout", "-q", "--orphan", "agenda");
  git(root, "rm", "-rq", "--cached", ".");
  writeFileSync(join(root, "agenda.yaml"), renderAgenda(agenda));
  git(root, "add", "agenda.yaml");
  git(root, "commit", "-qm", "agenda");
  git(root, "checkout", "-q", "-f", "main");
  return root;
}

describe("letter numbers from the agenda", () => {
  it("reads the agenda branch of a checkout and gives the request's own number, not its place in git history", () => {
    const root = repository(agendaWith(["requests/dinkes/sehat.yaml", 4, "baru", "2026-03-02"], ["requests/dinkes/a.yaml", 5, "baru", "2026-03-03"]));
    const agenda = loadAgenda(root, 2026);
    expect(agendaEntryFor(agenda, "requests/dinkes/sehat.yaml")?.number).toBe("000.5.9/1/Diskominfo/2026");
    expect(agendaEntryFor(agenda, "requests/dinkes/a.yaml")?.number).toBe("000.5.9/2/Diskominfo/2026");
    // b.yaml was committed before sehat.yaml's letter existed: it still has no number.
    expect(agendaEntryFor(agenda, "requests/dinkes/b.yaml")).toBeUndefined();
  });

  it("gives a changed request its latest letter, and a letter of the kind asked for", () => {
    const a = agendaWith(["requests/dinkes/sehat.yaml", 4, "baru", "2026-03-02"], ["requests/dinkes/sehat.yaml", 9, "ubah", "2026-05-11"]);
    expect(agendaEntryFor(a, "requests/dinkes/sehat.yaml")).toMatchObject({ number: "000.5.9/2/Diskominfo/2026", kind: "ubah", date: "2026-05-11" });
    expect(agendaEntryFor(a, "requests/dinkes/sehat.yaml", "baru")?.number).toBe("000.5.9/1/Diskominfo/2026");
  });

  it("reads an agenda file given with --agenda, and has nothing outside git without one", () => {
    const dir = mkdtempSync(join(tmpdir(), "agenda-file-"));
    writeFileSync(join(dir, "agenda.yaml"), renderAgenda(agendaWith(["requests/dinkes/sehat.yaml", 4, "baru", "2026-03-02"])));
    expect(agendaEntryFor(loadAgenda(dir, 2026, join(dir, "agenda.yaml")), "requests/dinkes/sehat.yaml")?.seq).toBe(1);
    expect(loadAgenda(dir, 2026).letters).toEqual([]);
  });

  it("says what happens when no number has been assigned", () => {
    const m = noNumberMessage("requests/dinkes/b.yaml");
    expect(m.id).toContain("Belum ada nomor agenda untuk requests/dinkes/b.yaml");
    expect(m.id).toContain("Tidak ada surat yang dibuat");
    expect(m.id).toContain("--draft");
    expect(m.en).toContain("No letter was written");
  });
});
