// Web form in Chromium: what one keystroke costs in a real browser, for 1,000 registered names
// (synthetic, as the validate bench makes them; BENCH_FORM_NAMES to change). The form is written
// as `npm run registry` writes it, served on 127.0.0.1 and opened in Debian's headless Chromium;
// a liaison's whole new request is filled, then characters are typed one by one into the purpose.
// Per keystroke: the page's own input handling (from the input event reaching the document to its
// end at the window: building the file, CI's rules, placing the findings, saving), measured inside
// the page, median of KEYS; beside it the renderer's main-thread CPU time per key (Chromium's
// TaskDuration, which the machine's load does not inflate) and the key-to-handled time seen from
// outside. Skipped, with its reason, when Chromium is absent.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Browser } from "puppeteer-core";
import { writeFormPage } from "../../src/form/page/write.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { browserMissing, launchChromium, serveFolder } from "../../test/browser/harness.ts";
import { generateRepository } from "./validate.ts";
import type { BenchResult, BenchSection } from "./types.ts";

const PASS_BUDGET_MS = 16;
const KEYS = 120;
const TODAY = "2026-06-01";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;

/** A whole, valid new request in the synthetic government (as scripts/bench/form.ts's first state). */
const VALUES: Record<string, string> = {
  opd: "opd01", label: "layanan-baru", "letter-number": "000.1/1/OPD01/2026", "letter-date": "2026-05-02",
  "letter-scan": "https://arsip.contohkab.go.id/surat/opd01-1.pdf", ipv4: "103.147.26.10",
  "administrative-name": "Siti Rahmawati", "administrative-email": "siti@opd01.contohkab.go.id", "administrative-phone": "+62 812-3456-7890",
  "technical-name": "Budi Santoso", "technical-email": "budi@opd01.contohkab.go.id", "technical-phone": "0355 321456", "review-by": "2027-01-01",
};

const section: BenchSection = {
  name: "form-browser",
  async run(): Promise<BenchResult[]> {
    let missing: string | undefined;
    try {
      missing = browserMissing();
    } catch (e) {
      missing = (e as Error).message;
    }
    if (missing) return [{ label: `formulir di Chromium/form in Chromium: dilewati/skipped (${missing})`, wallMs: 0 }];
    const n = Number(process.env.BENCH_FORM_NAMES ?? 1000);
    const root = generateRepository(n);
    const site = mkdtempSync(join(tmpdir(), "bench-form-browser-"));
    let server: Server | undefined;
    let browser: Browser | undefined;
    try {
      const v = validateRepository(root, TODAY);
      writeFormPage(site, v.governance!, v.requests, v.retained ?? []);
      const s = await serveFolder(site);
      server = s.server;
      browser = await launchChromium();
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${s.origin}formulir/`, { waitUntil: "networkidle0" });
      await page.waitForFunction(() => (document.getElementById("existing") as HTMLSelectElement).options.length > 1, { timeout: 60_000 });
      // The whole request at once (not measured), then the measured keys.
      await page.evaluate((values: Record<string, string>) => {
        for (const [id, value] of Object.entries(values)) (document.getElementById(id) as HTMLInputElement).value = value;
        (document.getElementById("target-kind-server") as HTMLInputElement).checked = true;
        document.getElementById("formulir")!.dispatchEvent(new Event("input", { bubbles: true }));
        const times: number[] = [];
        let start = 0;
        document.addEventListener("input", () => void (start = performance.now()), true);
        window.addEventListener("input", () => void times.push(performance.now() - start));
        (window as unknown as { __keyTimes: number[] }).__keyTimes = times;
      }, VALUES);
      await page.focus("#purpose");
      for (const ch of "Portal layanan") await page.keyboard.type(ch); // warm
      await page.evaluate(() => void ((window as unknown as { __keyTimes: number[] }).__keyTimes.length = 0));
      const text = " informasi publik untuk masyarakat kabupaten, ".repeat(4).slice(0, KEYS);
      const before = await page.metrics();
      const outside: number[] = [];
      for (const ch of text) {
        const t0 = performance.now();
        await page.keyboard.type(ch);
        outside.push(performance.now() - t0);
      }
      const after = await page.metrics();
      const inside = await page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes.slice());
      const cpuPerKey = (((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000) / text.length;
      const findings = await page.$$eval("#daftar-masalah li", (li) => li.length);
      return [
        {
          label: `satu ketukan di Chromium/one keystroke in Chromium (${v.requests.length} nama/names), median dari/of ${inside.length}`,
          wallMs: median(inside),
          budgetMs: PASS_BUDGET_MS,
          extra: `p90 ${p90(inside).toFixed(2)} ms; CPU utas utama/main-thread CPU ${cpuPerKey.toFixed(2)} ms/ketukan/key; tombol sampai selesai dari luar/key to handled from outside median ${median(outside).toFixed(1)} ms; ${findings} temuan/findings`,
        },
      ];
    } finally {
      await browser?.close().catch(() => undefined);
      server?.closeAllConnections();
      server?.close();
      rmSync(root, { recursive: true, force: true });
      rmSync(site, { recursive: true, force: true });
    }
  },
};
export default section;
