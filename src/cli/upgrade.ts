// npm run upgrade -- --from REF [--root DIR] [--lang id|en]
// Takes a later release of the product (a fetched ref, e.g. `produk/main` after
// `git remote add produk ...; git fetch produk`) into an adopted repository by one merge commit.
// The government's own data (requests/, governance.yaml, stacks/) always stays as it is on HEAD:
// the release's example requests never come back and its example governance never conflicts.
// The generated forms and CODEOWNERS are made again from the government's governance.
// A plain `git merge` would conflict on those files (or bring new examples back).
// Exit 0 merged (or nothing to merge), 1 refused or conflicts left in the product's own files, 2 bad usage.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { renderGenerated } from "../forms/render-all.ts";
import { git, resolveCommit } from "../git/run.ts";
import { readGovernance } from "../load/read.ts";
import { GOVERNANCE_FILE } from "../load/repository.ts";
import { checkGovernance } from "../validate/validate.ts";
import { parseCommandLine, runMain, UsageError } from "./common.ts";

const USAGE = "Penggunaan / usage: npm run upgrade -- --from REF [--root DIR] [--lang id|en]";
/** What belongs to the government, never to a release. */
export const OWN_PATHS = ["requests", GOVERNANCE_FILE, "stacks"];

let lang: Lang = "id";
const say = (id: string, en: string) => (lang === "en" ? en : id);

function main(): number {
  const cli = parseCommandLine(USAGE, { from: { type: "string" }, root: { type: "string" } });
  if (!cli) return 0;
  lang = cli.lang;
  const from = cli.values.from;
  if (!from) throw new UsageError(`--from REF\n${USAGE}`);
  const root = resolve(cli.values.root ?? ".");
  const fail = (id: string, en: string) => (process.stderr.write(say(id, en) + "\n"), 1);
  const target = resolveCommit(root, from);
  if (!target) return fail(`${from} tidak ditemukan; jalankan git fetch dulu.`, `${from} was not found; run git fetch first.`);
  // Untracked files count under the government's paths: the upgrade rewrites those folders.
  const status = git(root, ["status", "--porcelain", "--untracked-files=no"]);
  const own = git(root, ["status", "--porcelain", "--", ...OWN_PATHS]);
  if (!status.ok || status.stdout.length || !own.ok || own.stdout.length) return fail("Ada perubahan yang belum di-commit; commit atau simpan dulu (git status).", "There are uncommitted changes; commit or stash them first (git status).");

  const merge = git(root, ["merge", "--no-commit", "--no-ff", "--no-edit", target]);
  const out = merge.stdout.toString("utf8") + merge.stderr;
  if (/Already up to date|Sudah terbaru/i.test(out)) {
    process.stdout.write(say(`Sudah memuat ${from}.\n`, `Already contains ${from}.\n`));
    return 0;
  }
  // Whether the merge stopped on conflicts or not, the government's paths return to HEAD's
  // version; files the release added there are removed.
  // Unmerged entries first leave the index, then HEAD's versions come back, and nothing else.
  const unstage = git(root, ["rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", ...OWN_PATHS]);
  for (const p of OWN_PATHS) rmSync(join(root, p), { recursive: true, force: true });
  const inHead = OWN_PATHS.filter((p) => git(root, ["cat-file", "-e", `HEAD:${p}`]).ok);
  const restore = inHead.length ? git(root, ["checkout", "HEAD", "--", ...inHead]) : unstage;
  if (!unstage.ok || !restore.ok) return fail(`git gagal: ${unstage.stderr}${restore.stderr}`, `git failed: ${unstage.stderr}${restore.stderr}`);
  const gov = checkGovernance(readGovernance(root));
  if (gov.governance)
    for (const [path, text] of Object.entries(renderGenerated(gov.governance))) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
      git(root, ["add", "--", path]);
    }
  const left = git(root, ["diff", "--name-only", "--diff-filter=U"]).stdout.toString("utf8").split("\n").filter(Boolean);
  if (left.length)
    return fail(
      `Pembaruan berhenti: konflik di berkas produk yang Anda ubah sendiri:\n${left.map((f) => `  - ${f}`).join("\n")}\nSelesaikan, git add, lalu git commit; atau batalkan dengan git merge --abort.`,
      `The upgrade stopped: conflicts in product files you changed yourself:\n${left.map((f) => `  - ${f}`).join("\n")}\nResolve them, git add, then git commit; or give up with git merge --abort.`,
    );
  const commit = git(root, ["commit", "-q", "--no-verify", "-m", `Pembaruan produk dari ${from} (${target.slice(0, 12)})`]);
  if (!commit.ok) return fail(`git commit gagal: ${commit.stderr}`, `git commit failed: ${commit.stderr}`);
  process.stdout.write(
    say(
      `Diperbarui dari ${from} (${target.slice(0, 12)}). requests/, ${GOVERNANCE_FILE} dan stacks/ tetap milik Anda; formulir dan CODEOWNERS dibuat ulang. Jalankan npm ci dan npm test, lalu dorong ke main lewat pull request.\n`,
      `Upgraded from ${from} (${target.slice(0, 12)}). requests/, ${GOVERNANCE_FILE} and stacks/ stay yours; forms and CODEOWNERS were made again. Run npm ci and npm test, then push to main through a pull request.\n`,
    ),
  );
  return 0;
}

void runMain(main, () => lang);
