// Shared field shapes of the request and governance models.
// Patterns here are deliberately structural; the named rules in src/validate/rules give the
// precise, translated verdicts (NIP birth dates, Indonesian phone numbers, IDN labels, ...).
import { z } from "zod";

/** A date as written in YAML (`2026-03-02`); YAML 1.2 keeps it a string. */
export const IsoDate = z.iso.date().meta({ description: "Tanggal, format TTTT-BB-HH (contoh 2026-03-02)" });

/** A GitHub login: 1-39 characters, letters, digits and single hyphens. */
export const GithubHandle = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/)
  .meta({ description: "Nama pengguna GitHub (tanpa @)" });

/** `org/team-slug`, as GitHub names a team in CODEOWNERS and the API. */
export const GithubTeam = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/)
  .meta({ description: "Tim GitHub, format organisasi/nama-tim" });

/** A host name written in full (no trailing dot needed), ASCII or Unicode. */
export const HostName = z
  .string()
  .min(1)
  .max(253)
  .meta({ description: "Nama host lengkap, misalnya app.contoh.go.id" });

/** A Kubernetes resource quantity such as `500m`, `2`, `1Gi`. */
export const Quantity = z
  .string()
  .regex(/^[0-9]+(\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/)
  .meta({ description: "Kuantitas Kubernetes, misalnya 500m, 1, 512Mi, 10Gi" });

/** A duration of working time: minutes, hours or working days (`30m`, `1h`, `7d`). */
export const WorkDuration = z
  .string()
  .regex(/^[1-9][0-9]*(m|h|d)$/)
  .meta({ description: "Waktu kerja: m = menit, h = jam, d = hari kerja (contoh 30m, 1h, 7d)" });

export const Ttl = z.int().min(1).max(86_400).meta({ description: "TTL dalam detik (1 = otomatis)" });
