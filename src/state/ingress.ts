// Resolving the INGRESS record kind against deployment configuration: the one place that turns
// "this name is hosted on the cluster" into concrete DNS data, shared by the offline zone file and
// the Pulumi program so both agree.
import ipaddr from "ipaddr.js";
import { asciiHost } from "./names.ts";
import type { RecordSet } from "./types.ts";

/** Where the cluster's ingress answers: a host name (CNAME) or addresses (A/AAAA). */
export type IngressTarget = { host: string } | { ipv4?: string[]; ipv6?: string[] };

/** `--ingress` / stack value: an IP address list ("192.0.2.80,2001:db8::80") or a host name. */
export function parseIngress(text: string): IngressTarget | undefined {
  const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  if (parts.every((p) => ipaddr.isValid(p))) {
    const ips = parts.map((p) => ipaddr.parse(p));
    const ipv4 = ips.filter((i) => i.kind() === "ipv4").map((i) => i.toString());
    const ipv6 = ips.filter((i) => i.kind() === "ipv6").map((i) => (i as ipaddr.IPv6).toRFC5952String());
    return { ...(ipv4.length ? { ipv4 } : {}), ...(ipv6.length ? { ipv6 } : {}) };
  }
  if (parts.length === 1 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+\.?$/i.test(parts[0]!)) return { host: asciiHost(parts[0]!) };
  return undefined;
}

/** Concrete record sets for one record set: INGRESS becomes CNAME or A/AAAA; others pass through. */
export function resolveIngress(rs: RecordSet, ingress: IngressTarget): RecordSet[] {
  if (rs.type !== "INGRESS") return [rs];
  const { type: _t, values: _v, ...rest } = rs;
  if ("host" in ingress) return [{ ...rest, type: "CNAME", values: [ingress.host] }];
  const out: RecordSet[] = [];
  if (ingress.ipv4?.length) out.push({ ...rest, type: "A", values: [...ingress.ipv4] });
  if (ingress.ipv6?.length) out.push({ ...rest, type: "AAAA", values: [...ingress.ipv6] });
  return out;
}
