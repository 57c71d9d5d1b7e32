// The generated repository made a git checkout as users have one: one commit, its objects packed
// as a clone's are. Committing 15,000 files leaves them loose, and `git commit` then starts
// `git gc --auto` detached in the background: it packed them while the first measured runs ran,
// taking a core from them (~1-2 s of CPU that GNU time does not see; a first plan run measured
// 3.4-4.0 s instead of ~2.1 s). So automatic collection is off and the packing is done here,
// before anything is timed.
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

/** Makes `root` a repository whose one commit holds everything in it, packed. */
export function commitRepository(root: string): void {
  benchGit(root, "init", "-q", "-b", "main");
  benchGit(root, "add", "-A");
  benchGit(root, "commit", "-q", "-m", "base");
  benchGit(root, "gc", "-q");
}
