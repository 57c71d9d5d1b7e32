// The planted world of the audit tests: for every finding kind a name that must be found and a
// clean twin that must not be, served by a real named and real HTTP(S) servers on 127.0.0.x.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FindingKind } from "../../src/audit/types.ts";
import { makeCerts, type TestCerts } from "./certs.ts";
import { startNamed, zoneText, type Named } from "./named.ts";
import { repoFiles, writeRepo, ZONE, type Spec } from "./repo.ts";
import { startWeb, type Site, type Web } from "./web.ts";

export interface Case {
  spec: Spec;
  /** Lines of the government zone as it is live (relative names); default: what the spec says. */
  live?: string[];
  /** Exactly the kinds the audit must report for this name. */
  expect: FindingKind[];
}

const a = (label: string, ip: string) => ({ spec: { label, target: { server: { ipv4: [ip] } } }, live: [`${label} A ${ip}`] });
const alias = (label: string, target: string) => ({ spec: { label, target: { alias: target } }, live: [`${label} CNAME ${target}.`] });

export const CASES: Case[] = [
  { ...a("bersih", "127.0.0.10"), spec: { label: "bersih", target: { server: { ipv4: ["127.0.0.10"] } }, records: [{ type: "TXT", name: "_dmarc", values: ["v=DMARC1; p=reject"] }], reviewBy: "2026-12-20" }, live: ["bersih A 127.0.0.10", `_dmarc.bersih TXT "v=DMARC1; p=reject"`], expect: [] },
  { ...a("judi", "127.0.0.11"), expect: ["gambling-content"] },
  { ...a("samaran-ua", "127.0.0.12"), expect: ["gambling-content"] },
  { ...a("samaran-rujukan", "127.0.0.13"), expect: ["gambling-content"] },
  { ...a("tautan", "127.0.0.14"), spec: { label: "tautan", opd: "disdik", target: { server: { ipv4: ["127.0.0.14"] } } }, expect: ["gambling-content"] },
  { ...a("kedaluwarsa", "127.0.0.15"), expect: ["tls-expired"] },
  { ...a("segera", "127.0.0.16"), expect: ["tls-expiring"] },
  { ...a("salahnama", "127.0.0.17"), expect: ["tls-name-mismatch"] },
  { ...a("swasertifikat", "127.0.0.18"), expect: ["tls-self-signed"] },
  { ...a("sunyi", "127.0.0.20"), expect: ["unreachable"] },
  { ...a("mati", "127.0.0.21"), expect: ["unreachable"] },
  { spec: { label: "berbeda", target: { server: { ipv4: ["127.0.0.10"] } } }, live: ["berbeda A 127.0.0.19"], expect: ["live-differs"] },
  { ...alias("alias-ok", "app.layanan.test"), expect: [] },
  { ...alias("menggantung", "hilang.layanan.test"), expect: ["dangling-cname"] },
  { ...alias("pages", "orphan.github.io"), spec: { label: "pages", opd: "disdik", target: { alias: "orphan.github.io" } }, expect: ["takeover-risk"] },
  { ...alias("pages-ok", "dinkes.github.io"), expect: [] },
  { ...alias("azure", "hilang.azurewebsites.net"), expect: ["dangling-cname", "takeover-risk"] },
  { spec: { label: "ditangguhkan", target: { server: { ipv4: ["127.0.0.10"] } }, suspension: { reason: "Konten judi online", since: "2026-11-20", finding: "gambling-content" } }, live: ["ditangguhkan A 127.0.0.10"], expect: ["live-differs"] },
  { spec: { label: "tangguh-bersih", target: { server: { ipv4: ["127.0.0.10"] } }, suspension: { reason: "Konten judi online", since: "2026-11-20", finding: "gambling-content" } }, live: [], expect: [] },
];

export const TARGET_ZONES = {
  "layanan.test": ["app A 127.0.0.10", "kosong TXT \"no address here\""],
  "github.io": ["orphan A 127.0.0.30", "dinkes A 127.0.0.31"],
  "azurewebsites.net": ["ada A 127.0.0.10"],
};

export function sites(c: TestCerts): Site[] {
  const site = (address: string, behaviour: Site["behaviour"], cert = c.good): Site => ({ address, behaviour, cert });
  return [
    site("127.0.0.10", "clean"),
    site("127.0.0.11", "gambling"),
    site("127.0.0.12", "cloak-ua"),
    site("127.0.0.13", "cloak-referrer"),
    site("127.0.0.14", "hidden-link"),
    site("127.0.0.15", "clean", c.expired),
    site("127.0.0.16", "clean", c.expiring),
    site("127.0.0.17", "clean", c.wrongName),
    site("127.0.0.18", "clean", c.selfSigned),
    site("127.0.0.19", "clean"),
    site("127.0.0.20", "silent"),
    site("127.0.0.30", "unclaimed-pages"),
    site("127.0.0.31", "clean"),
  ];
}

export interface World {
  root: string;
  named: Named;
  web: Web;
  certs: TestCerts;
  args: string[];
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startWorld(cases: readonly Case[] = CASES, governance?: string): Promise<World> {
  const work = mkdtempSync(join(tmpdir(), "audit-world-"));
  const certs = makeCerts(work, ZONE);
  const zones: Record<string, string> = { [ZONE]: zoneText(ZONE, cases.flatMap((c) => c.live ?? [])) };
  for (const [z, lines] of Object.entries(TARGET_ZONES)) zones[z] = zoneText(z, lines);
  const named = await startNamed(work, zones);
  const web = await startWeb(sites(certs));
  const root = writeRepo(repoFiles(cases.map((c) => c.spec), governance));
  return {
    root,
    named,
    web,
    certs,
    args: ["--root", root, "--dns", `127.0.0.1:${named.port}`, "--http-port", String(web.httpPort), "--https-port", String(web.httpsPort)],
    env: { NODE_EXTRA_CA_CERTS: certs.caFile },
    async stop() {
      await web.stop();
      await named.stop();
      rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      rmSync(root, { recursive: true, force: true });
    },
  };
}
