// Renders an issue body the way GitHub renders a submitted issue form: `### <label>` then the
// value, "_No response_" for an empty field, `- [X] option` for checkboxes, and dropdown values as
// the chosen option's text. Used to feed the intake the same text GitHub would.
import { fieldsOf, type FormKind } from "../../src/forms/fields.ts";

export function issueBody(kind: FormKind, values: Record<string, string | string[] | undefined>): string {
  const parts: string[] = [];
  for (const f of fieldsOf(kind)) {
    const v = values[f.id];
    if (f.kind === "checkboxes") {
      const ticked = Array.isArray(v) ? v : [];
      parts.push(`### ${f.label}\n\n${ticked.length ? ticked.map((t) => `- [X] ${t}`).join("\n") : "- [ ] (tidak dicentang)"}`);
    } else parts.push(`### ${f.label}\n\n${typeof v === "string" && v !== "" ? (f.id === "records" ? "```yaml\n" + v + "\n```" : v) : "_No response_"}`);
  }
  return parts.join("\n\n");
}

/** A complete, valid new request for dinkes, as form values. */
export function newRequestValues(label = "antrian"): Record<string, string> {
  return {
    opd: "dinkes — Dinas Kesehatan",
    label,
    purpose: "Sistem antrian daring puskesmas se-Kabupaten Contoh",
    "letter-number": "000.1/456/DINKES/2026",
    "letter-date": "2026-03-10",
    "letter-scan": "https://arsip.contohkab.go.id/surat/dinkes-2026-456.pdf",
    "administrative-name": "Siti Rahmawati, S.Kom.",
    "administrative-nip": "198703152010012004",
    "administrative-email": "siti.rahmawati@dinkes.contohkab.go.id",
    "administrative-phone": "+62 812-3456-7890",
    "administrative-github": "siti-dinkes",
    "technical-name": "Budi Santoso",
    "technical-email": "budi.santoso@dinkes.contohkab.go.id",
    "technical-phone": "0355 321456",
    "technical-github": "budi-dinkes",
    "target-kind": "Server milik OPD (alamat IP)",
    ipv4: "103.147.8.20, 103.147.8.21",
    "review-by": "2027-03-01",
  };
}
