// Velero objects of a tenant: the daily Schedule (tenants with storage) and the final Backup taken
// before an approved data deletion. Both live in Velero's namespace. No npm package ships Velero's
// CRD schemas; the tests check these objects against a schema transcribed from Velero's API docs
// (test/kubernetes/velero-schema.ts).
import type { Tenant } from "../../state/types.ts";
import type { ClusterSettings, KubeObject, ObjectMeta } from "./manifests.ts";

/** Velero's namespace when the stack does not say otherwise. */
export const VELERO_NAMESPACE = "velero";

const hours = (days: number) => `${days * 24}h0m0s`;

/** "01:30" in Asia/Jakarta -> "CRON_TZ=Asia/Jakarta 30 1 * * *" (Velero's cron library reads CRON_TZ). */
export function dailyCron(time: string, timeZone: string): string {
  const [h, m] = time.split(":").map(Number);
  return `CRON_TZ=${timeZone} ${m} ${h} * * *`;
}

const template = (tenant: Tenant, days: number) => ({
  includedNamespaces: [tenant.namespace],
  // File-system backup copies volume contents whatever the storage class (local-path has no snapshots).
  defaultVolumesToFsBackup: true,
  snapshotVolumes: false,
  ttl: hours(days),
});

export function backupObjects(tenant: Tenant, cluster: ClusterSettings, meta: Omit<ObjectMeta, "name" | "namespace">): KubeObject[] {
  const namespace = cluster.veleroNamespace ?? VELERO_NAMESPACE;
  const out: KubeObject[] = [];
  if (tenant.backup.daily && !tenant.releaseData) {
    out.push({
      apiVersion: "velero.io/v1",
      kind: "Schedule",
      metadata: { name: tenant.namespace, namespace, ...meta },
      spec: {
        schedule: dailyCron(tenant.backup.time, tenant.backup.timeZone),
        // false: removing the schedule (the tenant released) must not delete the backups it made.
        useOwnerReferencesInBackup: false,
        template: template(tenant, tenant.backup.retentionDays),
      },
    });
  }
  if (tenant.releaseData) {
    out.push({
      apiVersion: "velero.io/v1",
      kind: "Backup",
      metadata: {
        name: finalBackupName(tenant),
        namespace,
        ...meta,
        annotations: {
          ...meta.annotations,
          // Pulumi waits for this before the update ends, and the deletion runs in a later update
          // (src/pulumi/release.ts): a failed or unfinished backup stops the deletion.
          "pulumi.com/waitFor": "jsonpath={.status.phase}=Completed",
          "pulumi.com/timeoutSeconds": "7200",
        },
      },
      spec: template(tenant, tenant.backup.finalRetentionDays),
    });
  }
  return out;
}

/** A DNS subdomain name (a Backup name may exceed 63 characters; Velero hashes long label values). */
export const finalBackupName = (tenant: Tenant) => `${tenant.namespace}-akhir`;
