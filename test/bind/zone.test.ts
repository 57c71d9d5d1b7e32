// The zone file that `npm run plan` writes, served by a real BIND on 127.0.0.1: every record of
// the desired state answers with exactly its values, names outside it are NXDOMAIN, and a zone
// transfer holds the state and nothing else (besides SOA, NS and name-server addresses).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPlan } from "../../src/artifacts/run.ts";
import { resolveIngress } from "../../src/state/ingress.ts";
import type { DesiredState, RecordSet } from "../../src/state/types.ts";
import { sampleRequests, tempRepo } from "../plan/fixture.ts";
import { missingTools, startNamed, type NamedServer } from "./tools.ts";

const ZONE = "contohkab.go.id";
const missing = missingTools(["named", "named-checkzone", "dig"]);
const INGRESS = { ipv4: ["192.0.2.80"], ipv6: ["2001:db8::80"] };
const NS = { "ns1.contohkab.go.id": ["192.0.2.53"], "ns2.contohkab.go.id": ["192.0.2.54", "2001:db8::54"] };

let repo = "";
let work = "";
let zoneFile = "";
let state: DesiredState;
let port = 0;
let named: NamedServer | undefined;

/** dig's rdata of a TXT record (one or more quoted strings) back to the text they hold. */
function unTxt(rdata: string): string {
  const bytes: number[] = [];
  for (const m of rdata.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const s = m[1]!;
    for (let i = 0; i < s.length; i++) {
      if (s[i] !== "\\") bytes.push(s.charCodeAt(i));
      else if (/^\d{3}$/.test(s.slice(i + 1, i + 4))) {
        bytes.push(Number(s.slice(i + 1, i + 4)));
        i += 3;
      } else bytes.push(s.charCodeAt(++i));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The values of a record set as dig presents them (TXT decoded to its text). */
function expected(rs: RecordSet): string[] {
  switch (rs.type) {
    case "A":
    case "AAAA":
      return [...rs.values];
    case "CNAME":
      return [`${rs.values[0]}.`];
    case "TXT":
      return [...rs.values];
    case "MX":
      return rs.values.map((v) => `${v.priority} ${v.exchange}.`);
    case "CAA":
      return rs.values.map((v) => `${v.flags} ${v.tag} "${v.value}"`);
    case "SRV":
      return rs.values.map((v) => `${v.priority} ${v.weight} ${v.port} ${v.target}.`);
    case "NS":
      return rs.values.map((v) => `${v}.`);
    case "DS":
      return rs.values.map((v) => `${v.keyTag} ${v.algorithm} ${v.digestType} ${v.digest}`);
    case "INGRESS":
      throw new Error("resolve first");
  }
}

interface Answer {
  name: string;
  ttl: number;
  type: string;
  rdata: string;
}

function dig(...args: string[]): string {
  const r = spawnSync("dig", ["@127.0.0.1", "-p", String(port), "+norec", "+time=2", "+tries=2", ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`dig ${args.join(" ")} failed: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

function answers(text: string): Answer[] {
  return text
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith(";"))
    .map((l) => {
      const [name, ttl, , type, ...rest] = l.split(/\s+/);
      const rdata = rest.join(" ");
      return { name: name!, ttl: Number(ttl), type: type!, rdata: type === "TXT" ? unTxt(rdata) : rdata };
    });
}

const concrete = () => state.records.flatMap((r) => resolveIngress(r, INGRESS));

describe.skipIf(missing.length > 0)("zone file served by BIND", () => {
  beforeAll(async () => {
    repo = tempRepo(sampleRequests());
    const r = await runPlan({
      root: repo,
      out: join(repo, "out"),
      lang: "id",
      allowLargeChange: false,
      today: "2026-06-01",
      ingress: INGRESS,
      nameserverAddresses: NS,
      cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
    });
    if (r.kind !== "planned") throw new Error(`fixture invalid: ${JSON.stringify(r.diagnostics)}`);
    state = r.state;
    zoneFile = join(repo, "out/zones", `${ZONE}.zone`);

    work = mkdtempSync(join(tmpdir(), "named-test-"));
    named = await startNamed(work, [{ name: ZONE, file: zoneFile }], { transferToLoopback: true });
    port = named.port;
  });

  afterAll(async () => {
    // named writes files in its directory until it has exited: wait for it before removing them.
    await named?.stop();
    if (work) rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it("passes named-checkzone", () => {
    const r = spawnSync("named-checkzone", ["-k", "fail", "-i", "full", ZONE, zoneFile], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toContain("OK");
    expect(r.status).toBe(0);
  });

  it("answers every record of the desired state with exactly its values and TTL", () => {
    const sets = concrete();
    expect(sets.length).toBeGreaterThan(10);
    // One dig process for all queries.
    const got = answers(dig("+noall", "+answer", ...sets.flatMap((r) => [`${r.name}.${r.zone}`, r.type])));
    for (const rs of sets) {
      const owner = `${rs.name}.${rs.zone}.`;
      const mine = got.filter((a) => a.name === owner && a.type === rs.type);
      expect(mine.map((a) => a.rdata).sort(), `${owner} ${rs.type}`).toEqual(expected(rs).sort());
      for (const a of mine) expect(a.ttl).toBe(rs.ttl);
    }
  });

  it("serves the long, quoted TXT value and the IDN name as written", () => {
    const dmarc = state.records.find((r) => r.name === "_dmarc.surat")!;
    expect((dmarc.values[0] as string).length).toBeGreaterThan(255);
    const got = answers(dig("+noall", "+answer", `_dmarc.surat.${ZONE}`, "TXT"));
    expect(got.map((a) => a.rdata)).toEqual(dmarc.values);
    expect(answers(dig("+noall", "+answer", `xn--bcher-kva.${ZONE}`, "A")).map((a) => a.rdata)).toEqual(["103.10.20.33"]);
  });

  it("says NXDOMAIN for names outside the state", () => {
    for (const name of ["tidakada", "sehat2", "x.sehat", "_dmarc.sehat", "lama", "www2"]) {
      const out = dig("+noall", "+comments", `${name}.${ZONE}`, "A");
      expect(out, name).toMatch(/status: NXDOMAIN/);
    }
  });

  it("transfers a zone holding the state and nothing else", () => {
    const axfr = answers(dig("+noall", "+answer", ZONE, "AXFR"));
    const key = (name: string, type: string, ttl: number, rdata: string) => `${name} ${ttl} ${type} ${rdata}`;
    const infra = new Set(["SOA", "NS"]);
    const glue = new Set(Object.keys(NS).map((n) => `${n}.`));
    const served = axfr.filter((a) => !infra.has(a.type) && !glue.has(a.name)).map((a) => key(a.name, a.type, a.ttl, a.rdata));
    const wanted = concrete().flatMap((rs) => expected(rs).map((v) => key(`${rs.name}.${rs.zone}.`, rs.type, rs.ttl, v)));
    expect(served.sort()).toEqual(wanted.sort());
    // And the infrastructure part is exactly what governance and the settings give.
    expect(axfr.filter((a) => a.type === "NS").map((a) => a.rdata).sort()).toEqual(["ns1.contohkab.go.id.", "ns2.contohkab.go.id."]);
    expect(axfr.filter((a) => glue.has(a.name)).map((a) => `${a.name} ${a.rdata}`).sort()).toEqual(["ns1.contohkab.go.id. 192.0.2.53", "ns2.contohkab.go.id. 192.0.2.54", "ns2.contohkab.go.id. 2001:db8::54"]);
    const soa = axfr.find((a) => a.type === "SOA")!;
    expect(soa.rdata).toMatch(/^ns1\.contohkab\.go\.id\. hostmaster\.contohkab\.go\.id\. 2026060100 3600 900 1209600 300$/);
  });

  it("comments each record with its request file and OPD", () => {
    const text = readFileSync(zoneFile, "utf8");
    expect(text).toContain("; requests/setda/surat.yaml (OPD setda)");
  });
});
