// npm run verify-dns -- [--server HOST[:PORT]]... [--zone ZONA] [--tsig-key BERKAS.key]
//   [--format text|markdown|json] [--root DIR] [--ingress IP[,IP]|HOST] [--ns-address NAMA=IP]... [--lang id|en]
// Compares the desired zone (the plan's own zone file, read back by named-checkzone -D) with what
// the zone's authoritative servers answer now, independently of Pulumi's state: missing and
// different RRsets by asking each one, and extra RRsets where the server allows a zone transfer.
// SOA and DNSSEC records belong to the server and are not compared.
// Exit codes: 0 equal, 1 repository invalid, 2 bad usage, 3 a server could not be asked, 8 differs.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { md } from "../github/request-summary.ts";
import { axfr, canonicalDump, parseServer } from "../import/bind.ts";
import { parseCanonical, type Rr } from "../import/canonical.ts";
import { compareZone, groupRrsets, isEqual, type RrsetDiff, VERIFY_EXIT, type ZoneDiff } from "../import/compare.ts";
import { queryRrsets } from "../import/query.ts";
import { readGovernance } from "../load/read.ts";
import { runPlan } from "../artifacts/run.ts";
import { asciiHost } from "../state/names.ts";
import { checkGovernance } from "../validate/validate.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";
import { DEFAULT_CLUSTER, planTargets, TARGET_OPTIONS } from "./plan-options.ts";

const USAGE =
  "Penggunaan / usage: npm run verify-dns -- [--server HOST[:PORT]]... [--zone ZONA] [--tsig-key BERKAS.key] [--format text|markdown|json] [--root DIR] [--ingress IP[,IP]|HOST] [--ns-address NAMA=IP]... [--lang id|en]\n" +
  "Keluar / exit: 0 sama / equal, 1 repositori tidak sah / invalid repository, 2 penggunaan salah / bad usage, 3 server tidak dapat ditanya / a server could not be asked, 8 berbeda / differs.";

let lang: Lang = "id";
const say = (id: string, en: string) => (lang === "en" ? en : id);

interface Result {
  zone: string;
  server: string;
  /** How the live records were read: a zone transfer (extra records known) or one query per RRset. */
  method: "axfr" | "query";
  axfrRefused?: string;
  error?: string;
  diff?: ZoneDiff;
}

function verify(zone: string, server: string, desired: Rr[], keyFile: string | undefined, tmp: string): Result {
  const file = join(tmp, `${zone}@${server.replace(/[^a-z0-9.-]/gi, "_")}.axfr`);
  const refused = axfr(zone, server, keyFile, file, lang);
  if (!refused) {
    const dump = canonicalDump(zone, file, lang);
    if (dump.ok) return { zone, server, method: "axfr", diff: compareZone(desired, parseCanonical(dump.text), true) };
  }
  const questions = [...groupRrsets(desired).values()].map(({ owner, type }) => ({ owner, type }));
  const live = queryRrsets(server, questions, lang);
  const base = { zone, server, method: "query" as const, ...(refused ? { axfrRefused: refused } : {}) };
  return live.ok ? { ...base, diff: compareZone(desired, live.rrs, false) } : { ...base, error: live.error };
}

const SECTIONS = [
  ["missing", "Tidak ada di server", "Missing on the server"],
  ["different", "Berbeda", "Different"],
  ["extra", "Lebih (tidak ada di repositori)", "Extra (not in the repository)"],
] as const;

function summary(r: Result): string {
  if (r.error) return say(`tidak dapat ditanya: ${r.error}`, `could not be asked: ${r.error}`);
  const d = r.diff!;
  const extra = d.extra ? String(d.extra.length) : say("tidak diketahui (AXFR ditolak)", "unknown (AXFR refused)");
  return isEqual(d)
    ? say(`sama${d.extra ? "" : " (rekaman lebih tidak diperiksa: AXFR ditolak)"}`, `equal${d.extra ? "" : " (extra records not checked: AXFR refused)"}`)
    : say(`${d.missing.length} tidak ada, ${d.different.length} berbeda, lebih: ${extra}`, `${d.missing.length} missing, ${d.different.length} different, extra: ${extra}`);
}

