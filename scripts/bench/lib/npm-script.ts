// The command line `npm run <name>` runs, from package.json, so that a benchmark times what users
// run (npm's own start excluded: CI and users call it once, the budgets are the command's).
import { readFileSync } from "node:fs";
import { join } from "node:path";

const REPO = join(import.meta.dirname, "../../..");

/** [program, ...arguments] of package.json's script `name`; `node` is this Node, `tsx` the installed one. */
export function npmScript(name: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const line = scripts[name];
  // Only plain words: a script with shell syntax would need a shell, which the budgets do not include.
  if (!line || !/^[\w./@:=-]+( [\w./@:=-]+)*$/.test(line)) throw new Error(`package.json script ${name}: ${line ?? "missing"}`);
  const [program, ...args] = line.split(" ");
  if (program === "node") return [process.execPath, ...args];
  if (program === "tsx") return [process.execPath, "--import", "tsx", ...args];
  return [program!, ...args];
}
