// The request file: one per subdomain at requests/<opd>/<label>.yaml. Single source of truth for
// its shape; schemas/request.schema.json is generated from it (npm run schemas).
import { z } from "zod";
import { GithubHandle, HostName, IsoDate, Quantity, Ttl } from "./common.ts";

/** An http(s) address. zod checks the protocol; the pattern says the same to JSON Schema, whose `uri` format admits any scheme. */
const WebUrl = z.url({ protocol: /^https?$/ }).meta({ pattern: "^[Hh][Tt][Tt][Pp][Ss]?://" });

export const Contact = z.strictObject({
  name: z.string().min(2).max(120).meta({ description: "Nama lengkap" }),
  nip: z.string().regex(/^[0-9]{18}$/).optional().meta({ description: "NIP, 18 digit" }),
  email: z.string().min(3).max(254).meta({ description: "E-mail dinas" }),
  phone: z.string().min(5).max(30).meta({ description: "Nomor telepon/HP Indonesia" }),
  github: GithubHandle.optional().meta({ description: "Nama pengguna GitHub (tanpa @)" }),
});

export const Letter = z.strictObject({
  number: z.string().min(1).max(120).meta({ description: "Nomor surat permohonan" }),
  date: IsoDate,
  scan: WebUrl.optional().meta({ description: "Tautan pindaian surat bertanda tangan" }),
});

export const Recommendation = z.strictObject({
  number: z.string().min(1).max(120).meta({ description: "Nomor rekomendasi/izin aplikasi" }),
  date: IsoDate.optional(),
  issuer: z.string().min(1).max(200).optional(),
  url: WebUrl.optional(),
});

const Server = z
  .strictObject({
    ipv4: z.array(z.string()).min(1).max(16).optional(),
    ipv6: z.array(z.string()).min(1).max(16).optional(),
  })
  // The meta keywords state the constraint for JSON Schema; the refinement states it for zod.
  .refine((s) => Object.keys(s).length >= 1, { message: "server: isi ipv4 dan/atau ipv6" })
  .meta({ description: "Server milik OPD: alamat IPv4 dan/atau IPv6", minProperties: 1 });

const Hosting = z
  .strictObject({
    storage: Quantity.optional().meta({ description: "Kapasitas penyimpanan, misalnya 10Gi" }),
    cpu: Quantity.optional(),
    memory: Quantity.optional(),
    volumes: z.int().min(0).max(100).optional().meta({ description: "Jumlah PersistentVolumeClaim" }),
  })
  .meta({ description: "Hosting terkelola di klaster Diskominfo; kosongkan nilai untuk memakai bawaan" });

/** A DS record (RFC 4034 §5) for a delegated name signed by the OPD's own name servers. */
export const DsValue = z.strictObject({
  keyTag: z.int().min(0).max(65_535),
  algorithm: z.int().min(1).max(255).meta({ description: "Algoritme DNSSEC, misalnya 13 (ECDSAP256SHA256)" }),
  digestType: z.int().min(1).max(255).meta({ description: "Jenis digest: 2 (SHA-256) atau 4 (SHA-384)" }),
  digest: z.string().min(1).max(200).meta({ description: "Digest dalam heksadesimal" }),
});

/** An address record for a name server inside the delegated name (glue, RFC 1034 §4.2.1). */
const Glue = z
  .strictObject({
    name: z.string().min(1).max(200).meta({ description: "Nama server relatif terhadap subdomain, misalnya ns1" }),
    ipv4: z.array(z.string()).min(1).max(16).optional(),
    ipv6: z.array(z.string()).min(1).max(16).optional(),
  })
  .refine((g) => Object.keys(g).length >= 2, { message: "glue: isi ipv4 dan/atau ipv6" })
  .meta({ description: "Alamat server nama di bawah subdomain: ipv4 dan/atau ipv6", minProperties: 2 });

/** The subdomain handed to name servers the OPD runs (NS), when governance allows it for the zone. */
const Delegation = z
  .strictObject({
    nameservers: z.array(HostName).min(1).max(13).meta({ description: "Server nama OPD, nama host lengkap" }),
    glue: z.array(Glue).min(1).max(13).optional().meta({ description: "Alamat server nama yang berada di bawah subdomain ini" }),
    ds: z.array(DsValue).min(1).max(8).optional().meta({ description: "Rekaman DS (DNSSEC) dari OPD" }),
  })
  .meta({ description: "Delegasi subdomain ke server nama milik OPD (NS, opsional DS)" });