function renderText(results: Result[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`${r.zone} @ ${r.server} (${r.method === "axfr" ? "AXFR" : say("kueri per set rekaman", "one query per record set")}): ${summary(r)}`);
    for (const [k, id, en] of SECTIONS)
      for (const s of r.diff?.[k] ?? []) {
        out.push(`  ${say(id, en)}: ${s.owner} ${s.type}`);
        for (const l of s.want) out.push(`    ${say("diinginkan", "wanted")}: ${l}`);
        for (const l of s.got) out.push(`    ${say("di server", "on server")}:  ${l}`);
      }
  }
  return out.join("\n") + "\n";
}

function renderMarkdown(results: Result[]): string {
  const cell = (lines: string[]) => lines.map((l) => md(l)).join("<br>") || "—";
  const out = [say("# Pemeriksaan DNS yang berjalan", "# Live DNS check"), ""];
  for (const r of results) {
    out.push(`## ${md(r.zone)} @ ${md(r.server)}`, "", `${r.method === "axfr" ? "AXFR" : say("Kueri per set rekaman", "One query per record set")}: ${md(summary(r))}`, "");
    const rows = SECTIONS.flatMap(([k, id, en]) => (r.diff?.[k] ?? []).map((s: RrsetDiff) => `| ${say(id, en)} | ${md(`${s.owner} ${s.type}`)} | ${cell(s.want)} | ${cell(s.got)} |`));
    if (rows.length) out.push(`| ${say("temuan", "finding")} | ${say("set rekaman", "record set")} | ${say("diinginkan", "wanted")} | ${say("di server", "on server")} |`, "|---|---|---|---|", ...rows, "");
  }
  return out.join("\n");
}

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
    server: { type: "string", multiple: true },
    zone: { type: "string" },
    "tsig-key": { type: "string" },
    format: { type: "string" },
    root: { type: "string" },
    today: { type: "string" },
    ...TARGET_OPTIONS,
  });
  if (!cli) return 0;
  const v = cli.values;
  lang = cli.lang;
  const format = v.format ?? "text";
  if (!["text", "markdown", "json"].includes(format)) throw new UsageError(`--format: text, markdown, json\n${USAGE}`);
  if (v.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.today)) throw new UsageError(`--today: TTTT-BB-HH\n${USAGE}`);
  for (const s of v.server ?? []) if (!parseServer(s)) throw new UsageError(`--server: HOST[:PORT] (${s})\n${USAGE}`);
  const { ingress, nameserverAddresses } = planTargets(v, USAGE);
  const root = resolve(v.root ?? ".");

  const tmp = mkdtempSync(join(tmpdir(), "verify-dns-"));
  try {
    // The desired zone exactly as `npm run plan` writes it; no base is needed for that.
    const planned = await runPlan({ root, out: join(tmp, "out"), lang, allowLargeChange: true, ...(v.today ? { today: v.today } : {}), ingress, nameserverAddresses, cluster: DEFAULT_CLUSTER });
    if (planned.kind === "invalid") {
      process.stderr.write(formatText(planned.diagnostics, lang, planned.filesChecked));
      return VERIFY_EXIT.invalid;
    }
    const governance = checkGovernance(readGovernance(root)).governance!;
    const zones = governance.zones.filter((z) => v.zone === undefined || asciiHost(z.name) === asciiHost(v.zone));
    if (!zones.length) throw new UsageError(say(`--zone: zona ${v.zone} tidak ada di governance.yaml`, `--zone: zone ${v.zone} is not in governance.yaml`));
    const results: Result[] = [];
    for (const z of zones) {
      const zone = asciiHost(z.name);
      const dump = canonicalDump(zone, join(tmp, "out", "zones", `${zone}.zone`), lang);
      if (!dump.ok) {
        process.stderr.write(say(`Zona yang diinginkan ${zone} tidak dapat dibaca BIND:\n${dump.error}\n`, `BIND cannot read the desired zone ${zone}:\n${dump.error}\n`));
        return VERIFY_EXIT.invalid;
      }
      const desired = parseCanonical(dump.text);
      for (const server of v.server?.length ? v.server : z.nameservers.map(asciiHost)) results.push(verify(zone, server, desired, v["tsig-key"] ? resolve(v["tsig-key"]) : undefined, tmp));
    }
    process.stdout.write(format === "json" ? JSON.stringify({ equal: results.every((r) => r.diff && isEqual(r.diff)), results }, null, 2) + "\n" : format === "markdown" ? renderMarkdown(results) : renderText(results));
    if (results.some((r) => r.error)) return VERIFY_EXIT.unreachable;
    return results.every((r) => isEqual(r.diff!)) ? VERIFY_EXIT.equal : VERIFY_EXIT.differs;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

void runMain(main, () => lang);
