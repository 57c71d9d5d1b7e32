// npm run audit -- [--dns HOST[:PORT]] [--http-port N] [--https-port N] [--format text|markdown|json] [--out DIR] [--root DIR] [--lang id|en] [--today YYYY-MM-DD]
// Checks every name of the repository as the public sees it (src/audit). --format markdown is the
// one-page summary for leadership. --out DIR also writes audit.json (both languages, read by
// `npm run audit-issues`), ringkasan.md and audit.txt there.
// Exit 0 nothing found, 1 findings, 2 bad usage or unusable repository, 3 no finding but some
// checks could not be made (the resolver did not answer): never a silent "all clear".
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { governanceToday } from "../load/repository.ts";
import { validateRepository } from "../validate/files/repository.ts";
import { runAudit } from "../audit/index.ts";
import { parseDnsServer } from "../audit/dns.ts";
import { renderJson, renderText } from "../audit/render.ts";
import { renderSummary } from "../audit/summary.ts";
import { validDate } from "../validate/dates.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE = "Penggunaan / usage: npm run audit -- [--dns HOST[:PORT]] [--http-port N] [--https-port N] [--format text|markdown|json] [--out DIR] [--root DIR] [--lang id|en] [--today TTTT-BB-HH]";

let lang: Lang = "id";

function port(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^[0-9]{1,5}$/.test(v) || Number(v) < 1 || Number(v) > 65_535) throw new UsageError(`--${name}: 1-65535 (${v})\n${USAGE}`);
  return Number(v);
}

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
    dns: { type: "string" },
    "http-port": { type: "string" },
    "https-port": { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    root: { type: "string" },
    today: { type: "string" },
  });
  if (!cli) return 0;
  const { values } = cli;
  lang = cli.lang;
  const format = values.format ?? "text";
  if (!["text", "markdown", "json"].includes(format)) throw new UsageError(`--format: text, markdown, json\n${USAGE}`);
  const dnsServer = values.dns === undefined ? undefined : parseDnsServer(values.dns);
  if (values.dns !== undefined && !dnsServer) throw new UsageError(`--dns: alamat IP resolver, misalnya 127.0.0.1:5353 / the resolver's IP address, e.g. 127.0.0.1:5353 (${values.dns})\n${USAGE}`);
  if (values.today !== undefined && !validDate(values.today)) throw new UsageError(`--today: TTTT-BB-HH / YYYY-MM-DD (${values.today})\n${USAGE}`);
  const httpPort = port("http-port", values["http-port"], 80);
  const httpsPort = port("https-port", values["https-port"], 443);

  const root = resolve(values.root ?? ".");
  const v = validateRepository(root, values.today);
  if (!v.governance) {
    process.stderr.write(formatText(v.diagnostics, lang, v.filesChecked));
    return 2;
  }
  // Files with validation errors are left out of the state as everywhere else; the audit says so.
  const invalid = new Set(v.diagnostics.filter((d) => d.severity === "error" && d.file !== "governance.yaml").map((d) => d.file));
  if (invalid.size)
    process.stderr.write(lang === "en" ? `Note: ${invalid.size} file(s) with validation errors are audited as far as they could be read (npm run validate).\n` : `Catatan: ${invalid.size} berkas dengan galat validasi diperiksa sejauh dapat dibaca (npm run validate).\n`);
  const today = values.today ?? governanceToday(v.governance);
  const report = await runAudit({ requests: v.requests, governance: v.governance, today, now: new Date(), ...(dnsServer ? { dnsServer } : {}), httpPort, httpsPort });

  const text = renderText(report, lang);
  const markdown = renderSummary(report, v.requests, v.governance, lang);
  if (values.out) {
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "audit.json"), JSON.stringify(report, null, 2) + "\n");
    writeFileSync(join(out, "ringkasan.md"), markdown);
    writeFileSync(join(out, "audit.txt"), text);
  }
  process.stdout.write(format === "json" ? renderJson(report, lang) : format === "markdown" ? markdown : text);
  return report.findings.length ? 1 : report.problems.length ? 3 : 0;
}

void runMain(main, () => lang);
