// npm run import against a real named on 127.0.0.1 serving several hundred records by AXFR with
// TSIG: every record ends in a request file, governance or the report (with the rule it breaks);
// the plan's zone then equals the original in BIND's canonical form, except what the report lists.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalLine, parseCanonical } from "../../src/import/canonical.ts";
import { adoptionGovernance } from "../../src/model/presets/adopt.ts";
import { runPlan } from "../../src/artifacts/run.ts";
import { parseIngress } from "../../src/state/ingress.ts";
import { missingTools, startNamed, type NamedServer } from "../bind/tools.ts";
import { cli, REPO } from "../adopt/clone.ts";
import { ZONE, zoneText } from "./zone.ts";

const missing = missingTools(["named", "named-checkzone", "dig", "tsig-keygen"]);
const SUBDOMAINS = 120; // ~330 records with the planted ones
const dirs: string[] = [];
let work = "";
let port = 0;
let named: NamedServer | undefined;

const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};

/** A freshly adopted repository (balangan: no extra required fields; a Pro zone, as a few hundred records need) with no requests. */
function adoptedRoot(): string {
  const root = tmp("import-root-");
  const preset = readFileSync(join(REPO, "src/model/presets/balangan.yaml"), "utf8");
  writeFileSync(join(root, "governance.yaml"), adoptionGovernance(preset, { zone: ZONE, government: "Kabupaten Sukamaju", preset: "balangan", org: "diskominfo-sukamaju", base: "0".repeat(40), date: "2026-06-01" }).text.replace("plan: free", "plan: pro").replace("  - code: diskominfo", "  - code: dinkes\n    name: Dinas Kesehatan\n    liaisons: [siti-dinkes]\n  - code: diskominfo"));
  return root;
}

