// npm run bench [-- section...]: runs every benchmark in scripts/bench/ (or the named ones) and
// prints its figures against its budget. A benchmark, not a test: it measures, it does not fail
// the build, but it exits 1 when a budget is missed so that nobody misses it either. Every .ts file
// directly in scripts/bench/ is a section (a default BenchSection); shared helpers live in lib/.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { availableParallelism, loadavg } from "node:os";
import { parseCommandLine, UsageError } from "../src/cli/common.ts";
import type { BenchSection } from "./bench/types.ts";

const dir = join(import.meta.dirname, "bench");
const sections = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "types.ts").map((f) => f.replace(/\.ts$/, "")).sort();
const USAGE = `Penggunaan / usage: npm run bench [-- BAGIAN/SECTION...]\nBagian / sections: ${sections.join(", ")}`;
let line;
try {
  line = parseCommandLine(USAGE, {}, { positionals: true });
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}
if (!line) process.exit(0);
const wanted = line.positionals;
const unknown = wanted.filter((w) => !sections.includes(w));
if (unknown.length) {
  process.stderr.write(`Bagian tidak dikenal / unknown section: ${unknown.join(", ")}\n${USAGE}\n`);
  process.exit(2);
}
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "types.ts")
  .sort()
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, "")));

// Which Node and machine the figures are from: the budgets are for what users run (Node 24).
console.log(`Node ${process.version}, ${availableParallelism()} inti/cores, beban/load ${loadavg()[0]!.toFixed(1)}`);
let missed = 0;
for (const f of files) {
  const section = (await import(pathToFileURL(join(dir, f)).href)).default as BenchSection;
  console.log(`\n== ${section.name}`);
  for (const r of await section.run()) {
    // Each budget is judged on its own (time, size, memory), and any one missed counts.
    const verdict = (ok: boolean) => (ok ? "OK" : "MELEBIHI/OVER");
    const timeOk = r.budgetMs === undefined || r.wallMs <= r.budgetMs;
    const sizeOk = r.budgetKb === undefined || (r.sizeKb ?? Infinity) <= r.budgetKb;
    const memoryOk = r.budgetMb === undefined || (r.peakMb ?? Infinity) <= r.budgetMb;
    if (!(timeOk && sizeOk && memoryOk)) missed++;
    const memory =
      r.peakMb === undefined && r.budgetMb === undefined
        ? ""
        : `; RSS puncak/peak ${r.peakMb === undefined ? "?" : r.peakMb.toFixed(0)} MB${r.budgetMb === undefined ? "" : ` (anggaran/budget ${r.budgetMb} MB: ${verdict(memoryOk)})`}`;
    if (r.sizeKb !== undefined) {
      const budget = r.budgetKb === undefined ? "" : ` (anggaran/budget ${r.budgetKb} KB: ${verdict(sizeOk)})`;
      console.log(`${r.label}: ${r.sizeKb.toFixed(1)} KB${budget}${memory}${r.extra ? `; ${r.extra}` : ""}`);
      continue;
    }
    const budget = r.budgetMs === undefined ? "" : ` (anggaran/budget ${r.budgetMs} ms: ${verdict(timeOk)})`;
    console.log(`${r.label}: ${r.wallMs.toFixed(r.wallMs < 10 ? 2 : 0)} ms${budget}${memory}${r.extra ? `; ${r.extra}` : ""}`);
  }
}
process.exitCode = missed ? 1 : 0;
