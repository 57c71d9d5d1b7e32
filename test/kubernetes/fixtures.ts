// Hand-built inputs shared by the Kubernetes and Pulumi tests.
import type { ClusterSettings } from "../../src/targets/kubernetes/manifests.ts";
import type { Tenant } from "../../src/state/types.ts";

export const cluster: ClusterSettings = { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "local-path", clusterIssuer: "letsencrypt" };

export const sehat: Tenant = {
  namespace: "dinkes-sehat",
  zone: "contohkab.go.id",
  host: "sehat.contohkab.go.id",
  quota: { cpu: "500m", memory: "512Mi", storage: "5Gi", volumes: 2 },
  accessRole: "admin",
  technicalContact: { name: "Budi Santoso", email: "Budi.Santoso@dinkes.contohkab.go.id", github: "budi-dinkes" },
  source: { file: "requests/dinkes/sehat.yaml", opd: "dinkes", label: "sehat" },
  status: "active",
  deletedFile: false,
  backup: { daily: true, time: "01:00", timeZone: "Asia/Jakarta", retentionDays: 30, finalRetentionDays: 365 },
  releaseData: false,
};

