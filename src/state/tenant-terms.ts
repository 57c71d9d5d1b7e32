// What a hosting tenant means for the OPD, in plain words: what it may and may not do in its
// space, its quota, and when its data is backed up. One text, shown by the plan (to the officials
// who approve) and by the letter (to the OPD), so both say the same. The words follow the roles
// of src/targets/kubernetes/roles.ts and the policy of admission.ts; tests hold them together.
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Tenant } from "./types.ts";

export interface TenantTerms {
  may: string;
  mayNot: string;
  quota: string;
  backup: string;
}

const ZONE_ABBR: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

export function tenantTerms(t: Tenant, lang: Lang): TenantTerms {
  const zone = ZONE_ABBR[t.backup.timeZone] ?? t.backup.timeZone;
  const q = t.quota;
  if (lang === "en")
    return {
      may: `run its own applications (Deployments, StatefulSets, Jobs, CronJobs), manage ConfigMaps, Secrets, ClusterIP Services, storage claims and Ingresses for ${t.host} and names below it; read logs, events, its quota and network rules; the technical contact may also open a shell in its containers, CI may not`,
      mayNot: `change its quota, limits, network rules or who has access; create NodePort, LoadBalancer or ExternalName Services; serve another agency's host name; run privileged or root containers, host paths or the host network; see or change other agencies' spaces, the nodes or cluster settings`,
      quota: `CPU ${q.cpu}, memory ${q.memory}, storage ${q.storage} in at most ${q.volumes} volume(s)`,
      backup: t.backup.daily
        ? `every day at ${t.backup.time} ${zone}, kept ${t.backup.retentionDays} days; before data is deleted on request a last backup is taken and kept ${t.backup.finalRetentionDays} days`
        : `no daily backup (no storage volume); before the space is deleted on request a last backup is taken and kept ${t.backup.finalRetentionDays} days`,
    };
  return {
    may: `menjalankan aplikasinya sendiri (Deployment, StatefulSet, Job, CronJob), mengelola ConfigMap, Secret, Service ClusterIP, klaim penyimpanan dan Ingress untuk ${t.host} serta nama di bawahnya; melihat log, event, kuota dan aturan jaringannya; kontak teknis juga boleh masuk ke kontainernya, CI tidak`,
    mayNot: `mengubah kuota, batas, aturan jaringan atau hak akses; membuat Service NodePort, LoadBalancer atau ExternalName; memakai nama host milik OPD lain; menjalankan kontainer istimewa (privileged) atau sebagai root, memakai folder atau jaringan server (host); melihat atau mengubah ruang OPD lain, server (node) atau pengaturan klaster`,
    quota: `CPU ${q.cpu}, memori ${q.memory}, penyimpanan ${q.storage} dalam paling banyak ${q.volumes} volume`,
    backup: t.backup.daily
      ? `setiap hari pukul ${t.backup.time} ${zone}, disimpan ${t.backup.retentionDays} hari; sebelum data dihapus atas permintaan, diambil cadangan terakhir yang disimpan ${t.backup.finalRetentionDays} hari`
      : `tidak ada cadangan harian (tanpa volume penyimpanan); sebelum ruang dihapus atas permintaan, diambil cadangan terakhir yang disimpan ${t.backup.finalRetentionDays} hari`,
  };
}
