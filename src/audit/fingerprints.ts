// The takeover fingerprints (takeover-fingerprints.yaml, data with its sources) and matching an
// alias target against them.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

const Fingerprint = z.strictObject({
  service: z.string().min(2),
  cname: z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1),
  body: z.string().min(5).optional(),
  nxdomain: z.boolean().optional(),
  source: z.string().min(10),
});
export type Fingerprint = z.infer<typeof Fingerprint>;

export const FINGERPRINT_FILE = new URL("./takeover-fingerprints.yaml", import.meta.url);

/** Parses the list; a malformed list is a programming error caught by the tests, so it throws. */
export function parseFingerprints(text: string): Fingerprint[] {
  return z.array(Fingerprint).parse(parse(text));
}

let cached: Fingerprint[] | undefined;
export function fingerprints(): Fingerprint[] {
  return (cached ??= parseFingerprints(readFileSync(FINGERPRINT_FILE, "utf8")));
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
