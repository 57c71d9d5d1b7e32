// npm run plan [-- --base REF] [--format text|markdown|json] [--out DIR] [--lang en]
//   [--allow-large-change] [--root DIR] [--ingress IP[,IP]|HOST] [--ns-address NAME=IP]... [--today DATE]
//   [--cache DIR | --no-cache]
// Exit 0 ok, 1 invalid requests or an unsafe plan, 2 bad usage.
//
// Starts plan-main.ts from one bundled file (src/load/worker-bundle.ts: built with tsx's own
// esbuild, kept while every input is unchanged): through tsx, each of the plan's ~200 modules
// passes the loader hooks one by one, about half a second of CPU before any work; the bundle loads
// as one. Without a usable bundle (or with SUBDOMAIN_GITOPS_NO_BUNDLE=1) it runs through tsx as before.
import { pathToFileURL } from "node:url";
import { workerBundle } from "../load/worker-bundle.ts";

const main = new URL("./plan-main.ts", import.meta.url);
const bundle = process.env.SUBDOMAIN_GITOPS_NO_BUNDLE ? undefined : workerBundle(main);
await import(bundle ? pathToFileURL(bundle).href : main.href);
