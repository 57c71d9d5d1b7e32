// The tenant's ValidatingAdmissionPolicy and its binding: what RBAC cannot say. RBAC lets the OPD
// write Ingresses and Services; this policy lets them only serve the tenant's own names through
// the cluster's ingress class, and only as ClusterIP Services. The quota (services.nodeports and
// services.loadbalancers 0) refuses the same Service types a second time.
import type { Tenant } from "../../state/types.ts";
import type { ClusterSettings, KubeObject, ObjectMeta } from "./manifests.ts";

export interface Validation {
  expression: string;
  message: string;
}

/** Host names are lowercase ASCII by the state; anything else would not be a safe CEL literal. */
const SAFE_LITERAL = /^[a-z0-9][a-z0-9.-]*$/;

function literal(text: string): string {
  if (!SAFE_LITERAL.test(text)) throw new Error(`not a host or class name for a CEL literal: ${JSON.stringify(text)}`);
  return `'${text}'`;
}

const ON_INGRESS = "request.resource.resource != 'ingresses' || ";
const ON_SERVICE = "request.resource.resource != 'services' || ";

/** The CEL checks of one tenant's policy; exported so tests evaluate exactly these. */
export function admissionValidations(tenant: Tenant, cluster: ClusterSettings): Validation[] {
  const h = literal(tenant.host);
  const sub = `'.${tenant.host}'`; // safe: literal() has just checked the host
  const own = (v: string) => `(${v} == ${h} || ${v}.endsWith(${sub}))`;
  return [
    {
      expression: `${ON_INGRESS}(has(object.spec.rules) && size(object.spec.rules) > 0 && object.spec.rules.all(r, has(r.host) && ${own("r.host")}))`,
      message: `Ingress hanya untuk ${tenant.host} dan nama di bawahnya, dengan host tertulis di setiap aturan / Ingress rules must name ${tenant.host} or a name below it`,
    },
    {
      expression: `${ON_INGRESS}(!has(object.spec.tls) || object.spec.tls.all(t, has(t.hosts) && t.hosts.all(x, ${own("x")})))`,
      message: `Sertifikat TLS hanya untuk ${tenant.host} dan nama di bawahnya / TLS hosts must be ${tenant.host} or a name below it`,
    },
    {
      expression: `${ON_INGRESS}!has(object.spec.defaultBackend)`,
      message: "Ingress tidak boleh memakai defaultBackend (menangkap semua nama) / an Ingress must not set defaultBackend",
    },
    {
      expression: `${ON_INGRESS}(has(object.spec.ingressClassName) && object.spec.ingressClassName == ${literal(cluster.ingressClass)})`,
      message: `Ingress harus memakai ingressClassName ${cluster.ingressClass} / the Ingress must use ingressClassName ${cluster.ingressClass}`,
    },
    {
      // ingress-nginx snippets run configuration in the shared controller; server-alias adds host names.
      expression: `${ON_INGRESS}(!has(object.metadata.annotations) || object.metadata.annotations.all(k, !k.endsWith('-snippet') && !k.endsWith('/server-alias')))`,
      message: "Anotasi *-snippet dan server-alias tidak diizinkan / snippet and server-alias annotations are not allowed",
    },
    {
      expression: `${ON_SERVICE}(!has(object.spec.type) || object.spec.type == 'ClusterIP')`,
      message: "Service hanya boleh bertipe ClusterIP (bukan ExternalName, NodePort, LoadBalancer) / Services must be of type ClusterIP",
    },
    {
      expression: `${ON_SERVICE}(!has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0)`,
      message: "Service tidak boleh memakai externalIPs / Services must not set externalIPs",
    },
  ];
}

export const policyName = (tenant: Tenant) => `subdomain-gitops-${tenant.namespace}`;

export function admissionObjects(tenant: Tenant, cluster: ClusterSettings, meta: Omit<ObjectMeta, "name" | "namespace">): KubeObject[] {
  const name = policyName(tenant);
  const inTenant = { matchLabels: { "kubernetes.io/metadata.name": tenant.namespace } };
  return [
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicy",
      metadata: { name, ...meta },
      spec: {
        failurePolicy: "Fail",
        matchConstraints: {
          namespaceSelector: inTenant,
          resourceRules: [
            { apiGroups: ["networking.k8s.io"], apiVersions: ["*"], operations: ["CREATE", "UPDATE"], resources: ["ingresses"] },
            { apiGroups: [""], apiVersions: ["*"], operations: ["CREATE", "UPDATE"], resources: ["services"] },
          ],
        },
        validations: admissionValidations(tenant, cluster),
      },
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: { name, ...meta },
      spec: { policyName: name, validationActions: ["Deny"], matchResources: { namespaceSelector: inTenant } },
    },
  ];
}
