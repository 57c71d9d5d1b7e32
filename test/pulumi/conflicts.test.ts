import { describe, expect, it } from "vitest";
import { deletesFirst, recordOfUrn } from "../../src/pulumi/conflicts.ts";

const DNS = "cloudflare:index/dnsRecord:DnsRecord";
const urn = (logical: string) => `urn:pulumi:production::subdomain-gitops::subdomain-gitops:dns:Subdomain$${DNS}::${logical}`;
const step = (op: string, logical: string) => ({ op, urn: urn(logical), type: DNS });

describe("records deleted before the update", () => {
  it("reads zone, name and type from a record's URN", () => {
    expect(recordOfUrn(urn("contohkab.go.id/sehat/A/203.0.113.10"))).toEqual({ zone: "contohkab.go.id", name: "sehat", type: "A" });
    expect(recordOfUrn(urn("contohkab.go.id/_sip._tcp.sehat/SRV/1-5-5060-sip.contohkab.go.id"))).toMatchObject({ name: "_sip._tcp.sehat", type: "SRV" });
  });

  it("deletes the A and AAAA records first when the name becomes an alias", () => {
    const steps = [
      step("delete", "contohkab.go.id/sehat/A/203.0.113.10"),
      step("delete", "contohkab.go.id/sehat/AAAA/2001:db8::10"),
      step("delete", "contohkab.go.id/sehat/TXT/0123456789ab"),
      step("create", "contohkab.go.id/sehat/CNAME"),
      step("delete", "contohkab.go.id/lain/A/203.0.113.11"),
    ];
    expect(deletesFirst(steps)).toEqual([urn("contohkab.go.id/sehat/A/203.0.113.10"), urn("contohkab.go.id/sehat/AAAA/2001:db8::10")]);
  });

  it("deletes the CNAME first when the name gets its own server again", () => {
    expect(deletesFirst([step("create", "contohkab.go.id/sehat/A/203.0.113.10"), step("delete", "contohkab.go.id/sehat/CNAME")])).toEqual([urn("contohkab.go.id/sehat/CNAME")]);
  });

  it("leaves ordinary changes to the update: a new address beside old ones, other resources", () => {
    expect(deletesFirst([step("create", "contohkab.go.id/sehat/A/203.0.113.12"), step("delete", "contohkab.go.id/sehat/A/203.0.113.10")])).toEqual([]);
    expect(deletesFirst([{ op: "delete", urn: "urn:pulumi:p::subdomain-gitops::kubernetes:core/v1:Namespace::Namespace/tenant-a", type: "kubernetes:core/v1:Namespace" }])).toEqual([]);
  });
});
