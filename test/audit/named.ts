// A real BIND on 127.0.0.1 serving the given zones (authoritative only, no recursion): the way the
// BIND tests run it (test/bind/zone.test.ts), for the audit's tests and bench.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startNamed as startBind } from "../bind/tools.ts";

export interface Named {
  port: number;
  stop(): Promise<void>;
}

/** A zone file: SOA and NS at the apex, then `name TYPE value` lines relative to the origin. */
export function zoneText(origin: string, lines: readonly string[]): string {
  return [`$ORIGIN ${origin}.`, "$TTL 300", `@ SOA ns1.${origin}. hostmaster.${origin}. 1 3600 900 1209600 300`, `@ NS ns1.${origin}.`, `ns1 A 127.0.0.1`, ...lines, ""].join("\n");
}

export async function startNamed(dir: string, zones: Record<string, string>): Promise<Named> {
  const files = Object.keys(zones).map((name, i) => {
    const file = join(dir, `zone${i}.db`);
    writeFileSync(file, zones[name]!);
    return { name, file };
  });
  return startBind(dir, files);
}
