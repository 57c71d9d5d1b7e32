// The generated repository made a git checkout as users have one: one commit, its files' objects
// in a pack as a clone's are. Two things the plain `git add` and `git commit` of 15,000 files did
// to the figures, neither of which a clone does: the commit started `git gc --auto` detached in
// the background, which packed the loose objects while the first measured runs ran (a core taken
// from them, ~1-2 s of CPU that GNU time does not see); and packing by `git gc` deletes 15,000
// loose object files, after which creating files nearby (out/'s 3,003 manifests) cost ~0.5 ms of
// kernel time each on these VMs instead of ~10 us. So `git add` streams every blob straight into
// a pack (core.bigFileThreshold=1: git's bulk check-in, no loose blobs to delete) and automatic
// collection is off.
import { execFileSync } from "node:child_process";

/** Runs git in `root` as the bench's author, without automatic garbage collection; its stdout. */
export function benchGit(root: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Bench", "-c", "user.email=bench@contohkab.go.id", "-c", "commit.gpgsign=false", "-c", "gc.auto=0", ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    stdio: ["ignore", "pipe", "ignore"],
  });
}

/** Makes `root` a repository whose one commit holds everything in it, its blobs packed. */
export function commitRepository(root: string): void {
  benchGit(root, "init", "-q", "-b", "main");
  benchGit(root, "-c", "core.bigFileThreshold=1", "add", "-A");
  benchGit(root, "commit", "-q", "-m", "base");
}
