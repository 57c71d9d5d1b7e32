// A throwaway repository for the audit tests and bench: the audit fixture government and request
// files built from a few knobs.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";

export const ZONE = "contohkab.go.id";
export const GOVERNANCE_TEXT = readFileSync(join(import.meta.dirname, "fixtures/governance.yaml"), "utf8");

export interface Spec {
  label: string;
  opd?: "dinkes" | "disdik" | "diskominfo";
  target: Record<string, unknown>;
  records?: Record<string, unknown>[];
  reviewBy?: string;
  suspension?: Record<string, unknown>;
  decommission?: boolean;
}

const LIAISON = { dinkes: "siti-dinkes", disdik: "dewi-disdik", diskominfo: "rina-diskominfo" } as const;

export function requestDoc(s: Spec): Record<string, unknown> {
  const opd = s.opd ?? "dinkes";
  return {
    label: s.label,
    opd,
    purpose: `Layanan ${s.label} untuk masyarakat Kabupaten Contoh`,
    letter: { number: `000.1/${s.label.length}/2026`, date: "2026-03-02", scan: "https://arsip.contohkab.go.id/surat/x.pdf" },
    contacts: {
      administrative: { name: "Siti Rahmawati", email: `siti@${opd}.contohkab.go.id`, phone: "+62 812-3456-7890", github: LIAISON[opd] },
      technical: { name: "Budi Santoso", email: `budi@${opd}.contohkab.go.id`, phone: "0355 321456", github: LIAISON[opd] },
    },
    target: s.target,
    ...(s.records ? { records: s.records } : {}),
    reviewBy: s.reviewBy ?? "2027-06-01",
    ...(s.decommission ? { decommission: { reason: "Aplikasi tidak dipakai lagi", letter: { number: "000.1/9/2026", date: "2026-04-01" } } } : {}),
    ...(s.suspension ? { suspension: s.suspension } : {}),
  };
}

export const requestPathOf = (s: Spec) => `requests/${s.opd ?? "dinkes"}/${s.label}.yaml`;

export function repoFiles(specs: readonly Spec[], governance = GOVERNANCE_TEXT): Record<string, string> {
  const files: Record<string, string> = { "governance.yaml": governance };
  for (const s of specs) files[requestPathOf(s)] = stringify(requestDoc(s));
  return files;
}

export function writeRepo(files: Record<string, string>, dir = mkdtempSync(join(tmpdir(), "audit-repo-"))): string {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}
