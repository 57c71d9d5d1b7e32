// What the program registers, as plain data: derived only from the desired state and the stack
// settings. Pure and sorted; the components below turn it into resources one to one.
import type { DesiredState, Tenant } from "../state/types.ts";
import { resolveIngress } from "../state/ingress.ts";
import { objectKey, tenantManifests, type KubeObject } from "../targets/kubernetes/manifests.ts";
import { clusterBaseline } from "../targets/kubernetes/baseline.ts";
import { dnsRecordSpecs, type DnsRecordSpec } from "./records.ts";
import { SettingsError, type StackSettings } from "./settings.ts";

export interface SubdomainPlan {
  /** Component name: the subdomain (label and zone) its request asked for. */
  name: string;
  records: DnsRecordSpec[];
}

export interface KubeObjectPlan {
  logicalName: string;
  object: KubeObject;
}

export interface TenantPlan {
  /** Component name: the namespace, stable for the life of the request. */
  name: string;
  tenant: Tenant;
  objects: KubeObjectPlan[];
  /**
   * true: kept on the cluster when it leaves the program (file deleted, renamed, `pulumi destroy`).
   * false only for a tenant whose approved decommission releases its data, in the first of the
   * two updates of src/pulumi/release.ts.
   */
  retainOnDelete: boolean;
}

export interface ProgramPlan {
  subdomains: SubdomainPlan[];
  tenants: TenantPlan[];
  /** Cluster-scoped objects shared by all tenants; empty when there is no tenant. */
  baseline: KubeObjectPlan[];
}

export interface ReleaseOptions {
  /**
   * Namespaces to prepare for deletion: registered with retainOnDelete false. Only tenants whose
   * state says `releaseData`; any other tenant with `releaseData` is left out, so it is deleted
   * if its retention was already lifted, and never created again.
   */
  prepare: ReadonlySet<string>;
}

export function programPlan(state: DesiredState, settings: StackSettings, release: ReleaseOptions = { prepare: new Set() }): ProgramPlan {
  const missing = [...new Set(state.records.map((r) => r.zone))].filter((z) => !settings.zones.has(z)).sort();
  if (missing.length) {
    throw new SettingsError(
      `Zone id Cloudflare belum diatur untuk / no Cloudflare zone id configured for: ${missing.join(", ")} (subdomain-gitops:zones)`,
    );
  }
  const groups = new Map<string, DnsRecordSpec[]>();
  for (const rs of state.records) {
    const zoneId = settings.zones.get(rs.zone)!;
    const group = `${rs.source.label}.${rs.zone}`;
    const specs = resolveIngress(rs, settings.ingress).flatMap((r) => dnsRecordSpecs(r, zoneId, { tags: settings.recordTags }));
    groups.set(group, [...(groups.get(group) ?? []), ...specs]);
  }
  const subdomains = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, records]) => ({ name, records }));

  const tenants: TenantPlan[] = [];
  for (const t of state.tenants) {
    if (t.releaseData && !release.prepare.has(t.namespace)) continue;
    tenants.push({
      name: t.namespace,
      tenant: t,
      objects: tenantManifests(t, settings.cluster).map((o) => ({ logicalName: objectKey(o), object: o })),
      retainOnDelete: !t.releaseData,
    });
  }
  const baseline = state.tenants.length ? clusterBaseline(settings.cluster).map((o) => ({ logicalName: objectKey(o), object: o })) : [];
  return { subdomains, tenants, baseline };
}
