// The offline form of a tenant: one multi-document YAML file, as `kubectl apply -f` reads it.
import { stringify } from "yaml";
import type { KubeObject } from "./manifests.ts";

export function renderManifests(objects: KubeObject[]): string {
  return objects.map((o) => "---\n" + stringify(o, { lineWidth: 0 })).join("");
}
