// The real entry point (Pulumi.yaml `main`) under mocks: reads the repository and the stack
// configuration, registers what the desired state says, exports outputs; refuses bad config.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, type MockSession } from "./mocks.ts";
import { repositoryState } from "../../src/pulumi/state.ts";
import { parseStackSettings } from "../../src/pulumi/settings.ts";
import { programPlan } from "../../src/pulumi/plan.ts";
import { RELEASE_ENV } from "../../src/pulumi/release.ts";
import { CONTOH } from "../fixtures/contoh.ts";

const config = {
  "subdomain-gitops:zones": JSON.stringify({ "contohkab.go.id": "0123456789abcdef0123456789abcdef" }),
  "subdomain-gitops:ingress": "192.0.2.80",
  "subdomain-gitops:cluster": JSON.stringify({ ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "local-path", clusterIssuer: "letsencrypt" }),
  "subdomain-gitops:recordTags": "false",
};

let mocks: MockSession;
beforeAll(async () => {
  mocks = await installMocks("staging");
});

const outputValue = <T>(o: pulumi.Output<T> | T): Promise<T> => (pulumi.Output.isInstance(o) ? new Promise((r) => (o as pulumi.Output<T>).apply(r)) : Promise.resolve(o as T));

describe("src/pulumi/index.ts", () => {
  it("registers the repository's desired state with the stack's settings and exports counts", async () => {
    pulumi.runtime.setAllConfig(config);
    delete process.env[RELEASE_ENV];
    vi.resetModules();
    // The entry point reads the repository from the working directory: point it at the fixtures.
    const cwd = vi.spyOn(process, "cwd").mockReturnValue(CONTOH);
    const mod = (await import("../../src/pulumi/index.ts")) as { records: number; tenants: Record<string, string> };
    cwd.mockRestore();
    const repo = repositoryState(CONTOH);
    if (!repo.ok) throw new Error("the example repository must validate");
    const settings = parseStackSettings({ zones: JSON.parse(config["subdomain-gitops:zones"]), ingress: "192.0.2.80", cluster: JSON.parse(config["subdomain-gitops:cluster"]), recordTags: false });
    const plan = programPlan(repo.state, settings);
    expect(await outputValue(mod.records)).toBe(plan.subdomains.reduce((n, s) => n + s.records.length, 0));
    expect(Object.keys(mod.tenants).sort()).toEqual(plan.tenants.map((t) => t.name).sort());
    // Registration is asynchronous: wait until every planned record has reached the mock engine.
    const planned = plan.subdomains.flatMap((s) => s.records.map((x) => x.logicalName)).sort();
    const dnsOf = () => mocks.registered.filter((r) => r.type === "cloudflare:index/dnsRecord:DnsRecord");
    await vi.waitFor(() => expect(dnsOf()).toHaveLength(planned.length), { timeout: 10_000 });
    const dns = dnsOf();
    expect(dns.map((r) => r.name).sort()).toEqual(planned);
    expect(dns.every((r) => (r.inputs as { tags?: unknown }).tags === undefined)).toBe(true);
  });

  it("refuses a stack configuration without zones or ingress with one message naming the keys", async () => {
    pulumi.runtime.setAllConfig({ "subdomain-gitops:cluster": config["subdomain-gitops:cluster"] });
    vi.resetModules();
    const cwd = vi.spyOn(process, "cwd").mockReturnValue(CONTOH);
    const err = await import("../../src/pulumi/index.ts").then(
      () => undefined,
      (e: unknown) => e,
    );
    cwd.mockRestore();
    expect(err).toBeInstanceOf(pulumi.RunError);
    expect((err as Error).message).toContain("subdomain-gitops:zones");
    expect((err as Error).message).toContain("subdomain-gitops:ingress");
  });
});
