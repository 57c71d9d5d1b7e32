// The body of `npm run plan` (src/cli/plan.ts starts it, from one bundled file when it can).
// npm run plan [-- --base REF] [--format text|markdown|json] [--out DIR] [--lang en]
//   [--allow-large-change] [--root DIR] [--ingress IP[,IP]|HOST] [--ns-address NAME=IP]... [--today DATE]
//   [--cache DIR | --no-cache] [--snapshot]
// Exit 0 ok, 1 invalid requests or an unsafe plan, 2 bad usage.
import { isAbsolute, join, relative, resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatJson, formatText } from "../diagnostics/format.ts";
import { renderText } from "../plan/render-text.ts";
import { renderInvalidMarkdown, renderMarkdown } from "../plan/render-markdown.ts";
import { renderJson } from "../plan/render-json.ts";
import { runPlan, type PlanOutcome } from "../artifacts/run.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";
import { defaultPlanCache } from "../load/plan-cache-folder.mjs";
import { DEFAULT_CLUSTER, DEFAULT_INGRESS, planTargets, TARGET_OPTIONS } from "./plan-options.ts";

const USAGE = `Penggunaan / usage: npm run plan -- [--base REF] [--format text|markdown|json] [--out DIR] [--lang id|en] [--allow-large-change] [--root DIR] [--ingress IP[,IP]|HOST] [--ns-address NAMA=IP]... [--today TTTT-BB-HH] [--cache FOLDER | --no-cache] [--snapshot]`;

let lang: Lang = "id";

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
    base: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    "allow-large-change": { type: "boolean" },
    root: { type: "string" },
    ...TARGET_OPTIONS,
    today: { type: "string" },
    cache: { type: "string" },
    "no-cache": { type: "boolean" },
    snapshot: { type: "boolean" },
  });
  if (!cli) return 0;
  const v = cli.values;
  lang = cli.lang;
  const format = v.format ?? "text";
  if (!["text", "markdown", "json"].includes(format)) throw new UsageError(`--format: text, markdown, json\n${USAGE}`);
  if (v.today && !/^\d{4}-\d{2}-\d{2}$/.test(v.today)) throw new UsageError(`--today: TTTT-BB-HH\n${USAGE}`);
  if (v.base !== undefined && (v.base === "" || v.base.startsWith("-"))) throw new UsageError(`--base: REF\n${USAGE}`);
  const { ingress, nameserverAddresses } = planTargets(v, USAGE);
  const root = resolve(v.root ?? ".");
  if (v.cache !== undefined && (v.cache === "" || v["no-cache"])) throw new UsageError(`--cache FOLDER, or --no-cache\n${USAGE}`);
  // The snapshot lives in the cache folder: without one there is nowhere to keep it.
  if (v.snapshot && v["no-cache"]) throw new UsageError(`--snapshot: ${lang === "en" ? "needs the cache folder; leave out --no-cache" : "perlu folder cache; hapus --no-cache"}\n${USAGE}`);
  // Results of single files kept between runs (README, "Cache"); safe to lose, git-ignored.
  const cacheDir = v["no-cache"] ? undefined : v.cache !== undefined ? resolve(v.cache) : defaultPlanCache(root);
  const out = v.out === undefined ? join(root, "out") : isAbsolute(v.out) ? v.out : resolve(v.out);

  const result = await runPlan({
    root,
    ...(v.base !== undefined ? { base: v.base } : {}),
    out,
    lang,
    allowLargeChange: v["allow-large-change"] === true,
    ...(v.today ? { today: v.today } : {}),
    ingress,
    nameserverAddresses,
    cluster: DEFAULT_CLUSTER,
    ...(cacheDir ? { cacheDir } : {}),
    snapshot: v.snapshot === true,
  });
  if (result.kind === "invalid") {
    // The same diagnostics as `npm run validate`, in the format asked for.
    if (format === "json") process.stdout.write(formatJson(result.diagnostics, result.filesChecked));
    else if (format === "markdown") process.stdout.write(renderInvalidMarkdown(result.diagnostics, lang));
    else process.stdout.write(formatText(result.diagnostics, lang, result.filesChecked));
    return 1;
  }
  const { plan } = result;
  process.stdout.write(format === "json" ? renderJson(plan) : format === "markdown" ? renderMarkdown(plan, lang) : renderText(plan, lang));
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  if (warnings.length) process.stderr.write(formatText(warnings, lang, result.diagnostics.length));
  process.stderr.write(outcomeText(result, relative(process.cwd(), out) || ".", lang));
  if (!v.ingress) process.stderr.write(lang === "en" ? `Note: ingress ${DEFAULT_INGRESS} is a documentation address; set --ingress.\n` : `Catatan: ingress ${DEFAULT_INGRESS} adalah alamat dokumentasi; atur dengan --ingress.\n`);
  for (const ns of result.defaultedNameservers)
    process.stderr.write(lang === "en" ? `Note: name server ${ns} has no address; a documentation address was used; set --ns-address ${ns}=IP.\n` : `Catatan: server nama ${ns} tanpa alamat; dipakai alamat dokumentasi; atur dengan --ns-address ${ns}=IP.\n`);
  for (const m of result.unsafe) process.stderr.write(m[lang] + "\n");
  return result.unsafe.length ? 1 : 0;
}

