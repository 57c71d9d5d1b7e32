// The desired state: what the zone and the cluster should hold, derived purely from the validated
// requests and governance. The plan, the offline artifacts and the Pulumi program all read this
// one value, so what a reviewer sees and what is deployed cannot disagree.

export type RecordType = "A" | "AAAA" | "CNAME" | "TXT" | "MX" | "CAA" | "SRV" | "NS" | "DS" | "INGRESS";

export interface MxValue {
  priority: number;
  exchange: string;
}
export interface CaaValue {
  flags: number;
  tag: string;
  value: string;
}
export interface SrvValue {
  priority: number;
  weight: number;
  port: number;
  target: string;
}

export interface DsValue {
  keyTag: number;
  algorithm: number;
  digestType: number;
  /** Uppercase hexadecimal, no spaces. */
  digest: string;
}

/** Values by type. Host names are absolute, lowercase ASCII, without the trailing dot. */
export type RecordData =
  | { type: "A" | "AAAA" | "TXT"; values: string[] }
  | { type: "CNAME"; values: [string] }
  /** A delegation: the name servers the name is handed to (absolute host names). */
  | { type: "NS"; values: string[] }
  | { type: "DS"; values: DsValue[] }
  | { type: "MX"; values: MxValue[] }
  | { type: "CAA"; values: CaaValue[] }
  | { type: "SRV"; values: SrvValue[] }
  /**
   * A hosted name: points at the cluster's ingress. The ingress address is deployment
   * configuration (the Pulumi stack, or `npm run plan --ingress`), not governance, so the state
   * names only the intent and each target resolves it (see src/state/ingress.ts): a CNAME to an
   * ingress host name, or A/AAAA to its addresses. Changing the ingress therefore never shows up
   * as a change of every hosted request in a pull request's plan.
   */
  | { type: "INGRESS"; values: [] };

/** Where a record or tenant comes from, for comments, tags, labels and the registry. */
export interface Source {
  file: string;
  opd: string;
  label: string;
}

export type RecordSet = RecordData & {
  zone: string;
  /** Relative to the zone, lowercase ASCII: "sehat", "_dmarc.sehat", "_sip._tcp.sehat". */
  name: string;
  ttl: number;
  proxied: boolean;
  source: Source;
};

export interface Quota {
  /** Kubernetes quantities as written in governance or the request: "500m", "1Gi". */
  cpu: string;
  memory: string;
  storage: string;
  volumes: number;
}

/** The ClusterRoles written for this product (src/targets/kubernetes/roles.ts), by subject. */
export const TENANT_ROLES = { contact: "subdomain-gitops-tenant-pengelola", ci: "subdomain-gitops-tenant-ci" } as const;

/** When a tenant's data is copied (Velero), from governance `hosting.backup`. */
export interface TenantBackup {
  /** A daily schedule exists only for a tenant with storage (volumes above zero). */
  daily: boolean;
  /** "HH:MM" in `timeZone`. */
  time: string;
  timeZone: string;
  retentionDays: number;
  /** How long the last backup before an approved data deletion is kept. */
  finalRetentionDays: number;
}

export interface Tenant {
  /** Kubernetes namespace name (DNS-1123 label), stable for the life of the request. */
  namespace: string;
  zone: string;
  /** The host served: <label>.<zone>, ASCII. */
  host: string;
  quota: Quota;
  /** The ClusterRole the technical contact is bound to (TENANT_ROLES.contact). */
  accessRole: string;
  technicalContact: { name: string; email: string; github?: string };
  source: Source;
  /**
   * "active": the OPD works in it. "retained": access revoked (RoleBindings, CI account and
   * Ingress removed) while the namespace and its volumes stay: a decommission without deleteData,
   * or a request file deleted before its data was released.
   */
  status: "active" | "retained";
  /** The request file is gone; the tenant is kept from the file's last version in git history. */
  deletedFile: boolean;
  backup: TenantBackup;
  /** Set by an approved decommission with deleteData: the namespace and its storage may go. */
  releaseData: boolean;
}

export interface DesiredState {
  /** Sorted by zone, name, type. */
  records: RecordSet[];
  /** Sorted by namespace. */
  tenants: Tenant[];
}
