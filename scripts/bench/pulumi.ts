// Evaluating the Pulumi program for 1,000 requests under mocks (budget 15 s): 700 requests for an
// own server (A + TXT) and 300 hosting tenants (INGRESS record + 11 Kubernetes objects), 6,300
// resources with the components. Mocks answer at once, so this measures the program and the SDK.
// It runs in a child process with the Node flags of Pulumi.yaml's `nodeargs`, as `pulumi up` would.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import * as pulumi from "@pulumi/pulumi";
import type { BenchResult, BenchSection } from "./types.ts";
import type { DesiredState, RecordSet, Tenant } from "../../src/state/types.ts";

export function syntheticState(n: number): DesiredState {
  const zone = "contohkab.go.id";
  const records: RecordSet[] = [];
  const tenants: Tenant[] = [];
  for (let i = 0; i < n; i++) {
    const label = `layanan${String(i).padStart(4, "0")}`;
    const opd = `opd${i % 40}`;
    const source = { file: `requests/${opd}/${label}.yaml`, opd, label };
    const base = { zone, name: label, ttl: 3600, proxied: false, source };
    if (i % 10 < 7) {
      records.push({ ...base, type: "A", values: [`203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`] });
      records.push({ ...base, type: "TXT", values: [`v=spf1 ip4:203.0.113.${i % 250} -all`] });
    } else {
      records.push({ ...base, type: "INGRESS", values: [] });
      tenants.push({
        namespace: `tenant-${label}`,
        zone,
        host: `${label}.${zone}`,
        quota: { cpu: "500m", memory: "512Mi", storage: "5Gi", volumes: 2 },
        accessRole: "admin",
  status: "active",
  deletedFile: false,
  backup: { daily: true, time: "01:00", timeZone: "Asia/Jakarta", retentionDays: 30, finalRetentionDays: 365 },
        technicalContact: { name: "Budi Santoso", email: `budi.${i}@contohkab.go.id`, github: "budi-dinkes" },
        source,
        releaseData: false,
      });
    }
  }
  return { records, tenants };
}

/** The measurement itself, in this process. */
async function measure(): Promise<BenchResult> {
  let count = 0;
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        count++;
        return { id: `${args.name}_id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "subdomain-gitops",
    "bench",
    false,
  );
  const { buildProgram } = await import("../../src/pulumi/program.ts");
  const { parseStackSettings } = await import("../../src/pulumi/settings.ts");
  const settings = parseStackSettings({
    zones: { "contohkab.go.id": "0123456789abcdef0123456789abcdef" },
    ingress: "192.0.2.80",
    cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "local-path", clusterIssuer: "letsencrypt" },
  });
  const state = syntheticState(1000);
  const t0 = performance.now();
  const program = buildProgram(state, settings);
  await Promise.all(program.resources.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
  const wallMs = performance.now() - t0;
  const rss = process.memoryUsage().rss / 2 ** 20;
  return {
    label: "1.000 permohonan / requests",
    wallMs,
    budgetMs: 15_000,
    extra: `${count} resources, ${((wallMs / count) * 1000).toFixed(0)} µs/resource, RSS ${rss.toFixed(0)} MiB`,
  };
}

const self = fileURLToPath(import.meta.url);
const root = join(import.meta.dirname, "../..");

const section: BenchSection = {
  name: "pulumi: program under mocks",
  async run() {
    const nodeargs = (parse(readFileSync(join(root, "Pulumi.yaml"), "utf8")) as { runtime: { options: { nodeargs: string } } }).runtime.options.nodeargs;
    const out = execFileSync(process.execPath, [...nodeargs.split(/\s+/).filter(Boolean), self], { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 });
    return [JSON.parse(out.trim().split("\n").pop()!) as BenchResult];
  },
};
export default section;

// Run directly (by the section above): print the result as one JSON line.
if (process.argv[1] === self) {
  const result = await measure();
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
}
