// The one place an Octokit is made: REST client with octokit's retry plugin (5xx and network
// failures are retried) and throttling plugin (primary and secondary rate limits are waited out
// and retried). Every adapter function takes the client as a parameter, so tests pass one aimed at
// the fake GitHub on 127.0.0.1.
import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

const Client = Octokit.plugin(retry, throttling);
export type GitHub = InstanceType<typeof Client>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ClientOptions {
  token?: string;
  /** GitHub Enterprise or a test server; default api.github.com. */
  baseUrl?: string;
  /**
   * Tests only: wait milliseconds instead of seconds before a retry, and do not pace writes (the
   * throttling plugin spaces writes one second apart, as GitHub asks of real clients).
   */
  fast?: boolean;
  /** Where retry and rate-limit notes go; default stderr. */
  log?: (line: string) => void;
}

/** Scheduling that runs at once: stands in for the plugin's paced write queues when `fast`. */
const immediate = { key: () => ({ schedule: <T>(_opts: unknown, fn: (...a: unknown[]) => Promise<T>, ...args: unknown[]) => fn(...args) }) };

export function createGitHub(o: ClientOptions = {}): GitHub {
  const log = o.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const base = o.fast ? 1 : 1000;
  return new Client({
    ...(o.token ? { auth: o.token } : {}),
    ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
    userAgent: "subdomain-gitops",
    // Octokit's request log reports every non-2xx as an error, including the 404s this adapter
    // expects (a label or membership that does not exist yet). Real failures are thrown and
    // reported by the command; retries and rate limits are logged by the callbacks below.
    log: { debug: () => {}, info: () => {}, warn: log, error: () => {} },
    retry: { retries: 3, retryAfterBaseValue: base },
    throttle: {
      retryAfterBaseValue: base,
      ...(o.fast ? { write: immediate, notifications: immediate } : {}),
      onRateLimit: (after: number, options: { method: string; url: string }, _k: unknown, count: number) => {
        log(`Batas laju GitHub tercapai pada ${options.method} ${options.url}; dicoba lagi setelah ${after} s (${count + 1}/3) / rate limited, retrying`);
        return count < 3;
      },
      onSecondaryRateLimit: (after: number, options: { method: string; url: string }, _k: unknown, count: number) => {
        log(`Batas laju sekunder GitHub pada ${options.method} ${options.url}; dicoba lagi setelah ${after} s (${count + 1}/2) / secondary rate limit, retrying`);
        return count < 2;
      },
    },
  } as ConstructorParameters<typeof Client>[0]);
}

/** owner/repo from GITHUB_REPOSITORY or an argument. */
export function parseRepo(text: string | undefined): RepoRef | undefined {
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(text ?? "");
  return m ? { owner: m[1]!, repo: m[2]! } : undefined;
}

/** The HTTP status of an Octokit error, if any. */
export function statusOf(e: unknown): number | undefined {
  return typeof e === "object" && e !== null && "status" in e && typeof (e as { status: unknown }).status === "number" ? (e as { status: number }).status : undefined;
}
