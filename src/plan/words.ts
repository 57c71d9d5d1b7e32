// Every word the plan renderers show, in Bahasa Indonesia and English.
import type { Lang } from "../diagnostics/diagnostic.ts";
import type { RecordData } from "../state/types.ts";
import type { Action, Plan, TenantNote } from "./types.ts";

export const WORDS = {
  id: {
    title: "Rencana perubahan",
    summary: (s: Plan["summary"]) => `${s.create} dibuat, ${s.update} diubah, ${s.delete} dihapus`,
    action: { create: "dibuat", update: "diubah", delete: "dihapus" } satisfies Record<Action, string>,
    actionHead: { create: "Dibuat", update: "Diubah", delete: "Dihapus" } satisfies Record<Action, string>,
    records: "Rekaman DNS",
    tenants: "Tenant hosting",
    noChange: "Tidak ada perubahan.",
    base: (b: string | null) => (b ? `dibandingkan dengan ${b}` : "tanpa pembanding: semua dibuat baru"),
    destructiveTitle: "Perubahan yang menghapus data",
    destructiveWarn: (n: number) => `${n} perubahan akan MENGHAPUS namespace hosting beserta datanya; perlu persetujuan penghapusan.`,
    note: {
      released: "tenant dilepas dari pengelolaan; data TIDAK dihapus",
      "data-deleted": "namespace dan penyimpanannya AKAN DIHAPUS (decommission.deleteData), setelah cadangan terakhir (Velero) selesai",
      "access-revoked": "akses OPD dicabut (RoleBinding, akun CI, Ingress dihapus); namespace dan datanya TETAP disimpan",
      reclaimed: "namespace yang disimpan sejak berkas lamanya dihapus KEMBALI ke OPD yang sama, beserta datanya",
    } satisfies Record<TenantNote, string>,
    terms: { may: "OPD boleh", mayNot: "OPD tidak boleh", quota: "Kuota", backup: "Cadangan data" },
    ingress: "ingress klaster",
    cols: { action: "Aksi", name: "Nama", type: "Jenis", change: "Perubahan", kind: "Jenis perubahan", namespace: "Namespace", host: "Host" },
    notes: "Catatan",
    moreNotes: (n: number) => `… dan ${n} catatan lain (lihat artefak workflow \`plan\`)`,
    details: (n: number) => `Rincian (${n})`,
    truncated: (shown: number, total: number) => `Hanya ${shown} dari ${total} perubahan ditampilkan karena batas panjang komentar GitHub. Rencana lengkap ada di artefak workflow \`plan\` (berkas plan.md dan plan.json).`,
    unsafe: "Rencana ini TIDAK AMAN untuk diterapkan tanpa --allow-large-change.",
    quota: "kuota",
    source: "berkas",
  },
  en: {
    title: "Plan of changes",
    summary: (s: Plan["summary"]) => `${s.create} created, ${s.update} updated, ${s.delete} deleted`,
    action: { create: "created", update: "updated", delete: "deleted" } satisfies Record<Action, string>,
    actionHead: { create: "Created", update: "Updated", delete: "Deleted" } satisfies Record<Action, string>,
    records: "DNS records",
    tenants: "Hosting tenants",
    noChange: "No changes.",
    base: (b: string | null) => (b ? `compared with ${b}` : "no base: everything is new"),
    destructiveTitle: "Changes that delete data",
    destructiveWarn: (n: number) => `${n} change(s) will DELETE a hosting namespace and its data; a deletion approval is required.`,
    note: {
      released: "tenant released from management; data NOT deleted",
      "data-deleted": "the namespace and its storage WILL BE DELETED (decommission.deleteData), after a last backup (Velero) has completed",
      "access-revoked": "the OPD's access is revoked (RoleBindings, CI account, Ingress removed); the namespace and its data are KEPT",
      reclaimed: "the namespace kept since its old file was deleted RETURNS to the same OPD, with its data",
    } satisfies Record<TenantNote, string>,
    terms: { may: "The OPD may", mayNot: "The OPD may not", quota: "Quota", backup: "Data backup" },
    ingress: "cluster ingress",
    cols: { action: "Action", name: "Name", type: "Type", change: "Change", kind: "Kind", namespace: "Namespace", host: "Host" },
    notes: "Notes",
    moreNotes: (n: number) => `… and ${n} more notes (see the workflow artifact \`plan\`)`,
    details: (n: number) => `Details (${n})`,
    truncated: (shown: number, total: number) => `Only ${shown} of ${total} changes are shown because of GitHub's comment length limit. The full plan is in the workflow artifact \`plan\` (files plan.md and plan.json).`,
    unsafe: "This plan is NOT SAFE to apply without --allow-large-change.",
    quota: "quota",
    source: "file",
  },
} as const;

export const words = (lang: Lang) => WORDS[lang];

/** One record set's values as a zone file would show them, for people. */
export function formatValues(rs: RecordData, lang: Lang): string[] {
  switch (rs.type) {
    case "INGRESS":
      return [`→ ${WORDS[lang].ingress}`];
    case "A":
    case "AAAA":
    case "CNAME":
      return [...rs.values];
    case "TXT":
      return rs.values.map((v) => JSON.stringify(v));
    case "MX":
      return rs.values.map((v) => `${v.priority} ${v.exchange}`);
    case "CAA":
      return rs.values.map((v) => `${v.flags} ${v.tag} ${JSON.stringify(v.value)}`);
    case "SRV":
      return rs.values.map((v) => `${v.priority} ${v.weight} ${v.port} ${v.target}`);
    case "NS":
      return [...rs.values];
    case "DS":
      return rs.values.map((v) => `${v.keyTag} ${v.algorithm} ${v.digestType} ${v.digest}`);
  }
}

/** A changed field's value, short. */
export function formatField(v: unknown): string {
  if (v === undefined) return "—";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}
