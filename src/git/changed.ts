// Which files of the working tree differ from a commit, from git's own index (stat data, content
// only where the stat changed): one `git diff` instead of reading and comparing every file.
import { runSteps, type GitSteps } from "./run.ts";
import { changedArgs, PREFIX, TREE_PATHS } from "./spawn.mjs";

/** Steps of changedSince. */
export function* changedSinceSteps(commit: string, paths: string[] = TREE_PATHS): GitSteps<Set<string> | undefined> {
  if (commit.startsWith("-")) return undefined;
  const prefix = yield { args: PREFIX };
  if (!prefix.ok || prefix.stdout.toString("utf8").trim() !== "") return undefined;
  const r = yield { args: changedArgs(commit, paths) };
  if (!r.ok) return undefined;
  return new Set(r.stdout.toString("utf8").split("\0").filter(Boolean));
}

/**
 * Paths (from the repository's top) under `paths` whose working-tree content differs from
 * `commit`, deleted ones included; undefined when git cannot tell or `root` is not the top of
 * its repository (the paths would not line up), so the caller compares nothing and recomputes.
 * A file git does not track is not in `commit` either: the caller treats it as new.
 */
export function changedSince(root: string, commit: string, paths: string[] = TREE_PATHS): Set<string> | undefined {
  return runSteps(root, changedSinceSteps(commit, paths));
}
