// The request shapes real zones need (a mail-only name, a delegation with glue and DS, SRV under a
// host name) through the whole plan into a zone file that `named-checkzone -k fail` accepts and a
// real `named` serves: the delegation answers as a referral with its glue, DS from the parent.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPlan, type PlanOutcome } from "../../src/artifacts/run.ts";
import { DELEGATING_GOVERNANCE, REAL_SHAPES, REAL_SHAPES_DIGEST as DIGEST, tempRepo } from "../plan/fixture.ts";
import { missingTools, startNamed, type NamedServer } from "./tools.ts";

const ZONE = "contohkab.go.id";
const missing = missingTools(["named", "named-checkzone", "dig"]);
let repo = "";
let work = "";
let port = 0;
let outcome: PlanOutcome;
let named: NamedServer | undefined;

function dig(...args: string[]): string {
  const r = spawnSync("dig", ["@127.0.0.1", "-p", String(port), "+norec", "+time=2", "+tries=2", ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`dig ${args.join(" ")} failed: ${r.stderr}${r.stdout}`);
  return r.stdout;
}
const rdata = (text: string) => text.split("\n").filter((l) => l.trim() && !l.startsWith(";")).map((l) => l.split(/\s+/).slice(4).join(" "));

describe.skipIf(missing.length > 0)("real-zone shapes in BIND", () => {
  beforeAll(async () => {
    repo = tempRepo({ "governance.yaml": DELEGATING_GOVERNANCE, ...REAL_SHAPES }, false);
    outcome = await runPlan({
      root: repo,
      out: join(repo, "out"),
      lang: "id",
      allowLargeChange: false,
      today: "2026-06-01",
      ingress: { ipv4: ["192.0.2.80"] },
      nameserverAddresses: {},
      cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
    });
    if (outcome.kind !== "planned") throw new Error(`fixture invalid: ${JSON.stringify(outcome.diagnostics)}`);
    work = mkdtempSync(join(tmpdir(), "named-real-"));
    named = await startNamed(work, [{ name: ZONE, file: join(repo, "out/zones", `${ZONE}.zone`) }]);
    port = named.port;
  });
  afterAll(async () => {
    await named?.stop();
    if (work) rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it("passes named-checkzone -k fail", () => {
    const r = spawnSync("named-checkzone", ["-k", "fail", "-i", "full", ZONE, join(repo, "out/zones", `${ZONE}.zone`)], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toContain("OK");
    expect(r.status).toBe(0);
  });

  it("plans the new shapes as record sets: NS and DS at the delegation, glue, mail-only MX/TXT, SRV under a host", () => {
    if (outcome.kind !== "planned") throw new Error("not planned");
    const created = outcome.plan.records.map((c) => `${c.action} ${c.name} ${c.type}`);
    expect(created).toEqual(
      expect.arrayContaining(["create sekolah NS", "create sekolah DS", "create ns1.sekolah A", "create ns1.sekolah AAAA", "create surel MX", "create surel TXT", "create _minecraft._tcp.mc.game SRV"]),
    );
    expect(outcome.state.records.some((r) => r.name === "surel" && (r.type === "A" || r.type === "CNAME" || r.type === "INGRESS"))).toBe(false);
    expect(outcome.state.tenants).toEqual([]);
  });

  it("serves the mail-only name and the SRV record below a host name", () => {
    expect(rdata(dig("+noall", "+answer", `surel.${ZONE}`, "MX"))).toEqual(["10 mail.contohkab.go.id."]);
    expect(dig("+noall", "+comments", `surel.${ZONE}`, "A")).toMatch(/status: NOERROR/); // the name exists, without an address
    expect(rdata(dig("+noall", "+answer", `_minecraft._tcp.mc.game.${ZONE}`, "SRV"))).toEqual(["0 5 25565 mc.game.contohkab.go.id."]);
  });

  it("refers the delegated name to the OPD's servers with glue, and answers its DS itself", () => {
    const referral = dig("+noall", "+authority", "+additional", `www.sekolah.${ZONE}`, "A");
    expect(referral).toMatch(/sekolah\.contohkab\.go\.id\.\s+\d+\s+IN\s+NS\s+ns1\.sekolah\.contohkab\.go\.id\./);
    expect(referral).toMatch(/sekolah\.contohkab\.go\.id\.\s+\d+\s+IN\s+NS\s+ns2\.dns-opd\.example\.net\./);
    expect(referral).toMatch(/ns1\.sekolah\.contohkab\.go\.id\.\s+\d+\s+IN\s+A\s+103\.10\.20\.53/);
    expect(referral).toMatch(/ns1\.sekolah\.contohkab\.go\.id\.\s+\d+\s+IN\s+AAAA\s+2400:cb00::53/);
    expect(dig("+noall", "+comments", `www.sekolah.${ZONE}`, "A")).not.toMatch(/flags:[^;]* aa[ ;]/); // not authoritative below the cut
    expect(rdata(dig("+noall", "+answer", `sekolah.${ZONE}`, "DS")).map((d) => d.replace(/\s+/g, " "))).toEqual([`2371 13 2 ${DIGEST.slice(0, 56)} ${DIGEST.slice(56)}`]);
  });

  it("writes NS, DS and glue into the zone file with the request's comment", () => {
    const text = readFileSync(join(repo, "out/zones", `${ZONE}.zone`), "utf8");
    expect(text).toContain("; requests/disdik/sekolah.yaml (OPD disdik)");
    expect(text).toContain(`sekolah.${ZONE}. 3600 IN DS 2371 13 2 ${DIGEST}`);
  });
});
