// npm run import -- (--zone-file BERKAS | --axfr HOST[:PORT] [--tsig-key BERKAS.key]) [--zone ZONA]
//                   [--opd-map BERKAS.csv] [--default-opd KODE] [--report BERKAS.md] [--root DIR] [--lang id|en]
// Brings an existing zone in: BIND reads the zone (named-checkzone -D, also for what dig fetched
// by AXFR, so every record is in one canonical form), src/import/to-requests.ts sorts each record
// into a request file, governance.yaml (apex, name servers, delegations, wildcards, DNSSEC) or the
// report; drafted files that fail validation go to the report with the rule and its message. The
// three add up to the zone's record count, or the command fails.
// Needs BIND's tools (bind9-utils, bind9-dnsutils). Exit 0 imported, 1 refused, 2 bad usage.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { parseDocument, stringify } from "yaml";
import type { Lang, Message } from "../diagnostics/diagnostic.ts";
import { axfr, canonicalDump } from "../import/bind.ts";
import { canonicalLine, parseCanonical } from "../import/canonical.ts";
import { mapZone, type Routed } from "../import/to-requests.ts";
import { discoverRequests } from "../load/discover.ts";
import { LIMITS } from "../load/limits.ts";
import { parseYaml, type Loaded } from "../load/parse.ts";
import { readGovernance, readYamlFile } from "../load/read.ts";
import { GOVERNANCE_FILE, todayIn } from "../load/repository.ts";
import { requestPath } from "../model/names.ts";
import { checkGovernance, validate } from "../validate/validate.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE =
  "Penggunaan / usage: npm run import -- (--zone-file BERKAS | --axfr HOST[:PORT] [--tsig-key BERKAS.key]) [--zone ZONA] [--opd-map BERKAS.csv] [--default-opd KODE] [--report BERKAS.md] [--root DIR] [--lang id|en]";

let lang: Lang = "id";
const say = (id: string, en: string) => (lang === "en" ? en : id);
const enc = new TextEncoder();

/** `name,opd` lines; a header line and blank lines are skipped. */
function readOpdMap(path: string, codes: ReadonlySet<string>): { map: Map<string, string>; problems: Message[] } {
  const map = new Map<string, string>();
  const problems: Message[] = [];
  const lines = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((line, i) => {
    const [name, opd] = line.split(/[,;]/).map((s) => s.trim().toLowerCase());
    if (!name || (i === 0 && opd === "opd")) return;
    if (!opd || !codes.has(opd)) {
      problems.push({ id: `${path}:${i + 1}: OPD \`${opd ?? ""}\` tidak ada di governance.yaml; ${name} masuk OPD bawaan.`, en: `${path}:${i + 1}: OPD \`${opd ?? ""}\` is not in governance.yaml; ${name} goes to the default OPD.` });
      return;
    }
    map.set(name.replace(/\.$/, ""), opd);
  });
  return { map, problems };
}

const mdCell = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");

function reportMarkdown(o: { zone: string; total: number; written: string[]; governance: Routed[]; report: Routed[]; unmapped: string[]; notes: Message[] }): string {
  const row = (r: Routed) => `| ${r.rr.line} | \`${mdCell(canonicalLine(r.rr))}\` | \`${r.rule}\` | ${mdCell(r.message[lang])} |`;
  const table = (heading: string, last: string, rows: Routed[]) => [heading, "", `| # | ${say("rekaman", "record")} | ${say("aturan", "rule")} | ${last} |`, "|---|---|---|---|", ...rows.map(row), ""];
  return [
    say(`# Laporan impor zona ${o.zone}`, `# Import report for zone ${o.zone}`),
    "",
    say(
      `${o.total} rekaman: ${o.total - o.governance.length - o.report.length} di ${o.written.length} berkas permohonan, ${o.governance.length} di governance.yaml, ${o.report.length} tidak diimpor (perlu tindakan).`,
      `${o.total} records: ${o.total - o.governance.length - o.report.length} in ${o.written.length} request files, ${o.governance.length} in governance.yaml, ${o.report.length} not imported (action needed).`,
    ),
    "",
    ...o.notes.map((n) => `- ${mdCell(n[lang])}`),
    "",
    ...table(say("## Tidak diimpor: perlu tindakan", "## Not imported: action needed"), say("yang harus dilakukan", "what to do"), o.report),
    ...table(say("## Di governance.yaml", "## In governance.yaml"), say("keterangan", "note"), o.governance),
    say("## Nama tanpa peta OPD (masuk OPD bawaan)", "## Names without an OPD mapping (default OPD)"),
    "",
    ...o.unmapped.map((n) => `- ${mdCell(n)}`),
    "",
    say("## Berkas permohonan", "## Request files"),
    "",
    ...o.written.map((f) => `- ${f}`),
    "",
  ].join("\n");
}

