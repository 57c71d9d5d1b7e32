// The Pulumi program proper: registers the plan's components. Called by index.ts (the real entry
// point) and by the tests and benchmark under pulumi.runtime.setMocks.
import type * as pulumi from "@pulumi/pulumi";
import type { DesiredState } from "../state/types.ts";
import { HostingTenant, Subdomain, TenantBaseline } from "./components.ts";
import { programPlan, type ProgramPlan, type ReleaseOptions } from "./plan.ts";
import type { StackSettings } from "./settings.ts";

export interface Program {
  plan: ProgramPlan;
  subdomains: Subdomain[];
  tenants: HostingTenant[];
  baseline?: TenantBaseline;
  /** Every resource registered, components included. */
  resources: pulumi.Resource[];
}

/**
 * The SDK records a stack trace for every promise it creates and every resource it registers
 * (`new Error().stack`), and tsx turns on source maps, which makes each trace costly: about 5 ms
 * per resource in all. Traces are therefore off from the first registration until the engine has
 * answered the last; errors raised after that keep their traces. Measured by `npm run bench`.
 */
function withoutStackTraces<T>(register: () => T, resources: (result: T) => pulumi.Resource[]): T {
  const limit = Error.stackTraceLimit;
  const maps = process.sourceMapsEnabled;
  const restore = () => {
    Error.stackTraceLimit = limit;
    process.setSourceMapsEnabled(maps);
  };
  Error.stackTraceLimit = 0;
  process.setSourceMapsEnabled(false);
  let result: T;
  try {
    result = register();
  } catch (e) {
    restore();
    throw e;
  }
  Promise.all(resources(result).map((r) => new Promise((resolve) => r.urn.apply(resolve)))).then(restore, restore);
  return result;
}

export function buildProgram(state: DesiredState, settings: StackSettings, release?: ReleaseOptions): Program {
  const plan = programPlan(state, settings, release);
  const all = (x: { subdomains: Subdomain[]; tenants: HostingTenant[]; baseline?: TenantBaseline }): pulumi.Resource[] => [
    ...x.subdomains,
    ...x.subdomains.flatMap((s) => s.records),
    ...x.tenants,
    ...x.tenants.flatMap((t) => t.objects),
    ...(x.baseline ? [x.baseline, ...x.baseline.objects] : []),
  ];
  const { subdomains, tenants, baseline } = withoutStackTraces(() => {
    // The roles and the network baseline exist before any tenant binds to them.
    const baseline = plan.baseline.length ? new TenantBaseline(plan.baseline) : undefined;
    const opts = baseline ? { dependsOn: [baseline] } : {};
    return { subdomains: plan.subdomains.map((p) => new Subdomain(p)), tenants: plan.tenants.map((p) => new HostingTenant(p, opts)), baseline };
  }, all);
  const resources = all({ subdomains, tenants, ...(baseline ? { baseline } : {}) });
  return { plan, subdomains, tenants, ...(baseline ? { baseline } : {}), resources };
}
