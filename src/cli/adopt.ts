// npm run adopt -- --zone ZONA --government "Kabupaten X" --preset NAMA --org ORGANISASI
//                  [--liaison AKUN] [--opd-code KODE] [--nameservers NS1,NS2] [--root DIR] [--lang id|en]
// Turns a clone of this product into a government's own repository: a fresh governance.yaml from
// the preset, an empty requests/, regenerated issue forms and CODEOWNERS, the Pulumi stacks
// pointed at the new zone, and the commit where the government's own history starts. In a
// terminal without options (or with --interactive) it asks in Indonesian.
// Exit 0 done, 1 refused (already adopted, uncommitted requests, invalid result), 2 bad usage.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { isMap, parseDocument } from "yaml";
import { hasErrors, type Lang } from "../diagnostics/diagnostic.ts";
import { formatText } from "../diagnostics/format.ts";
import { renderGenerated } from "../forms/render-all.ts";
import { git, resolveCommit } from "../git/run.ts";
import { LIMITS } from "../load/limits.ts";
import { parseYaml } from "../load/parse.ts";
import { GOVERNANCE_FILE, todayIn } from "../load/repository.ts";
import { adoptionGovernance } from "../model/presets/adopt.ts";
import { isPresetName, PRESET_NAMES, presetFile, type PresetName } from "../model/presets/index.ts";
import { checkGovernance } from "../validate/validate.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE = `Penggunaan / usage: npm run adopt -- --zone ZONA --government "Kabupaten X" --preset <${PRESET_NAMES.join("|")}> --org ORGANISASI_GITHUB [--liaison AKUN_GITHUB] [--opd-code diskominfo] [--nameservers NS1,NS2] [--interactive] [--root DIR] [--lang id|en]`;

const ORG = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const ZONE = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CODE = /^[a-z0-9][a-z0-9-]*$/;

let lang: Lang = "id";
const say = (id: string, en: string) => (lang === "en" ? en : id);

interface Answers {
  zone?: string;
  government?: string;
  preset?: string;
  org?: string;
  liaison?: string;
}

/** Asks for what the command line left out, one question per line of standard input. */
async function ask(given: Answers): Promise<Answers> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  const lines = rl[Symbol.asyncIterator]();
  const question = async (text: string): Promise<string> => {
    process.stdout.write(text);
    const next = await lines.next();
    if (next.done) throw new UsageError(say("Masukan berakhir sebelum semua pertanyaan terjawab.", "Input ended before every question was answered."));
    return next.value.trim();
  };
  const out = { ...given };
  try {
    out.government ??= await question(say("Nama pemerintah daerah (misalnya Kabupaten Sukamaju): ", "Name of the government (e.g. Kabupaten Sukamaju): "));
    out.zone ??= await question(say("Zona DNS (misalnya sukamajukab.go.id): ", "DNS zone (e.g. sukamajukab.go.id): "));
    out.preset ??= await question(say(`Preset SOP (${PRESET_NAMES.join(", ")}): `, `SOP preset (${PRESET_NAMES.join(", ")}): `));
    out.org ??= await question(say("Organisasi GitHub Diskominfo (misalnya diskominfo-sukamaju): ", "GitHub organisation of the Diskominfo (e.g. diskominfo-sukamaju): "));
    if (out.liaison === undefined) {
      const l = await question(say("Akun GitHub penghubung Diskominfo (kosongkan bila belum ada): ", "GitHub account of the Diskominfo liaison (leave empty if none yet): "));
      if (l) out.liaison = l;
    }
  } finally {
    rl.close();
  }
  return out;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Points each Pulumi stack's zone map at the new zone, keeping the files' comments. */
function retargetStacks(root: string, zone: string): string[] {
  const dir = join(root, "stacks");
  if (!existsSync(dir)) return [];
  const changed: string[] = [];
  for (const name of readdirSync(dir).filter((n) => /^Pulumi\..+\.ya?ml$/.test(n)).sort()) {
    const path = join(dir, name);
    const doc = parseDocument(readFileSync(path, "utf8"));
    const config = doc.get("config", true);
    if (doc.errors.length || !isMap(config) || !config.has("subdomain-gitops:zones")) continue;
    // All zeros: src/pulumi/settings.ts refuses it until the real Cloudflare zone id is written.
    config.set("subdomain-gitops:zones", doc.createNode({ [zone]: "0".repeat(32) }));
    writeFileSync(path, doc.toString({ lineWidth: 0 }));
    changed.push(`stacks/${name}`);
  }
  return changed;
}

