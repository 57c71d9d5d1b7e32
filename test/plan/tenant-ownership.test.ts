// A namespace belongs to one request for ever, attacked with real git history: a hosting request
// deleted without releasing its data keeps its namespace and its label; another OPD's request for
// that label is refused naming the deleted file; the same OPD gets it back and the plan says so;
// access goes while the namespace and data stay; releasing the data frees the label.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { validateRepositoryParallel } from "../../src/validate/files/parallel.ts";
import { runPlan, type PlanOptions } from "../../src/artifacts/run.ts";
import { renderMarkdown } from "../../src/plan/render-markdown.ts";
import { tenantManifests } from "../../src/targets/kubernetes/manifests.ts";
import { commitAll, gitInit, requestYaml, tempRepo, writeFiles } from "./fixture.ts";
import { checkRepository } from "../../src/validate/validate.ts";
import { validated } from "./fixture.ts";
import type { Governance } from "../../src/model/governance.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const TODAY = "2026-06-01";
const cluster = { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" };
const opts = (root: string): PlanOptions => ({ root, lang: "id", allowLargeChange: false, today: TODAY, ingress: { ipv4: ["192.0.2.80"] }, nameserverAddresses: {}, cluster });

const PORTAL = "requests/dinkes/portal.yaml";
const portal = (extra: { decommission?: { deleteData?: true } } = {}) => requestYaml({ label: "portal", opd: "dinkes", target: { hosting: { storage: "10Gi" } }, ...extra });

/** A repository where dinkes hosted `portal`, then deleted its file without releasing the data. */
function deletedRepo(): string {
  const dir = tempRepo({ [PORTAL]: portal() });
  dirs.push(dir);
  gitInit(dir);
  commitAll(dir, "dinkes: portal");
  writeFiles(dir, { [PORTAL]: null });
  commitAll(dir, "dinkes: hapus berkas portal");
  return dir;
}

const errors = (root: string, rule: string) => validateRepository(root, TODAY).diagnostics.filter((d) => d.rule === rule && d.severity === "error");

describe("namespace.unique with git history", () => {
  it("refuses another OPD's request for a label whose deleted tenant still holds its data, naming the deleted file", () => {
    const dir = deletedRepo();
    writeFiles(dir, { "requests/disdik/portal.yaml": requestYaml({ label: "portal", opd: "disdik", target: { server: { ipv4: ["103.10.20.30"] } } }) });
    const found = errors(dir, "namespace.unique");
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe("requests/disdik/portal.yaml");
    expect(found[0]!.message.id).toContain(PORTAL);
    expect(found[0]!.message.id).toContain("tenant-portal");
    expect(found[0]!.message.id).toContain("decommission.deleteData");
  });

  it("refuses it in npm run validate's own path too, where git is asked while worker threads check the files", async () => {
    const dir = deletedRepo();
    writeFiles(dir, { "requests/disdik/portal.yaml": requestYaml({ label: "portal", opd: "disdik", target: { server: { ipv4: ["103.10.20.30"] } } }) });
    const stats = { workerFiles: 0, workerFailures: [] as string[] };
    const parallel = await validateRepositoryParallel(dir, TODAY, { threads: 2, minFiles: 0, stats });
    expect(stats.workerFailures).toEqual([]);
    expect(parallel.retained?.map((r) => r.file)).toEqual([PORTAL]);
    expect(parallel.diagnostics.filter((d) => d.rule === "namespace.unique").map((d) => d.file)).toEqual(["requests/disdik/portal.yaml"]);
    expect(parallel.diagnostics).toEqual(validateRepository(dir, TODAY).diagnostics);
  });

  it("keeps the deleted tenant in the state without access: namespace, quota and backups stay; bindings, CI account and Ingress go", async () => {
    const dir = deletedRepo();
    const r = await runPlan(opts(dir));
    expect(r.kind).toBe("planned");
    if (r.kind !== "planned") return;
    const t = r.state.tenants.find((x) => x.namespace === "tenant-portal")!;
    expect(t).toMatchObject({ status: "retained", deletedFile: true, releaseData: false, source: { file: PORTAL, opd: "dinkes" } });
    const kinds = tenantManifests(t, cluster).map((o) => o.kind);
    expect(kinds).toEqual(expect.arrayContaining(["Namespace", "ResourceQuota", "Schedule"]));
    for (const gone of ["RoleBinding", "ServiceAccount", "Ingress"]) expect(kinds).not.toContain(gone);
    expect(r.state.records.some((x) => x.name === "portal")).toBe(false);
  });

  it("gives the same OPD its retained namespace back, and the plan says so", async () => {
    const dir = deletedRepo();
    writeFiles(dir, { "requests/dinkes/portal-baru.yaml": null, "requests/dinkes/portal.yaml": portal() });
    expect(errors(dir, "namespace.unique")).toEqual([]);
    const r = await runPlan(opts(dir));
    if (r.kind !== "planned") throw new Error(JSON.stringify(r.diagnostics.slice(0, 3)));
    const change = r.plan.tenants.find((c) => c.namespace === "tenant-portal")!;
    expect(change).toMatchObject({ action: "update", note: "reclaimed", destructive: false });
    const md = renderMarkdown(r.plan, "id");
    expect(md).toContain("KEMBALI ke OPD yang sama");
    // The approving officials read what the OPD may do, its quota and its backups.
    expect(md).toContain("OPD tidak boleh");
    expect(md).toContain("setiap hari pukul 01:00 WIB");
  });

  it("sees a deletion not yet committed, as a liaison's own checkout has it", () => {
    const dir = tempRepo({ [PORTAL]: portal() });
    dirs.push(dir);
    gitInit(dir);
    commitAll(dir, "dinkes: portal");
    writeFiles(dir, { [PORTAL]: null, "requests/disdik/portal.yaml": requestYaml({ label: "portal", opd: "disdik", target: { hosting: {} } }) });
    expect(errors(dir, "namespace.unique").map((d) => d.file)).toEqual(["requests/disdik/portal.yaml"]);
  });

  it("frees the label once the data was released (last version said deleteData)", () => {
    const dir = tempRepo({ [PORTAL]: portal() });
    dirs.push(dir);
    gitInit(dir);
    commitAll(dir, "dinkes: portal");
    writeFiles(dir, { [PORTAL]: portal({ decommission: { deleteData: true } }) });
    commitAll(dir, "dinkes: hapus data portal");
    writeFiles(dir, { [PORTAL]: null });
    commitAll(dir, "dinkes: hapus berkas portal");
    writeFiles(dir, { "requests/disdik/portal.yaml": requestYaml({ label: "portal", opd: "disdik", target: { hosting: {} } }) });
    expect(errors(dir, "namespace.unique")).toEqual([]);
  });

  it("holds nothing for a deleted version that never passed the schema (it never deployed a tenant), and holds for one that did", () => {
    // The last version broke the schema (an unknown field, and a storage size in no unit): it deployed nothing.
    const broken = portal().replace(/storage: .*$/m, "storage: sepuluh giga").concat("catatan: tidak dikenal\n");
    for (const [last, held] of [[broken, false], [portal(), true]] as const) {
      const dir = tempRepo({ [PORTAL]: last });
      dirs.push(dir);
      gitInit(dir);
      commitAll(dir, "dinkes: portal");
      writeFiles(dir, { [PORTAL]: null });
      commitAll(dir, "dinkes: hapus berkas portal");
      writeFiles(dir, { "requests/disdik/portal.yaml": requestYaml({ label: "portal", opd: "disdik", target: { hosting: {} } }) });
      expect(errors(dir, "namespace.unique").length > 0).toBe(held);
    }
  });

  it("ignores history that is not this repository's own (a fixture folder inside another repository)", () => {
    const outer = tempRepo({});
    dirs.push(outer);
    gitInit(outer);
    writeFiles(outer, { "inner/governance.yaml": "x: 1\n", [`inner/${PORTAL}`]: portal() });
    commitAll(outer, "outer");
    writeFiles(outer, { [`inner/${PORTAL}`]: null });
    commitAll(outer, "outer deletes");
    expect(validateRepository(`${outer}/inner`, TODAY).retained ?? []).toEqual([]);
  });
});

describe("namespace.unique without history", () => {
  it("refuses two files whose tenants would share a namespace, each naming the other", () => {
    // validated() throws on an invalid set, so each file passes alone and the rules see both.
    const a = validated({ "requests/dinkes/portal.yaml": requestYaml({ label: "portal", opd: "dinkes", target: { hosting: {} } }) });
    const b = validated({ "requests/disdik/portal.yaml": requestYaml({ label: "portal", opd: "disdik", target: { hosting: {} } }) });
    const found = checkRepository([...a.requests, ...b.requests], { governance: a.governance as Governance, today: TODAY }).filter((d) => d.rule === "namespace.unique");
    expect(found.map((d) => d.file).sort()).toEqual(["requests/dinkes/portal.yaml", "requests/disdik/portal.yaml"]);
    expect(found.find((d) => d.file === "requests/dinkes/portal.yaml")!.message.id).toContain("requests/disdik/portal.yaml");
  });
});
