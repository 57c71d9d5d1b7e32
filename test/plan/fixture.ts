// A throwaway repository for plan tests: the fixture government's governance.yaml and request files built from a
// few knobs, written to a temp folder (optionally a git repository with real commits).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { requestPath } from "../../src/model/names.ts";
import { CONTOH_GOVERNANCE_TEXT } from "../fixtures/contoh.ts";

export const GOVERNANCE = CONTOH_GOVERNANCE_TEXT;
export const ZONE = "contohkab.go.id";
/** The same governance with delegation allowed in its zone. */
export const DELEGATING_GOVERNANCE = GOVERNANCE.replace(/(\n    protected: .*\n)/, "$1    delegation: { allowed: true }\n");

export interface RequestSpec {
  label: string;
  opd?: string;
  /** Absent: a name with records only (e.g. mail-only). */
  target?: Record<string, unknown>;
  records?: Record<string, unknown>[];
  ttl?: number;
  decommission?: { deleteData?: true };
  purpose?: string;
}

export function requestYaml(s: RequestSpec): string {
  const opd = s.opd ?? "dinkes";
  const doc: Record<string, unknown> = {
    label: s.label,
    opd,
    purpose: s.purpose ?? `Layanan ${s.label} untuk masyarakat Kabupaten Contoh`,
    letter: { number: `000.1/${s.label.length}/2026`, date: "2026-03-02", scan: "https://arsip.contohkab.go.id/surat/x.pdf" },
    contacts: {
      administrative: { name: "Siti Rahmawati", email: `siti@${opd}.contohkab.go.id`, phone: "+62 812-3456-7890", github: "siti-dinkes" },
      technical: { name: "Budi Santoso", email: `budi@${opd}.contohkab.go.id`, phone: "0355 321456", github: "budi-dinkes" },
    },
    ...(s.target ? { target: s.target } : {}),
    ...(s.ttl !== undefined ? { ttl: s.ttl } : {}),
    ...(s.records ? { records: s.records } : {}),
    reviewBy: "2027-03-01",
    ...(s.decommission
      ? { decommission: { reason: "Aplikasi tidak dipakai lagi", letter: { number: "000.1/9/2026", date: "2026-04-01" }, ...s.decommission } }
      : {}),
  };
  return stringify(doc);
}

/** A varied, valid set: server, IPv6, alias, hosting, IDN, long TXT, MX, CAA, SRV. */
export function sampleRequests(): Record<string, string> {
  const specs: RequestSpec[] = [
    { label: "sehat", target: { server: { ipv4: ["103.10.20.30"] } }, records: [{ type: "TXT", values: ["v=spf1 -all"] }] },
    { label: "vaksin", target: { server: { ipv4: ["103.10.20.31", "103.10.20.32"], ipv6: ["2400:cb00:0:0::10"] } }, ttl: 600 },
    { label: "jadwal", opd: "dishub", target: { alias: "dishub-jadwal.github.io" } },
    { label: "arsip", opd: "setda", target: { hosting: { storage: "10Gi" } } },
    { label: "pendaftaran", opd: "disdik", target: { hosting: {} }, records: [{ type: "TXT", name: "_verify", values: ["token-123"] }] },
    { label: "bücher", opd: "disdik", target: { server: { ipv4: ["103.10.20.33"] } } },
    {
      label: "surat",
      opd: "setda",
      target: { server: { ipv4: ["103.10.20.34"] } },
      records: [
        { type: "TXT", name: "_dmarc", values: ["v=DMARC1; p=reject; rua=mailto:dmarc@contohkab.go.id; " + "x".repeat(300) + ' "quoted" \\ end'] },
        { type: "MX", values: [{ priority: 10, exchange: "mail.contohkab.go.id" }, { priority: 20, exchange: "mx2.surat.contohkab.go.id" }] },
        { type: "A", name: "mx2", values: ["103.10.20.35"] },
        { type: "CAA", values: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }] },
        { type: "SRV", name: "_sip._tcp", values: [{ priority: 10, weight: 5, port: 5060, target: "surat.contohkab.go.id" }] },
      ],
    },
    { label: "lama", opd: "bpbd", target: { hosting: {} }, decommission: {} },
  ];
  const out: Record<string, string> = {};
  for (const s of specs) out[requestPath(s.opd ?? "dinkes", s.label)] = requestYaml(s);
  return out;
}

