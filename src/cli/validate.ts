// npm run validate [paths...] [--lang en] [--format text|json|github] [--root DIR] [--today DATE] [--rules] [--cache DIR] [--threads N]
// Exit 0 valid (warnings allowed), 1 invalid, 2 bad usage.
// The command itself is validate-command.ts, run from one cached bundle of it and its modules
// (see moduleBundle in load/worker-bundle.ts): its start-up through tsx's loader, module by
// module, cost more than validating thousands of files. Without a bundle, it runs as it is.
import { pathToFileURL } from "node:url";
import { moduleBundle } from "../load/worker-bundle.ts";

const entry = new URL("./validate-command.ts", import.meta.url);
const bundle = process.env.SUBDOMAIN_GITOPS_NO_BUNDLE ? undefined : await moduleBundle(entry);
await import(bundle ? pathToFileURL(bundle).href : entry.href);
