// The plan against real git history: two real commits in a temporary repository, the base read
// from the object store, the CLI run as a user runs it.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTreeAt } from "../../src/git/tree.ts";
import { fileHistory } from "../../src/git/history.ts";
import { zoneSerial } from "../../src/targets/zone/render.ts";
import { runPlan, type PlanOptions } from "../../src/artifacts/run.ts";
import { commitAll, gitInit, requestYaml, sampleRequests, sh, tempRepo, writeFiles } from "./fixture.ts";

const ROOT = join(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files = sampleRequests()): string {
  const d = tempRepo(files);
  dirs.push(d);
  return d;
}

function cli(dir: string, ...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, "src/cli/plan.ts"), "--root", dir, "--today", "2026-06-01", ...args], { encoding: "utf8", cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const opts = (root: string, extra: Partial<PlanOptions> = {}): PlanOptions => ({
  root,
  lang: "id",
  allowLargeChange: false,
  today: "2026-06-01",
  ingress: { ipv4: ["192.0.2.80"] },
  nameserverAddresses: {},
  cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
  ...extra,
});

describe("plan of a pull request", () => {
  it("on an unchanged clone says what it checked and where the outputs are, in both languages", () => {
    const dir = repo();
    gitInit(dir);
    commitAll(dir, "Permohonan awal", "2026-03-02T09:00:00+07:00");
    const n = Object.keys(sampleRequests()).length;
    const id = cli(dir);
    expect(id.code).toBe(0);
    expect(id.stderr).toContain(`Diperiksa: governance.yaml dan ${n} berkas permohonan, semuanya valid`);
    expect(id.stderr).toMatch(/Hasil di .*out\/:\n {2}- zones\/contohkab\.go\.id\.zone: berkas zona BIND/);
    expect(id.stderr).toContain("registry.md, registry.csv: daftar subdomain publik");
    expect(id.stderr).toContain("Tidak ada yang berubah dibanding dasar. Berikutnya: tambah atau ubah berkas di requests/<opd>/");
    const en = cli(dir, "--lang", "en");
    expect(en.stderr).toContain(`Checked: governance.yaml and ${n} request files, all valid`);
    expect(en.stderr).toContain("Nothing to change against the base.");
    expect(en.stderr).not.toMatch(/Diperiksa|Hasil di/);
  });

  it("shows exactly the one edited request in the Markdown plan against main", () => {
    const dir = repo();
    gitInit(dir);
    commitAll(dir, "Permohonan awal", "2026-03-02T09:00:00+07:00");
    sh(dir, "checkout", "-q", "-b", "permohonan/sehat");
    writeFiles(dir, { "requests/dinkes/sehat.yaml": requestYaml({ label: "sehat", target: { server: { ipv4: ["103.10.20.99"] } }, records: [{ type: "TXT", values: ["v=spf1 -all"] }] }) });
    commitAll(dir, "Ganti alamat sehat", "2026-03-04T10:00:00+07:00");

    const r = cli(dir, "--format", "markdown");
    expect(r.stderr).not.toMatch(/Kegagalan|Error/);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toContain("<!-- subdomain-plan -->");
    expect(md).toContain("**0 dibuat, 1 diubah, 0 dihapus**");
    const rows = md.split("\n").filter((l) => /^\| (dibuat|diubah|dihapus) \|/.test(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("<code>sehat.contohkab.go.id</code> | A |");
    expect(rows[0]).toContain("<code>103.10.20.30</code> → <code>103.10.20.99</code>");

    // The artifacts: zone with the new address and a serial from the last commit's day,
    // registry dates from the history, the full plan for the workflow artifact.
    const zone = readFileSync(join(dir, "out/zones/contohkab.go.id.zone"), "utf8");
    expect(zone).toContain("sehat.contohkab.go.id. 3600 IN A 103.10.20.99");
    expect(zone).toContain("( 2026030401 ");
    const csv = readFileSync(join(dir, "out/registry.csv"), "utf8");
    expect(csv).toMatch(/\nsehat\.contohkab\.go\.id,.*,2026-03-02,2026-03-04,2027-03-01,requests\/dinkes\/sehat\.yaml\r\n/);
    expect(csv).toMatch(/\nvaksin\.contohkab\.go\.id,.*,2026-03-02,2026-03-02,/);
    expect(readFileSync(join(dir, "out/plan.md"), "utf8")).toContain("**0 dibuat, 1 diubah, 0 dihapus**");
    expect(JSON.parse(readFileSync(join(dir, "out/plan.json"), "utf8")).summary).toEqual({ create: 0, update: 1, delete: 0 });
  });

  it("compares a shallow CI clone with the tip of origin/main when the merge base is missing", async () => {
    const dir = repo();
    gitInit(dir);
    commitAll(dir, "awal");
    sh(dir, "checkout", "-q", "-b", "pr");
    writeFiles(dir, { "requests/dinkes/sehat.yaml": requestYaml({ label: "sehat", target: { server: { ipv4: ["103.10.20.99"] } }, records: [{ type: "TXT", values: ["v=spf1 -all"] }] }) });
    commitAll(dir, "ubah");
    const clone = `${dir}-clone`;
    dirs.push(clone);
    sh(dir, "clone", "-q", "--depth", "1", "--branch", "pr", `file://${dir}`, clone);
    sh(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main");
    const r = await runPlan(opts(clone));
    if (r.kind !== "planned") throw new Error("invalid");
    expect(r.plan.summary).toEqual({ create: 0, update: 1, delete: 0 });
    expect(r.plan.records).toMatchObject([{ action: "update", name: "sehat", type: "A" }]);
    expect(r.plan.notes[0]!.en).toMatch(/^Base: the tip of origin\/main/);
  });

  it("keeps a deleted hosting request's tenant, revoking access and keeping the data", async () => {
    const dir = repo();
    gitInit(dir);
    commitAll(dir, "awal");
    writeFiles(dir, { "requests/setda/arsip.yaml": null });
    const r = await runPlan(opts(dir));
    if (r.kind !== "planned") throw new Error("invalid");
    expect(r.plan.summary).toEqual({ create: 0, update: 1, delete: 1 });
    // The namespace stays, held by setda (git history), without access: never deleted, never freed.
    expect(r.plan.tenants).toMatchObject([{ action: "update", namespace: "tenant-arsip", destructive: false, note: "access-revoked", after: { status: "retained", deletedFile: true } }]);
    expect(r.plan.records).toMatchObject([{ action: "delete", name: "arsip", type: "INGRESS" }]);
  });

  it("counts everything as new without history, or with a base that does not exist", async () => {
    const dir = repo();
    const none = await runPlan(opts(dir));
    if (none.kind !== "planned") throw new Error("invalid");
    expect(none.plan.base).toBeNull();
    expect(none.plan.summary.update + none.plan.summary.delete).toBe(0);
    expect(none.plan.summary.create).toBe(none.state.records.length + none.state.tenants.length);
    expect(none.plan.notes[0]!.en).toContain("No git history");
    gitInit(dir);
    commitAll(dir, "awal");
    const missing = await runPlan(opts(dir, { base: "tidak-ada" }));
    if (missing.kind !== "planned") throw new Error("invalid");
    expect(missing.plan.summary.create).toBe(none.plan.summary.create);
    expect(missing.plan.notes.map((n) => n.en)).toContain("Revision tidak-ada was not found: everything counts as new.");
    const same = await runPlan(opts(dir, { base: "HEAD" }));
    if (same.kind !== "planned") throw new Error("invalid");
    expect(same.plan.summary).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it("skips an invalid base file with a note", async () => {
    const dir = repo();
    gitInit(dir);
    writeFiles(dir, { "requests/dinkes/rusak.yaml": "label: [tidak, sah\n" });
    commitAll(dir, "awal dengan berkas rusak");
    writeFiles(dir, { "requests/dinkes/rusak.yaml": null });
    const r = await runPlan(opts(dir, { base: "HEAD" }));
    if (r.kind !== "planned") throw new Error("invalid");
    expect(r.plan.summary).toEqual({ create: 0, update: 0, delete: 0 });
    expect(r.plan.notes.map((n) => n.id)).toContain("Berkas dasar requests/dinkes/rusak.yaml tidak sah dan dilewati.");
  });
});

describe("git readers", () => {
  it("reads governance and requests of a revision without a checkout, and one history for all files", () => {
    const dir = repo();
    gitInit(dir);
    commitAll(dir, "awal", "2026-03-02T09:00:00+07:00");
    writeFiles(dir, { "requests/dinkes/sehat.yaml": requestYaml({ label: "sehat", target: { server: { ipv4: ["103.10.20.98"] } } }), "requests/dinkes/vaksin.yaml": null });
    commitAll(dir, "ubah", "2026-03-03T09:00:00+07:00");
    const first = sh(dir, "rev-parse", "HEAD~1").trim();
    const tree = readTreeAt(dir, "HEAD~1")!;
    expect(tree.commit).toBe(first);
    expect([...tree.files.keys()]).toContain("governance.yaml");
    expect([...tree.files.keys()]).toContain("requests/dinkes/vaksin.yaml");
    expect(new TextDecoder().decode(tree.files.get("requests/dinkes/sehat.yaml"))).toContain("103.10.20.30");
    expect(readTreeAt(dir, "no-such-ref")).toBeUndefined();
    const h = fileHistory(dir);
    expect(h.files.get("requests/dinkes/sehat.yaml")).toEqual({ created: "2026-03-02T09:00:00+07:00", lastChanged: "2026-03-03T09:00:00+07:00" });
    expect(h.files.get("requests/dinkes/jadwal.yaml")).toBeUndefined();
    expect(h.files.get("requests/dishub/jadwal.yaml")).toEqual({ created: "2026-03-02T09:00:00+07:00", lastChanged: "2026-03-02T09:00:00+07:00" });
    expect(h.commits).toEqual(["2026-03-03T09:00:00+07:00", "2026-03-02T09:00:00+07:00"]);
  });
});

describe("dates of merged branches", () => {
  it("count from the merge commit, so the serial grows even when branch commits are older", () => {
    const dir = repo({ "requests/dinkes/sehat.yaml": requestYaml({ label: "sehat", target: { server: { ipv4: ["103.10.20.30"] } } }) });
    gitInit(dir);
    commitAll(dir, "awal", "2026-03-10T09:00:00+07:00");
    sh(dir, "checkout", "-q", "-b", "pr-lama");
    writeFiles(dir, { "requests/dinkes/vaksin.yaml": requestYaml({ label: "vaksin", target: { server: { ipv4: ["103.10.20.31"] } } }) });
    commitAll(dir, "permohonan lama", "2026-03-09T09:00:00+07:00");
    sh(dir, "checkout", "-q", "main");
    writeFiles(dir, { "requests/dinkes/sehat.yaml": requestYaml({ label: "sehat", target: { server: { ipv4: ["103.10.20.32"] } } }) });
    commitAll(dir, "ubah sehat", "2026-03-12T09:00:00+07:00");
    const before = fileHistory(dir);
    execMerge(dir, "pr-lama", "2026-03-12T15:00:00+07:00");
    const after = fileHistory(dir);
    expect(after.files.get("requests/dinkes/vaksin.yaml")).toEqual({ created: "2026-03-12T15:00:00+07:00", lastChanged: "2026-03-12T15:00:00+07:00" });
    expect(before.commits).toHaveLength(2);
    expect(zoneSerial(before.commits, "Asia/Jakarta", "2026-06-01")).toBe(2026031201);
    expect(zoneSerial(after.commits, "Asia/Jakarta", "2026-06-01")).toBe(2026031202);
    expect(after.commits).toEqual(["2026-03-12T15:00:00+07:00", "2026-03-12T09:00:00+07:00", "2026-03-10T09:00:00+07:00"]);
  });
});

function execMerge(dir: string, branch: string, date: string): void {
  spawnSync("git", ["merge", "-q", "--no-ff", branch, "-m", `Merge ${branch}`], {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_NAME: "Uji", GIT_AUTHOR_EMAIL: "u@x.id", GIT_COMMITTER_NAME: "Uji", GIT_COMMITTER_EMAIL: "u@x.id", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

describe("npm run plan exit codes", () => {
  it("stops with the validator's diagnostics and exit 1 when a request is invalid", () => {
    const dir = repo({ "requests/dinkes/sehat.yaml": requestYaml({ label: "sehat", target: { server: { ipv4: ["10.0.0.1"] } } }) });
    const r = cli(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/requests\/dinkes\/sehat\.yaml:\d+:\d+: galat \[address\.public\]/);
    expect(r.stdout).not.toContain("Rencana perubahan");
    const md = cli(dir, "--format", "markdown");
    expect(md.code).toBe(1);
    expect(md.stdout).toContain("<!-- subdomain-plan -->");
    expect(md.stdout).toMatch(/Belum ada rencana: 1 galat/);
    expect(md.stdout).toContain("<code>requests/dinkes/sehat.yaml:");
    const json = cli(dir, "--format", "json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).diagnostics[0].rule).toBe("address.public");
  });

  it("reports an unwritable output folder in one line, without a stack trace", () => {
    const dir = repo();
    const r = cli(dir, "--out", join(dir, "governance.yaml"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Kegagalan tak terduga: .*governance\.yaml/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on bad usage", () => {
    const dir = repo();
    expect(cli(dir, "--format", "xml").code).toBe(2);
    expect(cli(dir, "--lang", "fr").code).toBe(2);
    expect(cli(dir, "--bogus").code).toBe(2);
  });

  it("exits 1 on a large change unless --allow-large-change", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`requests/dinkes/layanan${i}.yaml`] = requestYaml({ label: `layanan${i}`, target: { server: { ipv4: [`103.10.21.${i + 1}`] } } });
    const dir = repo(files);
    gitInit(dir);
    commitAll(dir, "awal");
    for (let i = 0; i < 5; i++) writeFiles(dir, { [`requests/dinkes/layanan${i}.yaml`]: null });
    const blocked = cli(dir, "--base", "main", "--lang", "en");
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain("0 created, 0 updated, 5 deleted");
    expect(blocked.stderr).toContain("Change too large: 5 of 12 existing records (42%)");
    const allowed = cli(dir, "--base", "main", "--allow-large-change");
    expect(allowed.code).toBe(0);
  });
});
