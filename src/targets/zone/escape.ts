// Character-string encoding for zone files (RFC 1035 §5.1), written by hand: no maintained npm
// package writes BIND master files. A TXT value longer than 255 bytes is split into several
// strings of one record, which resolvers hand back concatenated.
const MAX_STRING = 255;

/** One <character-string>: quoted, with ", \ and every non-printable byte escaped as \DDD. */
export function quoteBytes(bytes: Uint8Array): string {
  let s = '"';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) s += "\\" + String.fromCharCode(b);
    else if (b < 0x20 || b > 0x7e) s += "\\" + String(b).padStart(3, "0");
    else s += String.fromCharCode(b);
  }
  return s + '"';
}

/** A TXT value as one or more quoted strings of at most 255 bytes each. */
export function txtStrings(value: string): string {
  const bytes = new TextEncoder().encode(value);
  if (bytes.length === 0) return '""';
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += MAX_STRING) parts.push(quoteBytes(bytes.subarray(i, i + MAX_STRING)));
  return parts.join(" ");
}

export const quote = (value: string) => quoteBytes(new TextEncoder().encode(value));

/** Absolute name with its trailing dot. */
export const fqdn = (name: string) => (name.endsWith(".") ? name : `${name}.`);

/** SOA RNAME: hostmaster@example.go.id -> hostmaster.example.go.id., dots in the local part escaped. */
export function mailboxName(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return fqdn(email);
  return fqdn(`${email.slice(0, at).replace(/\\/g, "\\\\").replace(/\./g, "\\.")}.${email.slice(at + 1)}`);
}
