// Several zones in governance: each gets its own zone file holding only its records, and every
// file passes named-checkzone.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPlan } from "../../src/artifacts/run.ts";
import { GOVERNANCE, requestYaml, tempRepo } from "../plan/fixture.ts";
import { missingTools } from "./tools.ts";

const missing = missingTools(["named-checkzone"]);
const SECOND = `  - name: contohkab.id
    ttl: 600
    nameservers: [ns1.contohkab.go.id, ns.contohkab.id]
    soa:
      mname: ns1.contohkab.go.id
      rname: dns.admin@contohkab.go.id
`;
const governance = GOVERNANCE.replace("admins:\n", `${SECOND}admins:\n`);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.skipIf(missing.length > 0)("several zones", () => {
  it("writes one loadable zone file per zone with only its records", async () => {
    const withZone = (yaml: string) => yaml.replace("opd: ", "zone: contohkab.id\nopd: ");
    const dir = tempRepo({
      "governance.yaml": governance,
      "requests/dinkes/sehat.yaml": requestYaml({ label: "sehat", target: { server: { ipv4: ["103.10.20.30"] } } }),
      "requests/dinkes/pintar.yaml": withZone(requestYaml({ label: "pintar", target: { server: { ipv4: ["103.10.20.40"] } } })),
      "requests/setda/arsip.yaml": withZone(requestYaml({ label: "arsip", opd: "setda", target: { hosting: {} } })),
    }, false);
    dirs.push(dir);
    const r = await runPlan({
      root: dir,
      out: join(dir, "out"),
      lang: "id",
      allowLargeChange: false,
      today: "2026-06-01",
      ingress: { ipv4: ["192.0.2.80"] },
      nameserverAddresses: {},
      cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
    });
    if (r.kind !== "planned") throw new Error(r.diagnostics.map((d) => `${d.file} ${d.rule} ${d.message.en}`).join("\n"));
    // Outside the first zone a namespace carries a hash of the whole host name, so no two requests can share it.
    expect(r.state.tenants.map((t) => t.namespace)).toEqual([expect.stringMatching(/^tenant--arsip-contohkab-id-[0-9a-f]{12}$/)]);
    expect(r.written).toContain("zones/contohkab.id.zone");
    expect(r.written).toContain("zones/contohkab.go.id.zone");
    const a = readFileSync(join(dir, "out/zones/contohkab.go.id.zone"), "utf8");
    const b = readFileSync(join(dir, "out/zones/contohkab.id.zone"), "utf8");
    expect(a).toContain("sehat.contohkab.go.id. 3600 IN A 103.10.20.30");
    expect(a).not.toContain("pintar");
    expect(b).toContain("pintar.contohkab.id. 600 IN A 103.10.20.40");
    expect(b).toContain("arsip.contohkab.id. 600 IN A 192.0.2.80");
    expect(b).toContain("dns\\.admin.contohkab.go.id.");
    expect(b).not.toContain("sehat");
    for (const [zone, file] of [["contohkab.go.id", "out/zones/contohkab.go.id.zone"], ["contohkab.id", "out/zones/contohkab.id.zone"]] as const) {
      const c = spawnSync("named-checkzone", ["-k", "fail", zone, join(dir, file)], { encoding: "utf8" });
      expect(c.stdout + c.stderr, zone).toContain("OK");
      expect(c.status).toBe(0);
    }
  });
});
