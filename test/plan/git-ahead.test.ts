// The plan asks git its questions ahead, on the event loop, while the working tree's files are
// checked, and shares identical questions within one run (src/git/run.ts, src/artifacts/run.ts).
// Attacked here: the answers must be exactly those of asking synchronously, one by one, when the
// base differs from HEAD, the working tree from both, a hosting file was deleted — and when any
// one git command fails mid-way, when git is missing, when two plans run at once in one process,
// and when the repository changes between two plans of one process.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateRepository } from "../../scripts/bench/lib/shapes.ts";
import { baseRef, completeNameserverAddresses, runPlan, type PlanOptions } from "../../src/artifacts/run.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { desiredState } from "../../src/state/desired-state.ts";
import { baseState } from "../../src/plan/base.ts";
import { diffStates } from "../../src/plan/diff.ts";
import { quotaMessages, quotaUsage } from "../../src/plan/quota.ts";
import { renderJson } from "../../src/plan/render-json.ts";
import { fileHistory } from "../../src/git/history.ts";
import { renderZone, zoneSerial } from "../../src/targets/zone/render.ts";
import { registryRows } from "../../src/targets/registry/rows.ts";
import { registryCsv } from "../../src/targets/registry/render.ts";
import { asciiHost } from "../../src/state/names.ts";
import { requestYaml } from "./fixture.ts";

const TODAY = "2026-06-01";
const REAL_GIT = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
let root = "";
let other = "";
let bin = "";
const PATH = process.env.PATH;

/** Commits dated as the registry reads them (the committer's date). */
const git = (dir: string, ...args: string[]) =>
  execFileSync(REAL_GIT, ["-c", "user.name=Uji", "-c", "user.email=uji@contohkab.go.id", "-c", "commit.gpgsign=false", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_COMMITTER_DATE: "2026-05-05T10:00:00+07:00" } });

/** A generated repository in git, its governance on an Enterprise zone (no record quota under test here). */
function repository(files: number, seed: number): string {
  const dir = generateRepository(files, seed);
  const gov = join(dir, "governance.yaml");
  writeFileSync(gov, readFileSync(gov, "utf8").replace(/^( {2}- name: [^\n]+\n)/gm, "$1    provider: { name: cloudflare, plan: enterprise }\n"));
  writeFileSync(join(dir, ".gitignore"), "out/\n");
  git(dir, "init", "-q", "-b", "main");
  return dir;
}

beforeAll(() => {
  // The base commit; HEAD deletes a hosting file (a retained tenant) and changes a request; the
  // working tree changes another one and adds a file: base, HEAD and working tree all differ.
  root = repository(60, 11);
  writeFileSync(join(root, "requests/opd02/portal-lama.yaml"), requestYaml({ label: "portal-lama", opd: "opd02", target: { hosting: { storage: "5Gi" } } }));
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "dasar");
  const [first, second] = git(root, "ls-files", "requests/opd01").trim().split("\n");
  git(root, "rm", "-q", "requests/opd02/portal-lama.yaml");
  writeFileSync(join(root, first!), readFileSync(join(root, first!), "utf8").replace(/^purpose: .*$/m, "purpose: Layanan informasi publik yang diperbarui pada HEAD"));
  git(root, "commit", "-q", "-am", "ubah");
  writeFileSync(join(root, second!), readFileSync(join(root, second!), "utf8").replace(/^purpose: .*$/m, "purpose: Layanan informasi publik yang diubah di pohon kerja"));
  writeFileSync(join(root, "requests/opd03/baru-sekali.yaml"), requestYaml({ label: "baru-sekali", opd: "opd03", target: { server: { ipv4: ["36.91.10.9"] } } }));
  other = repository(30, 5);
  git(other, "add", "-A");
  git(other, "commit", "-q", "-m", "dasar");
  // A git that fails the commands whose arguments contain $FAIL_GIT, and runs the real one otherwise.
  bin = mkdtempSync(join(tmpdir(), "git-palsu-"));
  writeFileSync(join(bin, "git"), `#!/bin/sh\nif [ -n "$FAIL_GIT" ]; then case "$*" in *"$FAIL_GIT"*) echo "fatal: gagal buatan" >&2; exit 128;; esac; fi\nexec ${REAL_GIT} "$@"\n`);
  chmodSync(join(bin, "git"), 0o755);
});
afterAll(() => {
  for (const d of [root, other, bin]) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  process.env.PATH = PATH;
  delete process.env.FAIL_GIT;
});

const options = (dir: string, base?: string): PlanOptions => ({
  root: dir,
  ...(base !== undefined ? { base } : {}),
  out: join(dir, "out"),
  lang: "id",
  allowLargeChange: true,
  today: TODAY,
  ingress: { ipv4: ["192.0.2.80"] },
  nameserverAddresses: {},
  cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
  outThread: false,
});

