// The audit stage: every name of the desired state checked as the public sees it.
import type { Governance } from "../model/governance.ts";
import { hygieneSettings, type HygieneSettings } from "../model/hygiene.ts";
import { desiredState } from "../state/desired-state.ts";
import type { RequestFile } from "../validate/rule.ts";
import { Dns } from "./dns.ts";
import { fingerprints } from "./fingerprints.ts";
import { auditHosts } from "./hosts.ts";
import { auditAll } from "./run.ts";
import type { AuditReport } from "./types.ts";

export interface AuditRun {
  requests: readonly RequestFile[];
  governance: Governance;
  today: string;
  now: Date;
  /** Resolver `IP[:PORT]` as setServers takes it; the system's when absent. */
  dnsServer?: string;
  httpPort: number;
  httpsPort: number;
  /** Overrides of governance's settings (tests, bench). */
  settings?: Partial<HygieneSettings>;
}

export async function runAudit(o: AuditRun): Promise<AuditReport> {
  const settings = { ...hygieneSettings(o.governance), ...o.settings };
  const hosts = auditHosts(desiredState(o.requests, o.governance), o.requests, o.governance);
  const dns = new Dns(o.dnsServer, settings.timeoutMs, settings.retries);
  const r = await auditAll(hosts, { dns, httpPort: o.httpPort, httpsPort: o.httpsPort, settings, fingerprints: fingerprints(), now: o.now });
  return { at: o.now.toISOString(), today: o.today, namesChecked: hosts.length, findings: r.findings, problems: r.problems };
}
