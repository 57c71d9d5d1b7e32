// The data flows one way (DESIGN.md): load -> validate -> state -> plan -> targets -> artifacts
// (out/ and the job that writes it). A module of a stage imports only its own stage and the
// stages before it; an import running back up the pipeline fails here, naming the file.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");
const STAGES = ["load", "validate", "state", "plan", "targets", "artifacts"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mts|mjs)$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** The stage folders a module's relative imports (static, dynamic, `new URL`) reach. */
function stagesImported(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:from\s+|import\(\s*|new URL\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  return specs.map((s) => relative(SRC, resolve(dirname(file), s)).split("/")[0]!).filter((top) => STAGES.includes(top));
}

describe("stages import only themselves and the stages before them", () => {
  for (const [i, stage] of STAGES.entries()) {
    it(stage, () => {
      const later = new Set(STAGES.slice(i + 1));
      const crossings = sources(join(SRC, stage)).flatMap((f) => stagesImported(f, readFileSync(f, "utf8")).filter((s) => later.has(s)).map((s) => `${relative(SRC, f)} -> ${s}`));
      expect(crossings).toEqual([]);
    });
  }

  it("sees a crossing when there is one (the check itself works)", () => {
    const file = join(SRC, "load", "x.ts");
    expect(stagesImported(file, 'import { a } from "../validate/validate.ts";\nconst w = new URL("../plan/run.ts", import.meta.url);\n')).toEqual(["validate", "plan"]);
    expect(stagesImported(file, 'import { b } from "./parse.ts";\n')).toEqual(["load"]);
  });
});
