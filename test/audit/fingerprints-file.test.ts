// The takeover fingerprints ship with the code and are read without a check at run time
// (src/audit/fingerprints.ts): the file is checked here, against its schema, and what the commands
// read is exactly what the schema accepts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FINGERPRINT_FILE, fingerprints } from "../../src/audit/fingerprints.ts";
import { parseFingerprints } from "../../src/audit/fingerprint-schema.ts";

describe("takeover-fingerprints.yaml", () => {
  it("passes its schema, and the commands read the same list", () => {
    const checked = parseFingerprints(readFileSync(FINGERPRINT_FILE, "utf8"));
    expect(checked.length).toBeGreaterThan(5);
    expect(fingerprints()).toEqual(checked);
  });

  it("the schema refuses a malformed entry (an unknown field, a suffix with a slash, no source)", () => {
    for (const bad of [
      "- { service: GitHub Pages, cname: [github.io], source: https://github.com/EdOverflow/can-i-take-over-xyz, extra: 1 }",
      "- { service: GitHub Pages, cname: [github.io/x], source: https://github.com/EdOverflow/can-i-take-over-xyz }",
      "- { service: GitHub Pages, cname: [github.io] }",
      "- { service: GitHub Pages, cname: [], source: https://github.com/EdOverflow/can-i-take-over-xyz }",
    ])
      expect(() => parseFingerprints(bad)).toThrow();
  });
});
