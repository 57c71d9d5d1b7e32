// The governance file: everything that differs between governments. One file per repository
// (governance.yaml at the top level), read from the base branch when judging a pull request.
import { z } from "zod";
import { GithubHandle, GithubTeam, HostName, IsoDate, Quantity, Ttl, WorkDuration } from "./common.ts";
import { hygieneBlock } from "./hygiene-schema.ts";

const Time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/).meta({ description: "Jam, format JJ:MM" });
const Hours = z.tuple([Time, Time]).meta({ description: "[mulai, selesai]" });

/** The DNS provider serving a zone and its plan: the plan sets how many records the zone may hold. */
export const Provider = z.strictObject({
  name: z.literal("cloudflare"),
  plan: z.enum(["free", "pro", "business", "enterprise"]).meta({ description: "Paket Cloudflare zona ini" }),
  zoneCreated: IsoDate.optional().meta({ description: "Tanggal zona dibuat di Cloudflare (zona Free sebelum 2024-09-01: kuota 1.000)" }),
  recordQuota: z.int().min(1).optional().meta({ description: "Kuota rekaman yang disepakati, bila berbeda dari paketnya (misalnya Enterprise)" }),
});

export const Zone = z.strictObject({
  name: HostName,
  ttl: Ttl.optional().meta({ description: "TTL bawaan zona" }),
  nameservers: z.array(HostName).min(1).max(13),
  soa: z.strictObject({
    mname: HostName.meta({ description: "Server nama utama" }),
    rname: z.string().min(3).meta({ description: "E-mail pengelola, misalnya hostmaster@contohkab.go.id" }),
    refresh: z.int().min(60).optional(),
    retry: z.int().min(60).optional(),
    expire: z.int().min(3600).optional(),
    minimum: z.int().min(1).optional(),
  }),
  /** A zone inside another managed zone must say so: the parent delegates it (NS records there). */
  delegatedFrom: HostName.optional().meta({ description: "Zona induk yang dikelola di sini dan mendelegasikan zona ini (wajib bila zona ini berada di dalam zona lain)" }),
  provider: Provider.optional().meta({ description: "Penyedia DNS dan paketnya (bawaan: Cloudflare Free, kuota 200 rekaman)" }),
  /** Names outside the request files that the zone already serves (apex, mail, ...). */
  protected: z.array(z.string()).optional().meta({ description: "Nama yang dikelola di luar berkas permohonan" }),
  /** Whether OPDs may hand a subdomain to their own name servers; absent: not allowed. */
  delegation: z
    .strictObject({
      allowed: z.boolean().meta({ description: "true: OPD boleh mendelegasikan subdomain ke server namanya sendiri (NS)" }),
      requireDs: z.boolean().optional().meta({ description: "true: delegasi wajib menyertakan DS (DNSSEC)" }),
    })
    .optional()
    .meta({ description: "Delegasi subdomain ke server nama OPD; bawaan: tidak diizinkan" }),
});

export const Opd = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(3),
  liaisons: z.array(GithubHandle).min(1).meta({ description: "Penghubung OPD (akun GitHub) yang boleh mengajukan" }),
  email: z.string().optional(),
});

export const StepKind = z.enum(["intake", "disposition", "verification", "technical", "decision", "signature"]);

/**
 * Where a step sits in the one chain: before the merge (the decision to create) or after a
 * successful deployment (report, draft reply, paraf, signature, sending), which runs on the
 * reply-letter pull request the bot opens (src/github/letter-flow.ts).
 */
export const StepPhase = z.enum(["before-merge", "after-deployment"]);

/**
 * An official who approves a step in another's place for a period (Permendagri 1/2023 on official
 * letters): Plt. (pelaksana tugas) or Plh. (pelaksana harian) stand in for the step's role while it
 * is vacant or its holder is away; a.n. (atas nama) signs on the head's behalf in their own position.
 * Their approval counts only from `from` to `until` (whole days in governance's time zone).
 */
