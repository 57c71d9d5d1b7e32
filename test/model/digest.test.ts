// src/model/digest.ts hashes in JavaScript what node:crypto hashed before: the same digests, or
// every hosted namespace name (tenant--<slug>-<hash>) and every cache name would change.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { gitBlobId, sha256Hex } from "../../src/model/digest.ts";
import { tenantNamespace } from "../../src/model/namespace.ts";

describe("digests of small inputs", () => {
  it("SHA-256 is node:crypto's, for texts (UTF-8, not ASCII too) and bytes of every length around a block", () => {
    const texts = ["", "a", "layanan.contohkab.go.id", "müller.contohkab.id", "数据.contohkab.go.id", "x".repeat(55), "y".repeat(56), "z".repeat(64), "w".repeat(1000)];
    for (const t of texts) expect(sha256Hex(t)).toBe(createHash("sha256").update(t).digest("hex"));
    for (let n = 0; n < 200; n += 7) {
      const b = randomBytes(n);
      expect(sha256Hex(b)).toBe(createHash("sha256").update(b).digest("hex"));
    }
  });

  it("a blob id is git's own (git hash-object)", () => {
    for (const text of ["", "zones:\n  - name: contohkab.go.id\n", "bücher ñandú 😀\n".repeat(300)]) {
      const want = execFileSync("git", ["hash-object", "--stdin"], { input: text, encoding: "utf8" }).trim();
      expect(gitBlobId(Buffer.from(text))).toBe(want);
    }
  });

  it("a hashed namespace is the one node:crypto gave (deployed namespaces keep their names)", () => {
    const host = "layanan-informasi-publik-terpadu-kabupaten.contohkab.id";
    const want = `tenant--${host.replace(/[^a-z0-9]+/g, "-").slice(0, 63 - 7 - 1 - 13).replace(/-+$/, "")}-${createHash("sha256").update(host).digest("hex").slice(0, 12)}`;
    expect(tenantNamespace("layanan-informasi-publik-terpadu-kabupaten", "contohkab.id", "contohkab.go.id")).toBe(want);
  });
});
