// `npm run plan` on the fixture government (the example data): out/kubernetes/ holds everything a
// cluster needs for it: the shared baseline, and per tenant the policy, the access objects (only
// while active) and the Velero schedule (tenants with storage); every object valid.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { runPlan } from "../../src/artifacts/run.ts";
import type { KubeObject } from "../../src/targets/kubernetes/manifests.ts";
import { CONTOH } from "../fixtures/contoh.ts";
import { expectValid } from "./validate-object.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("out/kubernetes for the example data", () => {
  it("holds the baseline and, per tenant, admission policy, quota, network rules, access and backup schedule", async () => {
    const root = mkdtempSync(join(tmpdir(), "contoh-out-"));
    dirs.push(root);
    cpSync(CONTOH, root, { recursive: true });
    const cluster = { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" };
    const r = await runPlan({ root, out: join(root, "out"), lang: "id", allowLargeChange: true, today: "2026-11-22", ingress: { ipv4: ["192.0.2.80"] }, nameserverAddresses: {}, cluster });
    if (r.kind !== "planned") throw new Error(JSON.stringify(r.diagnostics.slice(0, 3)));
    expect(r.state.tenants.length).toBeGreaterThan(3);
    const dir = join(root, "out/kubernetes");
    const files = readdirSync(dir).sort();
    expect(files[0]).toBe("00-baseline.yaml");
    const read = (f: string) => parseAllDocuments(readFileSync(join(dir, f), "utf8")).map((d) => d.toJS() as KubeObject);
    const baseline = read("00-baseline.yaml");
    baseline.forEach(expectValid);
    expect(baseline.map((o) => o.kind).sort()).toEqual(["AdminNetworkPolicy", "ClusterRole", "ClusterRole"]);
    for (const t of r.state.tenants) {
      const objs = read(`${t.namespace}.yaml`);
      objs.forEach(expectValid);
      const kinds = objs.map((o) => o.kind);
      if (t.releaseData) {
        expect(kinds).toEqual(["Backup"]);
        continue;
      }
      for (const k of ["Namespace", "ResourceQuota", "LimitRange", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "NetworkPolicy"]) expect(kinds, `${t.namespace} ${k}`).toContain(k);
      expect(kinds.includes("RoleBinding"), t.namespace).toBe(t.status === "active");
      expect(kinds.includes("Ingress"), t.namespace).toBe(t.status === "active");
      expect(kinds.includes("Schedule"), t.namespace).toBe(t.quota.volumes > 0);
    }
    expect(r.state.tenants.some((t) => t.status === "retained")).toBe(true);
  });
});
