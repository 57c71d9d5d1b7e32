// The web form's browser bundle, run in a fresh V8 context (node:vm) with only what a browser
// also has (URL, TextEncoder, TextDecoder, structuredClone): the same file the page loads.
import { runInNewContext } from "node:vm";
import { formBundle } from "../../src/form/page/bundle.ts";
import type { formulir as Formulir } from "../../src/form/page/app.ts";

let cached: { code: string; api: typeof Formulir } | undefined;

export function bundledForm(): { code: string; api: typeof Formulir } {
  if (!cached) {
    const code = formBundle();
    const context: Record<string, unknown> = { URL, TextEncoder, TextDecoder, structuredClone };
    context.globalThis = context;
    runInNewContext(code, context, { filename: "formulir.js" });
    cached = { code, api: context.formulir as typeof Formulir };
  }
  return cached;
}

/** A value from the bundle's context as plain data of this one (toEqual compares prototypes). */
export const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
