// The takeover fingerprints (takeover-fingerprints.yaml, data with its sources) and matching an
// alias target against them. The list ships with the code: its schema (fingerprint-schema.ts,
// zod) is checked by the tests, not at every run, so that \`npm run validate\` loads without zod.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** A hosting service whose unclaimed names can be taken over through a dangling alias. */
export interface Fingerprint {
  service: string;
  /** Name suffixes of the service's hosts. */
  cname: string[];
  /** Text of its "not claimed" page. */
  body?: string;
  /** Whether an unclaimed name answers NXDOMAIN. */
  nxdomain?: boolean;
  /** Where the fingerprint comes from. */
  source: string;
}

export const FINGERPRINT_FILE = new URL("./takeover-fingerprints.yaml", import.meta.url);

let cached: Fingerprint[] | undefined;
export function fingerprints(): Fingerprint[] {
  return (cached ??= parse(readFileSync(FINGERPRINT_FILE, "utf8")) as Fingerprint[]);
}

/** The service an alias target belongs to: its name equals or ends with one of the suffixes. */
export function serviceOf(target: string, list: readonly Fingerprint[] = fingerprints()): Fingerprint | undefined {
  const t = target.toLowerCase().replace(/\.$/, "");
  return list.find((f) => f.cname.some((s) => t === s || t.endsWith(`.${s}`)));
}

/** Whether a page is the service's "not claimed" answer. */
export function unclaimedPage(f: Fingerprint, body: string): boolean {
  return f.body !== undefined && body.toLowerCase().includes(f.body.toLowerCase());
}