const canonical = (file: string) => {
  const r = spawnSync("named-checkzone", ["-D", "-o", "-", ZONE, file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  return parseCanonical(r.stdout);
};

describe.skipIf(missing.length > 0)("npm run import from a real named", () => {
  let keyFile = "";
  beforeAll(async () => {
    work = tmp("import-named-");
    writeFileSync(join(work, "zone.db"), zoneText(SUBDOMAINS));
    keyFile = join(work, "xfr.key");
    writeFileSync(keyFile, spawnSync("tsig-keygen", ["-a", "hmac-sha256", "xfr-key"], { encoding: "utf8" }).stdout);
    named = await startNamed(work, [{ name: ZONE, file: join(work, "zone.db") }], { tsigKeyFile: keyFile });
    port = named.port;
  }, 60_000);

  afterAll(async () => {
    await named?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  it("refuses a transfer without the TSIG key, naming the failure", { timeout: 60_000 }, () => {
    const root = adoptedRoot();
    const r = cli(REPO, "import", ["--root", root, "--axfr", `127.0.0.1:${port}`, "--lang", "en"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("AXFR of sukamajukab.go.id from 127.0.0.1");
    expect(readdirSync(root)).toEqual(["governance.yaml"]); // nothing written
  });

  it("imports every record by AXFR with TSIG and round-trips through the plan", { timeout: 180_000 }, async () => {
    const root = adoptedRoot();
    const map = join(root, "..", `${root.split("/").pop()}-opd.csv`);
    writeFileSync(map, "name,opd\nlayanan0,dinkes\nlayanan1.sukamajukab.go.id,dinkes\nlayanan2,dishub\n");
    dirs.push(map);
    const r = cli(REPO, "import", ["--root", root, "--axfr", `127.0.0.1:${port}`, "--tsig-key", keyFile, "--opd-map", map, "--today", "2026-06-01", "--lang", "en"]);
    expect(r.status, r.stderr).toBe(0);
    const original = canonical(join(work, "zone.db"));
    expect(original.length).toBeGreaterThan(300);
    const counts = /(\d+) records; (\d+) in (\d+) request files, (\d+) in governance.yaml, (\d+) not imported/.exec(r.stdout);
    expect(counts).not.toBeNull();
    const [total, inRequests, , inGovernance, reported] = counts!.slice(1).map(Number) as [number, number, number, number, number];
    expect(total).toBe(original.length);
    expect(inRequests + inGovernance + reported).toBe(total);
    // An OPD the map names but governance lacks is said, and its name goes to Diskominfo.
    expect(r.stderr).toContain("`dishub` is not in governance.yaml");
    expect(readdirSync(join(root, "requests/dinkes")).sort()).toEqual(["layanan0.yaml", "layanan1.yaml"]);

    // Every planted record is in the report with the rule it breaks, or in governance.
    const report = readFileSync(join(root, "out/import-report.md"), "utf8");
    const row = (record: string) => report.split("\n").find((l) => l.includes(record)) ?? `(missing: ${record})`;
    expect(row("intranet.sukamajukab.go.id. 3600 A 10.20.30.40")).toContain("`address.public`");
    expect(row("admin.sukamajukab.go.id. 3600 A")).toContain("`label.reserved`");
    expect(row("TLSA 3 1 1")).toContain("`import.type`");
    expect(row('TXT "two" "strings"')).toContain("`import.txt-strings`");
    expect(row("surel.sukamajukab.go.id. 3600 MX")).toContain("`import.no-target`");
    expect(row("cabang.sukamajukab.go.id. 3600 DS")).toContain("`import.delegation`");
    expect(row("ns.cabang.sukamajukab.go.id. 3600 A")).toContain("`import.delegation`");
    expect(row("\\*.layanan1")).toContain("`import.wildcard`");
    expect(row("\\*.sukamajukab.go.id. 3600 A")).toContain("`import.wildcard`");
    expect(row("www.sukamajukab.go.id. 3600 CNAME")).toContain("`import.protected`");
    const governance = readFileSync(join(root, "governance.yaml"), "utf8");
    expect(governance).toMatch(/- cabang/);
    expect(governance).toMatch(/- "\*"/);

    // validate names what the OPDs must complete, and nothing else stops the plan.
    const v = cli(REPO, "validate", ["--root", root, "--format", "json", "--today", "2026-06-01"]);
    expect(v.status, v.stdout).toBe(0);
    const rules = new Set((JSON.parse(v.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule));
    expect([...rules].sort()).toEqual(["governance.placeholder", "request.placeholder"]);

    // Round trip: the plan's zone equals the original, in canonical form, except the report and governance rows.
    const plan = await runPlan({
      root,
      out: join(root, "out"),
      lang: "en",
      allowLargeChange: false,
      today: "2026-06-01",
      ingress: parseIngress("192.0.2.80")!,
      nameserverAddresses: { [`ns1.${ZONE}`]: ["103.147.26.2"], [`ns2.${ZONE}`]: ["103.147.26.3"] },
      cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
      safety: { maxShare: 1, minExisting: 1 },
    });
    expect(plan.kind === "planned" && plan.unsafe.map((m) => m.en)).toEqual([]);
    const listed = new Set(report.split("\n").flatMap((l) => /^\| \d+ \| `(.*)` \| `/.exec(l)?.[1]?.replace(/\\(.)/g, "$1") ?? []));
    const fromRequests = original.map(canonicalLine).filter((l) => !listed.has(l));
    expect(fromRequests.length).toBe(inRequests);
    const planned = canonical(join(root, "out/zones", `${ZONE}.zone`))
      .map(canonicalLine)
      .filter((l) => !/ (SOA|NS) /.test(l) && !l.startsWith(`ns1.${ZONE}. `) && !l.startsWith(`ns2.${ZONE}. `));
    expect(planned.sort()).toEqual(fromRequests.sort());
  });

  it("reads the same zone from a file (as Cloudflare exports it) into the same request files", { timeout: 120_000 }, () => {
    const viaAxfr = adoptedRoot();
    const viaFile = adoptedRoot();
    expect(cli(REPO, "import", ["--root", viaAxfr, "--axfr", `127.0.0.1:${port}`, "--tsig-key", keyFile, "--today", "2026-06-01"]).status).toBe(0);
    expect(cli(REPO, "import", ["--root", viaFile, "--zone-file", join(work, "zone.db"), "--today", "2026-06-01"]).status).toBe(0);
    const files = (root: string) => readdirSync(join(root, "requests/diskominfo")).sort();
    expect(files(viaFile)).toEqual(files(viaAxfr));
    for (const f of files(viaFile)) {
      const strip = (t: string) => t.replace(/^# Diimpor dari.*$/m, "").replace(/\(diimpor dari [^)]*\)/, "");
      expect(strip(readFileSync(join(viaFile, "requests/diskominfo", f), "utf8"))).toBe(strip(readFileSync(join(viaAxfr, "requests/diskominfo", f), "utf8")));
    }
    expect(readFileSync(join(viaFile, "governance.yaml"), "utf8")).toBe(readFileSync(join(viaAxfr, "governance.yaml"), "utf8"));
  });
});
