// The offline form of a tenant: one multi-document YAML file, as `kubectl apply -f` reads it.
import { emitYaml } from "./emit-yaml.ts";
import type { KubeObject } from "./manifests.ts";

export function renderManifests(objects: KubeObject[]): string {
  return objects.map((o) => "---\n" + emitYaml(o)).join("");
}
