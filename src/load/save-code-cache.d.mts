// Types of save-code-cache.mjs (plain JavaScript so that the launcher can use it before tsx).
/** Where a worker's boot puts the hook that writes its code cache. */
export const SAVE_CODE_CACHE: unique symbol;
/** Writes this thread's code cache where a boot left the hook for it; nothing otherwise. */
export function saveCodeCache(): void;
