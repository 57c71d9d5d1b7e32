// One check for every object this product writes: kubernetes-models for built-in kinds, the
// transcribed CRD schemas (crd-schemas.ts) for Velero and AdminNetworkPolicy, and the name and
// label syntax the API server checks beyond the schema.
import { expect } from "vitest";
import { Ajv } from "ajv";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ResourceQuota } from "kubernetes-models/v1/ResourceQuota";
import { LimitRange } from "kubernetes-models/v1/LimitRange";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { ClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { ValidatingAdmissionPolicy } from "kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy";
import { ValidatingAdmissionPolicyBinding } from "kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding";
import type { KubeObject } from "../../src/targets/kubernetes/manifests.ts";
import { adminNetworkPolicy, veleroBackup, veleroSchedule } from "./crd-schemas.ts";

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  Namespace: Namespace as never,
  ResourceQuota: ResourceQuota as never,
  LimitRange: LimitRange as never,
  ServiceAccount: ServiceAccount as never,
  RoleBinding: RoleBinding as never,
  ClusterRole: ClusterRole as never,
  NetworkPolicy: NetworkPolicy as never,
  Ingress: Ingress as never,
  ValidatingAdmissionPolicy: ValidatingAdmissionPolicy as never,
  ValidatingAdmissionPolicyBinding: ValidatingAdmissionPolicyBinding as never,
};

const ajv = new Ajv({ allErrors: true, strict: false });
const SCHEMAS: Record<string, ReturnType<Ajv["compile"]>> = {
  Schedule: ajv.compile(veleroSchedule),
  Backup: ajv.compile(veleroBackup),
  AdminNetworkPolicy: ajv.compile(adminNetworkPolicy),
};

/** Problems with one object; empty when it would be accepted. */
export function objectProblems(o: KubeObject): string[] {
  const Model = MODELS[o.kind];
  if (Model) {
    try {
      new Model(o as never).validate();
      return [];
    } catch (e) {
      return [String(e)];
    }
  }
  const check = SCHEMAS[o.kind];
  if (!check) return [`no schema for kind ${o.kind}`];
  return check(o) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** What the API server would check: the schema, names and label syntax. */
export function expectValid(o: KubeObject): void {
  expect(objectProblems(o), `${o.kind}/${o.metadata.name}`).toEqual([]);
  // Namespaces, Services and the like need a DNS-1123 label; the rest a DNS-1123 subdomain.
  expect(o.metadata.name).toMatch(["Namespace", "ServiceAccount"].includes(o.kind) ? DNS1123_LABEL : DNS1123_SUBDOMAIN);
  if (o.metadata.namespace !== undefined) expect(o.metadata.namespace).toMatch(DNS1123_LABEL);
  for (const [k, v] of Object.entries(o.metadata.labels)) {
    expect(k).toMatch(LABEL_KEY);
    expect(v).toMatch(LABEL_VALUE);
  }
  for (const k of Object.keys(o.metadata.annotations ?? {})) expect(k).toMatch(LABEL_KEY);
}
