// JSON Schemas for the custom resources this product writes, transcribed by hand (no npm package
// ships them: there is no @kubernetes-models/velero, and AdminNetworkPolicy is not in
// kubernetes-models). Written from Velero's API type documentation (velero.io/docs, "Schedule API
// Type" and "Backup API Type", velero.io/v1) and from the AdminNetworkPolicy API reference of the
// Kubernetes SIG Network network-policy-api project (policy.networking.k8s.io/v1alpha1). Strict
// (additionalProperties false) so a misspelt field fails here instead of being pruned on a cluster.
const str = { type: "string" };
const strings = { type: "array", items: str };
const bool = { type: "boolean" };
/** Go's time.Duration text, as Velero's ttl and timeouts are written: "720h0m0s". */
const duration = { type: "string", pattern: "^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$" };
const labelSelector = {
  type: "object",
  additionalProperties: false,
  properties: {
    matchLabels: { type: "object", additionalProperties: str },
    matchExpressions: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "operator"],
        properties: { key: str, operator: { enum: ["In", "NotIn", "Exists", "DoesNotExist"] }, values: strings },
      },
    },
  },
};
const metadata = {
  type: "object",
  required: ["name", "namespace"],
  properties: { name: str, namespace: str, labels: { type: "object", additionalProperties: str }, annotations: { type: "object", additionalProperties: str } },
};

/** velero.io/v1 BackupSpec (the fields of the documentation's sample, all optional). */
const backupSpec = {
  type: "object",
  additionalProperties: false,
  properties: {
    metadata: { type: "object", properties: { labels: { type: "object", additionalProperties: str } } },
    includedNamespaces: strings,
    excludedNamespaces: strings,
    includedResources: strings,
    excludedResources: strings,
    includedClusterScopedResources: strings,
    excludedClusterScopedResources: strings,
    includedNamespaceScopedResources: strings,
    excludedNamespaceScopedResources: strings,
    includeClusterResources: { type: ["boolean", "null"] },
    labelSelector,
    orLabelSelectors: { type: "array", items: labelSelector },
    snapshotVolumes: { type: ["boolean", "null"] },
    snapshotMoveData: { type: ["boolean", "null"] },
    datamover: str,
    ttl: duration,
    csiSnapshotTimeout: duration,
    itemOperationTimeout: duration,
    storageLocation: str,
    volumeSnapshotLocations: strings,
    defaultVolumesToFsBackup: { type: ["boolean", "null"] },
    defaultVolumesToRestic: { type: ["boolean", "null"] },
    orderedResources: { type: "object", additionalProperties: str },
    hooks: { type: "object" },
    resourcePolicy: { type: "object", required: ["kind", "name"], properties: { kind: str, name: str, apiGroup: str } },
    uploaderConfig: { type: "object", properties: { parallelFilesUpload: { type: "integer" } } },
  },
};

/** Five cron fields, optionally after CRON_TZ=<zone> (robfig/cron, which Velero uses), or a descriptor. */
const cron = { type: "string", pattern: "^(CRON_TZ=[A-Za-z_]+/[A-Za-z_]+ )?([0-9*,/-]+ ){4}[0-9*,/A-Za-z-]+$|^@(hourly|daily|weekly|monthly|yearly|every .+)$" };

export const veleroSchedule = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "velero.io/v1" },
    kind: { const: "Schedule" },
    metadata,
    spec: {
      type: "object",
      additionalProperties: false,
      required: ["schedule", "template"],
      properties: { schedule: cron, template: backupSpec, useOwnerReferencesInBackup: bool, paused: bool, skipImmediately: bool },
    },
  },
};

export const veleroBackup = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: { apiVersion: { const: "velero.io/v1" }, kind: { const: "Backup" }, metadata, spec: backupSpec },
};

const peer = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    namespaces: labelSelector,
    pods: { type: "object", required: ["namespaceSelector", "podSelector"], properties: { namespaceSelector: labelSelector, podSelector: labelSelector } },
    nodes: labelSelector,
    networks: { type: "array", minItems: 1, maxItems: 25, items: { type: "string", pattern: "^[0-9a-fA-F:.]+/[0-9]{1,3}$" } },
  },
};
const rule = (peers: "to" | "from") => ({
  type: "object",
  additionalProperties: false,
  required: ["action", peers],
  properties: { name: { type: "string", maxLength: 100 }, action: { enum: ["Allow", "Deny", "Pass"] }, [peers]: { type: "array", minItems: 1, maxItems: 100, items: peer }, ports: { type: "array" } },
});

export const adminNetworkPolicy = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "policy.networking.k8s.io/v1alpha1" },
    kind: { const: "AdminNetworkPolicy" },
    metadata: { type: "object", required: ["name"], not: { required: ["namespace"] } },
    spec: {
      type: "object",
      additionalProperties: false,
      required: ["priority", "subject"],
      properties: {
        priority: { type: "integer", minimum: 0, maximum: 1000 },
        subject: { type: "object", additionalProperties: false, minProperties: 1, maxProperties: 1, properties: { namespaces: labelSelector, pods: peer.properties.pods } },
        ingress: { type: "array", maxItems: 100, items: rule("from") },
        egress: { type: "array", maxItems: 100, items: rule("to") },
      },
    },
  },
};
