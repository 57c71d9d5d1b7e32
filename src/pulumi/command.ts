// The shared command line of deploy and drift: arguments, language, and the exit code.
import { resolve } from "node:path";
import type { Lang } from "../diagnostics/diagnostic.ts";
import { parseCommandLine, runMain, UsageError } from "../cli/common.ts";
import { runPulumi } from "./run.ts";

const USAGE = {
  deploy: "Penggunaan / usage: npm run deploy -- --stack NAMA [--preview] [--refresh] [--lang id|en] [--root DIR]",
  drift: "Penggunaan / usage: npm run drift -- --stack NAMA [--lang id|en] [--root DIR]",
};

const STACK = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+){0,2}$/;

export async function pulumiCommand(mode: "deploy" | "drift", argv: string[]): Promise<void> {
  let lang: Lang = argv.includes("en") && argv[argv.indexOf("en") - 1] === "--lang" ? "en" : "id";
  await runMain(async () => {
    const cli = parseCommandLine(USAGE[mode], {
      stack: { type: "string", short: "s" },
      preview: { type: "boolean" },
      refresh: { type: "boolean" },
      root: { type: "string" },
      today: { type: "string" },
    }, { args: argv });
    if (!cli) return 0;
    const v = cli.values;
    lang = cli.lang;
    if (!v.stack || !STACK.test(v.stack)) throw new UsageError(`--stack: ${lang === "en" ? "a stack name is required" : "nama stack wajib diisi"}\n${USAGE[mode]}`);
    if (mode === "drift" && v.preview) throw new UsageError(`--preview: ${lang === "en" ? "drift only previews" : "drift selalu hanya pratinjau"}\n${USAGE[mode]}`);
    if (v.today && !/^\d{4}-\d{2}-\d{2}$/.test(v.today)) throw new UsageError(`--today: TTTT-BB-HH\n${USAGE[mode]}`);
    return runPulumi({
      mode,
      root: resolve(v.root ?? "."),
      stack: v.stack,
      preview: mode === "drift" || v.preview === true,
      refresh: mode === "drift" || v.refresh === true,
      lang,
      ...(v.today ? { today: v.today } : {}),
    });
  }, () => lang);
}
