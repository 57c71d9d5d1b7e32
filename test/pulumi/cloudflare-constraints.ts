// The documented constraints of a Cloudflare DNS record (provider v6 / API v4), checked on the
// inputs the program registers. Returns the problems found, empty when the record is acceptable.
import { isIPv4, isIPv6 } from "node:net";

const HOST = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*$/;
const TAG = /^[A-Za-z0-9_-]+:[^\r\n]*$/;
const u16 = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 65_535;

export function cloudflareProblems(inputs: Record<string, unknown>): string[] {
  const p: string[] = [];
  const { type, ttl, content, priority, data, name, zoneId, comment, tags, proxied } = inputs as {
    type: string;
    ttl: number;
    content?: string;
    priority?: number;
    data?: Record<string, unknown>;
    name: string;
    zoneId: string;
    comment?: string;
    tags?: string[];
    proxied?: boolean;
  };
  if (!(ttl === 1 || (Number.isInteger(ttl) && ttl >= 60 && ttl <= 86_400))) p.push(`ttl ${ttl}`);
  if (proxied && ttl !== 1) p.push("proxied record with a fixed TTL");
  if (proxied && !["A", "AAAA", "CNAME"].includes(type)) p.push(`${type} cannot be proxied`);
  if (!/^[0-9a-f]{32}$/.test(zoneId)) p.push(`zoneId ${zoneId}`);
  if (!HOST.test(name)) p.push(`name ${name}`);
  if (comment !== undefined && (/[\r\n]/.test(comment) || comment.length > 100)) p.push("comment");
  for (const t of tags ?? []) if (!TAG.test(t)) p.push(`tag ${t}`);
  switch (type) {
    case "A":
      if (!isIPv4(content ?? "")) p.push(`A content ${content}`);
      break;
    case "AAAA":
      if (!isIPv6(content ?? "")) p.push(`AAAA content ${content}`);
      break;
    case "CNAME":
      if (!HOST.test(content ?? "")) p.push(`CNAME content ${content}`);
      break;
    case "TXT":
      if (!/^"([^"\\]|\\.)*"( "([^"\\]|\\.)*")*$/.test(content ?? "")) p.push(`TXT content ${content}`);
      break;
    case "MX":
      if (!HOST.test(content ?? "")) p.push(`MX content ${content}`);
      if (!u16(priority)) p.push(`MX priority ${priority}`);
      break;
    case "SRV":
      if (!data || !u16(data.priority) || !u16(data.weight) || !u16(data.port) || !HOST.test(String(data.target))) p.push(`SRV data ${JSON.stringify(data)}`);
      if (!/^_[a-z0-9-]+\._(tcp|udp|tls)\./.test(name)) p.push(`SRV name ${name}`);
      if (content !== undefined) p.push("SRV with content");
      break;
    case "CAA":
      if (!data || !Number.isInteger(data.flags) || (data.flags as number) < 0 || (data.flags as number) > 255) p.push(`CAA flags ${JSON.stringify(data)}`);
      if (!data || !["issue", "issuewild", "iodef"].includes(String(data.tag)) || typeof data.value !== "string") p.push(`CAA data ${JSON.stringify(data)}`);
      if (content !== undefined) p.push("CAA with content");
      break;
    case "NS":
      // Cloudflare serves NS below the apex as a delegation; the apex's own NS are Cloudflare's.
      if (!HOST.test(content ?? "")) p.push(`NS content ${content}`);
      if (name.split(".").length < 4) p.push(`NS at the apex ${name}`);
      break;
    case "DS":
      if (!data || !u16(data.keyTag) || !Number.isInteger(data.algorithm) || !Number.isInteger(data.digestType) || !/^[0-9A-F]+$/.test(String(data.digest))) p.push(`DS data ${JSON.stringify(data)}`);
      if (content !== undefined) p.push("DS with content");
      break;
    default:
      p.push(`unexpected type ${type}`);
  }
  return p;
}