export const Target = z
  .strictObject({
    server: Server.optional(),
    alias: HostName.optional().meta({ description: "Alias (CNAME) ke nama host lain" }),
    hosting: Hosting.optional(),
    delegation: Delegation.optional(),
  })
  .refine((t) => Object.keys(t).length === 1, { message: "target: isi tepat satu dari server, alias, hosting, atau delegation" })
  .meta({ description: "Tepat satu: server, alias, hosting, atau delegation", minProperties: 1, maxProperties: 1 });

/** Name relative to the subdomain: "@" (or absent) is the subdomain itself. */
const RecordName = z.string().min(1).max(200).meta({ description: "Nama relatif terhadap subdomain; @ = subdomain itu sendiri" });

const base = { name: RecordName.optional(), ttl: Ttl.optional() };
export const ExtraRecord = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("A"), ...base, values: z.array(z.string()).min(1).max(16) }),
  z.strictObject({ type: z.literal("AAAA"), ...base, values: z.array(z.string()).min(1).max(16) }),
  z.strictObject({ type: z.literal("CNAME"), ...base, value: HostName }),
  z.strictObject({ type: z.literal("TXT"), ...base, values: z.array(z.string().max(4000)).min(1).max(16) }),
  z.strictObject({
    type: z.literal("MX"),
    ...base,
    values: z.array(z.strictObject({ priority: z.int().min(0).max(65_535), exchange: HostName })).min(1).max(16),
  }),
  z.strictObject({
    type: z.literal("CAA"),
    ...base,
    values: z
      .array(z.strictObject({ flags: z.int().min(0).max(255).optional(), tag: z.string(), value: z.string().max(255) }))
      .min(1)
      .max(16),
  }),
  z.strictObject({
    type: z.literal("SRV"),
    name: RecordName,
    ttl: Ttl.optional(),
    values: z
      .array(
        z.strictObject({
          priority: z.int().min(0).max(65_535),
          weight: z.int().min(0).max(65_535),
          port: z.int().min(0).max(65_535),
          target: HostName,
        }),
      )
      .min(1)
      .max(16),
  }),
]);

export const Decommission = z.strictObject({
  reason: z.string().min(5).max(500).meta({ description: "Alasan penghapusan" }),
  letter: Letter.meta({ description: "Surat permohonan penghapusan" }),
  deleteData: z.literal(true).optional().meta({ description: "true: data hosting (namespace dan penyimpanan) ikut dihapus" }),
});

/** Issue 15: an emergency suspension; the name's DNS records go, the file and any hosting data stay. */
export const Suspension = z
  .strictObject({
    reason: z.string().min(5).max(500).meta({ description: "Alasan penangguhan" }),
    since: IsoDate.meta({ description: "Tanggal temuan" }),
    finding: z.enum(["gambling-content", "takeover-risk"]).meta({ description: "Jenis temuan audit" }),
  })
  .meta({ description: "Penangguhan darurat: catatan DNS dicabut, berkas dan data hosting disimpan. Cabut dengan permohonan perubahan yang menghapus blok ini." });

export const Request = z
  .strictObject({
    label: z.string().min(1).max(63).meta({ description: "Nama subdomain (bagian sebelum nama zona)" }),
    opd: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).meta({ description: "Kode OPD, sama dengan nama folder" }),
    zone: HostName.optional().meta({ description: "Zona induk; bawaan: zona pertama di governance.yaml" }),
    purpose: z.string().min(10).max(1000).meta({ description: "Kegunaan/fungsi subdomain" }),
    letter: Letter,
    recommendation: Recommendation.optional(),
    contacts: z.strictObject({ administrative: Contact, technical: Contact }),
    target: Target.optional().meta({ description: "Tujuan web; boleh kosong bila subdomain hanya punya rekaman (misalnya hanya surel: MX dan TXT)" }),
    ttl: Ttl.optional(),
    proxied: z.boolean().optional().meta({ description: "Lewat proxy Cloudflare (bawaan: tidak)" }),
    records: z.array(ExtraRecord).max(50).optional(),
    reviewBy: IsoDate.meta({ description: "Tanggal OPD wajib menegaskan subdomain masih dipakai" }),
    decommission: Decommission.optional(),
    suspension: Suspension.optional(),
  })
  .meta({ title: "Permohonan subdomain", description: "Satu berkas per subdomain: requests/<opd>/<label>.yaml" });

export type Request = z.infer<typeof Request>;
export type Contact = z.infer<typeof Contact>;
export type ExtraRecord = z.infer<typeof ExtraRecord>;
export type Target = z.infer<typeof Target>;
export type Suspension = z.infer<typeof Suspension>;
export type DsValue = z.infer<typeof DsValue>;
