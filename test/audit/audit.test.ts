// npm run audit against a planted world on loopback: a real named serving the zone and the alias
// targets' zones, HTTP and HTTPS servers on 127.0.0.x with gambling pages (open, cloaked by user
// agent, by referrer, hidden links), a "not claimed" page, a silent address and certificates
// made here. Every finding kind is found on its case and nowhere else, so each clean twin is clean.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FINDING_KINDS } from "../../src/audit/types.ts";
import { missingTools } from "../bind/tools.ts";
import { CASES, startWorld, type World } from "./planted.ts";
import { ZONE } from "./repo.ts";
import { runCli, type Ran } from "./run-cli.ts";

const missing = missingTools(["named", "dig", "openssl"]);

interface JsonFinding {
  kind: string;
  name: string;
  opd: string;
  evidence: string;
  fix: string;
  file: string;
}

describe.skipIf(missing.length > 0)("npm run audit on a planted world", () => {
  let world: World;
  let json: Ran;
  let findings: JsonFinding[];

  beforeAll(async () => {
    world = await startWorld();
    json = await runCli("audit.ts", [...world.args, "--format", "json", "--today", "2026-11-30"], world.env);
    findings = (JSON.parse(json.stdout) as { findings: JsonFinding[] }).findings;
  }, 120_000);

  afterAll(async () => world && (await world.stop()));

  it("exits 1 with findings and prints the JSON shape of the issue", () => {
    expect(json.code, json.stderr).toBe(1);
    const parsed = JSON.parse(json.stdout) as { findings: JsonFinding[]; problems: unknown[]; namesChecked: number };
    expect(parsed.problems).toEqual([]);
    for (const f of parsed.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(["kind", "name", "opd", "evidence", "fix"]));
      expect(f.name).toMatch(/^[a-z0-9.-]+$/);
      expect(f.evidence.length).toBeGreaterThan(10);
      expect(f.fix.length).toBeGreaterThan(10);
    }
  });

  it("finds each planted case, exactly its kinds, and nothing on the clean twins", () => {
    const got = new Map<string, string[]>();
    for (const f of findings) got.set(f.name, [...(got.get(f.name) ?? []), f.kind].sort());
    for (const c of CASES) expect(got.get(`${c.spec.label}.${ZONE}`) ?? [], c.spec.label).toEqual([...c.expect].sort());
    // Nothing outside the planted names.
    expect([...got.keys()].every((n) => CASES.some((c) => `${c.spec.label}.${ZONE}` === n))).toBe(true);
  });

  it("covers every finding kind with a case and a clean twin", () => {
    for (const kind of FINDING_KINDS) {
      expect(CASES.some((c) => c.expect.includes(kind)), kind).toBe(true);
      expect(CASES.some((c) => !c.expect.includes(kind) && c.expect.length === 0), kind).toBe(true);
    }
  });

  it("says how the gambling content was hidden", () => {
    const ev = (label: string) => findings.find((f) => f.name === `${label}.${ZONE}` && f.kind === "gambling-content")!.evidence;
    expect(ev("samaran-ua")).toMatch(/Googlebot/);
    expect(ev("samaran-ua")).toMatch(/pengunjung biasa melihat halaman bersih/);
    expect(ev("samaran-rujukan")).toMatch(/datang dari mesin pencari/);
    expect(ev("tautan")).toContain("https://slotgacor88.example/daftar");
    expect(ev("tautan")).toContain("https://agen-togel.example/");
    expect(ev("judi")).toMatch(/"slot gacor".*"maxwin"/);
  });

  it("names the service and the evidence for takeover and dangling aliases", () => {
    const of = (label: string, kind: string) => findings.find((f) => f.name === `${label}.${ZONE}` && f.kind === kind)!;
    expect(of("pages", "takeover-risk").evidence).toMatch(/GitHub Pages/);
    expect(of("azure", "takeover-risk").evidence).toMatch(/Microsoft Azure/);
    expect(of("menggantung", "dangling-cname").evidence).toMatch(/NXDOMAIN/);
    expect(of("berbeda", "live-differs").evidence).toContain("127.0.0.10 → 127.0.0.19");
    expect(of("ditangguhkan", "live-differs").evidence).toMatch(/ditangguhkan di repositori tetapi masih menjawab/);
    expect(of("sunyi", "unreachable").evidence).toMatch(/tidak menjawab/);
  });

  it("gives leadership one summary with a section per OPD: names once, suspended, awaiting confirmation, no file paths", async () => {
    const md = (await runCli("audit.ts", [...world.args, "--format", "markdown", "--today", "2026-11-30"], world.env)).stdout;
    expect(md).toMatch(/^# Ringkasan kebersihan subdomain — Pemerintah Kabupaten Contoh/);
    expect(md).toContain("Subdomain bermasalah: **6 gawat**, 6 penting, 3 perlu diperhatikan.");
    expect(md).toMatch(/\| Dinas Pendidikan \| 2 \| 2 \| 0 \| 0 \| 0 \| 0 \|/);
    expect(md).toContain("## Dinas Kesehatan");
    expect(md.match(/\*\*azure\.contohkab\.go\.id\*\*/g)).toHaveLength(1); // one line for both of its findings
    expect(md).toContain("**ditangguhkan.contohkab.go.id**: penangguhan belum berlaku");
    expect(md).toMatch(/Menunggu penegasan masih dipakai\*\*\n\n- bersih\.contohkab\.go\.id \(tinjau ulang 20 Desember 2026\)/);
    expect(md).not.toMatch(/requests\//);
  }, 60_000);

  it("prints text by default and English with --lang en", async () => {
    const en = await runCli("audit.ts", [...world.args, "--lang", "en"], world.env);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/names checked: \d+ finding\(s\)/);
    expect(en.stdout).toMatch(/The page is cloaked: only search engines \(Googlebot\)/);
  }, 60_000);
});

describe.skipIf(missing.length > 0)("npm run audit on a clean world", () => {
  it("exits 0 and says nothing was found", async () => {
    const world = await startWorld(CASES.filter((c) => c.expect.length === 0));
    try {
      const r = await runCli("audit.ts", [...world.args, "--today", "2026-06-01"], world.env);
      expect(r.stdout).toMatch(/tidak ada temuan/);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    } finally {
      await world.stop();
    }
  }, 120_000);

  it("never says all clear when the resolver is silent (exit 3) and never hangs", async () => {
    const world = await startWorld(CASES.filter((c) => c.expect.length === 0));
    try {
      // A port on which nothing answers DNS: every question times out.
      const args = world.args.map((a) => (a === `127.0.0.1:${world.named.port}` ? "127.0.0.20:53" : a));
      const r = await runCli("audit.ts", [...args, "--format", "json"], world.env);
      expect(r.code, r.stderr).toBe(3);
      expect(JSON.parse(r.stdout).problems.length).toBeGreaterThan(0);
      expect(r.ms).toBeLessThan(60_000);
    } finally {
      await world.stop();
    }
  }, 120_000);

  it("refuses a malformed command line with exit 2 and the usage", async () => {
    const r = await runCli("audit.ts", ["--dns", "resolver.example"], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--dns/);
    const f = await runCli("audit.ts", ["--format", "pdf"], {});
    expect(f.code).toBe(2);
  });
});
