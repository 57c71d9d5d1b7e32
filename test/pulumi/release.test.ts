import { describe, expect, it } from "vitest";
import { namespacesToPrepare, parseReleaseEnv, tenantsInDeployment } from "../../src/pulumi/release.ts";

describe("data release bookkeeping", () => {
  it("finds the tenants a stack holds from its exported deployment", () => {
    const deployment = {
      version: 3,
      deployment: {
        resources: [
          { type: "pulumi:pulumi:Stack", urn: "urn:pulumi:production::subdomain-gitops::pulumi:pulumi:Stack::subdomain-gitops-production" },
          { type: "subdomain-gitops:hosting:Tenant", urn: "urn:pulumi:production::subdomain-gitops::subdomain-gitops:hosting:Tenant::tenant-arsip-lama" },
          { type: "kubernetes:core/v1:Namespace", urn: "urn:pulumi:production::subdomain-gitops::subdomain-gitops:hosting:Tenant$kubernetes:core/v1:Namespace::Namespace/tenant-sehat" },
          { type: "subdomain-gitops:hosting:Tenant", urn: "urn:pulumi:production::subdomain-gitops::subdomain-gitops:hosting:Tenant::tenant-sehat" },
        ],
      },
    };
    expect([...tenantsInDeployment(deployment)].sort()).toEqual(["tenant-arsip-lama", "tenant-sehat"]);
    expect(tenantsInDeployment({}).size).toBe(0);
  });

  it("prepares only tenants that are marked for release and still in the stack", () => {
    expect(namespacesToPrepare(["tenant-b", "tenant-a", "tenant-gone"], new Set(["tenant-a", "tenant-b", "tenant-c"]))).toEqual(["tenant-a", "tenant-b"]);
    expect(namespacesToPrepare([], new Set(["tenant-a"]))).toEqual([]);
  });

  it("reads the namespaces to prepare from the environment", () => {
    expect([...parseReleaseEnv(" tenant-a, ,tenant-b ")]).toEqual(["tenant-a", "tenant-b"]);
    expect(parseReleaseEnv(undefined).size).toBe(0);
  });
});
