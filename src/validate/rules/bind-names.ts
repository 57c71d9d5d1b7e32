// Names as BIND checks them when it loads a primary zone (`check-names fail`, its default; the
// checks of lib/dns/rdata: `checkowner` and `checknames` per type): the owner of an A, AAAA or MX
// record, and the host an MX, SRV or NS record points at, must be host names (letters, digits,
// hyphens). An underscore label such as `_dmarc` is for TXT, SRV, CNAME and CAA owners only.
// Without this rule one such record makes BIND refuse the whole zone.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { report, type FileRule, type RequestFile } from "../rule.ts";

/** Types whose owner BIND requires to be a host name. */
const HOST_OWNER = new Set(["A", "AAAA", "MX"]);

// Some label holds an underscore exactly when the name does (a dot is no underscore).
const hasUnderscore = (name: string) => name.includes("_");

/** Whether the rule has anything to report: a host-name owner or destination with an underscore. */
function anyUnderscore(req: RequestFile): boolean {
  const records = req.request.records ?? [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (HOST_OWNER.has(r.type) && r.name !== undefined && hasUnderscore(r.name)) return true;
    if (r.type === "MX") for (let j = 0; j < r.values.length; j++) if (hasUnderscore(r.values[j]!.exchange)) return true;
    if (r.type === "SRV") for (let j = 0; j < r.values.length; j++) if (hasUnderscore(r.values[j]!.target)) return true;
  }
  const nameservers = req.request.target?.delegation?.nameservers ?? [];
  for (let i = 0; i < nameservers.length; i++) if (hasUnderscore(nameservers[i]!)) return true;
  return false;
}

export const nameBindHost: FileRule = {
  id: "name.bind-host",
  scope: "file",
  reads: ["records", "target"],
  severity: "error",
  summary: {
    id: "Pemilik rekaman A, AAAA, MX dan tujuan MX, SRV, NS berupa nama host tanpa garis bawah (_), seperti yang diperiksa BIND",
    en: "Owners of A, AAAA, MX records and MX, SRV, NS destinations are host names without underscores (_), as BIND checks them",
  },
  check(req) {
    const out: Diagnostic[] = [];
    if (!anyUnderscore(req)) return out; // the usual file, decided without a closure per record
    const target = (ptr: string, type: string, name: string) =>
      out.push(
        report(this, req, ptr, {
          id: `BIND menolak seluruh zona bila rekaman ${type} menunjuk ke \`${name}\`: tujuan ${type} harus nama host (huruf, angka, tanda hubung), tanpa garis bawah (_). Tulis nama host server yang sebenarnya.`,
          en: `BIND refuses the whole zone when a ${type} record points at \`${name}\`: a ${type} destination must be a host name (letters, digits, hyphens), without underscores (_). Write the server's real host name.`,
        }),
      );
    (req.request.records ?? []).forEach((r, i) => {
      if (HOST_OWNER.has(r.type) && r.name !== undefined && hasUnderscore(r.name))
        out.push(
          report(this, req, `/records/${i}/name`, {
            id: `BIND menolak seluruh zona bila rekaman ${r.type} ada di nama \`${r.name}\`: pemilik rekaman A, AAAA dan MX harus nama host (huruf, angka, tanda hubung), tanpa garis bawah (_). Garis bawah hanya untuk nama TXT, SRV, CNAME atau CAA seperti _dmarc atau _sip._tcp; pakai nama tanpa garis bawah untuk rekaman ${r.type}.`,
            en: `BIND refuses the whole zone when an ${r.type} record is at the name \`${r.name}\`: owners of A, AAAA and MX records must be host names (letters, digits, hyphens), without underscores (_). Underscores are for TXT, SRV, CNAME or CAA names such as _dmarc or _sip._tcp; use a name without underscores for the ${r.type} record.`,
          }),
        );
      if (r.type === "MX") r.values.forEach((v, j) => v.exchange !== "." && hasUnderscore(v.exchange) && target(`/records/${i}/values/${j}/exchange`, "MX", v.exchange));
      if (r.type === "SRV") r.values.forEach((v, j) => v.target !== "." && hasUnderscore(v.target) && target(`/records/${i}/values/${j}/target`, "SRV", v.target));
    });
    (req.request.target?.delegation?.nameservers ?? []).forEach((ns, i) => hasUnderscore(ns) && target(`/target/delegation/nameservers/${i}`, "NS", ns));
    return out;
  },
};
