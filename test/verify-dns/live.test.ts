// npm run verify-dns against real named servers on 127.0.0.1 serving the fixture government's
// planned zone: one unchanged, one with a record removed, one changed and one added. Every planted
// difference is found (the extra one only by AXFR), the unchanged zone exits 0, and a server that
// does not answer is "could not ask", never "equal".
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, REPO } from "../adopt/clone.ts";
import { freePort, missingTools, startNamed as startBind, type NamedServer } from "../bind/tools.ts";

const missing = missingTools(["named", "named-checkzone", "dig", "tsig-keygen"]);
const ZONE = "contohkab.go.id";
const dirs: string[] = [];
const servers: NamedServer[] = [];
const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};

/** One named serving `zoneText`, zone transfers only with the key. */
async function startNamed(zoneText: string, keyFile: string): Promise<number> {
  const work = tmp("verify-named-");
  writeFileSync(join(work, "zone.db"), zoneText);
  const server = await startBind(work, [{ name: ZONE, file: join(work, "zone.db") }], { tsigKeyFile: keyFile });
  servers.push(server);
  return server.port;
}

describe.skipIf(missing.length > 0)("npm run verify-dns against a real named", () => {
  let root = "";
  let keyFile = "";
  let same = 0;
  let planted = 0;
  beforeAll(async () => {
    root = tmp("verify-root-");
    cpSync(join(REPO, "test/fixtures/contoh"), root, { recursive: true });
    const plan = cli(REPO, "plan", ["--root", root, "--out", join(root, "out")]);
    expect(plan.status, plan.stderr).toBe(0);
    // The zone as BIND prints it: one record per line, so a line is one record to plant on.
    const dump = spawnSync("named-checkzone", ["-D", "-o", "-", ZONE, join(root, "out/zones", `${ZONE}.zone`)], { encoding: "utf8" });
    expect(dump.status).toBe(0);
    const text = dump.stdout;
    const lines = text.split("\n");
    const jdih = lines.filter((l) => /^jdih\.contohkab\.go\.id\.\s+\d+ IN A\s/.test(l));
    const layanan = lines.filter((l) => /^layanan\.contohkab\.go\.id\.\s+\d+ IN A\s+103\.147\.31\.20$/.test(l));
    expect([jdih.length, layanan.length]).toEqual([1, 1]);
    const changed = lines
      .filter((l) => l !== jdih[0]) // missing
      .map((l) => (l === layanan[0] ? l.replace("103.147.31.20", "103.147.31.99") : l)) // different
      .concat(`siluman.${ZONE}. 300 IN TXT "<script>x</script> @admin | **tebal**"`); // extra, hostile text
    keyFile = join(tmp("verify-key-"), "xfr.key");
    writeFileSync(keyFile, spawnSync("tsig-keygen", ["-a", "hmac-sha256", "xfr-key"], { encoding: "utf8" }).stdout);
    same = await startNamed(text, keyFile);
    planted = await startNamed(changed.join("\n") + "\n", keyFile);
  }, 120_000);

  afterAll(async () => {
    for (const named of servers) await named.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  const verify = (...args: string[]) => cli(REPO, "verify-dns", ["--root", root, ...args]);

  it("exits 0 for the unchanged zone, by AXFR with TSIG and by one query per record set", { timeout: 60_000 }, () => {
    const viaAxfr = verify("--server", `127.0.0.1:${same}`, "--tsig-key", keyFile, "--lang", "en");
    expect(viaAxfr.status, viaAxfr.stdout + viaAxfr.stderr).toBe(0);
    expect(viaAxfr.stdout).toContain(`${ZONE} @ 127.0.0.1:${same} (AXFR): equal`);
    const viaQueries = verify("--server", `127.0.0.1:${same}`);
    expect(viaQueries.status, viaQueries.stdout + viaQueries.stderr).toBe(0);
    expect(viaQueries.stdout).toContain("sama (rekaman lebih tidak diperiksa: AXFR ditolak)");
  });

  it("finds the missing, the different and (by AXFR) the extra record, exit 8", { timeout: 60_000 }, () => {
    const r = verify("--server", `127.0.0.1:${planted}`, "--tsig-key", keyFile, "--format", "json");
    expect(r.status, r.stderr).toBe(8);
    const out = JSON.parse(r.stdout) as { equal: boolean; results: { method: string; diff: { missing: { owner: string; type: string; got: string[] }[]; different: { owner: string; want: string[]; got: string[] }[]; extra: { owner: string; got: string[] }[] } }[] };
    expect(out.equal).toBe(false);
    const [res] = out.results;
    expect(res!.method).toBe("axfr");
    expect(res!.diff.missing.map((s) => `${s.owner} ${s.type}`)).toEqual([`jdih.${ZONE} A`]);
    expect(res!.diff.different.map((s) => [s.owner, s.want, s.got])).toEqual([[`layanan.${ZONE}`, [`layanan.${ZONE}. 3600 A 103.147.31.20`], [`layanan.${ZONE}. 3600 A 103.147.31.99`]]]);
    expect(res!.diff.extra.map((s) => s.owner)).toEqual([`siluman.${ZONE}`]);
  });

  it("without a zone transfer still finds missing and different, and says extra is unknown", { timeout: 60_000 }, () => {
    const r = verify("--server", `127.0.0.1:${planted}`, "--lang", "en");
    expect(r.status).toBe(8);
    expect(r.stdout).toContain("1 missing, 1 different, extra: unknown (AXFR refused)");
    expect(r.stdout).toContain(`Missing on the server: jdih.${ZONE} A`);
    expect(r.stdout).toContain(`on server:  layanan.${ZONE}. 3600 A 103.147.31.99`);
    expect(r.stdout).not.toContain("siluman");
  });

  it("escapes the server's text in Markdown (it goes into an issue)", { timeout: 60_000 }, () => {
    const r = verify("--server", `127.0.0.1:${planted}`, "--tsig-key", keyFile, "--format", "markdown");
    expect(r.status).toBe(8);
    expect(r.stdout).toContain("Lebih (tidak ada di repositori)");
    expect(r.stdout).toContain("siluman");
    expect(r.stdout).not.toMatch(/<script>|@admin|\*\*tebal/);
  });

  it("a server that does not answer is exit 3, not equal; bad usage is exit 2", { timeout: 60_000 }, async () => {
    const closed = await freePort();
    const r = verify("--server", `127.0.0.1:${closed}`, "--lang", "en");
    expect(r.status).toBe(3);
    expect(r.stdout).toContain("could not be asked");
    expect(verify("--server", "127.0.0.1:port").status).toBe(2);
    expect(verify("--format", "html").status).toBe(2);
    const help = verify("--help");
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining("8 berbeda / differs")]);
  });

  it("asks the zone's name servers from governance when no --server is given", { timeout: 60_000 }, () => {
    // ns1/ns2.contohkab.go.id do not resolve here: could not ask, named in the report.
    const r = verify("--lang", "en");
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(`${ZONE} @ ns1.${ZONE}`);
    expect(r.stdout).toContain(`${ZONE} @ ns2.${ZONE}`);
    expect(readFileSync(join(root, "governance.yaml"), "utf8")).toContain(`ns1.${ZONE}`);
  });
});
