// Types of plan-cache-folder.mjs (plain JavaScript so that the launcher can use it before tsx).
/** The default cache folder of a repository whose top is `root`. */
export function defaultPlanCache(root: string): string;
