// The tenant's ValidatingAdmissionPolicy, evaluated with a CEL library instead of an API server:
// @marcbachmann/cel-js (maintained, zero dependencies, and it evaluates plain JSON objects as
// CEL maps, which is how the API server presents `object` to a policy; @bufbuild/cel is tied to
// protobuf messages and the older cel-js is slower and unmaintained). Each object below is run
// through every validation of the generated policy, as the API server does: admitted only when
// all are true; an evaluation error refuses too (failurePolicy: Fail).
import { describe, expect, it } from "vitest";
import { evaluate } from "@marcbachmann/cel-js";
import { tenantManifests, type KubeObject } from "../../src/targets/kubernetes/manifests.ts";
import { cluster, sehat } from "./fixtures.ts";

const objects = tenantManifests(sehat, cluster);
const policy = objects.find((o) => o.kind === "ValidatingAdmissionPolicy")!;
const spec = policy.spec as { validations: { expression: string; message: string }[]; matchConstraints: { namespaceSelector: unknown; resourceRules: { resources: string[]; operations: string[] }[] } };
const binding = objects.find((o) => o.kind === "ValidatingAdmissionPolicyBinding")!;

type Verdict = { admitted: true } | { admitted: false; messages: string[] };

function admit(o: Record<string, unknown>): Verdict {
  const resource = o.kind === "Ingress" ? "ingresses" : o.kind === "Service" ? "services" : "other";
  const vars = { object: o, request: { operation: "CREATE", resource: { group: "", version: "v1", resource }, namespace: sehat.namespace } };
  const messages: string[] = [];
  for (const v of spec.validations) {
    let ok: unknown;
    try {
      ok = evaluate(v.expression, vars);
    } catch (e) {
      ok = `error: ${String(e)}`;
    }
    if (ok !== true) messages.push(v.message);
  }
  return messages.length ? { admitted: false, messages } : { admitted: true };
}

const ingress = (over: { rules?: unknown[]; tls?: unknown[]; annotations?: Record<string, string>; [k: string]: unknown }) => {
  const { rules, tls, annotations, ...rest } = over;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: "x", namespace: sehat.namespace, ...(annotations ? { annotations } : {}) },
    spec: { ingressClassName: "nginx", rules: rules ?? [{ host: "sehat.contohkab.go.id", http: { paths: [] } }], ...(tls ? { tls } : {}), ...rest },
  };
};
const service = (spec: Record<string, unknown>) => ({ apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: sehat.namespace }, spec: { ports: [{ port: 80, targetPort: 8080 }], selector: { "app.kubernetes.io/name": "web" }, ...spec } });

describe("the tenant admission policy (CEL evaluated with @marcbachmann/cel-js)", () => {
  it("is bound, denying, to the tenant's namespace only, for Ingress and Service writes", () => {
    const inTenant = { matchLabels: { "kubernetes.io/metadata.name": sehat.namespace } };
    expect(spec.matchConstraints.namespaceSelector).toEqual(inTenant);
    expect(spec.matchConstraints.resourceRules.flatMap((r) => r.resources).sort()).toEqual(["ingresses", "services"]);
    expect(spec.matchConstraints.resourceRules.every((r) => r.operations.join() === "CREATE,UPDATE")).toBe(true);
    expect(binding.spec).toEqual({ policyName: policy.metadata.name, validationActions: ["Deny"], matchResources: { namespaceSelector: inTenant } });
  });

  const admitted: [string, Record<string, unknown>][] = [
    ["the Ingress this product generates for the tenant", objects.find((o) => o.kind === "Ingress")! as KubeObject],
    ["an Ingress for a name below the tenant's host", ingress({ rules: [{ host: "www.sehat.contohkab.go.id" }], tls: [{ hosts: ["www.sehat.contohkab.go.id"], secretName: "w" }] })],
    ["an Ingress with ordinary annotations", ingress({ annotations: { "nginx.ingress.kubernetes.io/proxy-body-size": "10m" } })],
    ["a Service without a type (ClusterIP)", service({})],
    ["a ClusterIP Service", service({ type: "ClusterIP" })],
  ];
  for (const [what, o] of admitted) it(`admits ${what}`, () => expect(admit(o)).toEqual({ admitted: true }));

  const refused: [string, Record<string, unknown>, RegExp][] = [
    ["another agency's host name", ingress({ rules: [{ host: "arsip.contohkab.go.id" }] }), /hanya untuk sehat/],
    ["a host that merely ends with the tenant's letters", ingress({ rules: [{ host: "bukansehat.contohkab.go.id" }] }), /hanya untuk sehat/],
    ["the tenant's name under a foreign domain", ingress({ rules: [{ host: "sehat.contohkab.go.id.example.com" }] }), /hanya untuk sehat/],
    ["the zone apex", ingress({ rules: [{ host: "contohkab.go.id" }] }), /hanya untuk sehat/],
    ["a rule without a host (catches every name)", ingress({ rules: [{ http: { paths: [] } }] }), /hanya untuk sehat/],
    ["one good rule beside a foreign one", ingress({ rules: [{ host: "sehat.contohkab.go.id" }, { host: "www.contohkab.go.id" }] }), /hanya untuk sehat/],
    ["an Ingress with no rules", ingress({ rules: [] }), /hanya untuk sehat/],
    ["a certificate for a foreign name", ingress({ tls: [{ hosts: ["sehat.contohkab.go.id", "arsip.contohkab.go.id"], secretName: "t" }] }), /TLS/],
    ["a TLS entry without hosts", ingress({ tls: [{ secretName: "t" }] }), /TLS/],
    ["a default backend", ingress({ defaultBackend: { service: { name: "web", port: { number: 80 } } } }), /defaultBackend/],
    ["another ingress class", ingress({ ingressClassName: "publik" }), /ingressClassName/],
    ["no ingress class", { ...ingress({}), spec: { rules: [{ host: "sehat.contohkab.go.id" }] } }, /ingressClassName/],
    ["a configuration snippet", ingress({ annotations: { "nginx.ingress.kubernetes.io/configuration-snippet": "proxy_pass http://169.254.169.254;" } }), /snippet/],
    ["a server alias to another name", ingress({ annotations: { "nginx.ingress.kubernetes.io/server-alias": "arsip.contohkab.go.id" } }), /server-alias/],
    ["an ExternalName Service", service({ type: "ExternalName", externalName: "arsip.tenant-arsip.svc.cluster.local" }), /ClusterIP/],
    ["a NodePort Service", service({ type: "NodePort" }), /ClusterIP/],
    ["a LoadBalancer Service", service({ type: "LoadBalancer" }), /ClusterIP/],
    ["a Service with external IPs", service({ externalIPs: ["203.0.113.9"] }), /externalIPs/],
  ];
  for (const [what, o, message] of refused) {
    it(`refuses ${what}`, () => {
      const v = admit(o);
      expect(v.admitted).toBe(false);
      if (!v.admitted) expect(v.messages.join("\n")).toMatch(message);
    });
  }

  it("refuses to build a policy from a host that is not a safe CEL literal", () => {
    expect(() => tenantManifests({ ...sehat, host: "x' || true || 'y" }, cluster)).toThrow(/CEL literal/);
  });
});
