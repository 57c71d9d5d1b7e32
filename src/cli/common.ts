// What every command line shares: the language switch and usage errors (exit 2).
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
