// The validate command (src/cli/validate.ts starts it). Modules only --rules and --network need
// are imported when asked for: the usual run does not pay for them.
import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { hasErrors, type Lang } from "../diagnostics/diagnostic.ts";
import { formatGithub, formatJson, formatText } from "../diagnostics/format.ts";
import { validateRepositoryParallel } from "../validate/files/parallel.ts";
import { validDate } from "../validate/dates.ts";
import { withGitSession } from "../git/run.ts";
import type { checkNewAliases } from "../audit/door.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE = `Penggunaan / usage: npm run validate -- [berkas atau folder...] [--lang id|en] [--format text|json|github] [--root DIR] [--today TTTT-BB-HH] [--rules] [--threads N] [--network [--dns HOST[:PORT]] [--base REF]]`;

let lang: Lang = "id";

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
      format: { type: "string" },
      root: { type: "string" },
      today: { type: "string" },
      rules: { type: "boolean" },
      threads: { type: "string" },
      // Issue 15: new aliases checked over the network (CI); off by default.
      network: { type: "boolean" },
      dns: { type: "string" },
      base: { type: "string" },
      "http-port": { type: "string" },
      "https-port": { type: "string" },
  }, { positionals: true });
  if (!cli) return 0;
  const { values, positionals } = cli;
  lang = cli.lang;
  const format = values.format ?? "text";
  if (values.rules) {
    if (!["text", "json", "markdown"].includes(format)) throw new UsageError(`--rules --format: text, json, markdown\n${USAGE}`);
    const { catalogueMarkdown, catalogueText, CATALOGUE } = await import("../validate/catalogue.ts");
    const out = format === "json" ? JSON.stringify(CATALOGUE, null, 2) + "\n" : format === "markdown" ? catalogueMarkdown(lang) : catalogueText(lang);
    process.stdout.write(out);
    return 0;
  }
  if (!["text", "json", "github"].includes(format)) throw new UsageError(`--format: text, json, github\n${USAGE}`);
  if (values.today && !validDate(values.today)) throw new UsageError(`--today: TTTT-BB-HH / YYYY-MM-DD (${values.today})\n${USAGE}`);
  const root = resolve(values.root ?? ".");
  // A relative path is taken from the working directory when that lands in the repository, else
  // from the repository's top (`--root ../kab requests/dinkes` names ../kab/requests/dinkes).
  const paths = positionals.map((p) => {
    const here = resolve(p);
    return isAbsolute(p) || !relative(root, here).startsWith("..") ? here : resolve(root, p);
  });
  const scopes = paths.map((p) => relative(root, p).split(sep).join("/"));
  if (scopes.some((s) => s.startsWith(".."))) throw new UsageError(`Berkas di luar repositori / path outside the repository\n${USAGE}`);
  // A path that names nothing would otherwise narrow the report to nothing and read as "all valid".
  const missing = positionals.filter((_, i) => !existsSync(paths[i]!));
  if (missing.length)
    throw new UsageError(
      lang === "en"
        ? `Not found: ${missing.join(", ")}. Give an existing file or folder, e.g. requests/dinkes/sehat.yaml or requests/dinkes.`
        : `Tidak ditemukan: ${missing.join(", ")}. Sebutkan berkas atau folder yang ada, misalnya requests/dinkes/sehat.yaml atau requests/dinkes.`,
    );

  // Always validate everything: uniqueness needs every file. Paths only narrow what is reported.
  // Today defaults to the date in the governance time zone (WIB, WITA or WIT).
  if (values.threads !== undefined && !/^[1-9][0-9]?$/.test(values.threads)) throw new UsageError(`--threads: 1-99\n${USAGE}`);
  // In one git session: a question asked twice (HEAD's commit) runs git once, and the questions
  // the launcher asked ahead (src/git/spawn.mjs VALIDATE_FIRST) are taken from there.
  const result = await withGitSession(() =>
    validateRepositoryParallel(root, values.today, {
      ...(values.threads ? { threads: Number(values.threads) } : {}),
    }),
  );
  const inScope = (file: string) => scopes.length === 0 || scopes.some((s) => s === "" || file === s || file.startsWith(s + "/") || file === "governance.yaml");
  const diagnostics = result.diagnostics.filter((d) => inScope(d.file));
  const inScopeRequests = result.requests.filter((r) => inScope(r.file));
  if (values.network && result.governance) diagnostics.push(...(await networkChecks(root, inScopeRequests, result.governance, values)));
  // Said where it matters: in a workflow's log, where the check could have been switched on.
  else if (process.env.GITHUB_ACTIONS === "true" && inScopeRequests.some((r) => r.request.target?.alias))
    process.stderr.write(
      lang === "en"
        ? "Note: alias targets were not checked over the network (off by default on machines without a network; CI turns it on with --network).\n"
        : "Catatan: tujuan alias tidak diperiksa lewat jaringan (mati secara bawaan di mesin tanpa jaringan; CI menyalakannya dengan --network).\n",
    );

  if (format === "json") process.stdout.write(formatJson(diagnostics, result.filesChecked));
  else if (format === "github") process.stdout.write(formatGithub(diagnostics, lang));
  else {
    process.stdout.write(formatText(diagnostics, lang, result.filesChecked));
    if (process.env.GITHUB_ACTIONS === "true") process.stdout.write(formatGithub(diagnostics, lang));
  }
  return hasErrors(diagnostics) ? 1 : 0;
}

