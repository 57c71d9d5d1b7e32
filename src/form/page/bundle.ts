// Bundles the web form's script (app.ts, with CI's validation code and the generated ajv
// validators) into one minified browser file with esbuild (pinned; the compiler tsx runs on).
// Two Node built-ins the rules use are replaced: node:url (IDN conversion in the label rules) by
// url-shim.ts, the browser's URL; node:crypto (SHA-256 of namespaces) by crypto-shim.ts.
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const ENTRY = fileURLToPath(new URL("./app.ts", import.meta.url));
const URL_SHIM = fileURLToPath(new URL("./url-shim.ts", import.meta.url));
const CRYPTO_SHIM = fileURLToPath(new URL("./crypto-shim.ts", import.meta.url));

/** The page's script as text (deterministic: the same sources give the same bytes). */
export function formBundle(): string {
  const result = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "firefox100", "safari15"],
    minify: true,
    legalComments: "none",
    charset: "utf8",
    alias: { "node:url": URL_SHIM, "node:crypto": CRYPTO_SHIM },
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
