// The plan for 15,000 requests (budget 2 s of wall time): both desired states, the diff against a
// base with one change, and every renderer (text, Markdown, JSON, zone file, registry). The
// requests are typed RequestFile values built in memory; git and file I/O are not counted.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { BenchSection } from "./types.ts";
import type { Governance } from "../../src/model/governance.ts";
import type { Request } from "../../src/model/request.ts";
import type { RequestFile } from "../../src/validate/rule.ts";
import { desiredState } from "../../src/state/desired-state.ts";
import { diffStates } from "../../src/plan/diff.ts";
import { renderText } from "../../src/plan/render-text.ts";
import { renderMarkdown } from "../../src/plan/render-markdown.ts";
import { renderJson } from "../../src/plan/render-json.ts";
import { renderZone } from "../../src/targets/zone/render.ts";
import { registryRows } from "../../src/targets/registry/rows.ts";
import { registryCsv, registryMarkdown } from "../../src/targets/registry/render.ts";

const N = 15_000;

function requests(governance: Governance): RequestFile[] {
  const opds = governance.opds.map((o) => o.code);
  const out: RequestFile[] = [];
  for (let i = 0; i < N; i++) {
    const label = `layanan${String(i).padStart(5, "0")}`;
    const opd = opds[i % opds.length]!;
    const kind = i % 10;
    const target: Request["target"] =
      kind < 6 ? { server: { ipv4: [`103.${10 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`], ...(kind === 0 ? { ipv6: [`2400:cb00::${i.toString(16)}`] } : {}) } } : kind < 8 ? { alias: `${label}.github.io` } : { hosting: { storage: "10Gi" } };
    const request: Request = {
      label,
      opd,
      purpose: `Layanan nomor ${i} untuk masyarakat`,
      letter: { number: `000.1/${i}/2026`, date: "2026-03-02" },
      contacts: {
        administrative: { name: "Siti Rahmawati", email: "siti@contohkab.go.id", phone: "081234567890", github: "siti-dinkes" },
        technical: { name: "Budi Santoso", email: "budi@contohkab.go.id", phone: "081234567891", github: "budi-dinkes" },
      },
      target,
      ...(kind < 6 ? { records: [{ type: "TXT" as const, values: [`v=spf1 ip4:103.10.0.${i & 255} -all`] }] } : {}),
      reviewBy: "2027-03-01",
      ...(i % 500 === 499 ? { decommission: { reason: "Tidak dipakai lagi", letter: { number: "x", date: "2026-04-01" } } } : {}),
    };
    out.push({ file: `requests/${opd}/${label}.yaml`, request, positions: {} });
  }
  return out;
}

const section: BenchSection = {
  name: "plan: 15.000 permohonan / requests",
  async run() {
    const governance = parse(readFileSync(join(import.meta.dirname, "../../test/fixtures/contoh/governance.yaml"), "utf8")) as Governance;
    const head = requests(governance);
    // The base differs by one edited request: the plan a typical pull request produces.
    const base = head.map((r, i) => (i === 1234 ? { ...r, request: { ...r.request, target: { server: { ipv4: ["103.99.99.99"] } } } } : r));
    const history = new Map(head.map((r) => [r.file, { created: "2026-03-02T09:00:00+07:00", lastChanged: "2026-03-04T09:00:00+07:00" }]));
    const zone = governance.zones[0]!;

    const t0 = performance.now();
    const headState = desiredState(head, governance);
    const baseState = desiredState(base, governance);
    const t1 = performance.now();
    const plan = diffStates(baseState, headState, { base: "main" });
    const t2 = performance.now();
    const text = renderText(plan, "id");
    const md = renderMarkdown(plan, "id");
    const json = renderJson(plan);
    const t3 = performance.now();
    const zoneText = renderZone(zone, headState.records, { serial: 2026030401, ingress: { ipv4: ["192.0.2.80"] }, nameserverAddresses: { "ns1.contohkab.go.id": ["192.0.2.53"], "ns2.contohkab.go.id": ["192.0.2.54"] } });
    const rows = registryRows(head, governance, history);
    const reg = registryMarkdown(rows, "id").length + registryCsv(rows, "id").length;
    const t4 = performance.now();

    if (plan.summary.update !== 1 || plan.summary.create + plan.summary.delete !== 0) throw new Error(`unexpected plan: ${JSON.stringify(plan.summary)}`);
    const detail = `state ×2 ${(t1 - t0).toFixed(0)} ms, diff ${(t2 - t1).toFixed(0)} ms, text+markdown+json ${(t3 - t2).toFixed(0)} ms, zone+registry ${(t4 - t3).toFixed(0)} ms`;
    const sizes = `${headState.records.length} record sets, ${headState.tenants.length} tenants, zone ${(zoneText.length / 1e6).toFixed(1)} MB, registry ${(reg / 1e6).toFixed(1)} MB, plan ${text.length + md.length + json.length} chars`;
    return [{ label: `${N} requests: state, diff with one change, all renderers`, wallMs: t4 - t0, budgetMs: 2000, extra: `${detail}; ${sizes}` }];
  },
};

export default section;
