// node:crypto's createHash("sha256") for the browser bundle: the hosting namespace rule
// (src/model/namespace.ts) hashes host names synchronously, which WebCrypto cannot do.
// SHA-256 comes from @noble/hashes (audited, no dependencies).
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

export function createHash(algorithm: string) {
  if (algorithm !== "sha256") throw new Error(`createHash: only sha256 in the browser (asked ${algorithm})`);
  const parts: Uint8Array[] = [];
  const hash = {
    update(data: string | Uint8Array) {
      parts.push(typeof data === "string" ? utf8ToBytes(data) : data);
      return hash;
    },
    digest(encoding: "hex") {
      if (encoding !== "hex") throw new Error("digest: only hex in the browser");
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      return bytesToHex(sha256(all));
    },
  };
  return hash;
}
