// Web form (formulir) benchmark, for 1,000 registered names (synthetic, as the validate bench
// makes them; BENCH_FORM_NAMES to change):
// - size: the page's own scripts and data (formulir.js + data.json + index.html) compressed with
//   gzip (level 9) and brotli (quality 11); the budget (300 KB) is judged on gzip, which every
//   static host (GitHub Pages) serves;
// - a rule pass: what one keystroke runs (form values -> request file -> CI's validation with the
//   repository rules over every registered name -> findings placed on fields), on the bundle the
//   page loads, run in node:vm; the median of many warm passes (a page is warm after the first
//   key), with the CPU time per pass beside it, since the machine's load only adds wall time.
import { rmSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { formBundle } from "../../src/form/page/bundle.ts";
import { formData } from "../../src/form/page/data.ts";
import { formPageHtml } from "../../src/form/page/html.ts";
import type { formulir as Formulir } from "../../src/form/page/app.ts";
import type { FormState } from "../../src/form/page/model.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { generateRepository } from "./validate.ts";
import type { BenchResult, BenchSection } from "./types.ts";

const SIZE_BUDGET_KB = 300;
const PASS_BUDGET_MS = 16;
const TODAY = "2026-06-01";
const PASSES = 300;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A liaison's form half-way: a new name in a busy zone, some values wrong. */
const STATES: [string, FormState][] = [
  [
    "nama baru, isian sah/new name, valid values",
    {
      mode: "baru",
      values: {
        opd: "opd01", label: "layanan-baru", purpose: "Portal layanan informasi publik untuk masyarakat", "letter-number": "000.1/1/OPD01/2026", "letter-date": "2026-05-02",
        "letter-scan": "https://arsip.contohkab.go.id/surat/opd01-1.pdf", "target-kind": "server", ipv4: "103.147.26.10",
        "administrative-name": "Siti Rahmawati", "administrative-email": "siti@opd01.contohkab.go.id", "administrative-phone": "+62 812-3456-7890",
        "technical-name": "Budi Santoso", "technical-email": "budi@opd01.contohkab.go.id", "technical-phone": "0355 321456", "review-by": "2027-01-01",
      },
    },
  ],
  [
    "nama terpakai, NIP salah/taken name, bad NIP",
    {
      mode: "baru",
      values: {
        opd: "opd02", label: "layanan-7", purpose: "Portal", "letter-number": "000.1/1/OPD02/2026", "letter-date": "2026-13-02", "target-kind": "server", ipv4: "192.168.1.1",
        "administrative-name": "Siti", "administrative-nip": "1987", "administrative-email": "siti@gmail.com", "administrative-phone": "0812",
        "technical-name": "Budi Santoso", "technical-email": "budi@opd02.contohkab.go.id", "technical-phone": "0355 321456", "review-by": "2030-01-01",
      },
    },
  ],
];

const section: BenchSection = {
  name: "form",
  async run(): Promise<BenchResult[]> {
    const n = Number(process.env.BENCH_FORM_NAMES ?? 1000);
    const root = generateRepository(n);
    try {
      const v = validateRepository(root, TODAY);
      const data = formData(v.governance!, v.requests, v.retained ?? []);
      const script = formBundle();
      const dataText = JSON.stringify(data);
      const html = formPageHtml({ lang: "id", governance: v.governance!, script: "formulir.js", data: "data.json" });
      const files = [script, dataText, html];
      const gz = files.reduce((s, f) => s + gzipSync(f, { level: 9 }).length, 0) / 1000;
      const br = files.reduce((s, f) => s + brotliCompressSync(f, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0) / 1000;
      const raw = files.reduce((s, f) => s + Buffer.byteLength(f), 0) / 1000;
      const out: BenchResult[] = [
        {
          label: `skrip, data dan halaman formulir, gzip/the form's script, data and page, gzip (${v.requests.length} nama/names)`,
          wallMs: 0,
          sizeKb: gz,
          budgetKb: SIZE_BUDGET_KB,
          extra: `brotli ${br.toFixed(1)} KB; mentah/raw ${raw.toFixed(0)} KB (formulir.js ${(gzipSync(script, { level: 9 }).length / 1000).toFixed(1)} KB gzip, data.json ${(gzipSync(dataText, { level: 9 }).length / 1000).toFixed(1)} KB gzip)`,
        },
      ];
      const context: Record<string, unknown> = { URL, TextEncoder, TextDecoder, structuredClone };
      context.globalThis = context;
      runInNewContext(script, context);
      const api = context.formulir as typeof Formulir;
      // Exactly the page's pass (evaluate.ts), minus writing the DOM.
      const pass = (state: FormState) => {
        const e = api.evaluate(state, data, TODAY);
        if (!e.complete) throw new Error("bench form state is incomplete");
        return e.placed.length + e.problems.length;
      };
      for (const [label, state] of STATES) {
        for (let i = 0; i < 20; i++) pass(state); // warm: the page has run a pass before the next key
        const times: number[] = [];
        let findings = 0;
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < PASSES; i++) {
          const t0 = performance.now();
          findings = pass(state);
          times.push(performance.now() - t0);
        }
        const cpu = process.cpuUsage(cpu0);
        out.push({
          label: `satu putaran aturan/one rule pass, ${label}, median dari/of ${PASSES}`,
          wallMs: median(times),
          budgetMs: PASS_BUDGET_MS,
          extra: `CPU ${((cpu.user + cpu.system) / 1000 / PASSES).toFixed(2)} ms/putaran/pass; p90 ${[...times].sort((a, b) => a - b)[Math.floor(PASSES * 0.9)]!.toFixed(2)} ms; ${findings} temuan/findings; ${v.requests.length} nama terdaftar/registered names`,
        });
      }
      return out;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
export default section;
