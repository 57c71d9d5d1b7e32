// What every GitHub command reads from the Actions environment: the token, the repository, the
// API address, the bot's login. Missing values are usage errors with a clear message, never a
// stack trace.
import { readTreeAt } from "../git/tree.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "../load/parse.ts";
import { LIMITS } from "../load/limits.ts";
import { GOVERNANCE_FILE, governanceToday } from "../load/repository.ts";
import { checkGovernance } from "../validate/validate.ts";
import { createGitHub, parseRepo, type GitHub, type RepoRef } from "../github/octokit.ts";
import { UsageError } from "./common.ts";

export interface GithubEnv {
  gh: GitHub;
  ref: RepoRef;
  botLogin: string;
  today: string;
}

/**
 * The government's today: in governance's time zone (WIB, WITA or WIT), read from the checkout at
 * `root`; Asia/Jakarta only when there is no usable governance file. TODAY overrides (tests).
 */
export function botToday(root: string, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  if (env.TODAY) return env.TODAY;
  let bytes: Uint8Array | undefined;
  try {
    bytes = readFileSync(join(root, GOVERNANCE_FILE));
  } catch {
    bytes = undefined;
  }
  return governanceToday(bytes ? checkGovernance(parseYaml(GOVERNANCE_FILE, bytes, LIMITS.governanceBytes)).governance : undefined, now);
}

export function githubEnv(env: NodeJS.ProcessEnv = process.env, root = "."): GithubEnv {
  const token = env.GITHUB_TOKEN;
  if (!token) throw new UsageError("GITHUB_TOKEN belum diisi / GITHUB_TOKEN is not set");
  const ref = parseRepo(env.GITHUB_REPOSITORY);
  if (!ref) throw new UsageError(`GITHUB_REPOSITORY harus berbentuk pemilik/repo / must be owner/repo (diberikan/given: ${env.GITHUB_REPOSITORY ?? "-"})`);
  const botLogin = env.BOT_LOGIN || "github-actions[bot]";
  return { gh: createGitHub({ token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) }), ref, botLogin, today: botToday(root, env) };
}

/** A positive integer argument (an issue or pull request number). */
export function positiveInt(name: string, value: string | undefined): number {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) throw new UsageError(`--${name} harus bilangan bulat positif / must be a positive integer (diberikan/given: ${value ?? "-"})`);
  return Number(value);
}

/** governance.yaml and requests/** of the checked-out base (HEAD of `root`), or undefined to read them through the API. */
export function localPolicyFiles(root: string | undefined): Map<string, Uint8Array> | undefined {
  if (root === undefined) return undefined;
  const tree = readTreeAt(root, "HEAD");
  if (!tree) throw new UsageError(`${root} bukan checkout git / is not a git checkout`);
  return tree.files;
}
