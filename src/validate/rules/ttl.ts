// TTL within the government's bounds (governance `limits.ttl`, by default 60..86400, the range
// Cloudflare accepts); 1 means "automatic" and is always allowed.
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
    const ttls: [number | undefined, string][] = [[req.request.ttl, "/ttl"], ...(req.request.records ?? []).map((r, i): [number | undefined, string] => [r.ttl, `/records/${i}/ttl`])];
    return ttls
      .filter(([t]) => t !== undefined && t !== 1 && (t < min || t > max))
      .map(([t, ptr]) =>
        report(this, req, ptr, {
          id: `TTL ${t} di luar batas: tulis 1 (otomatis) atau ${min} sampai ${max} detik.`,
          en: `TTL ${t} is out of bounds: write 1 (automatic) or ${min} to ${max} seconds.`,
        }),
      );
  },
};