/** The shapes real zones need: a mail-only name, a delegation with glue and DS, SRV under a host (needs DELEGATING_GOVERNANCE). */
export const REAL_SHAPES_DIGEST = "E2D3C916F6DEEAC73294E8268FB5885044A833FC5459588F4A9184CFC41A5766";

export const REAL_SHAPES: Record<string, string> = {
  "requests/setda/surel.yaml": requestYaml({
    label: "surel",
    opd: "setda",
    records: [
      { type: "MX", values: [{ priority: 10, exchange: "mail.contohkab.go.id" }] },
      { type: "TXT", values: ["v=spf1 mx -all"] },
      { type: "TXT", name: "_dmarc", values: ["v=DMARC1; p=reject"] },
    ],
  }),
  "requests/disdik/sekolah.yaml": requestYaml({
    label: "sekolah",
    opd: "disdik",
    target: {
      delegation: {
        nameservers: ["ns1.sekolah.contohkab.go.id", "ns2.dns-opd.example.net"],
        glue: [{ name: "ns1", ipv4: ["103.10.20.53"], ipv6: ["2400:cb00::53"] }],
        ds: [{ keyTag: 2371, algorithm: 13, digestType: 2, digest: REAL_SHAPES_DIGEST.toLowerCase() }],
      },
    },
  }),
  "requests/dinkes/game.yaml": requestYaml({
    label: "game",
    target: { server: { ipv4: ["103.10.20.60"] } },
    records: [
      { type: "A", name: "mc", values: ["103.10.20.61"] },
      { type: "SRV", name: "_minecraft._tcp.mc", values: [{ priority: 0, weight: 5, port: 25565, target: "mc.game.contohkab.go.id" }] },
    ],
  }),
};

export function tempRepo(files: Record<string, string>, withGovernance = true): string {
  const dir = mkdtempSync(join(tmpdir(), "plan-test-"));
  writeFiles(dir, { ...(withGovernance ? { "governance.yaml": GOVERNANCE } : {}), ...files });
  mkdirSync(join(dir, "requests"), { recursive: true });
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [p, text] of Object.entries(files)) {
    const full = join(dir, p);
    if (text === null) rmSync(full, { force: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
}

export function sh(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "Uji", GIT_AUTHOR_EMAIL: "uji@contohkab.go.id", GIT_COMMITTER_NAME: "Uji", GIT_COMMITTER_EMAIL: "uji@contohkab.go.id" },
  });
}

export function gitInit(dir: string): void {
  sh(dir, "init", "-q", "-b", "main");
  sh(dir, "config", "commit.gpgsign", "false");
}

export function commitAll(dir: string, message: string, date?: string): void {
  sh(dir, "add", "-A");
  const env = date ? ["-c", `user.name=Uji`] : [];
  void env;
  execFileSync("git", ["commit", "-q", "-m", message], {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Uji",
      GIT_AUTHOR_EMAIL: "uji@contohkab.go.id",
      GIT_COMMITTER_NAME: "Uji",
      GIT_COMMITTER_EMAIL: "uji@contohkab.go.id",
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });
}

import { parseYaml } from "../../src/load/parse.ts";
import { validate } from "../../src/validate/validate.ts";
import type { Governance } from "../../src/model/governance.ts";
import type { RequestFile } from "../../src/validate/rule.ts";

/** Files through the real load and validation; fails loudly if the fixture itself is invalid. */
export function validated(files: Record<string, string>, governanceText = GOVERNANCE): { governance: Governance; requests: RequestFile[] } {
  const enc = new TextEncoder();
  const gov = parseYaml("governance.yaml", enc.encode(governanceText), 1 << 20);
  const loaded = Object.entries(files).map(([p, t]) => parseYaml(p, enc.encode(t)));
  const r = validate(gov, loaded, [], "2026-06-01");
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length || !r.governance) throw new Error(`fixture invalid: ${errors.map((d) => `${d.file}: ${d.rule} ${d.message.en}`).join("; ")}`);
  return { governance: r.governance, requests: r.requests };
}
