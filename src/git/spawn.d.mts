// Types of spawn.mjs (plain JavaScript so that the launcher can use it before tsx).
import type { GitResult } from "./process.mjs";
/** The repository's facts: the top folder, the prefix and HEAD's commit in one call; the root commit(s); the origin's URL. */
export const REPOSITORY_FACTS: readonly [string[], string[], string[]];
/** Every untracked entry under requests/. */
export const UNTRACKED_REQUESTS: string[];
/** What a plan with a cache asks first. */
export const PLAN_FIRST: string[][];
/** The key of a question without input in `root`. */
export function questionKey(root: string, args: string[]): string;
/** Starts `questions` in `root` now, for a git session of this thread to take; `then`: those that follow from the commit the answer to `after` (default: HEAD's) names, started once it is known. */
export function askAhead(root: string, questions: readonly string[][], then?: (commit: string) => string[][], after?: string[]): void;
/** The answer to a question asked ahead, once. */
export function takeAhead(key: string): Promise<GitResult> | undefined;
/** Whether a folder is its repository's top. */
export const TOP_LEVEL: string[];
/** The commit a revision names. */
export function resolveArgs(ref: string): string[];
/** What validate asks first. */
export const VALIDATE_FIRST: string[][];
/** The paths whose history gives the registry's dates and the zone serial. */
export const HISTORY_PATHS: string[];
/** The history of `paths` on HEAD's first-parent line, after `since` when given. */
export function historyArgs(paths: readonly string[], since?: string): string[];
/** What a plan without a cache asks first. */
export const FULL_PLAN_FIRST: string[][];
/** The paths a commit is listed and compared under. */
export const TREE_PATHS: string[];
/** The regular files under `paths` at `commit`, with their blob ids. */
export function treeArgs(commit: string, paths?: readonly string[]): string[];
/** The request files deleted on the first-parent line of `range`. */
export function deletionsArgs(range: string): string[];
/** Where the working folder lies below the repository's top. */
export const PREFIX: string[];
/** The files under `paths` whose working-tree content differs from `commit`. */
export function changedArgs(commit: string, paths?: readonly string[]): string[];
/** What validate asks once HEAD's commit is known. */
export function VALIDATE_THEN(commit: string): string[][];
/** What a plan without a cache asks once HEAD's commit is known. */
export function FULL_PLAN_THEN(commit: string): string[][];
/** What a plan with a cache asks once its base's commit is known. */
export function PLAN_THEN(commit: string): string[][];
/** What a plan with a cache asks first about its base (--base) beside PLAN_FIRST: the commit it names, unless HEAD or none. */
export function baseFirst(base: string | undefined): string[][];
