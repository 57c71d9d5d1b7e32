// The scheduled verify-dns run keeps one issue of its own (label dns-berbeda) beside the drift
// issue, against the fake GitHub: opened, updated, closed, never touching the drift issue; the
// server's text arrives as already-escaped Markdown and is not fenced twice.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DNS_ISSUE, reportDrift } from "../../src/github/drift.ts";
import { cli, REPO } from "../adopt/clone.ts";
import { world, type World } from "../github/setup.ts";

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  expect(w.fake.mismatches).toEqual([]);
  await w.fake.stop();
});

describe("the verify-dns issue", () => {
  it("is one issue of its own, independent of the drift issue", async () => {
    const drift = await reportDrift(w.bot, w.ref, { drifted: true, report: "~ cloudflare:DnsRecord sehat A" });
    const report = "| Berbeda | layanan.contohkab.go.id A | a | b |";
    const a = await reportDrift(w.bot, w.ref, { drifted: true, report, kind: DNS_ISSUE, runUrl: "https://example.invalid/run/1" });
    expect(a.action).toBe("opened");
    expect(a.issue).not.toBe(drift.issue);
    const issue = w.fake.issue(a.issue!)!;
    expect(issue.labels).toEqual(["dns-berbeda"]);
    expect(issue.title).toBe(DNS_ISSUE.title);
    expect(issue.body).toContain(report);
    expect(issue.body).not.toContain("```");
    expect((await reportDrift(w.bot, w.ref, { drifted: true, report, kind: DNS_ISSUE, runUrl: "https://example.invalid/run/1" })).action).toBe("unchanged");
    expect(await reportDrift(w.bot, w.ref, { drifted: true, report: "| Lebih | x | — | y |", kind: DNS_ISSUE })).toEqual({ action: "updated", issue: a.issue });
    expect(await reportDrift(w.bot, w.ref, { drifted: false, report: "", kind: DNS_ISSUE })).toEqual({ action: "closed", issue: a.issue });
    expect(w.fake.issue(drift.issue!)!.state).toBe("open");
  });

  it("drift-issue --check dns: a check that could not ask (3) fails and leaves the issue alone; 8 of drift means differs", () => {
    const dir = mkdtempSync(join(tmpdir(), "verify-issue-"));
    try {
      writeFileSync(join(dir, "r.md"), "x");
      const r = cli(REPO, "drift-issue", ["--check", "dns", "--exit-code", "3", "--report", join(dir, "r.md")]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("Pemeriksaan DNS gagal (kode 3)");
      expect(cli(REPO, "drift-issue", ["--check", "nslookup", "--exit-code", "0", "--report", join(dir, "r.md")]).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
