// Hosting sizes within governance `hosting.limits`; each size above zero.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { parseQuantity } from "../quantity.ts";
import { report, type FileRule } from "../rule.ts";

const FIELDS = ["cpu", "memory", "storage"] as const;
const WORD = { cpu: { id: "CPU", en: "CPU" }, memory: { id: "memori", en: "memory" }, storage: { id: "penyimpanan", en: "storage" } };

export const hostingLimits: FileRule = {
  id: "hosting.limits",
  scope: "file",
  reads: ["target"],
  severity: "error",
  summary: { id: "Ukuran hosting (cpu, memory, storage, volumes) di atas nol dan tidak melebihi batas governance", en: "Hosting sizes (cpu, memory, storage, volumes) are above zero and within the governance limits" },
  check(req, ctx) {
    const h = req.request.target?.hosting;
    if (!h) return [];
    const limits = ctx.governance.hosting.limits;
    const out: Diagnostic[] = [];
    for (const f of FIELDS) {
      const asked = h[f];
      if (asked === undefined) continue;
      const value = parseQuantity(asked);
      const limit = parseQuantity(limits[f]);
      const ptr = `/target/hosting/${f}`;
      if (value === undefined || value <= 0)
        out.push(report(this, req, ptr, { id: `Ukuran ${WORD[f].id} \`${asked}\` harus lebih dari nol (contoh: 500m, 1, 512Mi, 10Gi).`, en: `The ${WORD[f].en} size \`${asked}\` must be above zero (e.g. 500m, 1, 512Mi, 10Gi).` }));
      else if (limit !== undefined && value > limit)
        out.push(
          report(this, req, ptr, {
            id: `Ukuran ${WORD[f].id} \`${asked}\` melebihi batas \`${limits[f]}\`. Kurangi, atau lampirkan alasan dan hubungi Diskominfo untuk kebutuhan khusus.`,
            en: `The ${WORD[f].en} size \`${asked}\` exceeds the limit \`${limits[f]}\`. Lower it, or contact Diskominfo with a reason for special needs.`,
          }),
        );
    }
    if (h.volumes !== undefined && h.volumes > limits.volumes)
      out.push(
        report(this, req, "/target/hosting/volumes", {
          id: `Jumlah volume ${h.volumes} melebihi batas ${limits.volumes}.`,
          en: `${h.volumes} volumes exceed the limit of ${limits.volumes}.`,
        }),
      );
    return out;
  },
};
