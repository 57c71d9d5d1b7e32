// A hosting namespace belongs to exactly one request, for ever. Two files whose tenants would get
// one namespace are both refused, each naming the other; a label (or namespace) still held by a
// retained tenant whose file was deleted is refused to any other OPD until its data is released.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { asciiHost } from "../../model/names.ts";
import { zoneFor } from "../request-names.ts";
import { tenantNamespace } from "../../model/namespace.ts";
import type { Governance } from "../../model/governance.ts";
import type { Request } from "../../model/request.ts";
import { report, type RepoRule, type RepositoryFile, type RepositoryRequest } from "../rule.ts";

interface Claim {
  file: string;
  opd: string;
  namespace: string;
  /** label.zone, lowercase ASCII. */
  host: string;
}

function claimOf(file: string, req: RepositoryRequest, governance: Governance): Claim | undefined {
  const zone = zoneFor(req, governance);
  if (!zone) return undefined;
  const z = asciiHost(zone.name);
  return { file, opd: req.opd, namespace: tenantNamespace(req.label, z, governance.zones[0]!.name), host: `${asciiHost(req.label)}.${z}` };
}

export const namespaceUnique: RepoRule = {
  id: "namespace.unique",
  scope: "repository",
  severity: "error",
  summary: {
    id: "Namespace hosting milik satu permohonan selamanya; label yang datanya masih disimpan tidak boleh dipakai OPD lain",
    en: "A hosting namespace belongs to one request for ever; a label whose data is still kept cannot be taken by another OPD",
  },
  check(all, ctx) {
    const out: Diagnostic[] = [];
    const byNamespace = new Map<string, { req: RepositoryFile; claim: Claim }[]>();
    for (let r = 0; r < all.length; r++) {
      const req = all[r]!; // an index loop: see checkRequest in validate.ts
      if (!req.request.target?.hosting) continue;
      const claim = claimOf(req.file, req.request, ctx.governance);
      if (!claim) continue;
      const list = byNamespace.get(claim.namespace) ?? [];
      list.push({ req, claim });
      byNamespace.set(claim.namespace, list);
    }
    for (const [namespace, list] of byNamespace) {
      if (list.length < 2) continue;
      for (const { req } of list) {
        const others = list.filter((o) => o.req !== req).map((o) => o.req.file).join(", ");
        out.push(
          report(this, req, "/label", {
            id: `Namespace hosting \`${namespace}\` juga menjadi milik ${others}; satu namespace hanya untuk satu permohonan. Pilih label lain.`,
            en: `The hosting namespace \`${namespace}\` also belongs to ${others}; a namespace belongs to one request. Choose another label.`,
          }),
        );
      }
    }
    const held = (ctx.retained ?? []).map((r) => claimOf(r.file, r.request, ctx.governance)).filter((c): c is Claim => c !== undefined);
    if (held.length === 0) return out;
    for (const req of all) {
      const mine = claimOf(req.file, req.request, ctx.governance);
      if (!mine) continue;
      for (const h of held) {
        // The same OPD takes its retained namespace back; the plan says so.
        if (h.opd === req.request.opd) continue;
        const hosting = req.request.target?.hosting !== undefined;
        if (h.host !== mine.host && !(hosting && h.namespace === mine.namespace)) continue;
        out.push(
          report(this, req, "/label", {
            id: `Label \`${req.request.label}\` masih dipegang oleh hosting OPD ${h.opd} (berkas ${h.file} sudah dihapus, tetapi namespace \`${h.namespace}\` dan datanya masih disimpan). Label ini baru dapat dipakai OPD lain setelah OPD ${h.opd} mengajukan penghapusan data (decommission.deleteData). Pilih label lain.`,
            en: `Label \`${req.request.label}\` is still held by the hosting of OPD ${h.opd} (file ${h.file} was deleted, but namespace \`${h.namespace}\` and its data are kept). Another OPD can use it only after OPD ${h.opd} asks for its data to be deleted (decommission.deleteData). Choose another label.`,
          }),
        );
      }
    }
    return out;
  },
  // The retained half depends on the file and the retained list alone (the incremental plan
  // re-judges everything when that list changes).
  links(req, ctx) {
    const claim = req.request.target?.hosting ? claimOf(req.file, req.request, ctx.governance) : undefined;
    return { group: claim ? [claim.namespace] : [], provides: [], consumes: [] };
  },
};
