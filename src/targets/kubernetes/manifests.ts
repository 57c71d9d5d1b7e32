// A hosting tenant's Kubernetes objects, as plain JSON: the single description used both for the
// offline `out/kubernetes/*.yaml` and for the resources the Pulumi program registers. Pure: same
// tenant and cluster settings, same objects, same order, same key order.
import { TENANT_ROLES, type Tenant } from "../../state/types.ts";
import { admissionObjects } from "./admission.ts";
import { backupObjects } from "./backup.ts";
import { minQuantity } from "./quantity.ts";

/** What differs between clusters; read from the Pulumi stack configuration. */
export interface ClusterSettings {
  /** IngressClass name of the cluster's ingress controller, e.g. "nginx". */
  ingressClass: string;
  /** Namespace of the ingress controller; the only source of inbound traffic a tenant accepts. */
  ingressNamespace: string;
  /** The storage class a tenant's PersistentVolumeClaims use; its quota is the tenant's storage. */
  storageClass: string;
  /** cert-manager ClusterIssuer that signs the tenant's TLS certificate. */
  clusterIssuer: string;
  /** Velero's namespace; default "velero". */
  veleroNamespace?: string;
  /** Node and control-plane CIDRs tenants must never reach (the metadata range is always added). */
  blockedRanges?: string[];
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** Label and annotation prefix of this repository. */
export const PREFIX = "subdomain-gitops";
export const MANAGED_BY = "subdomain-gitops";

/** Names inside every tenant namespace: fixed so an OPD's own deployment can rely on them. */
export const NAMES = {
  quota: "kuota",
  limits: "batas-bawaan",
  denyAll: "tolak-semua",
  allowIngress: "izinkan-ingress-controller",
  allowSameNamespace: "izinkan-namespace-sendiri",
  allowDns: "izinkan-dns",
  contactBinding: "kontak-teknis",
  ciAccount: "ci-opd",
  ciBinding: "ci-opd",
  ingress: "web",
  /** The Service (port 80) the OPD deploys behind the Ingress. */
  service: "web",
  tlsSecret: "web-tls",
} as const;

/**
 * The pods the ingress controller may reach, and the one port: the OPD labels its web pods
 * `app.kubernetes.io/name: web` and serves on 8080 (above 1024: the restricted profile runs
 * containers as non-root); the Service `web` maps port 80 to it.
 */
export const WEB = { label: { "app.kubernetes.io/name": "web" }, port: 8080 } as const;

/** Container defaults when a container declares nothing, capped by the tenant's quota. */
const DEFAULT_REQUEST = { cpu: "100m", memory: "128Mi" };
const DEFAULT_LIMIT = { cpu: "500m", memory: "512Mi" };

/** Kind order for applying and for listing: the namespace first, what uses it after. */
const KIND_ORDER = [
  "ClusterRole",
  "AdminNetworkPolicy",
  "Namespace",
  "ResourceQuota",
  "LimitRange",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ServiceAccount",
  "RoleBinding",
  "NetworkPolicy",
  "Ingress",
  "Schedule",
  "Backup",
];

const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;

/** Label and annotation keys, made once (a computed key in a literal costs a runtime call per object). */
const KEYS = { opd: `${PREFIX}/opd`, subdomain: `${PREFIX}/subdomain`, host: `${PREFIX}/host`, request: `${PREFIX}/request` };

function labels(tenant: Tenant): Record<string, string> {
  const out: Record<string, string> = { "app.kubernetes.io/managed-by": MANAGED_BY };
  out[KEYS.opd] = tenant.source.opd;
  // A label value holds at most 63 characters; the full host name stays in the annotations.
  if (LABEL_VALUE.test(tenant.source.label)) out[KEYS.subdomain] = tenant.source.label;
  return out;
}

function annotations(tenant: Tenant): Record<string, string> {
  const out: Record<string, string> = {};
  out[KEYS.host] = tenant.host;
  out[KEYS.request] = tenant.source.file;
  return out;
}

/** The labels and annotations of one tenant's objects: made once per tenant and shared by its objects (nothing changes them). */
interface TenantMeta {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

function meta(tenant: Tenant, shared: TenantMeta, name: string, extra?: Record<string, string>): ObjectMeta {
  return { name, namespace: tenant.namespace, labels: shared.labels, annotations: extra ? { ...shared.annotations, ...extra } : shared.annotations };
}

export function tenantManifests(tenant: Tenant, cluster: ClusterSettings): KubeObject[] {
  const ns = tenant.namespace;
  const q = tenant.quota;
  const shared: TenantMeta = { labels: labels(tenant), annotations: annotations(tenant) };
  const objects: KubeObject[] = [
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: ns,
        labels: {
          ...shared.labels,
          // Pod Security Admission: the strictest profile for code the Diskominfo did not write.
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/enforce-version": "latest",
          "pod-security.kubernetes.io/audit": "restricted",
          "pod-security.kubernetes.io/warn": "restricted",
        },
        annotations: shared.annotations,
      },
    },
    {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: meta(tenant, shared, NAMES.quota),
      spec: {
        hard: {
          "requests.cpu": q.cpu,
          "limits.cpu": q.cpu,
          "requests.memory": q.memory,
          "limits.memory": q.memory,
          "requests.storage": q.storage,
          persistentvolumeclaims: String(q.volumes),
          // No port on the nodes and no load balancer: the ingress controller is the only way in.
          "services.nodeports": "0",
          "services.loadbalancers": "0",
          [`${cluster.storageClass}.storageclass.storage.k8s.io/requests.storage`]: q.storage,
          [`${cluster.storageClass}.storageclass.storage.k8s.io/persistentvolumeclaims`]: String(q.volumes),
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: meta(tenant, shared, NAMES.limits),
      spec: {
        // With a cpu/memory quota, a pod without requests and limits is refused; these defaults
        // let a plain Deployment run. Never above the quota, or every pod would be refused.
        limits: [
          {
            type: "Container",
            defaultRequest: { cpu: minQuantity(DEFAULT_REQUEST.cpu, q.cpu), memory: minQuantity(DEFAULT_REQUEST.memory, q.memory) },
            default: { cpu: minQuantity(DEFAULT_LIMIT.cpu, q.cpu), memory: minQuantity(DEFAULT_LIMIT.memory, q.memory) },
            max: { cpu: q.cpu, memory: q.memory },
          },
          { type: "PersistentVolumeClaim", max: { storage: q.storage } },
        ],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta(tenant, shared, NAMES.denyAll),
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta(tenant, shared, NAMES.allowIngress),
      spec: {
        podSelector: { matchLabels: { ...WEB.label } },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": cluster.ingressNamespace } } }],
            ports: [{ protocol: "TCP", port: WEB.port }],
          },
        ],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta(tenant, shared, NAMES.allowSameNamespace),
      // An application and its database in the same namespace must reach each other.
      spec: {
        podSelector: {},
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta(tenant, shared, NAMES.allowDns),
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
              },
            ],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      },
    },
  ];
  objects.push(...admissionObjects(tenant, cluster, shared), ...backupObjects(tenant, cluster, shared));
  // A retained tenant (decommissioned, or its file deleted) keeps namespace and volumes only.
  if (tenant.status === "active") objects.push(...accessObjects(tenant, cluster, shared));
  return sortObjects(objects);
}

