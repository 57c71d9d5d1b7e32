// npm run setup-github -- [--check] [--app-id N] [--lang en]
// Applies the repository settings of "Pengaturan repositori" (labels, rulesets, environments limited
// to main) through the API and checks that the GitHub App is installed; --check only reports.
// Exit 0: as desired (after applying); 3: differences remain (with --check, any difference; without,
// what it cannot fix, i.e. the App's installation); 2: usage; 1: the API failed.
import { differenceText, setupRepository } from "../github/setup-repo.ts";
import { parseCommandLine, UsageError, runMain } from "./common.ts";
import { githubEnv, positiveInt } from "./github-env.ts";
import type { Lang } from "../diagnostics/diagnostic.ts";

const USAGE = `Penggunaan / usage: npm run setup-github -- [--check] [--app-id N] [--lang en]
  GITHUB_TOKEN (admin repositori / repository admin), GITHUB_REPOSITORY=pemilik/repo, GITHUB_API_URL (opsional / optional)
  --app-id   id GitHub App bot (bawaan: BOT_APP_ID) / the bot App's id (default: BOT_APP_ID)
  --check    hanya melaporkan perbedaan, tidak menulis (kode keluar 3 bila ada) / only report differences, write nothing (exit 3 if any)`;

const DIFFERS = 3;

let lang: Lang = "id";

async function main(): Promise<number> {
  const line = parseCommandLine(USAGE, { check: { type: "boolean" }, "app-id": { type: "string" } });
  if (!line) return 0;
  lang = line.lang;
  const appIdText = line.values["app-id"] ?? process.env.BOT_APP_ID;
  if (!appIdText) throw new UsageError(`--app-id atau BOT_APP_ID belum diisi / --app-id or BOT_APP_ID is not set\n${USAGE}`);
  const appId = positiveInt("app-id", appIdText);
  const env = githubEnv();
  const check = line.values.check === true;
  const diffs = await setupRepository(env.gh, env.ref, appId, !check);
  const repo = `${env.ref.owner}/${env.ref.repo}`;
  const say = (id: string, en: string) => process.stdout.write(`${lang === "en" ? en : id}\n`);
  if (check) {
    if (!diffs.length) say(`${repo}: pengaturan sesuai.`, `${repo}: settings as desired.`);
    else say(`${repo}: ${diffs.length} perbedaan:`, `${repo}: ${diffs.length} difference(s):`);
    for (const d of diffs) say(`- ${differenceText(d, "id")}`, `- ${differenceText(d, "en")}`);
    return diffs.length ? DIFFERS : 0;
  }
  const fixed = diffs.filter((d) => d.fixable);
  const left = diffs.filter((d) => !d.fixable);
  if (!fixed.length) say(`${repo}: tidak ada yang perlu diubah.`, `${repo}: nothing to change.`);
  for (const d of fixed) say(`diterapkan: ${differenceText(d, "id")}`, `applied: ${differenceText(d, "en")}`);
  for (const d of left) say(`PERLU TINDAKAN ADMIN: ${differenceText(d, "id")}`, `NEEDS AN ADMIN: ${differenceText(d, "en")}`);
  return left.length ? DIFFERS : 0;
}

void runMain(main, () => lang);