function main(): number {
  const cli = parseCommandLine(USAGE, {
    "zone-file": { type: "string" },
    axfr: { type: "string" },
    "tsig-key": { type: "string" },
    zone: { type: "string" },
    "opd-map": { type: "string" },
    "default-opd": { type: "string" },
    report: { type: "string" },
    root: { type: "string" },
    today: { type: "string" },
  });
  if (!cli) return 0;
  const v = cli.values;
  lang = cli.lang;
  if (!v["zone-file"] === !v.axfr) throw new UsageError(say(`Pilih salah satu: --zone-file atau --axfr.\n${USAGE}`, `Choose one: --zone-file or --axfr.\n${USAGE}`));
  if (v["tsig-key"] && !v.axfr) throw new UsageError(`--tsig-key: ${say("hanya dengan --axfr", "only with --axfr")}\n${USAGE}`);
  if (v.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.today)) throw new UsageError(`--today: TTTT-BB-HH\n${USAGE}`);
  const root = resolve(v.root ?? ".");
  const fail = (id: string, en: string) => (process.stderr.write(say(id, en) + "\n"), 1);

  const govText = (() => {
    try {
      return readFileSync(join(root, GOVERNANCE_FILE), "utf8");
    } catch {
      return undefined;
    }
  })();
  const gov = checkGovernance(readGovernance(root));
  if (!govText || !gov.governance) return fail(`${GOVERNANCE_FILE} tidak sah; jalankan npm run validate.`, `${GOVERNANCE_FILE} is not valid; run npm run validate.`);
  const governance = gov.governance;
  const zone = (v.zone ?? governance.zones[0]!.name).toLowerCase().replace(/\.$/, "");
  const zoneIndex = governance.zones.findIndex((z) => z.name.toLowerCase().replace(/\.$/, "") === zone);
  if (zoneIndex < 0) return fail(`Zona ${zone} tidak ada di ${GOVERNANCE_FILE}.`, `Zone ${zone} is not in ${GOVERNANCE_FILE}.`);
  const codes = new Set(governance.opds.map((o) => o.code));
  const defaultOpd = v["default-opd"] ?? (codes.has("diskominfo") ? "diskominfo" : governance.opds[0]!.code);
  if (!codes.has(defaultOpd)) return fail(`--default-opd: OPD ${defaultOpd} tidak ada di ${GOVERNANCE_FILE}.`, `--default-opd: OPD ${defaultOpd} is not in ${GOVERNANCE_FILE}.`);

  // 1. The zone in BIND's canonical form.
  const tmp = mkdtempSync(join(tmpdir(), "import-"));
  let dump: ReturnType<typeof canonicalDump>;
  try {
    const file = v["zone-file"] ? resolve(v["zone-file"]) : join(tmp, "axfr.zone");
    if (v.axfr) {
      const problem = axfr(zone, v.axfr, v["tsig-key"] ? resolve(v["tsig-key"]) : undefined, file, lang);
      if (problem) return fail(problem, problem);
    } else if (!existsSync(file)) return fail(`${v["zone-file"]}: berkas tidak ditemukan.`, `${v["zone-file"]}: file not found.`);
    dump = canonicalDump(zone, file, lang);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!dump.ok) return fail(`BIND tidak dapat membaca zona ${zone}:\n${dump.error}`, `BIND cannot read the zone ${zone}:\n${dump.error}`);
  const rrs = parseCanonical(dump.text);

  // 2. Sort every record.
  const opdMap = v["opd-map"] ? readOpdMap(resolve(v["opd-map"]), codes) : { map: new Map<string, string>(), problems: [] };
  const today = v.today ?? todayIn(governance.workingHours.timeZone);
  // The file's name only: a path on the importer's machine says nothing to the OPD and leaks a folder layout.
  const source = v.axfr ? `AXFR ${v.axfr}` : `berkas ${basename(v["zone-file"]!)}`;
  const mapping = mapZone(rrs, { zone, governance, opdMap: opdMap.map, defaultOpd, today, source });

  // 3. governance.yaml: name servers, SOA and the protected names, other sections untouched.
  const doc = parseDocument(govText);
  const z = governance.zones[zoneIndex]!;
  if (mapping.nameservers.length) doc.setIn(["zones", zoneIndex, "nameservers"], doc.createNode(mapping.nameservers));
  if (mapping.soa) doc.setIn(["zones", zoneIndex, "soa"], doc.createNode(mapping.soa));
  const protectedNames = [...new Set([...(z.protected ?? []), ...mapping.protected])];
  if (protectedNames.length !== (z.protected ?? []).length) doc.setIn(["zones", zoneIndex, "protected"], doc.createNode(protectedNames));
  const newGovText = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const newGov = parseYaml(GOVERNANCE_FILE, enc.encode(newGovText), LIMITS.governanceBytes);

  // 4. Drafts through the ordinary validation, with the requests already there; a draft with an
  //    error goes to the report with the rule's own message, until the rest validates.
  const existing = discoverRequests(root).files.map((f) => readYamlFile(root, f));
  const report: Routed[] = [...mapping.report];
  let drafts = mapping.requests.filter((d) => {
    if (!existsSync(join(root, requestPath(d.opd, d.label)))) return true;
    for (const rr of d.records) report.push({ rr, rule: "import.exists", message: { id: `${requestPath(d.opd, d.label)} sudah ada; berkas itu tidak ditimpa. Bandingkan dan satukan dengan tangan.`, en: `${requestPath(d.opd, d.label)} exists already and is not overwritten. Compare and merge by hand.` } });
    return false;
  });
  //    Drafts are validated as values (the yaml library writes text that reads back as the same
  //    value; the test validates the written files again): parsing 5,000 records' worth of
  //    fresh YAML text would double the import's time.
  for (let round = 0; round < 10; round++) {
    const loaded: Loaded[] = drafts.map((d) => ({ file: requestPath(d.opd, d.label), value: structuredClone(d.request), positions: {}, diagnostics: [] }));
    const result = validate(newGov, [...existing, ...loaded], [], today);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    if (!result.governance) return fail(`${GOVERNANCE_FILE} setelah impor tidak sah.`, `${GOVERNANCE_FILE} is not valid after the import.`);
    const bad = new Map<string, (typeof errors)[number]>();
    for (const e of errors) if (!bad.has(e.file)) bad.set(e.file, e);
    const failing = drafts.filter((d) => bad.has(requestPath(d.opd, d.label)));
    if (!failing.length) break;
    for (const d of failing) {
      const e = bad.get(requestPath(d.opd, d.label))!;
      for (const rr of d.records) report.push({ rr, rule: e.rule, message: { id: `${e.message.id} (${requestPath(d.opd, d.label)}:${e.line})`, en: `${e.message.en} (${requestPath(d.opd, d.label)}:${e.line})` } });
    }
    drafts = drafts.filter((d) => !failing.includes(d));
  }

  // 5. Nothing dropped: every record is in exactly one place.
  const placed = drafts.reduce((n, d) => n + d.records.length, 0) + mapping.governance.length + report.length;
  if (placed !== rrs.length)
    return fail(`Kesalahan internal impor: ${rrs.length} rekaman dibaca, ${placed} ditempatkan; tidak ada yang ditulis.`, `Internal import error: ${rrs.length} records read, ${placed} placed; nothing was written.`);

  writeFileSync(join(root, GOVERNANCE_FILE), newGovText);
  const written: string[] = [];
  for (const d of drafts) {
    const path = requestPath(d.opd, d.label);
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `# yaml-language-server: $schema=../../schemas/request.schema.json\n# Diimpor dari ${source} pada ${today}; lengkapi setiap nilai [ISI].\n${stringify(d.request, { lineWidth: 0, aliasDuplicateObjects: false })}`);
    written.push(path);
  }
  const unmapped = drafts.filter((d) => !d.mapped).map((d) => `${d.label} -> ${d.opd}`);
  const reportPath = resolve(v.report ?? join(root, "out", "import-report.md"));
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, reportMarkdown({ zone, total: rrs.length, written, governance: mapping.governance, report: report.sort((a, b) => a.rr.line - b.rr.line), unmapped, notes: opdMap.problems }));
  process.stdout.write(
    say(
      `Zona ${zone}: ${rrs.length} rekaman; ${placed - mapping.governance.length - report.length} di ${written.length} berkas permohonan, ${mapping.governance.length} di ${GOVERNANCE_FILE}, ${report.length} tidak diimpor. ${unmapped.length} nama tanpa peta OPD masuk ${defaultOpd}.\nLaporan: ${reportPath}\nBerikutnya: npm run validate (menunjukkan nilai [ISI] yang harus dilengkapi OPD), lalu npm run plan.\n`,
      `Zone ${zone}: ${rrs.length} records; ${placed - mapping.governance.length - report.length} in ${written.length} request files, ${mapping.governance.length} in ${GOVERNANCE_FILE}, ${report.length} not imported. ${unmapped.length} names without an OPD mapping went to ${defaultOpd}.\nReport: ${reportPath}\nNext: npm run validate (shows the [ISI] values the OPDs complete), then npm run plan.\n`,
    ),
  );
  for (const p of opdMap.problems) process.stderr.write(p[lang] + "\n");
  return 0;
}

void runMain(main, () => lang);

