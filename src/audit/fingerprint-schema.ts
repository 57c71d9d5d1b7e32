// The schema of takeover-fingerprints.yaml (./fingerprints.ts), which ships with the code: the
// tests check the file against it (test/audit/fingerprints-file.test.ts), and the commands read it
// without zod.
import { parse } from "yaml";
import { z } from "zod";
import type { Fingerprint } from "./fingerprints.ts";

export const FingerprintSchema = z.strictObject({
  service: z.string().min(2),
  cname: z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1),
  body: z.string().min(5).optional(),
  nxdomain: z.boolean().optional(),
  source: z.string().min(10),
});

/** Parses the list; a malformed list throws. */
export function parseFingerprints(text: string): Fingerprint[] {
  return z.array(FingerprintSchema).parse(parse(text)) satisfies Fingerprint[];
}
