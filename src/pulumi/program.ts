// The Pulumi program proper: registers the plan's components. Called by index.ts (the real entry
// point) and by the tests and benchmark under pulumi.runtime.setMocks.
import type * as pulumi from "@pulumi/pulumi";
import type { DesiredState } from "../state/types.ts";
import { HostingTenant, Subdomain } from "./components.ts";
import { programPlan, type ProgramPlan, type ReleaseOptions } from "./plan.ts";
import type { StackSettings } from "./settings.ts";

export interface Program {
  plan: ProgramPlan;
  subdomains: Subdomain[];
  tenants: HostingTenant[];
  /** Every resource registered, components included. */
  resources: pulumi.Resource[];
}

/**
 * The SDK records a stack trace for every promise it creates and every resource it registers
 * (`new Error().stack`), and tsx turns on source maps, which makes each trace costly: about 5 ms
 * per resource in all. Registration is synchronous, so traces are off only while it runs; errors
 * raised later keep their traces. Measured by `npm run bench -- pulumi`.
 */
function withoutStackTraces<T>(register: () => T): T {
  const limit = Error.stackTraceLimit;
  const maps = process.sourceMapsEnabled;
  Error.stackTraceLimit = 0;
  process.setSourceMapsEnabled(false);
  try {
    return register();
  } finally {
    Error.stackTraceLimit = limit;
    process.setSourceMapsEnabled(maps);
  }
}

export function buildProgram(state: DesiredState, settings: StackSettings, release?: ReleaseOptions): Program {
  const plan = programPlan(state, settings, release);
  const { subdomains, tenants } = withoutStackTraces(() => ({
    subdomains: plan.subdomains.map((p) => new Subdomain(p)),
    tenants: plan.tenants.map((p) => new HostingTenant(p)),
  }));
  const resources: pulumi.Resource[] = [...subdomains, ...subdomains.flatMap((s) => s.records), ...tenants, ...tenants.flatMap((t) => t.objects)];
  return { plan, subdomains, tenants, resources };
}
