// Paths given to `npm run validate` with --root: a relative path is taken from the working
// directory when it lands in the repository, and otherwise from the repository's top, so
// `npm run validate -- --root ../kab requests/dinkes` checks ../kab/requests/dinkes (it used to
// be refused as "outside the repository"). A path leaving the repository is still refused.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, validateCli } from "./run.ts";

const INVALID = join(REPO, "test/fixtures/invalid/rules");
const reported = (stdout: string) => [...new Set((JSON.parse(stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file))].sort();
const args = ["--root", INVALID, "--today", "2026-11-22", "--format", "json"];

describe("validate's paths with --root", () => {
  it("takes a relative path from the repository's top when the working directory is elsewhere", async () => {
    // The tests run from this project's top, where requests/dinkes (if any) is not under INVALID.
    const r = await validateCli([...args, "requests/dinkes"]);
    expect(r.stderr).toBe("");
    const files = reported(r.stdout);
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f.startsWith("requests/dinkes/") || f === "governance.yaml")).toBe(true);
  }, 60_000);

  it("gives the same report for the same folder named from the working directory", async () => {
    const [fromTop, fromHere] = await Promise.all([validateCli([...args, "requests/dinkes"]), validateCli([...args, join(INVALID, "requests/dinkes")])]);
    expect(fromTop).toEqual(fromHere);
  }, 60_000);

  it("still refuses a path that leaves the repository, and one that names nothing", async () => {
    const out = await validateCli([...args, "../../../package.json"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("path outside the repository");
    const none = await validateCli([...args, "requests/tidak-ada"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Tidak ditemukan: requests/tidak-ada");
  }, 60_000);
});
