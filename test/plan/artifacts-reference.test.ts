// The artifact writer (src/artifacts/artifacts.ts, tuned for 15,000 requests) against the plain
// renderers it is made of: on a generated repository of a few hundred requests in every shape real
// files have (scripts/bench/lib/shapes.ts), out/ must hold exactly the files, and the bytes, that
// rendering each artifact on its own gives — into a fresh folder, over its own earlier output, and
// over an out/ folder someone damaged (altered bytes of the same size, truncated files, stale
// files of removed zones and tenants).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepository } from "../../scripts/bench/lib/shapes.ts";
import { runPlan, completeNameserverAddresses, startEarly, type EarlyStart, type PlanOptions } from "../../src/artifacts/run.ts";
import { validateWorkingTree } from "../../src/plan/head.ts";
import { desiredState } from "../../src/state/desired-state.ts";
import { asciiHost } from "../../src/state/names.ts";
import { fileHistory } from "../../src/git/history.ts";
import { renderZone, zoneSerial } from "../../src/targets/zone/render.ts";
import { tenantManifests } from "../../src/targets/kubernetes/manifests.ts";
import { renderManifests } from "../../src/targets/kubernetes/render.ts";
import { clusterBaseline } from "../../src/targets/kubernetes/baseline.ts";
import { registryRows } from "../../src/targets/registry/rows.ts";
import { registryCsv, registryMarkdown } from "../../src/targets/registry/render.ts";
import { renderMarkdown } from "../../src/plan/render-markdown.ts";
import { renderJson } from "../../src/plan/render-json.ts";
import type { Lang } from "../../src/diagnostics/diagnostic.ts";
import { requestYaml } from "./fixture.ts";
import { OutThread } from "../../src/artifacts/out-thread.ts";
import { startArtifacts, tenantManifestText } from "../../src/artifacts/artifacts.ts";
import { OutsideOutputError } from "../../src/load/out-path.ts";
import { OutFolder } from "../../src/artifacts/out-folder.ts";
import { runOutJob } from "../../src/artifacts/out-jobs.ts";

const TODAY = "2026-06-01";
const REQUESTS = 400;
let root = "";
const out = () => join(root, "out");

const options = (lang: Lang, outThread: boolean): PlanOptions => ({
  root,
  base: "HEAD",
  out: out(),
  lang,
  allowLargeChange: true,
  today: TODAY,
  ingress: { ipv4: ["192.0.2.80"], ipv6: ["2001:db8::80"] },
  nameserverAddresses: {},
  cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
  outThread,
});

