import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { letterSequence, resolveLetterNumber, ShallowHistoryError } from "../../src/letter/sequence.ts";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Uji", "-c", "user.email=uji@contohkab.go.id", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** A repository where requests were added in three commits, one later deleted. */
function history(): string {
  const root = mkdtempSync(join(tmpdir(), "seq-"));
  git(root, "init", "-q");
  mkdirSync(join(root, "requests/dinkes"), { recursive: true });
  mkdirSync(join(root, "requests/bpbd"), { recursive: true });
  writeFileSync(join(root, "requests/dinkes/sehat.yaml"), "a: 1\n");
  git(root, "add", ".");
  git(root, "commit", "-qm", "satu");
  writeFileSync(join(root, "requests/bpbd/siaga.yaml"), "a: 2\n");
  writeFileSync(join(root, "requests/dinkes/lama.yaml"), "a: 3\n");
  git(root, "add", ".");
  git(root, "commit", "-qm", "dua");
  git(root, "rm", "-q", "requests/dinkes/lama.yaml");
  writeFileSync(join(root, "requests/bpbd/peta.yaml"), "a: 4\n");
  git(root, "add", ".");
  git(root, "commit", "-qm", "tiga");
  return root;
}

describe("letter running numbers", () => {
  it("follow the order in which request files were first added, deleted files keeping their place", () => {
    const root = history();
    const files = ["requests/bpbd/peta.yaml", "requests/bpbd/siaga.yaml", "requests/dinkes/sehat.yaml"];
    expect(files.map((f) => letterSequence(root, f, files))).toEqual([4, 2, 1]);
    // Not committed yet: after every committed file.
    expect(letterSequence(root, "requests/setda/baru.yaml", [...files, "requests/setda/baru.yaml"])).toBe(5);
    expect(resolveLetterNumber({ root, file: "requests/bpbd/siaga.yaml", allFiles: files, opd: "bpbd", date: "2026-03-05" })).toBe("000.5.9/2/Diskominfo/2026");
    expect(resolveLetterNumber({ root, file: "x", allFiles: files, opd: "bpbd", date: "2026-03-05", given: "17" })).toBe("000.5.9/17/Diskominfo/2026");
    expect(resolveLetterNumber({ root, file: "x", allFiles: files, opd: "bpbd", date: "2026-03-05", given: "800/1/X/2026" })).toBe("800/1/X/2026");
  });

  it("refuse a shallow clone instead of numbering from its last commits", () => {
    const root = history();
    const shallow = mkdtempSync(join(tmpdir(), "seq-shallow-"));
    git(shallow, "clone", "-q", "--depth", "1", `file://${root}`, "r");
    expect(() => letterSequence(join(shallow, "r"), "requests/bpbd/peta.yaml", ["requests/bpbd/peta.yaml"])).toThrow(ShallowHistoryError);
  });

  it("count in path order outside git", () => {
    const root = mkdtempSync(join(tmpdir(), "seq-nogit-"));
    expect(letterSequence(root, "requests/b.yaml", ["requests/c.yaml", "requests/b.yaml", "requests/a.yaml"])).toBe(2);
  });
});
