// Headless Chromium for the web form's tests: builds the registry and its form from the fixture
// government with the real command (`npm run registry -- --out DIR`), serves the folder on
// 127.0.0.1 with a tiny static server (no CSP header: the page carries its own CSP in a meta tag,
// as on GitHub Pages, which sends none), and drives Debian's /usr/bin/chromium with puppeteer-core
// (its own browser download is not used). Everything started is closed, also when a step fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { CONTOH } from "../fixtures/contoh.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The repository the fixture government's page sends liaisons to (--source-url). */
export const SOURCE_URL = "https://github.com/diskominfo-contohkab/subdomain/blob/main/";

/**
 * Why the browser tests cannot run here, or undefined when they can. Outside CI a machine without
 * Chromium skips them with this reason; in CI (CI set) its absence is a failure, not a skip.
 */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI && process.env.CI !== "false" && process.env.CI !== "0") throw new Error(`Browser tests need Chromium in CI: ${reason}`);
  return reason;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".css": "text/css", ".csv": "text/csv; charset=utf-8", ".md": "text/markdown; charset=utf-8" };

export interface Site {
  /** The folder the registry was written to. */
  dir: string;
  /** http://127.0.0.1:PORT/ */
  origin: string;
  /** The form page, origin + "formulir/". */
  formUrl: string;
  /** Every path the server was asked for, in order. */
  served: string[];
  browser: Browser;
  /** A folder for screenshots and other output of this run. */
  outDir: string;
  close(): Promise<void>;
}

/** `npm run registry -- --out DIR` against the fixture government; throws with its output on failure. */
export function buildRegistry(out: string, lang?: "en", root: string = CONTOH): { ms: number } {
  const started = performance.now();
  const args = ["--import", "tsx", "src/cli/registry.ts", "--root", root, "--out", out, "--source-url", SOURCE_URL, ...(lang ? ["--lang", lang] : [])];
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`npm run registry failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return { ms: performance.now() - started };
}

/** Serves a folder on 127.0.0.1 (a free port), GET only, recording each path asked for. */
export function serveFolder(dir: string, served: string[] = []): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    served.push(path);
    const file = normalize(join(dir, path.endsWith("/") ? path + "index.html" : path));
    if (req.method !== "GET" || !(file === dir || file.startsWith(dir + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (!address || typeof address === "string") return fail(new Error("no port"));
      ok({ server, origin: `http://127.0.0.1:${address.port}/` });
    });
  });
}

/** Debian's Chromium, headless, as root in a container. */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container: Chromium's sandbox needs user namespaces it does not get here.
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check"],
    timeout: 60_000,
  });
}

/** Builds (from `root`, by default the fixture government), serves and launches; on any failure closes what was already started, then throws. */
export async function openSite(root: string = CONTOH): Promise<Site> {
  const tmp = mkdtempSync(join(tmpdir(), "formulir-browser-"));
  const dir = join(tmp, "site");
  const outDir = join(tmp, "out");
  const served: string[] = [];
  let server: Server | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    server?.closeAllConnections();
    if (!process.env.KEEP_BROWSER_OUTPUT) rmSync(tmp, { recursive: true, force: true });
  };
  try {
    buildRegistry(dir, undefined, root);
    const s = await serveFolder(dir, served);
    server = s.server;
    browser = await launchChromium();
    return { dir, origin: s.origin, formUrl: `${s.origin}formulir/`, served, browser, outDir, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export interface Watched {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors, uncaught exceptions and CSP violations. */
  errors: string[];
  cspViolations: string[];
}

/** A new page that records its requests, console errors, exceptions and CSP violations. */
export async function watchedPage(browser: Browser, width: number, height = 900): Promise<Watched> {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1, isMobile: width < 600, hasTouch: width < 600 });
  const w: Watched = { page, requests: [], errors: [], cspViolations: [] };
  page.on("request", (r) => void w.requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") w.errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => void w.errors.push(`exception: ${e instanceof Error ? e.message : String(e)}`));
  page.on("requestfailed", (r) => void w.errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  await page.exposeFunction("__cspViolation", (text: string) => void w.cspViolations.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return w;
}
