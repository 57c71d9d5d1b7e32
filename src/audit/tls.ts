// Judging a server's certificate for one name: expired, expiring, another name, or not from a
// trusted authority (self-signed). Pure: the certificate, the verification error OpenSSL gave, the
// name and the instant are inputs.
import { checkServerIdentity, type DetailedPeerCertificate } from "node:tls";

export type TlsVerdict =
  | { kind: "tls-expired"; notAfter: string }
  | { kind: "tls-expiring"; notAfter: string; days: number }
  | { kind: "tls-name-mismatch"; names: string }
  | { kind: "tls-self-signed"; issuer: string; code: string };

/** OpenSSL codes for a chain that ends in no trusted root. */
const UNTRUSTED = new Set(["DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"]);

const DAY = 86_400_000;

/** The day part of a certificate date, YYYY-MM-DD (UTC). */
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function dn(x: unknown): string {
  if (!x || typeof x !== "object") return "";
  return Object.entries(x as Record<string, string | string[]>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : v}`)
    .join(", ");
}

export function judgeCertificate(cert: DetailedPeerCertificate, authorizationError: string | null, host: string, now: Date, expiringDays: number): TlsVerdict[] {
  const out: TlsVerdict[] = [];
  const notAfter = Date.parse(cert.valid_to);
  if (Number.isFinite(notAfter)) {
    if (notAfter <= now.getTime()) out.push({ kind: "tls-expired", notAfter: day(notAfter) });
    else if (notAfter - now.getTime() < expiringDays * DAY) out.push({ kind: "tls-expiring", notAfter: day(notAfter), days: Math.floor((notAfter - now.getTime()) / DAY) });
  }
  if (checkServerIdentity(host, cert) !== undefined) out.push({ kind: "tls-name-mismatch", names: cert.subjectaltname || dn(cert.subject) });
  // A self-issued certificate (its issuer is itself) that OpenSSL did not accept, or any chain
  // without a trusted root. An expired certificate from a trusted authority is only expired.
  const selfIssued = cert.issuerCertificate !== undefined && cert.issuerCertificate.fingerprint256 === cert.fingerprint256;
  if ((authorizationError && UNTRUSTED.has(authorizationError)) || (selfIssued && authorizationError !== null && authorizationError !== "CERT_HAS_EXPIRED"))
    out.push({ kind: "tls-self-signed", issuer: dn(cert.issuer), code: authorizationError ?? "" });
  return out;
}
