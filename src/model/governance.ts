// The governance file: everything that differs between governments. One file per repository
// (governance.yaml at the top level), read from the base branch when judging a pull request.
import { z } from "zod";
import { GithubHandle, GithubTeam, HostName, IsoDate, Quantity, Ttl, WorkDuration } from "./common.ts";

const Time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/).meta({ description: "Jam, format JJ:MM" });
const Hours = z.tuple([Time, Time]).meta({ description: "[mulai, selesai]" });

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
  /** Names outside the request files that the zone already serves (apex, mail, ...). */
  protected: z.array(z.string()).optional().meta({ description: "Nama yang dikelola di luar berkas permohonan" }),
});

export const Opd = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(3),
  liaisons: z.array(GithubHandle).min(1).meta({ description: "Penghubung OPD (akun GitHub) yang boleh mengajukan" }),
  email: z.string().optional(),
});

export const StepKind = z.enum(["intake", "disposition", "verification", "technical", "decision", "signature"]);

export const Step = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    role: z.string().min(2).meta({ description: "Nama jabatan, misalnya Kepala Dinas" }),
    kind: StepKind,
    standardTime: WorkDuration.meta({ description: "Mutu baku waktu" }),
    team: GithubTeam.optional(),
    users: z.array(GithubHandle).optional(),
    note: z.string().optional(),
  })
  .meta({ description: "Satu langkah disposisi; isi team atau users", minProperties: 5 });

export const Disposition = z.strictObject({
  ordered: z.boolean().meta({ description: "Persetujuan harus berurutan sesuai langkah" }),
  staleOnPush: z.boolean().meta({ description: "Dorongan baru dari pemohon membatalkan persetujuan sebelumnya" }),
  deadline: WorkDuration.optional().meta({ description: "Batas waktu seluruh layanan, misalnya 7d" }),
  steps: z.array(Step).min(1),
  destructiveStep: Step.optional().meta({ description: "Langkah tambahan untuk perubahan yang menghapus" }),
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

export const HostingPolicy = z.strictObject({
  defaults: z.strictObject({ cpu: Quantity, memory: Quantity, storage: Quantity, volumes: z.int().min(0) }),
  limits: z.strictObject({ cpu: Quantity, memory: Quantity, storage: Quantity, volumes: z.int().min(0) }),
  accessRole: z.enum(["admin", "edit"]),
});

export const RequiredField = z.enum(["letter.scan", "recommendation", "contacts.administrative.nip", "contacts.technical.nip"]);

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
    forms: z
      .strictObject({
        scanUpload: z.string().min(3).max(500).optional().meta({ description: "Di mana OPD mengunggah pindaian surat bertanda tangan (ditampilkan di formulir), misalnya alamat folder unggahan dinas" }),
        powerOfAttorney: z.boolean().optional().meta({ description: "true: pindaian surat memuat juga surat kuasa dan identitas pengelola domain (SOP Purbalingga)" }),
      })
      .optional()
      .meta({ description: "Petunjuk tambahan pada formulir permohonan" }),
    review: z.strictObject({ maxMonths: z.int().min(1).max(60) }).meta({ description: "Tanggal tinjau ulang paling lama" }),
    limits: z
      .strictObject({
        ttl: z.strictObject({ min: z.int().min(1), max: z.int().max(86_400) }),
      })
      .optional(),
  })
  .meta({ title: "Tata kelola layanan subdomain", description: "governance.yaml: semua yang berbeda antar pemerintah daerah" });

export type Governance = z.infer<typeof Governance>;
export type Step = z.infer<typeof Step>;
export type Zone = z.infer<typeof Zone>;
export type Opd = z.infer<typeof Opd>;
