// The incremental plan (src/artifacts/incremental.ts) against the full plan, on a generated repository
// in every shape real files have (scripts/bench/lib/shapes.ts) plus names other files point at:
// for single- and multi-file edits that break rules across files (a name taken, a CNAME target
// gone, a loop, a look-alike, an MX at an alias), the plan made from the base's snapshot must be
// the full plan: the same outcome (diagnostics, plan, state, refusals), the same bytes in out/.
// And a snapshot that is stale (another base, governance) or forged (another repository,
// altered bytes) is not used.
import { appendFileSync, chmodSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { runPlan, type PlanOptions } from "../../src/artifacts/run.ts";
import { REPOSITORY_FACTS } from "../../src/plan/check-cache.ts";
import { planOptions, readTree } from "./plan-fixture.ts";
import { generateRepository, BENCH_TODAY } from "../../scripts/bench/lib/shapes.ts";
import { commitAll, gitInit, requestYaml, sh, writeFiles } from "./fixture.ts";

const LAUNCH = join(import.meta.dirname, "../../src/cli/launch.mjs");

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

const ZONE = "contohkab.go.id";
/** Names other files point at, in the base commit. */
const POINTED: Record<string, string> = {
  "requests/opd01/tujuan.yaml": requestYaml({ label: "tujuan", opd: "opd01", target: { server: { ipv4: ["103.10.20.40"] } }, records: [{ type: "A", name: "surel", values: ["103.10.20.41"] }] }),
  "requests/opd01/pengalias.yaml": requestYaml({
    label: "pengalias",
    opd: "opd01",
    target: { alias: `tujuan.${ZONE}` },
    records: [{ type: "MX", name: "www", values: [{ priority: 10, exchange: `surel.tujuan.${ZONE}` }] }],
  }),
  "requests/opd02/rantai-a.yaml": requestYaml({ label: "rantai-a", opd: "opd02", target: { alias: `rantai-b.${ZONE}` } }),
  "requests/opd02/rantai-b.yaml": requestYaml({ label: "rantai-b", opd: "opd02", target: { alias: "www.example.org" } }),
  "requests/opd03/tempat.yaml": requestYaml({ label: "tempat", opd: "opd03", target: { server: { ipv4: ["103.10.20.50"] } } }),
  // A name not in ASCII: its look-alike key in the snapshot's links is not ASCII either.
  "requests/opd03/xn--mller-kva.yaml": requestYaml({ label: "müller", opd: "opd03", target: { server: { ipv4: ["103.10.20.54"] } } }),
  // Its review date has passed: a warning every plan must still show, taken from the snapshot.
  "requests/opd03/lama.yaml": requestYaml({ label: "lama", opd: "opd03", target: { server: { ipv4: ["103.10.20.53"] } } }).replace(/^reviewBy: .*$/m, "reviewBy: 2026-05-01"),
};

let root: string;
let cacheDir: string;
let generated: string[];

// As main's plan-cache workflow runs it (--snapshot): a clean commit's plan leaves the snapshot.
const options = (extra: Partial<PlanOptions>): PlanOptions => planOptions(root, "HEAD", BENCH_TODAY, { snapshot: true, ...extra });

async function plan(cache: string | undefined, base = "HEAD") {
  const out = temp("inc-out-");
  const r = await runPlan(options({ out, base, ...(cache ? { cacheDir: cache } : {}) }));
  const { cache: use, ...rest } = r;
  const tree = readTree(out);
  rmSync(out, { recursive: true, force: true });
  return { outcome: JSON.parse(JSON.stringify(rest)) as unknown, out: tree, use, r };
}

/** The plan with the base's snapshot equals the full plan; returns how the snapshot was used. */
async function sameAsFull() {
  const full = await plan(undefined);
  const fast = await plan(cacheDir);
  expect(fast.outcome).toEqual(full.outcome);
  expect(fast.out).toEqual(full.out);
  return fast;
}

/** Back to the base commit (untracked request files too); the cache stays (git-ignored). */
function restore() {
  sh(root, "checkout", "-q", "--", ".");
  sh(root, "clean", "-fdq", "--", "requests", "governance.yaml");
}

const text = (p: string) => readFileSync(join(root, p), "utf8");
/** Generated files whose label is written plainly on its own line (easy to edit). */
const plainLabel = (p: string) => /^label: [a-z0-9-]+$/m.test(text(p));
const hosting = (p: string) => /^\s*hosting:/m.test(text(p));

beforeAll(async () => {
  root = generateRepository(240, 7);
  dirs.push(root);
  writeFiles(root, { ...POINTED, ".gitignore": ".cache/\n" });
  gitInit(root);
  commitAll(root, "dasar");
  generated = sh(root, "ls-files", "requests").split("\n").filter((p) => p && !(p in POINTED));
  cacheDir = temp("inc-cache-");
  // The base commit's own plan fills the cache and leaves the snapshot.
  const base = await plan(cacheDir);
  expect(base.r.kind).toBe("planned");
  expect(readdirSync(cacheDir).some((f) => f.startsWith("snapshot-"))).toBe(true);
}, 300_000);

describe("only a plan asked to keeps a snapshot", () => {
  it("a clean commit's plan without --snapshot keeps the files' results but no snapshot, and a plan of one edit based on it reads every file", async () => {
    restore();
    const own = temp("inc-plain-");
    const clean = await runPlan(options({ out: temp("inc-out-"), cacheDir: own, snapshot: false }));
    expect(clean.kind).toBe("planned");
    const kept = readdirSync(own);
    expect(kept.some((f) => f.startsWith("checks-"))).toBe(true);
    expect(kept.some((f) => f.startsWith("snapshot-"))).toBe(false);
    try {
      writeFiles(root, { [generated[4]!]: text(generated[4]!).replace(/^purpose: .*$/m, "purpose: Layanan tanpa snapshot") });
      const edited = await runPlan(options({ out: temp("inc-out-"), cacheDir: own, snapshot: false }));
      expect(edited.kind).toBe("planned");
      // No snapshot to plan from: the full path, where every result kept served (the unchanged
      // files on the working tree's side, the edited file's base version on the base side).
      expect(edited.cache.incremental).toBe("missing");
      expect(edited.cache.hits).toBe(sh(root, "ls-files", "requests").split("\n").filter(Boolean).length);
      expect(readdirSync(own).some((f) => f.startsWith("snapshot-"))).toBe(false);
    } finally {
      restore();
    }
  }, 120_000);

  it("npm run plan -- --snapshot --no-cache is refused: the snapshot has nowhere to go", () => {
    const r = spawnSync(process.execPath, [LAUNCH, "plan", "--root", root, "--snapshot", "--no-cache"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--snapshot: perlu folder cache; hapus --no-cache");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const en = spawnSync(process.execPath, [LAUNCH, "plan", "--root", root, "--snapshot", "--no-cache", "--lang", "en"], { encoding: "utf8" });
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("--snapshot: needs the cache folder; leave out --no-cache");
  });
});

describe("incremental plan from the base's snapshot", () => {
  const cases: [string, () => void, "planned" | "invalid", string[]][] = [
    ["a purpose edited", () => writeFiles(root, { [generated[3]!]: text(generated[3]!).replace(/^purpose: .*$/m, "purpose: Layanan yang diperbarui") }), "planned", []],
    [
      "a label renamed into another file's name",
      () => {
        const p = generated.find(plainLabel);
        expect(p).toBeDefined();
        writeFiles(root, { [p!]: text(p!).replace(/^label: .*$/m, "label: tujuan") });
      },
      "invalid",
      ["name.unique"],
    ],
    ["a CNAME and MX target deleted", () => writeFiles(root, { "requests/opd01/tujuan.yaml": null }), "invalid", ["name.dangling"]],
    ["a CNAME loop made", () => writeFiles(root, { "requests/opd02/rantai-b.yaml": requestYaml({ label: "rantai-b", opd: "opd02", target: { alias: `rantai-a.${ZONE}` } }) }), "invalid", ["cname.loop"]],
    ["a look-alike label added", () => writeFiles(root, { "requests/opd04/ternpat.yaml": requestYaml({ label: "ternpat", opd: "opd04", target: { server: { ipv4: ["103.10.20.51"] } } }) }), "invalid", ["label.confusable"]],
    ["a look-alike of a name not in ASCII added", () => writeFiles(root, { "requests/opd04/xn--rnller-4ya.yaml": requestYaml({ label: "rnüller", opd: "opd04", target: { server: { ipv4: ["103.10.20.55"] } } }) }), "invalid", ["label.confusable"]],
    [
      "an MX exchange's name becomes an alias",
      () =>
        writeFiles(root, {
          "requests/opd01/tujuan.yaml": requestYaml({ label: "tujuan", opd: "opd01", target: { server: { ipv4: ["103.10.20.40"] } }, records: [{ type: "CNAME", name: "surel", value: "mail.example.org" }] }),
        }),
      "invalid",
      ["mx.fields"],
    ],
    [
      "several files: edits, a new name, a new tenant, a deleted name",
      () => {
        writeFiles(root, {
          [generated[5]!]: text(generated[5]!).replace(/^purpose: .*$/m, "purpose: Layanan pertama yang diperbarui"),
          [generated[9]!]: text(generated[9]!).replace(/^purpose: .*$/m, "purpose: Layanan kedua yang diperbarui"),
          "requests/opd05/baru-sekali.yaml": requestYaml({ label: "baru-sekali", opd: "opd05", target: { server: { ipv4: ["103.10.20.52"] } }, records: [{ type: "TXT", values: ["v=spf1 -all"] }] }),
          "requests/opd06/toko-daring.yaml": requestYaml({ label: "toko-daring", opd: "opd06", target: { hosting: { cpu: "1" } } }),
          "requests/opd03/tempat.yaml": null,
        });
      },
      "planned",
      [],
    ],
    [
      "a tenant's quota changed",
      () => {
        const p = generated.find((f) => hosting(f) && /^\s*cpu: "?[12]"?$/m.test(text(f)));
        expect(p).toBeDefined();
        writeFiles(root, { [p!]: text(p!).replace(/^(\s*)cpu: "?[12]"?$/m, '$1cpu: "3"') });
      },
      "planned",
      [],
    ],
    ["the conflict fixed again: an alias pointed elsewhere", () => writeFiles(root, { "requests/opd01/pengalias.yaml": requestYaml({ label: "pengalias", opd: "opd01", target: { alias: "www.example.org" } }) }), "planned", []],
  ];
  for (const [name, edit, kind, rules] of cases)
    it(`${name}: the same as the full plan, from the snapshot`, async () => {
      restore();
      edit();
      const r = await sameAsFull();
      expect(r.use.incremental).toBe("used");
      if (kind === "planned") expect(r.out["plan.json"]).toBeDefined();
      expect(r.r.diagnostics.some((d) => d.file === "requests/opd03/lama.yaml" && d.severity === "warning")).toBe(true);
      expect(r.r.kind).toBe(kind);
      // Each finding where a full run puts it: both files of a conflict, the pointing file of a dangling name.
      for (const rule of rules) expect(r.r.diagnostics.some((d) => d.rule === rule)).toBe(true);
    }, 120_000);

  it("asks git each question once, the repository's facts and the untracked files ahead and together", async () => {
    // A git that writes down what it is asked, then answers as git does.
    const bin = temp("git-catat-");
    const log = join(bin, "calls.txt");
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    restore();
    writeFiles(root, { [generated[5]!]: text(generated[5]!).replace(/^purpose: .*$/m, "purpose: Layanan yang diperbarui sekali lagi") });
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    let r: Awaited<ReturnType<typeof plan>>;
    try {
      r = await plan(cacheDir);
    } finally {
      process.env.PATH = path;
    }
    expect(r.use.incremental).toBe("used");
    const calls = readFileSync(log, "utf8").split("\n").filter(Boolean);
    expect(new Set(calls).size).toBe(calls.length);
    const asked = (args: string[]) => ["-c", "core.quotepath=false", ...args].join(" ");
    const ahead = [...REPOSITORY_FACTS, ["ls-files", "--others", "--directory", "-z", "--", "requests"]].map(asked);
    expect(calls.slice(0, ahead.length).sort()).toEqual([...ahead].sort());
  }, 120_000);

  it("into a fresh out/, the unchanged tenants' manifests are the snapshot's own files, linked by one find; files planted among them are not kept", async () => {
    const snap = join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith("snapshot-"))!);
    const stored = join(snap, "manifests");
    // One named as a namespace could be (find links it; the plan must prune it), one not (find must leave it).
    const planted = ["tenant-tanaman-asing.yaml", "Bukan-Namespace.yaml"];
    for (const f of planted) writeFileSync(join(stored, f), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: asing\n");
    try {
      restore();
      writeFiles(root, { [generated[3]!]: text(generated[3]!).replace(/^purpose: .*$/m, "purpose: Layanan ke out/ yang baru") });
      const full = await plan(undefined);
      // A find that writes down that it ran, then runs as find does.
      const bin = temp("find-catat-");
      const log = join(bin, "calls.txt");
      const realFind = execFileSync("sh", ["-c", "command -v find"], { encoding: "utf8" }).trim();
      writeFileSync(join(bin, "find"), `#!/bin/sh\necho find >> '${log}'\nexec '${realFind}' "$@"\n`);
      chmodSync(join(bin, "find"), 0o755);
      const path = process.env.PATH;
      for (const fresh of ["out", "kubernetes"]) {
        // "out": out/ itself is made; "kubernetes": out/ exists, empty, as a workflow may make it.
        const parent = temp("inc-fresh-");
        const out = fresh === "out" ? join(parent, "out") : parent;
        rmSync(log, { force: true });
        process.env.PATH = `${bin}:${path}`;
        let r: Awaited<ReturnType<typeof runPlan>>;
        try {
          r = await runPlan(options({ out, cacheDir }));
        } finally {
          process.env.PATH = path;
        }
        expect(r.cache.incremental).toBe("used");
        expect(readFileSync(log, "utf8")).toBe("find\n");
        expect(readTree(out)).toEqual(full.out);
        const kept = readdirSync(join(out, "kubernetes")).filter((f) => f !== "00-baseline.yaml");
        expect(kept.length).toBeGreaterThan(0);
        for (const f of kept) expect(statSync(join(out, "kubernetes", f)).ino).toBe(statSync(join(stored, f)).ino);
      }
    } finally {
      for (const f of planted) rmSync(join(stored, f), { force: true });
    }
  }, 120_000);

  it("where find is missing or fails half-way, the manifests are linked one by one, and out/ is the full plan's", async () => {
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    const realLn = execFileSync("sh", ["-c", "command -v ln"], { encoding: "utf8" }).trim();
    // PATH with git and nothing else (no find), then with a find that links one file and fails.
    const noFind = temp("bin-tanpa-find-");
    symlinkSync(realGit, join(noFind, "git"));
    const failing = temp("bin-find-gagal-");
    symlinkSync(realGit, join(failing, "git"));
    writeFileSync(
      join(failing, "find"),
      `#!/bin/sh\nwhile [ "$#" -gt 0 ]; do if [ "$1" = -t ]; then dir=$2; fi; shift; done\nfor f in *.yaml; do '${realLn}' "$f" "$dir/$f"; break; done\nprintf 'setengah\\0'\nexit 1\n`,
    );
    chmodSync(join(failing, "find"), 0o755);
    restore();
    writeFiles(root, { [generated[4]!]: text(generated[4]!).replace(/^purpose: .*$/m, "purpose: Layanan tanpa find") });
    const full = await plan(undefined);
    const path = process.env.PATH;
    for (const bin of [noFind, failing]) {
      const out = join(temp("inc-no-find-"), "out");
      process.env.PATH = bin;
      try {
        const r = await runPlan(options({ out, cacheDir }));
        expect(r.cache.incremental).toBe("used");
      } finally {
        process.env.PATH = path;
      }
      expect(readTree(out)).toEqual(full.out);
      expect(readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => /\.(tmp|list)$/.test(f))).toEqual([]);
    }
  }, 120_000);

  it("a deleted hosting file (its tenant is kept) and a changed governance give the full plan", async () => {
    restore();
    writeFiles(root, { [generated.find(hosting)!]: null });
    expect((await sameAsFull()).use.incremental).not.toBe("used");
    restore();
    writeFiles(root, { "governance.yaml": text("governance.yaml").replace(/^(\s*ttl: )\d+/m, "$1600") + "\n" });
    expect((await sameAsFull()).use.incremental).toBe("missing");
  }, 120_000);

  it("plans from the snapshot into an out/ a plan from the snapshot already filled leave exactly the full plan's files", async () => {
    restore();
    writeFiles(root, { [generated[6]!]: text(generated[6]!).replace(/^purpose: .*$/m, "purpose: Layanan ditulis dua kali") });
    const full = await plan(undefined);
    const out = temp("inc-same-out-");
    for (let run = 0; run < 2; run++) {
      const r = await runPlan(options({ out, cacheDir }));
      expect(r.cache.incremental).toBe("used");
      // Linked manifests already in place: no leftover names beside them (rename onto the same file does nothing).
      expect(readTree(out)).toEqual(full.out);
    }
  }, 120_000);

  it("a stored zone or registry found altered as out/ is written leaves no file of the attempt in an out/ a plan filled", async () => {
    const snap = join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith("snapshot-"))!);
    const out = temp("inc-filled-");
    restore();
    writeFiles(root, { [generated[4]!]: text(generated[4]!).replace(/^purpose: .*$/m, "purpose: Layanan yang diisi dulu") });
    expect((await runPlan(options({ out, cacheDir }))).cache.incremental).toBe("used");
    for (const file of ["zone-0.txt", "registry.md"]) {
      const path = join(snap, file);
      const saved = readFileSync(path);
      const altered = Buffer.from(saved);
      altered[altered.length >> 1]! ^= 0x01;
      rmSync(path); // a new inode: out/ holds hard links of stored files
      writeFileSync(path, altered);
      try {
        writeFiles(root, { [generated[4]!]: text(generated[4]!).replace(/^purpose: .*$/m, `purpose: Layanan dengan ${file} yang diubah`) });
        const r = await runPlan(options({ out, cacheDir }));
        expect(String(r.cache.incremental)).toMatch(/altered/);
        const full = await plan(undefined);
        expect(readTree(out)).toEqual(full.out);
        expect(Object.keys(readTree(out)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      } finally {
        rmSync(path);
        writeFileSync(path, saved);
      }
    }
  }, 120_000);

  it("a failure while out/ is written from the snapshot (a file where a folder must be) leaves no spliced file beside its place", async () => {
    const out = temp("inc-blocked-");
    restore();
    writeFiles(root, { [generated[6]!]: text(generated[6]!).replace(/^purpose: .*$/m, "purpose: Layanan sebelum gangguan") });
    expect((await runPlan(options({ out, cacheDir }))).cache.incremental).toBe("used");
    rmSync(join(out, "kubernetes"), { recursive: true, force: true });
    writeFileSync(join(out, "kubernetes"), "bukan folder\n");
    writeFiles(root, { [generated[6]!]: text(generated[6]!).replace(/^purpose: .*$/m, "purpose: Layanan saat gangguan") });
    await runPlan(options({ out, cacheDir })).catch(() => undefined);
    expect(readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 120_000);

  it("a snapshot of another base commit is not used", async () => {
    restore();
    writeFiles(root, { [generated[3]!]: text(generated[3]!).replace(/^purpose: .*$/m, "purpose: Layanan yang sudah digabung") });
    commitAll(root, "main bergerak");
    try {
      writeFiles(root, { [generated[4]!]: text(generated[4]!).replace(/^purpose: .*$/m, "purpose: Layanan diubah lagi") });
      expect((await sameAsFull()).use.incremental).toBe("other commit");
    } finally {
      sh(root, "reset", "-q", "--hard", "HEAD~1");
    }
  }, 120_000);

  it("a pull request's own commits on top of the base (dates and zone serial from HEAD) give the full plan from the snapshot", async () => {
    restore();
    sh(root, "checkout", "-q", "-b", "pr");
    try {
      // A commit touching a file and putting it back: no change of content, but its date moves.
      const touched = generated[6]!;
      const original = text(touched);
      writeFiles(root, { [touched]: original.replace(/^purpose: .*$/m, "purpose: Sementara saja diubah") });
      // Days after the base commit (made now), so that the newest day, and so the zone serial, moves.
      const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
      commitAll(root, "sementara", later(2));
      writeFiles(root, {
        [touched]: original,
        [generated[7]!]: text(generated[7]!).replace(/^purpose: .*$/m, "purpose: Layanan dari pull request"),
        "requests/opd03/tempat.yaml": null,
      });
      commitAll(root, "pull request", later(3));
      writeFiles(root, { [generated[8]!]: text(generated[8]!).replace(/^purpose: .*$/m, "purpose: Dan satu suntingan lagi") });
      const full = await plan(undefined, "main");
      const fast = await plan(cacheDir, "main");
      expect(fast.outcome).toEqual(full.outcome);
      expect(fast.out).toEqual(full.out);
      expect(fast.use.incremental).toBe("used");
    } finally {
      restore();
      sh(root, "checkout", "-q", "main");
      sh(root, "branch", "-q", "-D", "pr");
    }
  }, 120_000);

  it("altered bytes anywhere in the snapshot, or a snapshot moved from another repository, are not used", async () => {
    const snap = join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith("snapshot-"))!);
    const edited = generated[3]!;
    const attack = async (file: string, change: (b: Buffer) => Buffer, reason: string | RegExp) => {
      const path = join(snap, file);
      const saved = readFileSync(path);
      const st = statSync(path);
      rmSync(path); // a new inode: the stored hard link's twin in out/ of an earlier test stays as it was
      writeFileSync(path, change(Buffer.from(saved)));
      try {
        restore();
        writeFiles(root, { [edited]: text(edited).replace(/^purpose: .*$/m, "purpose: Layanan yang diserang") });
        expect(String((await sameAsFull()).use.incremental)).toMatch(reason);
      } finally {
        rmSync(path);
        writeFileSync(path, saved);
        void st;
      }
    };
    const flip = (at: (b: Buffer) => number) => (b: Buffer) => {
      const i = at(b);
      b[i] = b[i] === 0x31 ? 0x32 : 0x31;
      return b;
    };
    await attack("meta.json", flip((b) => b.indexOf("\"commit\"") + 12), "altered");
    // Its own digest line, a non-ASCII byte of its text (the digest is of the bytes), the last line end.
    await attack("meta.json", flip((b) => b.lastIndexOf(0x0a, b.length - 2) + 5), "altered");
    await attack("meta.json", (b) => Buffer.from(b.toString("utf8").replace("\"v\"", "\"\u00e9v\"")), "altered");
    await attack("meta.json", (b) => b.subarray(0, b.length - 1), "altered");
    // links.txt is read a block at a time (about 16 KB each) where a search goes: a byte of every block altered.
    await attack("links.txt", (b) => {
      for (let i = 7; i < b.length; i += 4096) b[i] = b[i] === 0x31 ? 0x32 : 0x31;
      return b;
    }, "altered");
    await attack("links.txt", (b) => b.subarray(0, b.length >> 1), "altered");
    // The edited file's own entry, then a zone, the registry and a manifest.
    await attack("files.jsonl", (b) => Buffer.from(b.toString("utf8").replace(/103\.(\d+)\.(\d+)\.(\d+)/, "198.51.100.$3")), /snapshot entry|rule|altered/);
    await attack("index.bin", flip((b) => b.length - 3), "altered");
    await attack("zone-0.txt", flip((b) => b.length - 3), "zone altered");
    // Inside the ranges copied to out/, and a zone cut short.
    await attack("zone-0.txt", flip((b) => b.length >> 1), "zone altered");
    await attack("zone-0.txt", (b) => b.subarray(0, b.length >> 1), "zone altered");
    await attack("registry.csv", flip((b) => b.length >> 2), "registry altered");
    await attack("zone-0.keys", flip((b) => b.length - 3), "zone altered");
    await attack("registry.md", flip((b) => b.length - 3), "registry altered");
    const manifest = readdirSync(join(snap, "manifests")).find((f) => f !== "00-baseline.yaml")!;
    await attack(join("manifests", manifest), (b) => Buffer.concat([b, Buffer.from("# tambahan\n")]), "manifest altered");
    // Another repository's snapshot put where this one's would be (its own key inside says otherwise).
    const other = generateRepository(20, 9);
    dirs.push(other);
    gitInit(other);
    commitAll(other, "lain");
    const otherCache = temp("inc-other-");
    await runPlan({ ...options({ out: temp("inc-out-"), cacheDir: otherCache }), root: other });
    const foreign = join(otherCache, readdirSync(otherCache).find((f) => f.startsWith("snapshot-"))!);
    const mine = `${snap}.saved`;
    renameSync(snap, mine);
    renameSync(foreign, snap);
    try {
      restore();
      writeFiles(root, { [edited]: text(edited).replace(/^purpose: .*$/m, "purpose: Layanan dengan cache asing") });
      expect((await sameAsFull()).use.incremental).toBe("other key");
    } finally {
      rmSync(snap, { recursive: true, force: true });
      renameSync(mine, snap);
    }
    appendFileSync(join(root, ".gitignore"), "");
  }, 300_000);
});
