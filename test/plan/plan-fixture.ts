// What the plan tests share: plan options with the example cluster and a documentation ingress,
// and the files of a folder (out/) as text, by path.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { PlanOptions } from "../../src/artifacts/run.ts";

export const planOptions = (root: string, base: string, today: string, extra: Partial<PlanOptions>): PlanOptions => ({
  root,
  base,
  lang: "id",
  allowLargeChange: false,
  today,
  ingress: { ipv4: ["192.0.2.80"] },
  nameserverAddresses: {},
  cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" },
  ...extra,
});

/** Every file under `dir`, by its path relative to `dir`. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}