beforeAll(() => {
  root = generateRepository(REQUESTS, 7);
  // Enterprise zones: a few hundred names are over Cloudflare Free's quota, which is not under test.
  const gov = join(root, "governance.yaml");
  writeFileSync(gov, readFileSync(gov, "utf8").replace(/^( {2}- name: [^\n]+\n)/gm, "$1    provider: { name: cloudflare, plan: enterprise }\n"));
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Uji", "-c", "user.email=uji@contohkab.go.id", "-c", "commit.gpgsign=false", ...args], { cwd: root });
  // Tenants the generator does not make: one released for deletion, one kept from a deleted file.
  writeFileSync(join(root, "requests/opd01/arsip-lama.yaml"), requestYaml({ label: "arsip-lama", opd: "opd01", target: { hosting: { storage: "10Gi" } }, decommission: { deleteData: true } }));
  writeFileSync(join(root, "requests/opd02/portal-lama.yaml"), requestYaml({ label: "portal-lama", opd: "opd02", target: { hosting: { storage: "5Gi" } } }));
  git("init", "-q", "-b", "main");
  writeFileSync(join(root, ".gitignore"), "out/\n");
  git("add", "-A");
  git("commit", "-q", "-m", "permohonan", "--date", "2026-05-04T10:00:00+07:00");
  git("rm", "-q", "requests/opd02/portal-lama.yaml");
  git("commit", "-q", "-m", "hapus portal-lama", "--date", "2026-05-05T10:00:00+07:00");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every artifact rendered on its own, from the validated files, as `npm run plan` is documented to write them. */
async function reference(o: PlanOptions): Promise<Map<string, string>> {
  const head = await validateWorkingTree(root, TODAY, undefined);
  const governance = head.governance!;
  const state = desiredState(head.requests, governance, head.retained);
  const history = fileHistory(root, undefined, governance.adoption?.base);
  const zone = { serial: zoneSerial(history.commits, governance.workingHours.timeZone, TODAY), ingress: o.ingress, nameserverAddresses: completeNameserverAddresses(governance.zones, o.nameserverAddresses).addresses };
  const files = new Map<string, string>();
  for (const z of governance.zones) files.set(`zones/${asciiHost(z.name)}.zone`, renderZone(z, state.records, zone));
  if (state.tenants.length) files.set("kubernetes/00-baseline.yaml", renderManifests(clusterBaseline(o.cluster)));
  for (const t of state.tenants) {
    const objects = tenantManifests(t, o.cluster);
    files.set(`kubernetes/${t.namespace}.yaml`, renderManifests(t.releaseData ? objects.filter((x) => x.kind === "Backup") : objects));
  }
  const rows = registryRows(head.requests, governance, history.files, TODAY);
  files.set("registry.md", registryMarkdown(rows, o.lang));
  files.set("registry.csv", registryCsv(rows, o.lang));
  return files;
}

/** Every file under out/, by its path relative to out/. */
function onDisk(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(out(), rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else files.set(p, readFileSync(join(out(), p)));
    }
  };
  walk("");
  return files;
}

/** Runs the plan and checks out/ against the reference, byte for byte and file for file. */
async function planAndCompare(thread: boolean, lang: Lang = "id") {
  const o = options(lang, thread);
  const r = await runPlan(o);
  if (r.kind !== "planned") throw new Error(JSON.stringify(r.diagnostics.slice(0, 3)));
  const expected = await reference(o);
  expected.set("plan.md", renderMarkdown(r.plan, lang, Number.MAX_SAFE_INTEGER));
  expected.set("plan.json", renderJson(r.plan));
  const disk = onDisk();
  expect([...disk.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, text] of expected) if (!disk.get(path)!.equals(Buffer.from(text))) expect.fail(`${path} differs from its reference rendering`);
  expect([...r.written].sort()).toEqual([...expected.keys()].sort());
  return { r, expected };
}

// Both ways of writing out/kubernetes/: on the plan's own thread, and on the manifest thread.
describe.each([
  ["on one thread", false],
  ["with the manifest thread", true],
])("out/ against the reference rendering (generated repository), %s", (_, thread) => {
  it("a fresh out/ holds exactly the reference files and bytes, with every kind of tenant among them", async () => {
    rmSync(out(), { recursive: true, force: true });
    const { r, expected } = await planAndCompare(thread);
    // The generated shapes reach what the writer must handle: many tenants, a released one, two zones, Unicode text.
    expect(r.state.tenants.length).toBeGreaterThan(50);
    expect(r.state.tenants.some((t) => t.releaseData)).toBe(true);
    expect(r.state.tenants.some((t) => t.deletedFile)).toBe(true);
    expect([...expected.keys()].filter((f) => f.startsWith("zones/"))).toHaveLength(2);
    expect(expected.get("registry.md")).toMatch(/[^\x00-\x7f]/);
  });

  it("an out/ that already holds this output is left with the same bytes", async () => {
    rmSync(out(), { recursive: true, force: true });
    await planAndCompare(thread);
    const before = statSync(join(out(), "registry.md")).mtimeMs;
    const manifest = readdirSync(join(out(), "kubernetes")).find((f) => f !== "00-baseline.yaml")!;
    const manifestBefore = statSync(join(out(), "kubernetes", manifest)).mtimeMs;
    await planAndCompare(thread);
    expect(statSync(join(out(), "registry.md")).mtimeMs).toBe(before);
    expect(statSync(join(out(), "kubernetes", manifest)).mtimeMs).toBe(manifestBefore);
  });

  it("a damaged out/ (same-size alterations, truncations, stale files, an empty folder) is repaired", async () => {
    rmSync(out(), { recursive: true, force: true });
    await planAndCompare(thread);
    const manifests = readdirSync(join(out(), "kubernetes")).filter((f) => f !== "00-baseline.yaml");
    const damage = (rel: string) => {
      const p = join(out(), rel);
      const b = readFileSync(p);
      b[b.length >> 1] = b[b.length >> 1]! ^ 0x01; // one bit, same size: only a byte comparison finds it
      writeFileSync(p, b);
    };
    damage(`kubernetes/${manifests[0]}`);
    damage("zones/contohkab.go.id.zone");
    damage("registry.csv");
    truncateSync(join(out(), `kubernetes/${manifests[1]}`), 100);
    truncateSync(join(out(), "registry.md"), 0);
    writeFileSync(join(out(), "kubernetes/tenant--gone.yaml"), "---\nkind: Namespace\n");
    writeFileSync(join(out(), "zones/gone.example.zone"), "; stale\n");
    await planAndCompare(thread);
    rmSync(out(), { recursive: true, force: true });
    mkdirSync(join(out(), "kubernetes"), { recursive: true });
    await planAndCompare(thread, "en");
  });
});

describe("work started before the rules across files", () => {
  // A file every file rule accepts, whose alias names a zone name no request defines: only the
  // rules across files (name.dangling) refuse it, after the manifests' thread may have started.
  const refused = () => join(root, "requests/opd01/pintu-putus.yaml");
  const addRefused = () => writeFileSync(refused(), requestYaml({ label: "pintu-putus", opd: "opd01", target: { alias: "tidak-ada-sama-sekali.contohkab.go.id" } }));
  afterAll(() => rmSync(refused(), { force: true }));

  it("is undone when those rules refuse the files: an out/ that did not exist still does not", async () => {
    addRefused();
    rmSync(out(), { recursive: true, force: true });
    const r = await runPlan(options("id", true));
    expect(r.kind).toBe("invalid");
    if (r.kind === "invalid") expect(r.diagnostics.map((d) => d.rule)).toContain("name.dangling");
    expect(existsSync(out())).toBe(false);
  });

  it("never touches an out/ that exists until the validation is complete", async () => {
    addRefused();
    rmSync(out(), { recursive: true, force: true });
    mkdirSync(out());
    writeFileSync(join(out(), "plan.md"), "rencana lama\n");
    const r = await runPlan(options("id", true));
    expect(r.kind).toBe("invalid");
    expect(readdirSync(out())).toEqual(["plan.md"]);
    expect(readFileSync(join(out(), "plan.md"), "utf8")).toBe("rencana lama\n");
    rmSync(out(), { recursive: true, force: true });
  });

  it("starts the manifests' thread on the files' own checks, and its undo removes what it wrote", async () => {
    addRefused();
    rmSync(out(), { recursive: true, force: true });
    let started: EarlyStart | undefined;
    const o = options("id", true);
    const head = await validateWorkingTree(root, TODAY, undefined, undefined, undefined, (valid) => (started = startEarly(o, valid)));
    expect(head.diagnostics.some((d) => d.rule === "name.dangling")).toBe(true);
    expect(started).toBeDefined();
    // The thread writes while this one would run the rules across files: wait for some of it.
    for (let i = 0; i < 200 && !(existsSync(join(out(), "kubernetes")) && readdirSync(join(out(), "kubernetes")).length > 5); i++) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(join(out(), "kubernetes")).length).toBeGreaterThan(5);
    await started!.undo();
    expect(existsSync(out())).toBe(false);
  });

  it("is not started for an out/ that exists, nor for a plan without the thread", async () => {
    rmSync(refused(), { force: true });
    mkdirSync(out(), { recursive: true });
    const seen: (EarlyStart | undefined)[] = [];
    await validateWorkingTree(root, TODAY, undefined, undefined, undefined, (valid) => seen.push(startEarly(options("id", true), valid)));
    rmSync(out(), { recursive: true, force: true });
    await validateWorkingTree(root, TODAY, undefined, undefined, undefined, (valid) => seen.push(startEarly(options("id", false), valid)));
    expect(seen).toEqual([undefined, undefined]);
    expect(existsSync(out())).toBe(false);
  });
});