async function main(): Promise<number> {
  const cli = parseCommandLine(USAGE, {
    zone: { type: "string" },
    government: { type: "string" },
    preset: { type: "string" },
    org: { type: "string" },
    liaison: { type: "string" },
    "opd-code": { type: "string" },
    nameservers: { type: "string" },
    interactive: { type: "boolean" },
    root: { type: "string" },
  });
  if (!cli) return 0;
  const v = cli.values;
  lang = cli.lang;
  let answers: Answers = { ...v };
  const missing = !v.zone || !v.government || !v.preset || !v.org;
  if (v.interactive || (missing && process.stdin.isTTY)) answers = await ask(answers);
  const { zone: rawZone, government, preset, org, liaison } = answers;
  if (!rawZone || !government || !preset || !org) throw new UsageError(say(`--zone, --government, --preset dan --org wajib diisi.\n${USAGE}`, `--zone, --government, --preset and --org are required.\n${USAGE}`));
  const zone = rawZone.toLowerCase().replace(/\.$/, "");
  if (!ZONE.test(zone)) throw new UsageError(say(`--zone: nama zona tidak sah (${rawZone}); tulis misalnya sukamajukab.go.id.`, `--zone: not a valid zone name (${rawZone}); write e.g. sukamajukab.go.id.`));
  if (!isPresetName(preset)) throw new UsageError(say(`--preset: \`${preset}\` tidak dikenal; pilihan: ${PRESET_NAMES.join(", ")}.`, `--preset: unknown \`${preset}\`; choose one of: ${PRESET_NAMES.join(", ")}.`));
  if (!ORG.test(org)) throw new UsageError(say(`--org: nama organisasi GitHub tidak sah (${org}).`, `--org: not a valid GitHub organisation (${org}).`));
  if (liaison !== undefined && !ORG.test(liaison.replace(/^@/, ""))) throw new UsageError(say(`--liaison: akun GitHub tidak sah (${liaison}).`, `--liaison: not a valid GitHub account (${liaison}).`));
  const opdCode = v["opd-code"] ?? "diskominfo";
  if (!CODE.test(opdCode)) throw new UsageError(say(`--opd-code: huruf kecil, angka dan tanda hubung (${opdCode}).`, `--opd-code: lowercase letters, digits and hyphens (${opdCode}).`));
  const nameservers = v.nameservers?.split(",").map((n) => n.trim().toLowerCase().replace(/\.$/, "")).filter(Boolean);
  if (nameservers?.some((n) => !ZONE.test(n))) throw new UsageError(say(`--nameservers: nama server tidak sah (${v.nameservers}).`, `--nameservers: not valid server names (${v.nameservers}).`));

  const root = resolve(v.root ?? ".");
  const refuse = (id: string, en: string) => {
    process.stderr.write(say(id, en) + "\n");
    return 1;
  };
  const base = resolveCommit(root, "HEAD");
  if (!base) return refuse(`${root}: bukan klon git dengan riwayat; adopsi dijalankan pada klon repositori ini.`, `${root}: not a git clone with history; adopt runs in a clone of this repository.`);

  // Twice by accident would wipe the government's own requests and move its history start.
  const current = readText(join(root, GOVERNANCE_FILE));
  if (current !== undefined) {
    const doc = parseDocument(current);
    const adopted = doc.getIn(["adoption", "date"]);
    if (doc.has("adoption"))
      return refuse(
        `${GOVERNANCE_FILE} sudah diadopsi (${String(adopted ?? "?")}); npm run adopt tidak dijalankan dua kali. Untuk mengulang sebelum commit: git checkout -- ${GOVERNANCE_FILE} requests stacks .github lalu jalankan lagi.`,
        `${GOVERNANCE_FILE} is already adopted (${String(adopted ?? "?")}); npm run adopt does not run twice. To start over before committing: git checkout -- ${GOVERNANCE_FILE} requests stacks .github, then run it again.`,
      );
  }
  const dirty = git(root, ["status", "--porcelain", "--", "requests", GOVERNANCE_FILE]);
  if (!dirty.ok || dirty.stdout.length)
    return refuse(
      `Ada perubahan yang belum di-commit di requests/ atau ${GOVERNANCE_FILE}; adopsi akan menghapusnya. Commit atau buang dulu (git status).`,
      `requests/ or ${GOVERNANCE_FILE} has uncommitted changes that adoption would delete. Commit or discard them first (git status).`,
    );

  const presetText = readFileSync(resolve(import.meta.dirname, "..", "..", presetFile(preset as PresetName)), "utf8");
  const tz = checkGovernance(parseYaml("preset", new TextEncoder().encode(presetText), LIMITS.governanceBytes)).governance?.workingHours.timeZone ?? "Asia/Jakarta";
  const built = adoptionGovernance(presetText, {
    zone,
    government,
    preset: preset as PresetName,
    org,
    opdCode,
    base,
    date: todayIn(tz),
    ...(liaison ? { liaison: liaison.replace(/^@/, "") } : {}),
    ...(nameservers?.length ? { nameservers } : {}),
  });
  // Never write a governance file the validator refuses (warnings for the [ISI] marks are expected).
  const check = checkGovernance(parseYaml(GOVERNANCE_FILE, new TextEncoder().encode(built.text), LIMITS.governanceBytes));
  if (!check.governance || hasErrors(check.diagnostics)) {
    process.stderr.write(formatText(check.diagnostics.filter((d) => d.severity === "error"), lang, 1));
    return refuse("Tidak ada yang diubah.", "Nothing was changed.");
  }

  writeFileSync(join(root, GOVERNANCE_FILE), built.text);
  rmSync(join(root, "requests"), { recursive: true, force: true });
  mkdirSync(join(root, "requests"), { recursive: true });
  writeFileSync(join(root, "requests", ".gitkeep"), "");
  const written = [GOVERNANCE_FILE, "requests/ (dikosongkan / emptied)"];
  for (const [path, text] of Object.entries(renderGenerated(check.governance))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    written.push(path);
  }
  written.push(...retargetStacks(root, zone));

  const warnings = check.diagnostics.filter((d) => d.severity === "warning").length;
  process.stdout.write(
    say(
      `Adopsi selesai: ${check.governance.government.name}, zona ${zone}, preset "${preset}". Riwayat sendiri dimulai setelah commit ${base.slice(0, 12)}.\n`,
      `Adoption done: ${check.governance.government.name}, zone ${zone}, preset "${preset}". Its own history starts after commit ${base.slice(0, 12)}.\n`,
    ) +
      written.map((w) => `  - ${w}\n`).join("") +
      say("\nLangkah berikutnya:\n", "\nNext steps:\n") +
      [
        say(`Isi ${warnings} nilai bertanda [ISI] di ${GOVERNANCE_FILE}; npm run validate menunjukkan letaknya.`, `Fill in the ${warnings} values marked [ISI] in ${GOVERNANCE_FILE}; npm run validate shows where.`),
        say("Tambahkan OPD lain dan akun GitHub penghubungnya di opds, lalu npm run forms.", "Add the other OPDs and their liaisons' GitHub accounts under opds, then npm run forms."),
        say("Bawa zona yang berjalan: npm run import -- --zone-file ZONA.txt --opd-map opd.csv (atau --axfr).", "Bring the running zone in: npm run import -- --zone-file ZONE.txt --opd-map opd.csv (or --axfr)."),
        say(`Buat tim GitHub berikut di ${org} dan isi dengan pejabat yang tepat: ${[`${org}/admin-subdomain`, ...built.teams].join(", ")}.`, `Create these GitHub teams in ${org} and add the right officials: ${[`${org}/admin-subdomain`, ...built.teams].join(", ")}.`),
        say("Isi zone id Cloudflare di stacks/Pulumi.*.yaml.", "Write the Cloudflare zone id into stacks/Pulumi.*.yaml."),
        say(`Commit langsung ke main: git add -A && git commit -m "Adopsi ${check.governance.government.name}"`, `Commit straight to main: git add -A && git commit -m "Adopt ${check.governance.government.name}"`),
        say("Terapkan pengaturan repositori di GitHub: `npm run setup-github` (README, \"Pengaturan repositori\").", "Apply the repository settings on GitHub: `npm run setup-github` (README, \"Pengaturan repositori\")."),
      ]
        .map((s, i) => `  ${i + 1}. ${s}\n`)
        .join(""),
  );
  return 0;
}

void runMain(main, () => lang);
