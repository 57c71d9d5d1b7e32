// A file that fails the schema still gets the rules whose declared fields passed it; that is only
// safe if every rule reads no more than it declares. This watches each rule read the examples.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGovernance, readYamlFile } from "../../src/load/read.ts";
import { checkGovernance, checkRequest } from "../../src/validate/validate.ts";
import { FILE_RULES } from "../../src/validate/rules/index.ts";
import type { RequestFile } from "../../src/validate/rule.ts";

const root = CONTOH;
const governance = checkGovernance(readGovernance(root)).governance!;
const ctx = { governance, today: "2026-11-22" };
const files = readdirSync(join(root, "requests")).flatMap((opd) => readdirSync(join(root, "requests", opd)).map((f) => `requests/${opd}/${f}`));
const requests = files.map((f) => checkRequest(readYamlFile(root, f), ctx).request).filter((r): r is RequestFile => !!r);

/** The request with every top-level read recorded. */
function watched(req: RequestFile, seen: Set<string>): RequestFile {
  const request = new Proxy(req.request, {
    get(target, key, receiver) {
      if (typeof key === "string") seen.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
  return { ...req, request };
}

describe("file rules read only the fields they declare", () => {
  it("has example requests to watch", () => expect(requests.length).toBeGreaterThan(20));
  for (const rule of FILE_RULES) {
    it(`${rule.id} reads within ${JSON.stringify(rule.reads ?? "(schema-valid files only)")}`, () => {
      const seen = new Set<string>();
      for (const req of requests) rule.check(watched(req, seen), ctx);
      if (rule.reads) expect([...seen].filter((k) => !rule.reads!.includes(k as never))).toEqual([]);
    });
  }
});

describe("a file that fails the schema", () => {
  it("still gets the rules on its sound fields, and no rule on its broken ones", () => {
    const text = [
      "label: Gizi_Anak",
      "opd: dinkes",
      "purpose: gizi",
      "letter: { number: 12/2026, date: 2026-01-05 }",
      "contacts:",
      "  administrative: { name: Rina, email: rina@dinkes.contohkab.go.id, phone: '081234567890', github: rina-dinkes }",
      "  technical: { name: Budi, emial: budi@dinkes.contohkab.go.id, phone: '081234567890', github: budi }",
      "target:",
      "  server: { ipv4: [192.168.1.10] }",
      "reviewBy: 2027-01-01",
      "",
    ].join("\n");
    const loaded = { ...readYamlFile(root, "requests/dinkes/sehat.yaml"), file: "requests/dinkes/gizi-anak.yaml" };
    const parsed = { ...loaded, ...parse(text, loaded.file) };
    const result = checkRequest(parsed, ctx);
    const rules = result.diagnostics.map((d) => d.rule);
    expect(rules).toContain("schema.range"); // purpose too short
    expect(rules).toContain("schema.unknown-field"); // emial
    expect(rules).toContain("label.syntax");
    expect(rules).toContain("address.public");
    expect(rules).not.toContain("contact.email"); // contacts failed the schema: no rule reads them
    expect(result.request).toBeUndefined(); // and the file stays out of the repository rules
  });
});

import { parseYaml } from "../../src/load/parse.ts";
import { CONTOH } from "../fixtures/contoh.ts";
function parse(text: string, file: string) {
  return parseYaml(file, new TextEncoder().encode(text));
}

// `npm run validate` keeps of each request only REPOSITORY_FIELDS once its file rules have run
// (repository-view.ts). The types say the repository rules read no more; this watches them read
// requests that give each of them something to find, and checks their findings on the views.
describe("repository rules read only the fields validate keeps", () => {
  const fixture = (name: string) => {
    const dir = join(import.meta.dirname, "../fixtures/invalid", name);
    const ctx = { governance: checkGovernance(readGovernance(dir)).governance!, today: "2026-11-22" };
    return { ctx, requests: discoverRequests(dir).files.map((f) => checkRequest(readYamlFile(dir, f), ctx).request).filter((r): r is RequestFile => !!r) };
  };
  const sets = [{ ctx, requests }, fixture("rules"), fixture("namespace")];

  it("has findings of every repository rule to watch", () => {
    const found = new Set(sets.flatMap(({ ctx, requests }) => checkRepository(requests, ctx).map((d) => d.rule)));
    for (const rule of REPOSITORY_RULES) expect(found, rule.id).toContain(rule.id);
  });
  for (const rule of REPOSITORY_RULES) {
    it(`${rule.id} reads within REPOSITORY_FIELDS, and finds the same on the views`, () => {
      const seen = new Set<string>();
      for (const { ctx, requests } of sets) {
        const views = asViews(requests);
        expect(rule.check(views.map((v) => watched(v as RequestFile, seen)), ctx)).toEqual(rule.check(requests, ctx));
        for (const v of views) rule.links?.(watched(v as RequestFile, seen), ctx);
      }
      expect([...seen].filter((k) => !(REPOSITORY_FIELDS as readonly string[]).includes(k))).toEqual([]);
    });
  }
  it("keeps of a request exactly those fields, in one order", () => {
    const full = requests.find((r) => r.request.target && r.request.records)!.request;
    expect(Object.keys(repositoryView(full))).toEqual(REPOSITORY_FIELDS.filter((k) => full[k] !== undefined));
    expect(Object.keys(full).some((k) => !(REPOSITORY_FIELDS as readonly string[]).includes(k))).toBe(true);
  });
});

import { discoverRequests } from "../../src/load/discover.ts";
import { checkRepository } from "../../src/validate/validate.ts";
import { REPOSITORY_RULES } from "../../src/validate/rules/index.ts";
import { REPOSITORY_FIELDS } from "../../src/validate/rule.ts";
import { repositoryView } from "../../src/validate/repository-view.ts";
import { asViews } from "./helpers.ts";