/** What the run checked and where each output went, so that a first run with no change still says what happened. */
function outcomeText(r: Extract<PlanOutcome, { kind: "planned" }>, outDir: string, lang: Lang): string {
  const counts = r.counts;
  const warnings = r.diagnostics.filter((d) => d.severity === "warning").length;
  const en = lang === "en";
  const group = (test: (f: string) => boolean) => r.written.filter(test);
  const kinds: [string[], string, string][] = [
    [group((f) => f.startsWith("zones/")), "berkas zona BIND (rekaman DNS yang akan dipasang)", "BIND zone files (the DNS records to be set up)"],
    [group((f) => f.startsWith("kubernetes/")), "manifest Kubernetes untuk hosting", "Kubernetes manifests for hosting"],
    [group((f) => f.startsWith("registry.")), "daftar subdomain publik", "the public list of subdomains"],
    [group((f) => f.startsWith("plan.")), "rencana ini (Markdown untuk pull request, JSON untuk mesin)", "this plan (Markdown for pull requests, JSON for machines)"],
  ];
  // A set, not a search per file: 3,000 manifests made this quadratic (46 ms).
  const grouped = new Set(kinds.flatMap(([files]) => files));
  const other = r.written.filter((f) => !grouped.has(f));
  const list = (files: string[]) => (files.length > 3 ? `${files.slice(0, 2).join(", ")} … (${files.length})` : files.join(", "));
  const lines = [
    en
      ? `Checked: governance.yaml and ${r.filesChecked - 1} request files, all valid (${warnings} warnings).`
      : `Diperiksa: governance.yaml dan ${r.filesChecked - 1} berkas permohonan, semuanya valid (${warnings} peringatan).`,
    en
      ? `Desired state: ${counts.records} DNS record sets in ${counts.zones} zone(s) and ${counts.tenants} hosting tenants, from ${counts.sources} requests.`
      : `Keadaan yang diinginkan: ${counts.records} set rekaman DNS di ${counts.zones} zona dan ${counts.tenants} tenant hosting, dari ${counts.sources} permohonan.`,
    en ? `Outputs in ${outDir}/:` : `Hasil di ${outDir}/:`,
    ...kinds.filter(([files]) => files.length).map(([files, id, enText]) => `  - ${list(files)}: ${en ? enText : id}`),
    ...(other.length ? [`  - ${list(other)}`] : []),
  ];
  if (r.plan.records.length === 0 && r.plan.tenants.length === 0)
    lines.push(
      en
        ? "Nothing to change against the base. Next: add or edit a file under requests/<opd>/ and run npm run plan again to see what would change."
        : "Tidak ada yang berubah dibanding dasar. Berikutnya: tambah atau ubah berkas di requests/<opd>/, lalu jalankan npm run plan lagi untuk melihat apa yang akan berubah.",
    );
  return lines.join("\n") + "\n";
}

void runMain(main, () => lang, { exitWhenDone: true });
