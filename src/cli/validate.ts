// npm run validate [paths...] [--lang en] [--format text|json|github] [--root DIR] [--today DATE] [--rules] [--cache DIR] [--threads N]
// Exit 0 valid (warnings allowed), 1 invalid, 2 bad usage.
// The command itself is validate-command.ts, run from one cached bundle of it and its modules
// (see moduleBundle in load/worker-bundle.ts): its start-up through tsx's loader, module by
// module, cost more than validating thousands of files. The bundle runs on a thread of its own
// whose young generation is kept small: Node 24's default lets a run that keeps every file's
// value grow to ~350 MB for 15,000 files, ~240 MB this way, at no cost in time. Without a bundle
// (or if that thread fails before reporting), the command runs here as it is.
import { pathToFileURL } from "node:url";
import { getHeapStatistics } from "node:v8";
import { Worker } from "node:worker_threads";
import { moduleBundle } from "../load/worker-bundle.ts";

const entry = new URL("./validate-command.ts", import.meta.url);
const bundle = process.env.SUBDOMAIN_GITOPS_NO_BUNDLE ? undefined : await moduleBundle(entry);

/** Runs the bundle on a worker thread; false if the thread failed (nothing was reported then: the command writes only at its end). */
function onThread(bundle: string): Promise<boolean> {
  return new Promise((resolve) => {
    const worker = new Worker(pathToFileURL(bundle), {
      argv: process.argv.slice(2),
      // Not tsx again: the bundle is plain JavaScript.
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20) },
    });
    let failed = false;
    worker.on("error", () => (failed = true));
    worker.on("exit", (code) => {
      if (!failed) process.exitCode = code;
      resolve(!failed);
    });
  });
}

if (!bundle || !(await onThread(bundle))) await import(bundle ? pathToFileURL(bundle).href : entry.href);
