// One record set per name and type: two extra records with the same name and type (or an extra
// A/AAAA at the subdomain beside target.server) should be one record with several values.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { ownedNames } from "../request-names.ts";
import { hostProblem } from "../host-name.ts";
import { report, type FileRule } from "../rule.ts";

export const recordDuplicate: FileRule = {
  id: "record.duplicate",
  scope: "file",
  reads: ["label", "zone", "records", "target"],
  severity: "error",
  summary: { id: "Tidak ada dua rekaman dengan nama dan jenis yang sama (gabungkan nilainya)", en: "No two records share a name and type (merge their values)" },
  check(req) {
    const names = ownedNames(req.request);
    if (names.length < 2) return []; // one name cannot repeat itself; most requests own one
    const first = new Map<string, string>();
    const out: Diagnostic[] = [];
    for (let k = 0; k < names.length; k++) {
      const n = names[k]!; // an index loop: see checkRequest in validate.ts
      const key = `${n.name} ${n.type}`;
      const prior = first.get(key);
      if (prior === undefined) {
        first.set(key, n.ptr);
        continue;
      }
      if (n.type === "CNAME") continue; // two CNAMEs at one name: cname.alone says it
      out.push(
        report(this, req, n.ptr, {
          id: `Rekaman ${n.type} untuk \`${n.name}\` sudah ada (${prior.slice(1).replace(/\//g, ".")}); gabungkan nilainya ke dalam satu rekaman.`,
          en: `A ${n.type} record for \`${n.name}\` already exists (${prior.slice(1).replace(/\//g, ".")}); merge the values into one record.`,
        }),
      );
    }
    return out;
  },
};

export const cnameTarget: FileRule = {
  id: "cname.target",
  scope: "file",
  reads: ["label", "zone", "records", "target"],
  severity: "error",
  summary: { id: "Tujuan alias (CNAME) adalah nama host lengkap, bukan alamat IP", en: "An alias (CNAME) points to a full host name, not an IP address" },
  check(req) {
    const out: Diagnostic[] = [];
    const names = ownedNames(req.request);
    for (let k = 0; k < names.length; k++) {
      const n = names[k]!;
      if (n.alias === undefined) continue;
      const p = hostProblem(n.alias);
      if (!p) continue;
      const ptr = n.ptr === "/target/alias" ? n.ptr : `${n.ptr}/value`;
      out.push(report(this, req, ptr, { id: `Tujuan alias: ${p.id}.`, en: `Alias destination: ${p.en}.` }));
    }
    return out;
  },
};
