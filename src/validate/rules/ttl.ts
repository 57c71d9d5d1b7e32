// TTL within the government's bounds (governance `limits.ttl`, by default 60..86400, the range
// Cloudflare accepts); 1 means "automatic" and is always allowed.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { report, type FileRule } from "../rule.ts";

export const TTL_DEFAULT = { min: 60, max: 86_400 };

export const ttlRange: FileRule = {
  id: "ttl.range",
  scope: "file",
  reads: ["ttl", "records"],
  severity: "error",
  summary: { id: "TTL 1 (otomatis) atau di antara batas governance (bawaan 60-86400 detik)", en: "TTL is 1 (automatic) or within the governance bounds (default 60-86400 seconds)" },
  check(req, ctx) {
    const { min, max } = ctx.governance.limits?.ttl ?? TTL_DEFAULT;
    const out: Diagnostic[] = [];
    // A loop, not arrays of pairs filtered and mapped: most files have no TTL at all.
    const records = req.request.records ?? [];
    for (let i = -1; i < records.length; i++) {
      const t = i < 0 ? req.request.ttl : records[i]!.ttl;
      if (t === undefined || t === 1 || (t >= min && t <= max)) continue;
      out.push(
        report(this, req, i < 0 ? "/ttl" : `/records/${i}/ttl`, {
          id: `TTL ${t} di luar batas: tulis 1 (otomatis) atau ${min} sampai ${max} detik.`,
          en: `TTL ${t} is out of bounds: write 1 (automatic) or ${min} to ${max} seconds.`,
        }),
      );
    }
    return out;
  },
};
