// The page never disagrees with CI: for every example request of the fixture government and every
// request file of the invalid fixtures, the browser bundle (run in node:vm) reports exactly what
// `npm run validate --format json` reports for that file: rule, line, column, severity and both
// messages. The bundle sees only the data the page is published with (formData), not the files.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { formData } from "../../src/form/page/data.ts";
import { discoverRequests } from "../../src/load/discover.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { CONTOH } from "../fixtures/contoh.ts";
import { bundledForm, plain } from "./bundle.ts";

const ROOT = join(import.meta.dirname, "../..");
const INVALID = join(import.meta.dirname, "../fixtures/invalid");
const TODAY = "2026-11-22";
const run = promisify(execFile);

/** `npm run validate -- --root R --format json`: the CLI itself, as CI runs it. */
async function cliDiagnostics(root: string): Promise<Diagnostic[]> {
  const r = await run(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/validate.ts"), "--root", root, "--today", TODAY, "--format", "json"], { cwd: ROOT, maxBuffer: 64 << 20 }).catch(
    (e: { stdout: string }) => e,
  );
  return (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}

const roots: [string, string][] = [["contoh", CONTOH], ...readdirSync(INVALID).map((n): [string, string] => [`invalid/${n}`, join(INVALID, n)])];

describe.each(roots)("fixture repository %s", (_name, root) => {
  it("gives every request file the same diagnostics in the page's bundle as npm run validate", async () => {
    const { api } = bundledForm();
    const expected = await cliDiagnostics(root);
    const v = validateRepository(root, TODAY);
    const data = formData(v.governance!, v.requests, v.retained ?? []);
    const files = discoverRequests(root).files;
    expect(files.length).toBeGreaterThan(0);
    let compared = 0;
    for (const file of files) {
      const actual = plain(api.checkFile(file, new Uint8Array(readFileSync(join(root, file))), data, TODAY).diagnostics);
      expect({ file, diagnostics: actual }).toEqual({ file, diagnostics: expected.filter((d) => d.file === file) });
      compared += actual.length;
    }
    // The comparison is not vacuous: the invalid fixtures are full of findings.
    if (root !== CONTOH) expect(compared).toBeGreaterThan(0);
  }, 120_000);
});

it("the example requests are valid for the page too (nothing hides behind a refusal to run)", async () => {
  const { api } = bundledForm();
  const v = validateRepository(CONTOH, TODAY);
  const data = formData(v.governance!, v.requests, v.retained ?? []);
  for (const { file } of v.requests) {
    const r = api.checkFile(file, new Uint8Array(readFileSync(join(CONTOH, file))), data, TODAY);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  }
});
