// Which form fields a request must carry: the request model's JSON Schema plus governance's
// requiredFields. One place, used by the form generator (the "required" mark and the word
// "opsional") and by the change intake (whether "hapus" may remove a value).
// The committed JSON Schema (generated from the zod model by `npm run schemas`, a test fails when
// it drifts) rather than rendering the model here: the same schema CI validates with, and the web
// form's bundle, which runs the intake's builder, then carries no zod.
import schemaJson from "../../schemas/request.schema.json" with { type: "json" };
import type { Governance } from "../model/governance.ts";
import type { Field } from "./fields.ts";

export type Json = Record<string, unknown>;

/** The request model's JSON Schema. */
export function requestSchema(): Json {
  return schemaJson as Json;
}

/** The node of the JSON Schema at a property path, and whether every step of the path is required. */
export function schemaAt(schema: Json, path: readonly string[]): { node?: Json; required: boolean } {
  let node: Json | undefined = schema;
  let required = true;
  for (const key of path) {
    const props = node?.properties as Record<string, Json> | undefined;
    required = required && ((node?.required as string[] | undefined)?.includes(key) ?? false);
    node = props?.[key];
    if (node?.type === "array" && path[path.length - 1] !== key) node = node.items as Json;
  }
  return { node, required };
}

/** governance.requiredFields names `recommendation` for the whole block, whose number is its key field. */
export function governanceRequires(governance: Governance, path: readonly string[]): boolean {
  const dotted = path.join(".");
  return governance.requiredFields.some((r) => r === dotted || (r === "recommendation" && dotted === "recommendation.number"));
}

/** Whether a new request must fill the field. */
export function isRequired(f: Field, governance: Governance, schema: Json = requestSchema()): boolean {
  if (f.required !== undefined) return f.required;
  if (!f.path) return false;
  if (governanceRequires(governance, f.path)) return true;
  // The removal form fills the optional decommission block, so requiredness starts inside it.
  if (f.path[0] === "decommission") return schemaAt((schema.properties as Record<string, Json>).decommission!, f.path.slice(1)).required;
  return schemaAt(schema, f.path).required;
}

/**
 * The part of a request that "hapus" removes for a field: the field itself when optional, the
 * enclosing optional block when the field is that block's key (recommendation.number removes the
 * recommendation), or undefined when the request cannot be without it (by the model or by
 * governance).
 */
export function removablePath(path: readonly string[], governance: Governance, schema: Json = requestSchema()): readonly string[] | undefined {
  for (let n = path.length; n >= 1; n--) {
    const prefix = path.slice(0, n);
    if (governanceRequires(governance, prefix)) return undefined;
    const parent = schemaAt(schema, prefix.slice(0, -1)).node;
    const optional = !((parent?.required as string[] | undefined)?.includes(prefix[n - 1]!) ?? false);
    if (optional) return prefix;
  }
  return undefined;
}
