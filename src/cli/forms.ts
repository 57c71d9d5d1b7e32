// npm run forms [-- --check] [--root DIR]
// Writes the issue forms and CODEOWNERS generated from the request model and governance.yaml.
// --check writes nothing and exits 1 when a committed file differs from the generator.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { formatText } from "../diagnostics/format.ts";
import { readGovernance } from "../load/read.ts";
import { checkGovernance } from "../validate/validate.ts";
import { renderGenerated } from "../forms/render-all.ts";
import { parseCommandLine, runMain } from "./common.ts";

function main(): number {
  const line = parseCommandLine("Penggunaan / usage: npm run forms -- [--check] [--root DIR]", { check: { type: "boolean" }, root: { type: "string" } });
  if (!line) return 0;
  const { values } = line;
  const root = resolve(values.root ?? ".");
  const gov = checkGovernance(readGovernance(root));
  if (!gov.governance) {
    process.stderr.write(formatText(gov.diagnostics, "id", 1));
    return 1;
  }
  let drift = 0;
  for (const [path, text] of Object.entries(renderGenerated(gov.governance))) {
    const abs = join(root, path);
    let current: string | undefined;
    try {
      current = readFileSync(abs, "utf8");
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    if (values.check) {
      process.stderr.write(`${path}: berbeda dari hasil generator; jalankan npm run forms / differs from the generator; run npm run forms\n`);
      drift++;
    } else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
      process.stdout.write(`ditulis / written: ${path}\n`);
    }
  }
  return drift ? 1 : 0;
}

void runMain(main);
