// A temporary clone of this repository as it stands (tracked and new files, uncommitted edits
// included), committed as one "release" in a fresh git repository, with node_modules linked.
// That is what a Diskominfo gets from `git clone`, and it lets adopt, validate and plan run as
// separate processes exactly as a user runs them.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { todayIn } from "../../src/load/repository.ts";

export const REPO = join(import.meta.dirname, "..", "..");

/** Fixed identity and clock for commits in test repositories. */
export const GIT_ENV = {
  GIT_AUTHOR_NAME: "Uji",
  GIT_AUTHOR_EMAIL: "uji@example.invalid",
  GIT_COMMITTER_NAME: "Uji",
  GIT_COMMITTER_EMAIL: "uji@example.invalid",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

export function sh(cwd: string, cmd: string, args: string[], input?: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: "utf8", input, env: { ...process.env, ...GIT_ENV, ...env }, maxBuffer: 1 << 28 });
}

export function gitOk(cwd: string, ...args: string[]): string {
  const r = sh(cwd, "git", args);
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

/** Runs one of the repository's commands (src/cli/NAME.ts) the way `npm run NAME` does. */
export function cli(cwd: string, name: string, args: string[] = [], input?: string): SpawnSyncReturns<string> {
  return sh(cwd, process.execPath, ["--import", "tsx", join(cwd, "src", "cli", `${name}.ts`), ...args], input);
}

const dirs: string[] = [];
export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Copies the repository's files (not node_modules, not git ignored ones) into a fresh repository. */
export function cloneRelease(prefix = "adopt-"): { root: string; release: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(root);
  const files = sh(REPO, "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]).stdout.split("\0").filter(Boolean);
  // The release ships the example government (the fixtures' copy), whatever this checkout's own
  // requests/ and governance.yaml hold: an adopted repository's suite must still test adoption.
  const fixture = join(REPO, "test", "fixtures", "contoh");
  const listed = (dir: string) => sh(dir, "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]).stdout.split("\0").filter(Boolean);
  const live = (f: string) => f === "governance.yaml" || f.startsWith("requests/");
  const copies = [...files.filter((f) => !live(f)).map((f) => [join(REPO, f), f]), ...listed(fixture).map((f) => [join(fixture, f), f])] as [string, string][];
  for (const [from, to] of copies) {
    if (!existsSync(from) || !lstatSync(from).isFile()) continue; // deleted in the work tree, or a link
    mkdirSync(dirname(join(root, to)), { recursive: true });
    copyFileSync(from, join(root, to));
  }
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  // .gitignore's "node_modules" (no trailing slash) matches the link too.
  gitOk(root, "init", "-q", "-b", "main");
  gitOk(root, "add", "-A");
  gitOk(root, "commit", "-q", "-m", "Rilis produk");
  return { root, release: gitOk(root, "rev-parse", "HEAD") };
}

function monthsAhead(today: string, months: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** A request every preset accepts (all optional evidence given). */
export function sukamajuRequest(label: string, ip: string, today = todayIn("Asia/Jakarta")): string {
  return stringify({
    label,
    opd: "diskominfo",
    purpose: `Layanan ${label} Pemerintah Kabupaten Sukamaju`,
    letter: { number: `000.1/${label.length}/DISKOMINFO/2026`, date: today, scan: `https://arsip.sukamajukab.go.id/surat/${label}.pdf` },
    recommendation: { number: `REK/${label}/2026`, date: today },
    contacts: {
      administrative: { name: "Rina Marlina", nip: "198703152010012004", email: "rina@sukamajukab.go.id", phone: "+62 812-3456-7890", github: "rina-sukamaju" },
      technical: { name: "Agus Salim", nip: "199001012015031002", email: "agus@sukamajukab.go.id", phone: "0281 891234", github: "agus-sukamaju" },
    },
    target: { server: { ipv4: [ip] } },
    reviewBy: monthsAhead(today, 6),
  });
}