async function networkChecks(root: string, requests: Parameters<typeof checkNewAliases>[0], governance: NonNullable<Awaited<ReturnType<typeof validateRepositoryParallel>>["governance"]>, values: { dns?: string; base?: string; "http-port"?: string; "https-port"?: string }) {
  const [{ checkNewAliases }, { Dns, parseDnsServer }, { fingerprints }, { hygieneSettings }, { readTreeAt }, { parseYaml }] = await Promise.all([
    import("../audit/door.ts"),
    import("../audit/dns.ts"),
    import("../audit/fingerprints.ts"),
    import("../model/hygiene.ts"),
    import("../git/tree.ts"),
    import("../load/parse.ts"),
  ]);
  const server = values.dns === undefined ? undefined : parseDnsServer(values.dns);
  if (values.dns !== undefined && !server) throw new UsageError(`--dns: alamat IP resolver / the resolver's IP address (${values.dns})\n${USAGE}`);
  const port = (v: string | undefined, d: number) => (v === undefined ? d : /^[0-9]{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65_535 ? Number(v) : Number.NaN);
  const httpPort = port(values["http-port"], 80);
  const httpsPort = port(values["https-port"], 443);
  if (Number.isNaN(httpPort) || Number.isNaN(httpsPort)) throw new UsageError(`--http-port/--https-port: 1-65535\n${USAGE}`);
  // With --base, an alias is new unless the same file on the base already points to the same target.
  let isNew = (_file: string, _target: string) => true;
  if (values.base !== undefined) {
    const tree = readTreeAt(root, values.base);
    if (!tree) throw new UsageError(`--base: ${values.base} tidak ditemukan / not found\n${USAGE}`);
    const before = new Map<string, string>();
    for (const [file, bytes] of tree.files) {
      const alias = (parseYaml(file, bytes).value as { target?: { alias?: unknown } } | undefined)?.target?.alias;
      if (typeof alias === "string") before.set(file, alias.toLowerCase().replace(/\.$/, ""));
    }
    isNew = (file, target) => before.get(file) !== target;
  }
  const s = hygieneSettings(governance);
  return checkNewAliases(requests, { dns: new Dns(server, s.timeoutMs, s.retries), fingerprints: fingerprints(), timeoutMs: s.timeoutMs, retries: s.retries, httpPort, httpsPort, isNew });
}

void runMain(main, () => lang, { exitWhenDone: true });