export const Acting = z.strictObject({
  user: GithubHandle,
  title: z.enum(["Plt.", "Plh.", "a.n."]).meta({ description: "Plt. (pelaksana tugas), Plh. (pelaksana harian) atau a.n. (atas nama), Permendagri 1/2023" }),
  name: z.string().min(3).optional().meta({ description: "Nama lengkap, untuk blok tanda tangan surat" }),
  position: z.string().min(3).optional().meta({ description: "Jabatan sendiri penanda tangan a.n., ditulis di bawah \"a.n. <jabatan kepala>\", misalnya Sekretaris" }),
  nip: z.string().regex(/^[0-9]{18}$/).optional().meta({ description: "NIP penanda tangan, hanya untuk blok tanda tangan surat" }),
  from: IsoDate.meta({ description: "Hari pertama penunjukan (TTTT-BB-HH)" }),
  until: IsoDate.meta({ description: "Hari terakhir penunjukan (TTTT-BB-HH), termasuk hari itu" }),
});

export const Step = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    role: z.string().min(2).meta({ description: "Nama jabatan, misalnya Kepala Dinas" }),
    kind: StepKind,
    standardTime: WorkDuration.meta({ description: "Mutu baku waktu" }),
    team: GithubTeam.optional(),
    users: z.array(GithubHandle).optional(),
    note: z.string().optional(),
    phase: StepPhase.optional().meta({ description: "before-merge (bawaan) atau after-deployment (setelah penyediaan berhasil: laporan, konsep surat, paraf, tanda tangan)" }),
    task: z.string().min(3).max(80).optional().meta({ description: "Tugas langkah menurut SOP, misalnya verifikasi data, paraf konsep surat, tanda tangan" }),
    acting: z.array(Acting).optional().meta({ description: "Pejabat Plt./Plh. untuk langkah ini beserta masa berlakunya" }),
  })
  .meta({ description: "Satu langkah disposisi; isi team atau users", minProperties: 5 });

export const Disposition = z.strictObject({
  ordered: z.boolean().meta({ description: "Persetujuan harus berurutan sesuai langkah" }),
  staleOnPush: z.boolean().meta({ description: "Dorongan baru dari pemohon membatalkan persetujuan sebelumnya" }),
  deadline: WorkDuration.optional().meta({ description: "Batas waktu seluruh layanan, misalnya 7d" }),
  steps: z.array(Step).min(1),
  destructiveStep: Step.optional().meta({ description: "Langkah tambahan untuk perubahan yang menghapus" }),
  rejectionReasons: z
    .array(z.strictObject({ code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/), text: z.string().min(3) }))
    .optional()
    .meta({ description: "Alasan penolakan berkode, misalnya nama-sudah-ada; dipakai langkah keputusan dengan perintah /tolak KODE" }),
  // Read by the scheduled reminder job (src/disposition/reminders.ts, npm run remind).
  reminders: z
    .strictObject({
      escalateAfter: WorkDuration.optional().meta({
        description:
          "Waktu kerja sesudah pengingat (mutu baku langkah terlewati) sampai langkah di atasnya (langkah sebelumnya dalam rantai, atau admin untuk langkah pertama) diberi tahu; bawaan 1d",
      }),
    })
    .optional()
    .meta({ description: "Pengingat langkah yang melewati mutu baku dan eskalasi ke langkah di atasnya" }),
});

const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);

export const WorkingHours = z.strictObject({
  timeZone: z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]).meta({ description: "WIB, WITA atau WIT" }),
  days: z.partialRecord(Weekday, Hours),
  holidays: z.strictObject({
    country: z.literal("ID"),
    region: z.string().optional(),
    closed: z.array(IsoDate).optional().meta({ description: "Hari libur tambahan, misalnya cuti bersama" }),
  }),
});

export const Backup = z
  .strictObject({
    time: Time.optional().meta({ description: "Jam cadangan harian (zona waktu jam kerja); bawaan 01:00" }),
    retentionDays: z.int().min(1).max(3650).optional().meta({ description: "Lama cadangan harian disimpan (hari); bawaan 30" }),
    finalRetentionDays: z.int().min(1).max(3650).optional().meta({ description: "Lama cadangan terakhir sebelum data dihapus disimpan (hari); bawaan 365" }),
  })
  .meta({ description: "Cadangan Velero untuk tenant hosting yang memakai penyimpanan" });

export const HostingPolicy = z.strictObject({
  defaults: z.strictObject({ cpu: Quantity, memory: Quantity, storage: Quantity, volumes: z.int().min(0) }),
  limits: z.strictObject({ cpu: Quantity, memory: Quantity, storage: Quantity, volumes: z.int().min(0) }),
  /** Kept so adopted governance files stay valid; tenants now get this product's own roles. */
  accessRole: z.enum(["admin", "edit"]).optional().meta({ description: "Tidak dipakai lagi: OPD selalu mendapat peran khusus layanan ini (lihat README)" }),
  backup: Backup.optional(),
});

