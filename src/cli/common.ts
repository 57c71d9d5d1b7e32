// What every command line shares: the language switch and usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { isMainThread } from "node:worker_threads";
import type { Lang } from "../diagnostics/diagnostic.ts";

export class UsageError extends Error {}

/** `--lang en` or `--lang id`; default Indonesian. */
export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === "id") return "id";
  if (value === "en") return "en";
  throw new UsageError(`--lang harus id atau en / --lang must be id or en (diberikan/given: ${value})`);
}

/**
 * Runs a command's main function: usage errors exit 2, anything unexpected exits 1 with one line,
 * never a stack trace. `exitWhenDone`: once its output is written, the process ends (see
 * exitWhenWritten) instead of waiting for Node to take everything down; only for commands that
 * leave nothing running when main returns.
 */
export async function runMain(main: () => Promise<number> | number, lang: () => Lang = () => "id", options: { exitWhenDone?: boolean } = {}): Promise<void> {
  try {
    await runMainBody(main, lang);
  } finally {
    if (options.exitWhenDone) await exitWhenWritten();
  }
}

async function runMainBody(main: () => Promise<number> | number, lang: () => Lang): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    const text = e instanceof Error ? e.message : String(e);
    process.stderr.write(lang() === "en" ? `Unexpected failure: ${text}\n` : `Kegagalan tak terduga: ${text}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(e as Error).stack ?? ""}\n`);
    process.exitCode = 1;
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;
const SHARED = { lang: { type: "string" }, help: { type: "boolean", short: "h" } } as const;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ allowPositionals: true; options: O & typeof SHARED }>>;

/**
 * Parses a command line with the options every command shares (`--lang`, `--help`/`-h`): a
 * malformed line is a UsageError (exit 2) carrying the usage text. Returns undefined after
 * printing the usage for `--help`.
 */
export function parseCommandLine<O extends Options>(
  usage: string,
  options: O,
  settings: { args?: string[]; positionals?: boolean } = {},
): (Parsed<O> & { lang: Lang }) | undefined {
  let parsed: Parsed<O>;
  try {
    const { args, positionals = false } = settings;
    parsed = parseArgs({ ...(args ? { args } : {}), allowPositionals: positionals, options: { ...options, ...SHARED } }) as Parsed<O>;
  } catch (e) {
    // node:util's message is English only; the prefix says it in Indonesian too.
    throw new UsageError(`Perintah tidak sah / invalid command line: ${(e as Error).message}\n${usage}`);
  }
  const values = parsed.values as { lang?: string; help?: boolean };
  const lang = parseLang(values.lang);
  if (values.help) {
    process.stdout.write(usage + "\n");
    return undefined;
  }
  return { ...parsed, lang };
}

/**
 * Ends the process once stdout and stderr have handed everything to the system, with the exit code
 * set. A process left to end by itself first takes its whole heap down page by page (~15 ms of a
 * one-file plan and more of validate, on VMs where each page costs dearly); process.exit() skips
 * that and still runs the 'exit' handlers (the code cache is written there). Output still queued
 * (a pipe whose reader is slow) is waited for, so none is lost. Not on a worker thread, whose
 * stdout travels to the main thread by message.
 */
export async function exitWhenWritten(): Promise<void> {
  if (!isMainThread) return;
  const queued = [process.stdout, process.stderr].filter((s) => s.writableLength > 0 && !s.destroyed && !s.writableEnded);
  // An empty write's callback comes once every write before it has been handed over.
  await Promise.all(
    queued.map(
      (s) =>
        new Promise<void>((done) => {
          s.once("error", () => done());
          s.once("close", () => done());
          s.write("", () => done());
        }),
    ),
  );
  process.exit();
}
