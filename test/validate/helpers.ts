// Builds small in-memory repositories for rule tests: a valid base request, changed per test.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { parseYaml } from "../../src/load/parse.ts";
import { validate } from "../../src/validate/validate.ts";

export const TODAY = "2026-11-22";
export const GOVERNANCE_TEXT = readFileSync(join(import.meta.dirname, "../fixtures/invalid/rules/governance.yaml"), "utf8");

export function baseRequest(label = "sehat", opd = "dinkes"): Record<string, unknown> {
  return {
    label,
    opd,
    purpose: "Portal informasi layanan kesehatan masyarakat",
    letter: { number: "000.1/123/DINKES/2026", date: "2026-03-02", scan: "https://arsip.contohkab.go.id/surat/1.pdf" },
    contacts: {
      administrative: { name: "Siti Rahmawati", nip: "198703152010012004", email: "siti@dinkes.contohkab.go.id", phone: "+62 812-3456-7890", github: "siti-dinkes" },
      technical: { name: "Budi Santoso", email: "budi@dinkes.contohkab.go.id", phone: "0355 321456", github: "budi-dinkes" },
    },
    target: { server: { ipv4: ["103.28.12.10"] } },
    reviewBy: "2027-03-01",
  };
}

/** A request with fields replaced (shallow, per top-level key) and written as YAML. */
export function requestText(changes: Record<string, unknown> = {}, label?: string, opd?: string): string {
  return stringify({ ...baseRequest(label, opd), ...changes });
}

const enc = new TextEncoder();

/** Validates files (path -> YAML text or bytes) against a governance text. */
export function run(files: Record<string, string | Uint8Array>, opts: { today?: string; governance?: string } = {}): Diagnostic[] {
  const gov = parseYaml("governance.yaml", enc.encode(opts.governance ?? GOVERNANCE_TEXT), 1 << 20);
  const loaded = Object.entries(files).map(([f, t]) => parseYaml(f, typeof t === "string" ? enc.encode(t) : t));
  return validate(gov, loaded, [], opts.today ?? TODAY).diagnostics;
}

/** Rule ids found, in order, optionally only those of one rule family prefix. */
export const rules = (d: Diagnostic[], prefix = "") => d.map((x) => x.rule).filter((r) => r.startsWith(prefix));

/** One request at its proper path. */
export function one(changes: Record<string, unknown> = {}, label = "sehat", opd = "dinkes", opts?: { today?: string; governance?: string }): Diagnostic[] {
  return run({ [`requests/${opd}/${label}.yaml`]: requestText(changes, label, opd) }, opts);
}

/** What `npm run validate` keeps of each request (src/validate/repository-view.ts), positions and all. */
export const asViews = (requests: readonly RequestFile[]) => requests.map((r) => ({ ...r, request: repositoryView(r.request) }));

import type { RequestFile } from "../../src/validate/rule.ts";
import { repositoryView } from "../../src/validate/repository-view.ts";
