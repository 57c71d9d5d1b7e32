// Names nobody may request: governance `reserved`, and the names the zone already serves outside
// the request files (`protected`, e.g. @, www, mail).
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { asciiHost } from "../../model/names.ts";
import { ownedNames, zoneFor } from "../request-names.ts";
import { report, type FileRule } from "../rule.ts";
import { showLabel } from "./label.ts";

const norm = (s: string) => {
  try {
    return asciiHost(s);
  } catch {
    return s.toLowerCase();
  }
};

/** Normalised reserved and protected names, computed once per governance and zone. */
const sets = new WeakMap<object, Set<string>>();
function nameSet(key: object, names: readonly string[]): Set<string> {
  let set = sets.get(key);
  if (!set) sets.set(key, (set = new Set(names.map(norm))));
  return set;
}

export const labelReserved: FileRule = {
  id: "label.reserved",
  scope: "file",
  reads: ["label", "opd", "zone", "records", "target"],
  severity: "error",
  summary: {
    id: "Label tidak termasuk nama cadangan (reserved) atau nama yang dilindungi zona (protected)",
    en: "The label is not a reserved name nor one of the zone's protected names",
  },
  check(req, ctx) {
    const reserved = nameSet(ctx.governance.reserved, ctx.governance.reserved);
    const zone = zoneFor(req.request, ctx.governance);
    const protectedNames = zone ? nameSet(zone, zone.protected ?? []) : new Set<string>();
    const out: Diagnostic[] = [];
    const label = norm(req.request.label);
    if (reserved.has(label) || protectedNames.has(label))
      out.push(
        report(this, req, "/label", {
          id: `Nama \`${showLabel(req.request.label)}\` dicadangkan dan tidak dapat dimohon; pilih nama lain yang menggambarkan layanan Anda (misalnya \`${label}-${req.request.opd}\`).`,
          en: `The name \`${showLabel(req.request.label)}\` is reserved and cannot be requested; choose another name that describes your service (e.g. \`${label}-${req.request.opd}\`).`,
        }),
      );
    // Extra records may not reach a protected multi-label name (e.g. protected `_dmarc.sehat`).
    const names = ownedNames(req.request);
    for (let k = 0; k < names.length; k++) {
      const n = names[k]!; // an index loop: see checkRequest in validate.ts
      if (n.name === label || !protectedNames.has(n.name)) continue;
      out.push(
        report(this, req, n.namePtr, {
          id: `Nama \`${n.name}\` sudah dikelola Diskominfo di luar berkas permohonan dan tidak dapat dipakai.`,
          en: `The name \`${n.name}\` is managed by Diskominfo outside the request files and cannot be used.`,
        }),
      );
    }
    return out;
  },
};
