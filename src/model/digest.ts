// SHA-256 and SHA-1 of small inputs (a host name, a cache key, the governance file) in JavaScript,
// from @noble/hashes (audited, no dependencies; the form's browser bundle uses it too). Loading
// node:crypto costs 12-16 ms of a start on Node 24, more than all the hashing `npm run validate`
// or a one-file plan does; those commands no longer load it (test/cli/start-modules.test.ts).
// Inputs of megabytes use node:crypto, loaded when first asked for (nodeCrypto).
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

const bytesOf = (data: string | Uint8Array) => (typeof data === "string" ? utf8ToBytes(data) : data);

/** SHA-256 as hex, of a text's UTF-8 or of bytes. */
export const sha256Hex = (data: string | Uint8Array): string => bytesToHex(sha256(bytesOf(data)));

/** Git's own id of a blob with these bytes (SHA-1 of "blob <size>\0" and the bytes). */
export function gitBlobId(bytes: Uint8Array): string {
  const head = utf8ToBytes(`blob ${bytes.length}\0`);
  return bytesToHex(sha1.create().update(head).update(bytes).digest());
}

/** node:crypto, loaded on first use: for inputs of megabytes, where it is much faster. */
export const nodeCrypto = (): typeof import("node:crypto") => process.getBuiltinModule("node:crypto");
