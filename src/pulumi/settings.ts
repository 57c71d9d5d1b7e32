// The stack configuration (stacks/Pulumi.<stack>.yaml) as one checked value. Pure: the Pulumi
// entry point reads the raw values with pulumi.Config and hands them here, so a wrong stack file
// gives one clear message naming the key instead of a failure halfway through a deployment.
import { z } from "zod";
import type { ClusterSettings } from "../targets/kubernetes/manifests.ts";
import ipaddr from "ipaddr.js";
import { parseIngress, type IngressTarget } from "../state/ingress.ts";

const isCidr = (s: string) => {
  try {
    ipaddr.parseCIDR(s);
    return true;
  } catch {
    return false;
  }
};

/** Configuration namespace: the project name in Pulumi.yaml. */
export const CONFIG_NAMESPACE = "subdomain-gitops";

const ZoneId = z
  .string()
  .regex(/^[0-9a-f]{32}$/, "zone id Cloudflare: 32 karakter heksadesimal / 32 hex characters")
  // The committed stack files carry zeros until an operator fills in the real id.
  .refine((id) => !/^0+$/.test(id), "masih contoh, isi zone id yang sebenarnya / still the placeholder, fill in the real zone id");
const K8sName = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/).max(253);

const Raw = z.strictObject({
  /** Cloudflare zone id per zone name, e.g. { "contohkab.go.id": "0123…" }. */
  zones: z.record(z.string().min(1), ZoneId),
  /** Where hosted names point: "192.0.2.80", "192.0.2.80,2001:db8::80" or "ingress.contohkab.go.id". */
  ingress: z.string().min(1),
  cluster: z.strictObject({
    ingressClass: K8sName,
    ingressNamespace: K8sName,
    storageClass: K8sName,
    clusterIssuer: K8sName,
    /** Velero's namespace (default "velero"). */
    veleroNamespace: K8sName.optional(),
    /** Node and control-plane CIDRs tenants must never reach; the metadata range is always blocked. */
    blockedRanges: z.array(z.string().refine(isCidr, "bukan CIDR / not a CIDR, e.g. 10.0.0.0/16")).optional(),
  }),
  /** Cloudflare record tags need a paid plan; on the Free plan set this to false. */
  recordTags: z.boolean().optional(),
});

export interface StackSettings {
  zones: ReadonlyMap<string, string>;
  ingress: IngressTarget;
  cluster: ClusterSettings;
  recordTags: boolean;
}

export class SettingsError extends Error {}

/** Checks the raw configuration; throws SettingsError with every problem, each naming its key. */
export function parseStackSettings(raw: Record<string, unknown>): StackSettings {
  const parsed = Raw.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${CONFIG_NAMESPACE}:${i.path.map(String).join(".")}: ${i.message}`);
    throw new SettingsError(`Konfigurasi stack tidak sah / invalid stack configuration:\n  ${lines.join("\n  ")}`);
  }
  const v = parsed.data;
  const ingress = parseIngress(v.ingress);
  if (!ingress) throw new SettingsError(`${CONFIG_NAMESPACE}:ingress: bukan alamat IP atau nama host / neither IP addresses nor a host name: ${v.ingress}`);
  const zones = new Map(Object.entries(v.zones).map(([name, id]) => [name.toLowerCase().replace(/\.$/, ""), id]));
  const { veleroNamespace, blockedRanges, ...cluster } = v.cluster;
  return {
    zones,
    ingress,
    cluster: { ...cluster, ...(veleroNamespace ? { veleroNamespace } : {}), ...(blockedRanges ? { blockedRanges } : {}) },
    recordTags: v.recordTags ?? true,
  };
}
