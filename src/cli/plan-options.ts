// The options that say where the plan's records point (--ingress, --ns-address), shared by
// `npm run plan` and `npm run verify-dns`, which must build the same desired zone.
import ipaddr from "ipaddr.js";
import { parseIngress } from "../state/ingress.ts";
import { asciiHost } from "../state/names.ts";
import type { ClusterSettings } from "../targets/kubernetes/manifests.ts";
import { UsageError } from "./common.ts";

/**
 * Offline defaults, used when no flag is given, so a fresh clone writes a zone BIND loads. The
 * ingress address is from the documentation range (RFC 5737), as are the name-server addresses
 * src/artifacts/run.ts fills in: a Diskominfo that serves the file sets
 * its real ingress and name-server addresses with --ingress and --ns-address.
 */
export const DEFAULT_INGRESS = "192.0.2.80";
/** Cluster settings for the offline manifests; the Pulumi stack has its own. */
export const DEFAULT_CLUSTER: ClusterSettings = { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" };

export const TARGET_OPTIONS = { ingress: { type: "string" }, "ns-address": { type: "string", multiple: true } } as const;

export function planTargets(v: { ingress?: string | undefined; "ns-address"?: string[] | undefined }, usage: string) {
  const ingress = parseIngress(v.ingress ?? DEFAULT_INGRESS);
  if (!ingress) throw new UsageError(`--ingress: alamat IP atau nama host / IP addresses or a host name\n${usage}`);
  const nameserverAddresses: Record<string, string[]> = {};
  for (const pair of v["ns-address"] ?? []) {
    const [name, ip] = pair.split("=");
    if (!name || !ip || !ipaddr.isValid(ip)) throw new UsageError(`--ns-address NAMA=IP (${pair})\n${usage}`);
    (nameserverAddresses[asciiHost(name)] ??= []).push(ipaddr.parse(ip).toString());
  }
  return { ingress, nameserverAddresses };
}
