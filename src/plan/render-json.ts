// The plan as JSON: the plain value itself, stable key order from construction.
import type { Plan } from "./types.ts";

export function renderJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + "\n";
}
