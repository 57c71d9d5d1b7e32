// One problem repeated across many files gives a report that grows linearly: 5,000 files that
// claim one name each name their first other owner and a count, never the 4,999 others, and the
// command ends with diagnostics, never "unexpected failure".
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { GOVERNANCE_TEXT, requestText } from "../validate/helpers.ts";

const REPO = join(import.meta.dirname, "../..");
const root = mkdtempSync(join(tmpdir(), "bounded-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a name claimed by 5,000 files", () => {
  it("gives one bounded line per file, naming the first other owner and a count", async () => {
    writeFileSync(join(root, "governance.yaml"), GOVERNANCE_TEXT);
    mkdirSync(join(root, "requests/dinkes"), { recursive: true });
    const text = requestText({}, "portal");
    const N = 5000;
    for (let i = 0; i < N; i++) writeFileSync(join(root, `requests/dinkes/portal-${String(i).padStart(4, "0")}.yaml`), text);
    let out = { stdout: "", stderr: "", code: 0 };
    try {
      const r = await promisify(execFile)(join(REPO, "node_modules/.bin/tsx"), [join(REPO, "src/cli/validate.ts"), "--root", root, "--today", "2026-11-22", "--lang", "en"], {
        env: { ...process.env, GITHUB_ACTIONS: "" },
        maxBuffer: 1 << 26,
      });
      out = { ...r, code: 0 };
    } catch (e) {
      out = e as typeof out;
    }
    expect(out.stderr).not.toMatch(/unexpected failure/i);
    expect(out.code).toBe(1);
    const unique = out.stdout.split("\n").filter((l) => l.includes("[name.unique]"));
    expect(unique).toHaveLength(N);
    expect(unique[0]).toContain("already used by another request of your own OPD (requests/dinkes/portal-0001.yaml and 4998 other files)");
    expect(unique[1]).toContain("already used by another request of your own OPD (requests/dinkes/portal-0000.yaml and 4998 other files)");
    // Linear: no line names more than one other file.
    for (const l of unique) expect(l.match(/requests\/dinkes\/portal-\d{4}\.yaml/g)!.length).toBe(2);
    expect(out.stdout.length).toBeLessThan(N * 600);
  }, 120_000);
});