export const RequiredField = z.enum(["letter.scan", "recommendation", "contacts.administrative.nip", "contacts.technical.nip"]);

/**
 * Where this government's own history starts (written by `npm run adopt`): the release commit of
 * the product it was adopted from. Letter numbers, registry dates and the zone serial count only
 * commits after it; plans against it start from an empty zone; the service-time report starts on
 * its date.
 */
export const Adoption = z
  .strictObject({
    base: z.string().regex(/^[0-9a-f]{40}$/).meta({ description: "Commit rilis produk yang diadopsi (40 digit heksadesimal)" }),
    date: IsoDate.meta({ description: "Tanggal adopsi" }),
  })
  .meta({ description: "Awal riwayat pemerintah sendiri; ditulis oleh npm run adopt" });

export const Governance = z
  .strictObject({
    government: z.strictObject({
      name: z.string().min(3).meta({ description: "Pemerintah Kabupaten/Kota/Provinsi ..." }),
      office: z.string().min(3).meta({ description: "Nama dinas, misalnya Dinas Komunikasi dan Informatika" }),
      address: z.string().min(3),
      city: z.string().min(2),
      email: z.string().optional(),
      website: z.string().optional(),
      head: z.strictObject({
        name: z.string(),
        title: z.string().meta({ description: "Jabatan penanda tangan, misalnya Kepala Dinas" }),
        rank: z.string().optional().meta({ description: "Pangkat/golongan" }),
        nip: z.string().optional(),
      }),
    }),
    zones: z.array(Zone).min(1),
    admins: z.strictObject({ team: GithubTeam.optional(), users: z.array(GithubHandle).optional() }),
    opds: z.array(Opd).min(1),
    disposition: Disposition,
    workingHours: WorkingHours,
    reserved: z.array(z.string()).meta({ description: "Nama yang tidak boleh dipakai" }),
    hosting: HostingPolicy,
    requiredFields: z.array(RequiredField),
    contactDomains: z
      .array(HostName)
      .min(1)
      .optional()
      .meta({ description: "Domain e-mail kontak yang diterima, beserta subdomainnya; bawaan: zona yang dikelola dan domain e-mail pemerintah" }),
    forms: z
      .strictObject({
        scanUpload: z.string().min(3).max(500).optional().meta({ description: "Di mana OPD mengunggah pindaian surat bertanda tangan (ditampilkan di formulir), misalnya alamat folder unggahan dinas" }),
        powerOfAttorney: z.boolean().optional().meta({ description: "true: pindaian surat memuat juga surat kuasa dan identitas pengelola domain (SOP Purbalingga)" }),
      })
      .optional()
      .meta({ description: "Petunjuk tambahan pada formulir permohonan" }),
    review: z.strictObject({ maxMonths: z.int().min(1).max(60) }).meta({ description: "Tanggal tinjau ulang paling lama" }),
    adoption: Adoption.optional(),
    letters: z
      .strictObject({
        numberPattern: z.string().min(5).meta({ description: "Pola nomor surat keluar, misalnya 000.5.9/{seq}/Diskominfo/{year}" }),
        logo: z.string().optional().meta({ description: "Berkas PNG/JPEG lambang daerah di repositori, untuk kop surat" }),
      })
      .optional()
      .meta({ description: "Surat balasan: pola nomor agenda dan lambang daerah" }),
    limits: z
      .strictObject({
        ttl: z.strictObject({ min: z.int().min(1), max: z.int().max(86_400) }),
      })
      .optional(),
    // Issue 15: audit, suspension and review lifecycle (src/model/hygiene.ts).
    hygiene: hygieneBlock(Step).optional(),
  })
  .meta({ title: "Tata kelola layanan subdomain", description: "governance.yaml: semua yang berbeda antar pemerintah daerah" });

export type Governance = z.infer<typeof Governance>;
export type Step = z.infer<typeof Step>;
export type StepPhase = z.infer<typeof StepPhase>;
export type Acting = z.infer<typeof Acting>;
export type Zone = z.infer<typeof Zone>;
export type Provider = z.infer<typeof Provider>;
export type Adoption = z.infer<typeof Adoption>;
export type BackupPolicy = z.infer<typeof Backup>;
export type Opd = z.infer<typeof Opd>;
