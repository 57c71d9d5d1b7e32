// @ts-check
// Where `npm run validate` and `npm run plan` start (package.json: `node src/cli/launch.mjs
// validate ...`). Plain JavaScript, so no TypeScript loader has to start first: tsx's start costs
// ~0.2 s and taking each of the command's ~250 modules through its hooks ~0.4 s, more than
// validating thousands of files. The command runs from its cached bundle (bundle-cache.mjs), with
// V8's compiled code of earlier runs kept beside it (run-bundle.mjs; V8 checks that it belongs to
// this very source, so stale code is never used). Without a usable bundle (or
// with SUBDOMAIN_GITOPS_NO_BUNDLE=1) the TypeScript runs through tsx, registered here, as before.
// src/cli/validate.ts and plan.ts (run through tsx) start the same way.
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { moduleBundle } from "../load/bundle-cache.mjs";
import { runBundle } from "../load/run-bundle.mjs";
import { askAhead, baseFirst, FULL_PLAN_FIRST, FULL_PLAN_THEN, PLAN_FIRST, PLAN_THEN, REPOSITORY_FACTS, VALIDATE_FIRST, VALIDATE_THEN } from "../git/spawn.mjs";
import { startReaderAhead } from "../validate/files/reader-start.mjs";
import { defaultPlanCache } from "../load/plan-cache-folder.mjs";
import { availableParallelism } from "node:os";

/**
 * What each command runs, and whether it needs a small young generation. package.json starts both
 * with `--max-semi-space-size=4`: Node 24's default young generation lets a run that keeps every
 * file's value grow to ~330 MB (validate) and ~410 MB (plan) for 15,000 files; with 4 MB semi-spaces
 * ~250 and ~300 MB, at no cost in time. Started without that flag (node src/cli/launch.mjs ...),
 * a command that needs it runs on a worker thread given that limit instead: a thread's start and
 * second copy of the code cost ~0.1-0.15 s, which is why the npm scripts set the flag. They also
 * set `--no-parallel-scavenge`: the command's two JavaScript threads keep both cores of a 2-core
 * machine busy, and young-generation collections split across V8's helper threads only queued and
 * synchronised (measured, 15,000 files: validate ~5% and the full plan ~9% faster without them).
 * @type {Record<string, { entry: URL, thread: boolean }>}
 */
export const COMMANDS = {
  validate: { entry: new URL("./validate-command.ts", import.meta.url), thread: true },
  plan: { entry: new URL("./plan-main.ts", import.meta.url), thread: false },
};

/**
 * Starts the git questions a command asks first (src/git/spawn.mjs), so that git answers while
 * the command's code loads, and is spawned while this process is small: a plan (with a cache or
 * without: their first questions differ), or validate; and the reading worker of those that read
 * every file. The folder is read from the command line
 * as the command reads it; a line it cannot read starts nothing, and answers nobody takes are
 * never used.
 * @param {string} name the command
 * @param {string[]} args its own arguments
 */
export function askCommandAhead(name, args) {
  try {
    const values = commandLine(args);
    if (values.help || (values.root !== undefined && typeof values.root !== "string")) return false;
    const root = resolve(values.root ?? ".");
    if (name === "plan" && values["no-cache"]) askAhead(root, FULL_PLAN_FIRST, FULL_PLAN_THEN);
    else if (name === "plan") {
      // What differs from the base follows from its commit: HEAD's is in the first answer,
      // another revision's is asked for (as the plan resolves it: baseRef).
      const base = typeof values.base === "string" ? values.base : undefined;
      const named = baseFirst(base);
      if (named.length) askAhead(root, [...PLAN_FIRST, ...named], PLAN_THEN, named[0]);
      else if (base === "HEAD") askAhead(root, PLAN_FIRST, PLAN_THEN, REPOSITORY_FACTS[0]);
      else askAhead(root, PLAN_FIRST);
    } else if (name === "validate") askAhead(root, VALIDATE_FIRST, VALIDATE_THEN);
    else return false;
    // The commands that read every file (validate, a plan without a cache or with nothing in it)
    // start their reading worker now too (src/validate/files/reader-start.mjs), unless told to use one thread.
    if ((name === "validate" || readsEveryFile(values, root)) && values.threads !== "1" && availableParallelism() > 1) startReaderAhead(root);
    return true;
  } catch {
    return false;
  }
}

/**
 * The kind of run a command line asks for, for the code cache kept after it (run-bundle.mjs):
 * runs of one kind compile the same functions. A plan with a cache usually plans from the base's
 * snapshot, one without reads every file.
 * @param {string} name
 * @param {string[]} args
 */
export function runKind(name, args) {
  try {
    if (name !== "plan") return name;
    const values = commandLine(args);
    return readsEveryFile(values, resolve(values.root === undefined ? "." : String(values.root))) ? "plan-full" : name;
  } catch {
    return name;
  }
}

/**
 * The options of a command line the launcher looks at, read as the commands read them (throws
 * for a line it cannot read).
 * @param {string[]} args
 */
