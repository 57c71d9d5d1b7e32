// npm run validate [paths...] [--lang en] [--format text|json|github] [--root DIR] [--today DATE] [--rules] [--cache DIR] [--threads N]
// Exit 0 valid (warnings allowed), 1 invalid, 2 bad usage.
// The command itself is validate-command.ts. `npm run validate` starts it from launch.mjs without
// tsx; this file starts it the same way for whoever runs it through tsx.
import { launch } from "./launch.mjs";

await launch("validate", { underTsx: true });
