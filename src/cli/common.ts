// What every command line shares: the language switch and usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Lang } from "../diagnostics/diagnostic.ts";

export class UsageError extends Error {}

/** `--lang en` or `--lang id`; default Indonesian. */
export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === "id") return "id";
  if (value === "en") return "en";
  throw new UsageError(`--lang harus id atau en / --lang must be id or en (diberikan/given: ${value})`);
}

/** Runs a command's main function: usage errors exit 2, anything unexpected exits 1 with one line, never a stack trace. */
export async function runMain(main: () => Promise<number> | number, lang: () => Lang = () => "id"): Promise<void> {
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
