// npm run plan [-- --base REF] [--format text|markdown|json] [--out DIR] [--lang en]
//   [--allow-large-change] [--root DIR] [--ingress IP[,IP]|HOST] [--ns-address NAME=IP]... [--today DATE]
//   [--cache DIR | --no-cache] [--snapshot]
// Exit 0 ok, 1 invalid requests or an unsafe plan, 2 bad usage.
// The command itself is plan-main.ts. `npm run plan` starts it from launch.mjs without tsx; this
// file starts it the same way for whoever runs it through tsx.
import { launch } from "./launch.mjs";

await launch("plan", { underTsx: true });
