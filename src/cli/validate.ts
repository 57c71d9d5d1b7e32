// npm run validate [paths...] [--lang en] [--format text|json|github] [--root DIR] [--today DATE] [--rules] [--cache DIR] [--threads N]
// Exit 0 valid (warnings allowed), 1 invalid, 2 bad usage.
import { existsSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { hasErrors, type Lang } from "../diagnostics/diagnostic.ts";
import { formatGithub, formatJson, formatText } from "../diagnostics/format.ts";
import { validateRepositoryParallel } from "../load/parallel.ts";
import { validDate } from "../validate/dates.ts";
import { catalogueMarkdown, catalogueText, CATALOGUE } from "../validate/catalogue.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE = `Penggunaan / usage: npm run validate -- [berkas atau folder...] [--lang id|en] [--format text|json|github] [--root DIR] [--today TTTT-BB-HH] [--rules] [--cache DIR] [--threads N]`;

let lang: Lang = "id";

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
      format: { type: "string" },
      root: { type: "string" },
      today: { type: "string" },
      rules: { type: "boolean" },
      cache: { type: "string" },
      threads: { type: "string" },
  }, { positionals: true });
  if (!cli) return 0;
  const { values, positionals } = cli;
  lang = cli.lang;
  const format = values.format ?? "text";
  if (values.rules) {
    if (!["text", "json", "markdown"].includes(format)) throw new UsageError(`--rules --format: text, json, markdown\n${USAGE}`);
    const out = format === "json" ? JSON.stringify(CATALOGUE, null, 2) + "\n" : format === "markdown" ? catalogueMarkdown(lang) : catalogueText(lang);
    process.stdout.write(out);
    return 0;
  }
  if (!["text", "json", "github"].includes(format)) throw new UsageError(`--format: text, json, github\n${USAGE}`);
  if (values.today && !validDate(values.today)) throw new UsageError(`--today: TTTT-BB-HH / YYYY-MM-DD (${values.today})\n${USAGE}`);
  const root = resolve(values.root ?? ".");
  const scopes = positionals.map((p) => relative(root, resolve(p)).split(sep).join("/"));
  if (scopes.some((s) => s.startsWith(".."))) throw new UsageError(`Berkas di luar repositori / path outside the repository\n${USAGE}`);
  // A path that names nothing would otherwise narrow the report to nothing and read as "all valid".
  const missing = positionals.filter((p) => !existsSync(resolve(p)));
  if (missing.length)
    throw new UsageError(
      lang === "en"
        ? `Not found: ${missing.join(", ")}. Give an existing file or folder, e.g. requests/dinkes/sehat.yaml or requests/dinkes.`
        : `Tidak ditemukan: ${missing.join(", ")}. Sebutkan berkas atau folder yang ada, misalnya requests/dinkes/sehat.yaml atau requests/dinkes.`,
    );

  // Always validate everything: uniqueness needs every file. Paths only narrow what is reported.
  // Today defaults to the date in the governance time zone (WIB, WITA or WIT).
  if (values.threads !== undefined && !/^[1-9][0-9]?$/.test(values.threads)) throw new UsageError(`--threads: 1-99\n${USAGE}`);
  const result = await validateRepositoryParallel(root, values.today, {
    ...(values.cache ? { cacheDir: resolve(values.cache) } : {}),
    ...(values.threads ? { threads: Number(values.threads) } : {}),
  });
  const inScope = (file: string) => scopes.length === 0 || scopes.some((s) => s === "" || file === s || file.startsWith(s + "/") || file === "governance.yaml");
  const diagnostics = result.diagnostics.filter((d) => inScope(d.file));

  if (format === "json") process.stdout.write(formatJson(diagnostics, result.filesChecked));
  else if (format === "github") process.stdout.write(formatGithub(diagnostics, lang));
  else {
    process.stdout.write(formatText(diagnostics, lang, result.filesChecked));
    if (process.env.GITHUB_ACTIONS === "true") process.stdout.write(formatGithub(diagnostics, lang));
  }
  return hasErrors(diagnostics) ? 1 : 0;
}

void runMain(main, () => lang);
