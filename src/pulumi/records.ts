// Record sets of the desired state -> Cloudflare DnsRecord arguments, one per value. Pure, so the
// constraints of the provider (v6 API) are tested without Pulumi: TTL 1 (automatic) or 60..86400,
// `content` for A/AAAA/CNAME/TXT/MX, `priority` for MX, `data` for SRV and CAA, names in full.
import { createHash } from "node:crypto";
import type { RecordSet } from "../state/types.ts";

export interface DnsRecordInputs {
  zoneId: string;
  /** Full name without the trailing dot: what the v6 provider reads back, so no endless diff. */
  name: string;
  type: "A" | "AAAA" | "CNAME" | "TXT" | "MX" | "CAA" | "SRV" | "NS" | "DS";
  ttl: number;
  proxied: boolean;
  comment: string;
  tags?: string[];
  content?: string;
  priority?: number;
  data?: {
    flags?: number;
    tag?: string;
    value?: string;
    priority?: number;
    weight?: number;
    port?: number;
    target?: string;
    keyTag?: number;
    algorithm?: number;
    digestType?: number;
    digest?: string;
  };
}

export interface DnsRecordSpec {
  /** Stable logical name: zone/name/type/value (CNAME: zone/name/CNAME), never a file path or a position. */
  logicalName: string;
  inputs: DnsRecordInputs;
}

/** Cloudflare's comment limit on the Free plan is 100 characters, and no line breaks. */
const COMMENT_MAX = 100;
const shortHash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 12);

export function fullName(zone: string, name: string): string {
  return name === "@" || name === "" ? zone : `${name}.${zone}`;
}

/** TTL the provider accepts: 1 is automatic; proxied records are always automatic at Cloudflare. */
export function cloudflareTtl(ttl: number, proxied: boolean): number {
  if (proxied || ttl === 1) return 1;
  return Math.min(86_400, Math.max(60, ttl));
}

/**
 * TXT content as RFC 1035 character strings: quoted, `"` and `\` escaped, split every 255 bytes
 * (never inside a UTF-8 character). Cloudflare documents and returns this form.
 */
export function txtContent(value: string): string {
  const chunks: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of value) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > 255) {
      chunks.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  chunks.push(current);
  return chunks.map((c) => `"${c.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(" ");
}

/** One spec per value of a record set. INGRESS must have been resolved before (src/state/ingress.ts). */
export function dnsRecordSpecs(rs: RecordSet, zoneId: string, opts: { tags: boolean }): DnsRecordSpec[] {
  const comment = rs.source.file.replace(/[\r\n]/g, " ").slice(0, COMMENT_MAX);
  const base = {
    zoneId,
    name: fullName(rs.zone, rs.name),
    ttl: cloudflareTtl(rs.ttl, rs.proxied),
    proxied: rs.proxied,
    comment,
    // Tag names: letters, digits, - and _ (Cloudflare); the OPD code fits that by the model.
    ...(opts.tags ? { tags: [`managed-by:subdomain-gitops`, `opd:${rs.source.opd}`] } : {}),
  };
  const id = (key: string) => `${rs.zone}/${rs.name}/${rs.type}/${key}`;
  switch (rs.type) {
    case "A":
    case "AAAA":
      return rs.values.map((v) => ({ logicalName: id(v), inputs: { ...base, type: rs.type, content: v } }));
    case "CNAME":
      // A name holds one CNAME: named without its target, a new target is an update in place,
      // not a second CNAME created beside the first (which Cloudflare refuses).
      return [{ logicalName: `${rs.zone}/${rs.name}/CNAME`, inputs: { ...base, type: "CNAME", content: rs.values[0] } }];
    case "TXT":
      // A TXT value may be long and hold any character: a hash keeps the name short and stable.
      return rs.values.map((v) => ({ logicalName: id(shortHash(v)), inputs: { ...base, type: "TXT", content: txtContent(v) } }));
    case "MX":
      return rs.values.map((v) => ({
        logicalName: id(`${v.priority}-${v.exchange}`),
        inputs: { ...base, type: "MX", content: v.exchange, priority: v.priority },
      }));
    case "CAA":
      return rs.values.map((v) => ({
        logicalName: id(`${v.flags}-${v.tag}-${shortHash(v.value)}`),
        inputs: { ...base, type: "CAA", data: { flags: v.flags, tag: v.tag, value: v.value } },
      }));
    case "SRV":
      return rs.values.map((v) => ({
        logicalName: id(`${v.priority}-${v.weight}-${v.port}-${v.target}`),
        inputs: { ...base, type: "SRV", data: { priority: v.priority, weight: v.weight, port: v.port, target: v.target } },
      }));
    case "NS":
      // A delegation: Cloudflare serves NS below the apex as a referral, as BIND does.
      return rs.values.map((v) => ({ logicalName: id(v), inputs: { ...base, type: "NS", content: v } }));
    case "DS":
      return rs.values.map((v) => ({
        logicalName: id(`${v.keyTag}-${v.algorithm}-${v.digestType}-${shortHash(v.digest)}`),
        inputs: { ...base, type: "DS", data: { keyTag: v.keyTag, algorithm: v.algorithm, digestType: v.digestType, digest: v.digest } },
      }));
    case "INGRESS":
      throw new Error(`INGRESS record ${rs.name}.${rs.zone} must be resolved against the stack's ingress first`);
  }
}
