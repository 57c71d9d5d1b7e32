// What `npm run validate` and a pull request's plan load at their start: not node:crypto, whose
// loading costs 12-16 ms of a start on Node 24 (src/model/digest.ts hashes names and keys in
// JavaScript; node:crypto is loaded only for megabytes, and when a bundle is built). The commands
// run as package.json runs them, each a process of its own, with a preload that records at exit
// which of Node's modules the process loaded.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_TODAY, generateRepository } from "../../scripts/bench/lib/shapes.ts";
import { enterpriseGovernance } from "../../scripts/bench/plan-process.ts";
import { commitAll, gitInit, sh, writeFiles } from "../plan/fixture.ts";

const REPO = join(import.meta.dirname, "../..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let root = "";
let work = "";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "start-modules-"));
  dirs.push(work);
  // Written at exit: the crypto modules this process loaded, and the kind of run it turned out to
  // be (a plan that could not use the snapshot says "plan-full": src/load/run-bundle.mjs).
  writeFileSync(
    join(work, "record.cjs"),
    `process.on("exit", () => require("node:fs").appendFileSync(process.env.START_MODULES_OUT, JSON.stringify({ crypto: process.moduleLoadList.filter((m) => /crypto/.test(m)), took: globalThis[Symbol.for("subdomain-gitops.run-kind")] ?? null }) + "\\n"));\n`,
  );
  root = generateRepository(120, 11);
  dirs.push(root);
  // An Enterprise zone (no record quota), as the bench's: the plan refuses to exceed Free's 200 records.
  writeFiles(root, { ".gitignore": ".cache/\nout/\n", "governance.yaml": enterpriseGovernance(readFileSync(join(root, "governance.yaml"), "utf8")) });
  gitInit(root);
  commitAll(root, "dasar");
}, 120_000);

/** One command as package.json runs it (the same node flags), with the recording preload; what it recorded. */
function command(name: "validate" | "plan", args: string[]): { crypto: string[]; took: string | null } {
  const flags = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[name]!.split(" ").slice(1, -2);
  const out = join(work, `record-${Date.now()}-${Math.random()}.jsonl`);
  execFileSync(process.execPath, [...flags, "--require", join(work, "record.cjs"), join(REPO, "src/cli/launch.mjs"), name, "--root", root, "--today", BENCH_TODAY, ...args], {
    cwd: REPO,
    env: { ...process.env, START_MODULES_OUT: out },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // One line per thread that ran the preload (a worker started with the parent's flags records too).
  const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { crypto: string[]; took: string | null });
  return { crypto: lines.flatMap((l) => l.crypto), took: lines[0]!.took };
}

describe("the start of validate and of a pull request's plan", () => {
  it("validate loads no node:crypto (once its bundle is built)", () => {
    command("validate", []); // may build the bundle: hashing its inputs loads node:crypto
    expect(command("validate", []).crypto).toEqual([]);
  }, 120_000);

  it("a plan from the base's snapshot, one request changed, loads no node:crypto; one that reads every file may", () => {
    const cache = join(work, "cache");
    const out = () => join(work, `out-${Date.now()}`);
    // The base commit's own plan (clean tree, --snapshot as main's plan-cache workflow) leaves the snapshot.
    command("plan", ["--cache", cache, "--out", out(), "--snapshot"]);
    expect(readdirSync(cache).some((f) => f.startsWith("snapshot-"))).toBe(true);
    const file = sh(root, "ls-files", "requests").split("\n").filter(Boolean)[3]!;
    writeFileSync(join(root, file), readFileSync(join(root, file), "utf8").replace(/^purpose: .*$/m, "purpose: Layanan yang diperbarui"));
    command("plan", ["--cache", cache, "--out", out()]); // may write the code cache of this kind of run
    const pr = command("plan", ["--cache", cache, "--out", out()]);
    expect(pr.took).toBeNull(); // the snapshot served
    expect(pr.crypto).toEqual([]);
    // The recording sees node:crypto where it is loaded: a plan that reads every file writes its
    // check cache, whose SHA-256 (megabytes) is node:crypto's.
    const full = command("plan", ["--cache", join(work, "other-cache"), "--out", out()]);
    expect(full.took).toBe("plan-full");
    expect(full.crypto.length).toBeGreaterThan(0);
  }, 300_000);
});