function commandLine(args) {
  return parseArgs({ args, options: { root: { type: "string" }, base: { type: "string" }, cache: { type: "string" }, "no-cache": { type: "boolean" }, threads: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: false, allowPositionals: true }).values;
}

/**
 * Whether a plan will read every file: it has no cache (--no-cache), or its cache folder (--cache,
 * else the default folder the plan keeps it in, src/load/plan-cache-folder.mjs) holds neither a snapshot nor any
 * file's results: a fresh clone's first plan, CI's when no cache was restored. A folder that holds
 * some may still not serve (another day, another base): those plans start their reader later.
 * @param {ReturnType<typeof commandLine>} values
 * @param {string} root
 */
function readsEveryFile(values, root) {
  if (values["no-cache"]) return true;
  const dir = typeof values.cache === "string" && values.cache !== "" ? resolve(values.cache) : defaultPlanCache(root);
  try {
    return !readdirSync(dir).some((f) => f.startsWith("snapshot-") || f.startsWith("checks-"));
  } catch {
    return true;
  }
}

/** Where run-bundle.mjs is, for a thread's first lines. */
const RUN_BUNDLE = new URL("../load/run-bundle.mjs", import.meta.url).href;

/** Whether this process was started with its young generation's size set (see COMMANDS). */
const youngGenerationSet = () => process.execArgv.some((a) => a.startsWith("--max-semi-space-size"));

/**
 * Leaves out V8's last compiler (Turbofan) where Node has the one before it (Maglev, on by default
 * from Node 22): a run of a few seconds never earns back Turbofan's compiling, which ran on V8's
 * background threads and took the two cores from the command's own two threads (15,000 files,
 * Node 24: ~0.6 s of the ~3 s CPU of validate; validate ~12% and the full plan ~14% faster
 * without it). Node 20 has Maglev only as an experiment, and without either it is slower: it
 * keeps its default. The flag is V8's, so it holds for the process's worker threads too.
 * SUBDOMAIN_GITOPS_TURBOFAN=1 keeps Turbofan (to compare).
 */
export function shortRunCompilers() {
  if (!withoutTurbofan(process.versions.node, process.env)) return false;
  setFlagsFromString("--no-turbofan");
  return true;
}

/**
 * Whether shortRunCompilers leaves Turbofan out on this Node with this environment.
 * @param {string} nodeVersion
 * @param {Record<string, string | undefined>} env
 */
export function withoutTurbofan(nodeVersion, env) {
  return Number(nodeVersion.split(".")[0]) >= 22 && env.SUBDOMAIN_GITOPS_TURBOFAN !== "1";
}

/** Where the running command's bundle is named, for those who key caches by the code's version. */
export const BUNDLE = Symbol.for("subdomain-gitops.bundle");

/**
 * Runs a bundle on a worker thread; false if the thread failed (nothing was reported then: the
 * command writes only at its end).
 * @param {string} bundle
 * @param {string} kind the kind of run, for its code cache (runKind)
 * @returns {Promise<boolean>}
 */
function onThread(bundle, kind) {
  // The thread's first lines run the bundle there, with its code cache (run-bundle.mjs).
  const boot = `globalThis[Symbol.for(${JSON.stringify(BUNDLE.description)})] = ${JSON.stringify(bundle)}; import(${JSON.stringify(RUN_BUNDLE)}).then((m) => m.runBundle(${JSON.stringify(bundle)}, ${JSON.stringify(kind)}));`;
  return new Promise((resolve) => {
    const worker = new Worker(boot, {
      eval: true,
      argv: process.argv.slice(2),
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

/**
 * Runs a command: from its bundle when one can be had, else its TypeScript (through tsx, which is
 * registered here unless `underTsx` says this process runs under it already).
 * @param {string} name
 * @param {{ underTsx?: boolean }} [options]
 */
export async function launch(name, options = {}) {
  const command = COMMANDS[name];
  if (!command) throw new Error(`unknown command ${name}`);
  shortRunCompilers();
  // Answers asked ahead wait on this thread: a command run on a thread of its own asks its own.
  if (!command.thread || youngGenerationSet()) askCommandAhead(name, process.argv.slice(2));
  const bundle = process.env.SUBDOMAIN_GITOPS_NO_BUNDLE ? undefined : await moduleBundle(command.entry);
  if (bundle) {
    // The bundle is named by the digest of all its code: caches keyed by the code's version use it
    // (src/plan/check-cache.ts codeVersion) instead of hashing every source file again.
    /** @type {Record<symbol, unknown>} */ (globalThis)[BUNDLE] = bundle;
    const kind = runKind(name, process.argv.slice(2));
    if (command.thread && !youngGenerationSet() && (await onThread(bundle, kind))) return;
    runBundle(bundle, kind);
    return;
  }
  if (!options.underTsx) {
    const tsx = await import("tsx/esm/api");
    tsx.register();
  }
  await import(command.entry.href);
}

// `node src/cli/launch.mjs <command> [arguments]`: the command's own arguments follow its name.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const name = process.argv[2] ?? "";
  if (!COMMANDS[name]) {
    process.stderr.write(`Perintah tidak dikenal / unknown command: ${name} (${Object.keys(COMMANDS).join(", ")})\n`);
    process.exit(2);
  }
  process.argv.splice(2, 1);
  await launch(name);
}
