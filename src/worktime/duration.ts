// Working durations as governance writes them: `30m`, `1h`, `7d` (d = working days).

export type DurationUnit = "m" | "h" | "d";

export interface WorkDuration {
  amount: number;
  unit: DurationUnit;
}

/** Parses `30m`, `1h`, `1d`; returns undefined for anything else (the schema has already rejected it). */
export function parseWorkDuration(text: string): WorkDuration | undefined {
  const m = /^([1-9][0-9]*)(m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  return { amount: Number(m[1]), unit: m[2] as DurationUnit };
}
