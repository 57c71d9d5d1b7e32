// Types of launch.mjs (plain JavaScript: it starts commands before any TypeScript loader runs).
export const COMMANDS: Record<string, { entry: URL; thread: boolean }>;
/** The kind of run a command line asks for ("validate", "plan", "plan-full"), for the code cache kept after it. */
export function runKind(name: string, args: string[]): string;
/** Drops V8's Turbofan tier for this short-lived process where Node has Maglev (22 and later); whether it did. */
export function shortRunCompilers(): boolean;
/** Whether shortRunCompilers leaves Turbofan out on that Node with that environment. */
export function withoutTurbofan(nodeVersion: string, env: Record<string, string | undefined>): boolean;
/** Runs a command from its bundle, else its TypeScript through tsx. */
export function launch(name: string, options?: { underTsx?: boolean }): Promise<void>;
/** globalThis[BUNDLE]: the path of the bundle the running command was started from, if any. */
export const BUNDLE: unique symbol;
/** Starts the git questions a command (a plan, validate) asks first, from its own arguments; whether it did. */
export function askCommandAhead(name: string, args: string[]): boolean;
