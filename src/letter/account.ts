// The account details an OPD receives after deployment (letter and e-mail): built from the same
// desired state that Pulumi deployed, so the letter cannot promise what was not created.
// Carries no secret: no password, no token, no kubeconfig; only names and how to reach them.
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";
import { unicodeLabel, zoneOf } from "../model/names.ts";
import type { DesiredState, Quota, RecordSet, Tenant } from "../state/types.ts";
import { NAMES } from "../targets/kubernetes/manifests.ts";
import { targetInWords } from "./request-words.ts";

export interface AccountRecord {
  /** Full ASCII name, e.g. sehat.contohkab.go.id. */
  name: string;
  type: string;
  value: string;
  ttl: number;
}

export type AccountTarget =
  | { kind: "server"; ipv4: string[]; ipv6: string[] }
  | { kind: "alias"; alias: string }
  /** No web target (a mail-only name) or a delegation: the records row says everything. */
  | { kind: "records" }
  | {
      kind: "hosting";
      namespace: string;
      quota: Quota;
      ingressHost: string;
      /** The ServiceAccount the OPD's CI deploys with (RoleBinding "edit" in its namespace). */
      serviceAccount: string;
      /** The technical contact's cluster identity (OIDC e-mail) and its role. */
      user: string;
      accessRole: string;
      /** A kubectl command that sets up a context for the namespace. */
      kubectlHint: string;
      /** The tenant itself, for the rows on rights and backups (hosting-terms.ts). */
      tenant: Tenant;
    };

export interface AccountDetails {
  file: string;
  opd: { code: string; name: string };
  host: { unicode: string; ascii: string };
  purpose: string;
  reviewBy: string;
  /** The OPD's own letter that the reply answers. */
  opdLetter: { number: string; date: string };
  target: AccountTarget;
  /** The target as the request asks it, in words (request-words.ts): what a refusal letter names. */
  requested: string;
  records: AccountRecord[];
  contacts: {
    administrative: { name: string; email: string };
    technical: { name: string; email: string };
  };
  decommissioned: boolean;
}

export interface AccountOptions {
  /** The cluster's name in the OPD's kubeconfig (the kubectl hint); default "diskominfo". */
  clusterName?: string;
}

function recordValue(r: RecordSet): string {
  switch (r.type) {
    case "MX":
      return r.values.map((v) => `${v.priority} ${v.exchange}`).join(", ");
    case "CAA":
      return r.values.map((v) => `${v.flags} ${v.tag} "${v.value}"`).join(", ");
    case "SRV":
      return r.values.map((v) => `${v.priority} ${v.weight} ${v.port} ${v.target}`).join(", ");
    case "TXT":
      return r.values.map((v) => `"${v}"`).join(", ");
    case "DS":
      return r.values.map((v) => `${v.keyTag} ${v.algorithm} ${v.digestType} ${v.digest}`).join(", ");
    default:
      // A, AAAA, CNAME; a hosted name (INGRESS) has no value of its own: the cluster's ingress.
      return (r.values as string[]).join(", ");
  }
}

/** Account details of one request file from the deployed desired state. */
export function accountDetails(
  file: string,
  request: Request,
  governance: Governance,
  state: DesiredState,
  options: AccountOptions = {},
): AccountDetails {
  const zone = (zoneOf(request, governance)?.name ?? request.zone ?? governance.zones[0]!.name).toLowerCase();
  const records = state.records.filter((r) => r.source.file === file);
  const tenant = state.tenants.find((t) => t.source.file === file);
  const own = records.find((r) => r.source.label && (r.type === "A" || r.type === "AAAA" || r.type === "CNAME" || r.type === "INGRESS") && !r.name.includes("."));
  const ascii = `${own?.name ?? request.label.toLowerCase()}.${zone}`;
  const unicode = ascii.split(".").map(unicodeLabel).join(".");
  const opd = governance.opds.find((o) => o.code === request.opd);
  let target: AccountTarget;
  if (tenant) {
    const cluster = options.clusterName ?? "diskominfo";
    const user = tenant.technicalContact.email.toLowerCase();
    target = {
      kind: "hosting",
      namespace: tenant.namespace,
      quota: tenant.quota,
      ingressHost: tenant.host,
      serviceAccount: NAMES.ciAccount,
      user,
      accessRole: tenant.accessRole,
      kubectlHint: `kubectl config set-context ${tenant.namespace} --cluster=${cluster} --namespace=${tenant.namespace}`,
      tenant,
    };
  } else if (!request.target || request.target.delegation) {
    target = { kind: "records" };
  } else if (request.target.alias) {
    target = { kind: "alias", alias: request.target.alias.toLowerCase().replace(/\.$/, "") };
  } else {
    const values = (type: string) => records.filter((r) => r.type === type && r === own).flatMap((r) => r.values as string[]);
    target = {
      kind: "server",
      ipv4: values("A").length ? values("A") : [...(request.target.server?.ipv4 ?? [])],
      ipv6: values("AAAA").length ? values("AAAA") : [...(request.target.server?.ipv6 ?? [])],
    };
  }
  return {
    file,
    opd: { code: request.opd, name: opd?.name ?? request.opd },
    host: { unicode, ascii },
    purpose: request.purpose,
    reviewBy: request.reviewBy,
    opdLetter: { number: request.letter.number, date: request.letter.date },
    target,
    requested: targetInWords(request.target, governance.hosting.defaults),
    records: records.map((r) => ({ name: `${r.name}.${r.zone}`, type: r.type, value: recordValue(r), ttl: r.ttl })),
    contacts: {
      administrative: { name: request.contacts.administrative.name, email: request.contacts.administrative.email },
      technical: { name: request.contacts.technical.name, email: request.contacts.technical.email },
    },
    decommissioned: request.decommission !== undefined,
  };
}
