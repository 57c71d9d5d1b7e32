// CAA values (RFC 8659): flags 0 or 128 (issuer critical), tag issue/issuewild/iodef, and a value
// of the form the tag requires.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { hostProblem } from "../host-name.ts";
import { report, type FileRule } from "../rule.ts";

const TAGS = ["issue", "issuewild", "iodef"];
/** `letsencrypt.org`, `;` (nobody), or `ca.example; accounturi=...` (RFC 8659 §4.2). */
const PARAM = /^[A-Za-z0-9]+=[\x21-\x3a\x3c-\x7e]*$/;

function issueValueOk(value: string): boolean {
  const [domain = "", ...params] = value.split(";").map((s) => s.trim());
  if (domain !== "" && hostProblem(domain)) return false;
  return params.every((p) => p === "" || PARAM.test(p));
}

function iodefOk(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "mailto:" && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(u.pathname)) || u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}

export const caaFields: FileRule = {
  id: "caa.fields",
  scope: "file",
  reads: ["records"],
  severity: "error",
  summary: { id: "CAA: flags 0 atau 128, tag issue/issuewild/iodef, nilai sesuai tag", en: "CAA: flags 0 or 128, tag issue/issuewild/iodef, value of the form the tag needs" },
  check(req) {
    const out: Diagnostic[] = [];
    // Index loops: this runs on every file, mostly finding nothing.
    const records = req.request.records ?? [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      if (r.type !== "CAA") continue;
      for (let j = 0; j < r.values.length; j++) {
        const v = r.values[j]!;
        const ptr = `/records/${i}/values/${j}`;
        if (v.flags !== undefined && v.flags !== 0 && v.flags !== 128)
          out.push(report(this, req, `${ptr}/flags`, { id: `flags CAA ${v.flags} tidak sah; tulis 0 (biasa) atau 128 (kritis).`, en: `CAA flags ${v.flags} is invalid; write 0 (normal) or 128 (critical).` }));
        if (!TAGS.includes(v.tag)) {
          out.push(report(this, req, `${ptr}/tag`, { id: `tag CAA \`${v.tag}\` tidak dikenal; pilih issue, issuewild atau iodef.`, en: `Unknown CAA tag \`${v.tag}\`; use issue, issuewild or iodef.` }));
          continue;
        }
        if (v.tag === "iodef" ? !iodefOk(v.value) : !issueValueOk(v.value))
          out.push(
            report(
              this,
              req,
              `${ptr}/value`,
              v.tag === "iodef"
                ? { id: `Nilai iodef \`${v.value}\` harus alamat mailto: atau https:, misalnya mailto:keamanan@contohkab.go.id.`, en: `The iodef value \`${v.value}\` must be a mailto: or https: address, e.g. mailto:security@example.go.id.` }
                : {
                    id: `Nilai ${v.tag} \`${v.value}\` harus nama domain penerbit sertifikat (misalnya letsencrypt.org) atau ";" untuk melarang semua.`,
                    en: `The ${v.tag} value \`${v.value}\` must be a certificate authority's domain (e.g. letsencrypt.org) or ";" to forbid all.`,
                  },
            ),
          );
      }
    }
    return out;
  },
};
