// GitHub's official OpenAPI description (@octokit/openapi) as a response checker for the fake
// GitHub: every response the fake sends is validated with ajv against the schema the description
// gives for that operation and status code. A mismatch means the fake lies about GitHub, and
// the test that caused it fails.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  operationId: string;
  responses: Json;
  hasRequestBody: boolean;
  requestRequired: boolean;
}

/** OpenAPI 3.0's `nullable: true` in JSON Schema terms. */
function denull(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(denull);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = denull(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string" && !out.allOf && !out.anyOf && !out.oneOf && !out.$ref) {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

const pointer = (parts: string[]) => "#" + parts.map((p) => "/" + encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1"))).join("");

export class OpenApiChecker {
  private static instance?: OpenApiChecker;
  /** One per process: parsing the 13 MB description and compiling schemas is the slow part. */
  static shared(): OpenApiChecker {
    return (OpenApiChecker.instance ??= new OpenApiChecker());
  }

  private ajv: Ajv;
  private operations: Operation[] = [];
  private compiled = new Map<string, ValidateFunction | null>();

  constructor() {
    const require = createRequire(import.meta.url);
    const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
    const doc = denull(JSON.parse(readFileSync(file, "utf8"))) as Json;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: "gh", components: doc.components, paths: doc.paths }, "gh");
    for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
        const o = op as Json;
        // A trailing {path} or {ref} may hold slashes: requests/dinkes/x.yaml, heads/main.
        const regex = new RegExp("^" + template.replace(/[.]/g, "\\.").replace(/\{(path|ref)\}$/, "(?:.+)").replace(/\{[^}]+\}/g, "[^/]+") + "$");
        const requestBody = o.requestBody as Json | undefined;
        this.operations.push({ method: method.toUpperCase(), template, regex, operationId: String(o.operationId), responses: o.responses as Json, hasRequestBody: ((requestBody?.content as Json | undefined)?.["application/json"]) !== undefined, requestRequired: requestBody?.required === true });
      }
    }
    // Literal segments beat parameters: /repos/{o}/{r}/git/ref/{ref} vs .../{path}.
    this.operations.sort((a, b) => b.template.replace(/\{[^}]+\}/g, "").length - a.template.replace(/\{[^}]+\}/g, "").length);
  }

  private schemas(): Record<string, Json> {
    return ((this.ajv.getSchema("gh")?.schema as Json).components as Json).schemas as Record<string, Json>;
  }

  /**
   * A value of a component schema with every required property filled by a plain default of its
   * type (null where nullable), then `overrides` merged in. The fake builds its responses from
   * these, so they carry all the fields GitHub's description requires; `check` still validates.
   */
  sample(name: string, overrides: Json = {}): Json {
    return merge(this.skeleton({ $ref: `#/components/schemas/${name}` }, 0) as Json, overrides) as Json;
  }

  private skeleton(node: Json, depth: number): unknown {
    if (depth > 12) return null;
    if (typeof node.$ref === "string") return this.skeleton(this.schemas()[node.$ref.split("/").pop()!]!, depth + 1);
    if (node.anyOf || node.oneOf) {
      const branches = (node.anyOf ?? node.oneOf) as Json[];
      if (branches.some((b) => b.type === "null")) return null;
      return this.skeleton(branches[0]!, depth + 1);
    }
    if (node.allOf) return (node.allOf as Json[]).reduce((acc: Json, b) => merge(acc, this.skeleton(b, depth + 1) as Json) as Json, {});
    const type = Array.isArray(node.type) ? (node.type.includes("null") ? "null" : node.type[0]) : node.type;
    if (node.enum) return (node.enum as unknown[])[0];
    switch (type) {
      case "null":
        return null;
      case "string":
        return node.format === "date-time" ? "2026-01-05T01:00:00Z" : node.format === "uri" || node.format === "uri-template" ? "https://github.test/x" : node.format === "email" ? "x@example.test" : "x";
      case "integer":
      case "number":
        return 1;
      case "boolean":
        return false;
      case "array":
        return [];
      default: {
        const out: Json = {};
        const props = (node.properties ?? {}) as Record<string, Json>;
        for (const key of (node.required ?? []) as string[]) out[key] = props[key] ? this.skeleton(props[key]!, depth + 1) : null;
        return out;
      }
    }
  }

  /** The operation GitHub documents for a method and path, or undefined. */
  operation(method: string, path: string): Operation | undefined {
    return this.operations.find((o) => o.method === method && o.regex.test(path));
  }

  /** Problems with a request body the client sent; empty when it matches the documented schema. */
  checkRequest(method: string, path: string, body: unknown): string[] {
    const op = this.operation(method, path);
    if (!op) return [`${method} ${path}: no such operation in GitHub's OpenAPI description`];
    if (!op.hasRequestBody) return [];
    if (body === undefined) return op.requestRequired ? [`${op.operationId}: the request body is required`] : [];
    const key = `request ${op.method} ${op.template}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.ajv.getSchema("gh" + pointer(["paths", op.template, op.method.toLowerCase(), "requestBody", "content", "application/json", "schema"])) ?? null;
      this.compiled.set(key, validate);
    }
    if (!validate) return [`${op.operationId}: request schema not found`];
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 10).map((e) => `${op.operationId} request: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }

  /** Problems with a response; empty when the body matches the documented schema for the status. */
  check(method: string, path: string, status: number, body: unknown): string[] {
    const op = this.operation(method, path);
    if (!op) return [`${method} ${path}: no such operation in GitHub's OpenAPI description`];
    const response = (op.responses[String(status)] ?? op.responses.default) as Json | undefined;
    if (!response) return [`${op.operationId}: status ${status} is not documented (documented: ${Object.keys(op.responses).join(", ")})`];
    const hasJson = (response.content as Json | undefined)?.["application/json"] !== undefined;
    const ref = typeof response.$ref === "string" ? response.$ref : undefined;
    if (!hasJson && !ref) return body === undefined || body === "" ? [] : [`${op.operationId} ${status}: a body was sent where GitHub sends none`];
    const key = `${op.method} ${op.template} ${status}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      const target = ref
        ? `gh#${ref.slice(1).split("/").map((s) => encodeURIComponent(s)).join("/")}/content/application~1json/schema`
        : "gh" + pointer(["paths", op.template, op.method.toLowerCase(), "responses", String(status) in op.responses ? String(status) : "default", "content", "application/json", "schema"]);
      validate = this.ajv.getSchema(target) ?? null;
      this.compiled.set(key, validate);
    }
    if (!validate) return [`${op.operationId} ${status}: schema not found`];
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 10).map((e) => `${op.operationId} ${status}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!over || typeof over !== "object" || Array.isArray(over) || !base || typeof base !== "object" || Array.isArray(base)) return over;
  const out: Json = { ...(base as Json) };
  for (const [k, v] of Object.entries(over as Json)) out[k] = merge(out[k], v);
  return out;
}