describe("the out/ thread", () => {
  const cluster = options("id", true).cluster;
  const made = async () => {
    const head = await validateWorkingTree(root, TODAY, undefined);
    const state = desiredState(head.requests, head.governance!, head.retained);
    const history = fileHistory(root, undefined, head.governance!.adoption?.base);
    return { head, state, rows: registryRows(head.requests, head.governance!, history.files, TODAY) };
  };

  it("writes the manifests and the registry itself, the bytes the plan's own thread writes", async () => {
    const { state, rows } = await made();
    const dir = join(root, "out-thread");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const thread = OutThread.start();
    expect(thread).toBeDefined();
    thread!.post(dir, [""], { kind: "manifests", tenants: state.tenants, cluster });
    thread!.post(dir, [""], { kind: "registry", rows, lang: "en" });
    const [manifests, registry] = thread!.finish();
    expect(manifests).toEqual(["kubernetes/00-baseline.yaml", ...state.tenants.map((t) => `kubernetes/${t.namespace}.yaml`)]);
    expect(registry).toEqual(["registry.md", "registry.csv"]);
    for (const t of state.tenants) expect(readFileSync(join(dir, "kubernetes", `${t.namespace}.yaml`), "utf8")).toBe(tenantManifestText(t, cluster));
    expect(readFileSync(join(dir, "registry.md"), "utf8")).toBe(registryMarkdown(rows, "en"));
    expect(readFileSync(join(dir, "registry.csv"), "utf8")).toBe(registryCsv(rows, "en"));
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes a registry handed to it after the tenants: out/ holds the files and bytes this thread alone writes", async () => {
    const { head, state, rows } = await made();
    const plan = { base: null, records: [], tenants: [], summary: { create: 0, update: 0, delete: 0 }, safety: { maxShare: 0.3, minExisting: 10, existingRecords: 0, updatedOrDeleted: 0, largeChange: false, destructive: 0 }, notes: [] };
    const rest = { records: state.records, governance: head.governance!, zone: { serial: 1, ingress: { ipv4: ["192.0.2.80"] }, nameserverAddresses: {} }, registry: rows, plan, lang: "en" as const };
    const [two, one] = [join(root, "out-two"), join(root, "out-one")];
    for (const d of [two, one]) rmSync(d, { recursive: true, force: true });
    const thread = OutThread.start()!;
    const pending = startArtifacts(two, state.tenants, cluster, thread);
    pending.handRegistry(rows, "en");
    const written = pending.finish(rest);
    expect(written).toEqual(startArtifacts(one, state.tenants, cluster).finish(rest));
    expect(written.filter((w) => w.startsWith("registry."))).toEqual(["registry.md", "registry.csv"]);
    const files = (d: string) => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(d.length + 1)).sort();
    expect(files(two)).toEqual(files(one));
    for (const f of files(one)) expect(readFileSync(join(two, f)).equals(readFileSync(join(one, f))), f).toBe(true);
    expect(readFileSync(join(two, "registry.csv"), "utf8")).toBe(registryCsv(rows, "en"));
    for (const d of [two, one]) rmSync(d, { recursive: true, force: true });
  });

  it("leaves a registry this thread claimed first alone: it is written once", async () => {
    const { rows } = await made();
    const dir = join(root, "out-thread");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const job = { kind: "registry" as const, rows, lang: "id" as const, claim: new Int32Array(new SharedArrayBuffer(4)) };
    const here = new OutFolder(dir, [""]);
    runOutJob(here, job);
    const thread = OutThread.start()!;
    thread.post(dir, [""], job);
    const [there] = thread.finish();
    expect(here.written).toEqual(["registry.md", "registry.csv"]);
    expect(there).toEqual([]);
    expect(readFileSync(join(dir, "registry.md"), "utf8")).toBe(registryMarkdown(rows, "id"));
    expect(readdirSync(dir).sort()).toEqual(["registry.csv", "registry.md"]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("shares the tenants' files with this thread, each written once, by whichever claims it first", async () => {
    const { state } = await made();
    const dir = join(root, "out-thread");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, "kubernetes"), { recursive: true });
    // Enough files that neither thread is done before the other starts.
    const tenants = Array.from({ length: 8 }, (_, k) => state.tenants.map((t) => ({ ...t, namespace: `${t.namespace}-${k}` }))).flat();
    const claim = new Int32Array(new SharedArrayBuffer(4));
    const job = { kind: "tenants" as const, tenants, cluster, claim };
    const thread = OutThread.start()!;
    thread.post(dir, ["", "kubernetes"], job);
    // Both at once over one counter: this thread starts claiming once the other has.
    const started = Date.now();
    while (Atomics.load(claim, 0) === 0 && Date.now() - started < 10_000) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    const here = new OutFolder(dir, ["", "kubernetes"]);
    runOutJob(here, job);
    const [there] = thread.finish();
    expect(there).toBeDefined();
    expect(here.written.length).toBeGreaterThan(0);
    expect(there!.length).toBeGreaterThan(0);
    const all = [...here.written, ...there!];
    expect(all.length).toBe(tenants.length);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(tenants.map((t) => `kubernetes/${t.namespace}.yaml`).sort());
    for (const t of tenants) expect(readFileSync(join(dir, "kubernetes", `${t.namespace}.yaml`), "utf8")).toBe(tenantManifestText(t, cluster));
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a hostile tenant among many whichever thread claims it, and nothing leaves out/", async () => {
    const { head, state } = await made();
    const dir = join(root, "out-thread");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const tenants = [...state.tenants];
    tenants.splice(tenants.length >> 1, 0, { ...state.tenants[0]!, namespace: "../../lolos-tengah" });
    const pending = startArtifacts(dir, tenants, cluster, OutThread.start());
    const plan = { base: null, records: [], tenants: [], summary: { create: 0, update: 0, delete: 0 }, safety: { maxShare: 0.3, minExisting: 10, existingRecords: 0, updatedOrDeleted: 0, largeChange: false, destructive: 0 }, notes: [] };
    expect(() => pending.finish({ records: [], governance: head.governance!, zone: { serial: 1, ingress: { ipv4: ["192.0.2.80"] }, nameserverAddresses: {} }, registry: [], plan, lang: "id" })).toThrow(OutsideOutputError);
    expect(existsSync(join(root, "lolos-tengah.yaml"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it("yields nothing for a job that fails, so the plan's own thread writes it (and fails) as it would alone", async () => {
    const { head, state, rows } = await made();
    const dir = join(root, "out-thread");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    // A namespace that would leave out/: the last line of defence refuses it on either thread.
    const hostile = [{ ...state.tenants[0]!, namespace: "../../lolos" }];
    const thread = OutThread.start()!;
    thread.post(dir, [""], { kind: "manifests", tenants: hostile, cluster });
    thread.post(dir, [""], { kind: "registry", rows, lang: "id" });
    const [manifests, registry] = thread.finish();
    expect(manifests).toBeUndefined();
    expect(registry).toEqual(["registry.md", "registry.csv"]);
    const pending = startArtifacts(dir, hostile, cluster);
    const plan = { base: null, records: [], tenants: [], summary: { create: 0, update: 0, delete: 0 }, safety: { maxShare: 0.3, minExisting: 10, existingRecords: 0, updatedOrDeleted: 0, largeChange: false, destructive: 0 }, notes: [] };
    expect(() => pending.finish({ records: [], governance: head.governance!, zone: { serial: 1, ingress: { ipv4: ["192.0.2.80"] }, nameserverAddresses: {} }, registry: [], plan, lang: "id" })).toThrow(OutsideOutputError);
    expect(existsSync(join(root, "lolos.yaml"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