/** Who may work in the namespace and how the world reaches it: removed when access is revoked. */
function accessObjects(tenant: Tenant, cluster: ClusterSettings, shared: TenantMeta): KubeObject[] {
  const ns = tenant.namespace;
  return [
    {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: meta(tenant, shared, NAMES.ciAccount, { [`${PREFIX}/purpose`]: "CI/CD milik OPD / the OPD's own CI" }),
      automountServiceAccountToken: false,
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta(tenant, shared, NAMES.contactBinding, {
        [`${PREFIX}/contact-name`]: tenant.technicalContact.name,
        ...(tenant.technicalContact.github ? { [`${PREFIX}/contact-github`]: tenant.technicalContact.github } : {}),
      }),
      // The cluster authenticates people by OIDC with the e-mail claim as user name (README):
      // the official e-mail identifies a civil servant; a GitHub handle is a private account.
      subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: tenant.technicalContact.email.toLowerCase() }],
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: TENANT_ROLES.contact },
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta(tenant, shared, NAMES.ciBinding),
      subjects: [{ kind: "ServiceAccount", name: NAMES.ciAccount, namespace: ns }],
      // CI deploys workloads; like the contact it never changes who has access or the network rules.
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: TENANT_ROLES.ci },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: meta(tenant, shared, NAMES.ingress, {
        "cert-manager.io/cluster-issuer": cluster.clusterIssuer,
        // Pulumi would otherwise wait for the backend Service, which the OPD deploys only later;
        // kubectl ignores the annotation.
        "pulumi.com/skipAwait": "true",
      }),
      spec: {
        ingressClassName: cluster.ingressClass,
        tls: [{ hosts: [tenant.host], secretName: NAMES.tlsSecret }],
        rules: [
          {
            host: tenant.host,
            http: {
              paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: NAMES.service, port: { number: 80 } } } }],
            },
          },
        ],
      },
    },
  ];
}

/** Kind order first, then name: a stable order whatever the construction order above. */
export function sortObjects(objects: KubeObject[]): KubeObject[] {
  const rank = (o: KubeObject) => {
    const i = KIND_ORDER.indexOf(o.kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...objects].sort((a, b) => rank(a) - rank(b) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** A stable identity for an object: its Pulumi logical name and its out/ file order. */
export function objectKey(o: KubeObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.kind}/${o.metadata.name}` : `${o.kind}/${o.metadata.name}`;
}