/** The plan and the git-dependent parts of out/, every question asked synchronously, one after another, outside any plan. */
function synchronousReference(o: PlanOptions): { plan: string; files: Map<string, string> } {
  const v = validateRepository(o.root, TODAY);
  const governance = v.governance!;
  const state = desiredState(v.requests, governance, v.retained);
  const { ref, notes } = baseRef(o);
  const base = baseState(o.root, ref, TODAY, governance.adoption?.base);
  const label = base.commit ? (o.base ? `${o.base} (${base.commit.slice(0, 12)})` : base.commit.slice(0, 12)) : null;
  const quota = quotaMessages(quotaUsage(state, governance, o.ingress));
  const plan = diffStates(base.state, state, { base: label, notes: [...notes, ...base.notes, ...quota.warnings, ...quota.over] });
  const history = fileHistory(o.root, undefined, governance.adoption?.base);
  const zone = { serial: zoneSerial(history.commits, governance.workingHours.timeZone, TODAY), ingress: o.ingress, nameserverAddresses: completeNameserverAddresses(governance.zones, o.nameserverAddresses).addresses };
  const files = new Map<string, string>();
  for (const z of governance.zones) files.set(`zones/${asciiHost(z.name)}.zone`, renderZone(z, state.records, zone));
  files.set("registry.csv", registryCsv(registryRows(v.requests, governance, history.files, TODAY), "id"));
  return { plan: renderJson(plan), files };
}

/** runPlan against the synchronous reference: the same plan, the same zones and registry. */
async function sameAsSynchronous(o: PlanOptions) {
  rmSync(o.out!, { recursive: true, force: true });
  const r = await runPlan(o);
  if (r.kind !== "planned") throw new Error(JSON.stringify(r.diagnostics.slice(0, 3)));
  const expected = synchronousReference(o);
  expect(renderJson(r.plan)).toBe(expected.plan);
  for (const [path, text] of expected.files) expect(readFileSync(join(o.out!, path), "utf8"), path).toBe(text);
  return r;
}

describe("git asked ahead, during the checks", () => {
  it("answers as synchronous questions do when base, HEAD and the working tree all differ", async () => {
    const r = await sameAsSynchronous(options(root, "HEAD~1"));
    // The case is what it claims: changes against the base, a retained tenant, a dated registry.
    expect(r.plan.summary.create + r.plan.summary.update).toBeGreaterThan(0);
    expect(r.state.tenants.some((t) => t.deletedFile)).toBe(true);
    expect(readFileSync(join(root, "out/registry.csv"), "utf8")).toMatch(/2026-05-05/);
    // The default base (merge base with main) too.
    await sameAsSynchronous(options(root));
  });

  // Each git command the plan runs, failing alone: the plan comes out as if asked synchronously
  // under the same failure (a base "not found", no history, no retained tenants...), never a crash.
  it.each([
    ["the tree listings", "ls-tree"],
    ["the file history", "--name-status"],
    ["the deletions' log", "--diff-filter=D"],
    ["the working tree's changes", "diff --no-renames"],
    ["the repository's top", "--show-toplevel"],
    ["the deleted files' last versions", "cat-file"],
    ["the merge base", "merge-base"],
    ["resolving revisions", "rev-parse --verify"],
  ])("answers as synchronous questions do when %s fail", async (_, pattern) => {
    process.env.PATH = `${bin}:${PATH}`;
    process.env.FAIL_GIT = pattern;
    await sameAsSynchronous(options(root, "HEAD~1"));
    await sameAsSynchronous(options(root));
  });

  it("plans with everything new when git cannot be run at all", async () => {
    process.env.PATH = join(bin, "tidak-ada");
    const o = options(root, "HEAD~1");
    rmSync(o.out!, { recursive: true, force: true });
    const r = await runPlan(o);
    if (r.kind !== "planned") throw new Error("not planned");
    expect(r.plan.base).toBeNull();
    expect(r.plan.summary.update + r.plan.summary.delete).toBe(0);
    expect(r.plan.summary.create).toBe(r.state.records.length + r.state.tenants.length);
    process.env.PATH = PATH;
  });

  it("keeps two plans running at once in one process apart", async () => {
    const a = options(root, "HEAD~1");
    const b = { ...options(other, "HEAD"), out: join(other, "out") };
    const [ra, rb] = await Promise.all([runPlan(a), runPlan(b)]);
    const alone = [synchronousReference(a), synchronousReference(b)];
    if (ra.kind !== "planned" || rb.kind !== "planned") throw new Error("not planned");
    expect(renderJson(ra.plan)).toBe(alone[0]!.plan);
    expect(renderJson(rb.plan)).toBe(alone[1]!.plan);
  });

  it("asks again in the next plan: a commit between two plans of one process is seen", async () => {
    const dir = repository(20, 8);
    try {
      git(dir, "add", "-A");
      git(dir, "commit", "-q", "-m", "satu");
      const first = await sameAsSynchronous(options(dir, "HEAD"));
      expect(first.plan.summary.create).toBe(0);
      mkdirSync(join(dir, "requests/opd01"), { recursive: true });
      writeFileSync(join(dir, "requests/opd01/tambahan.yaml"), requestYaml({ label: "tambahan", opd: "opd01", target: { server: { ipv4: ["36.91.10.10"] } } }));
      const dirty = await sameAsSynchronous(options(dir, "HEAD"));
      expect(dirty.plan.summary.create).toBeGreaterThan(0);
      git(dir, "add", "-A");
      git(dir, "commit", "-q", "-m", "dua");
      const committed = await sameAsSynchronous(options(dir, "HEAD"));
      expect(committed.plan.summary.create).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
