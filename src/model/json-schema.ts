// Turns the zod models into the JSON Schemas committed under schemas/.
import { z } from "zod";
import { Governance } from "./governance.ts";
import { Request } from "./request.ts";

type Json = Record<string, unknown>;

/**
 * zod emits a plain oneOf for a discriminated union. Ajv's `discriminator` keyword makes the
 * validator pick the branch by `type` and report only that branch's errors, which is what a
 * person fixing a record wants to read. Editors ignore the keyword.
 */
function addDiscriminators(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(addDiscriminators);
  if (!node || typeof node !== "object") return;
  const obj = node as Json;
  const branches = obj.oneOf as Json[] | undefined;
  if (Array.isArray(branches) && branches.every((b) => (b.properties as Json | undefined)?.type && (b.required as string[] | undefined)?.includes("type"))) {
    obj.type = "object";
    obj.discriminator = { propertyName: "type" };
  }
  Object.values(obj).forEach(addDiscriminators);
}

function render(schema: z.ZodType, id: string): string {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }) as Json;
  addDiscriminators(json);
  return JSON.stringify({ $id: id, ...json }, null, 2) + "\n";
}

/** File name under schemas/ -> its text. */
export function renderSchemas(): Record<string, string> {
  return {
    "request.schema.json": render(Request, "https://subdomain-gitops.local/schemas/request.schema.json"),
    "governance.schema.json": render(Governance, "https://subdomain-gitops.local/schemas/governance.schema.json"),
  };
}
