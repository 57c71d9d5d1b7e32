// A change never loses data: for random existing request files (with comments) and random partial
// change forms, the merged file differs from the existing one only in the fields the form filled,
// keeps every comment, and the field-by-field change lists exactly the fields that differ.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { buildRequest } from "../../src/forms/build.ts";
import { fieldsOf, TARGET_KINDS } from "../../src/forms/fields.ts";
import { parseIssueBody } from "../../src/forms/parse.ts";
import type { Governance } from "../../src/model/governance.ts";
import { issueBody } from "../github/issue-body.ts";
import { GOVERNANCE_TEXT } from "../validate/helpers.ts";

const governance = parse(GOVERNANCE_TEXT) as Governance; // requiredFields: [letter.scan]
const PATH = "requests/dinkes/sehat.yaml";
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{2,12}$/);
const sentence = fc.array(word, { minLength: 3, maxLength: 8 }).map((w) => w.join(" "));
const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((p) => p.join("."));
const ipv6 = fc.integer({ min: 1, max: 0xffff }).map((n) => `2001:db8::${n.toString(16)}`);
const host = fc.tuple(word, word).map(([a, b]) => `${a}.${b}.id`.toLowerCase());
const nip = fc.stringMatching(/^[0-9]{18}$/);
const date = fc.date({ min: new Date("2025-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const contact = fc.record({ name: sentence, nip: opt(nip), email: word.map((w) => `${w}@dinkes.contohkab.go.id`), phone: fc.constant("0355 321456"), github: opt(word) }, { requiredKeys: ["name", "email", "phone"] });
const target = fc.oneof(
  fc.record({ server: fc.record({ ipv4: fc.array(ipv4, { minLength: 1, maxLength: 3 }), ipv6: opt(fc.array(ipv6, { minLength: 1, maxLength: 2 })) }, { requiredKeys: ["ipv4"] }) }),
  fc.record({ alias: host }),
  fc.record({ hosting: fc.record({ storage: opt(fc.constantFrom("5Gi", "10Gi")) }, { requiredKeys: [] }) }),
);
const existingRequest = fc.record(
  {
    label: fc.constant("sehat"),
    opd: fc.constant("dinkes"),
    purpose: sentence,
    letter: fc.record({ number: word, date, scan: opt(host.map((h) => `https://${h}/surat.pdf`)) }, { requiredKeys: ["number", "date"] }),
    recommendation: opt(fc.record({ number: word, issuer: opt(sentence) }, { requiredKeys: ["number"] })),
    contacts: fc.record({ administrative: contact, technical: contact }),
    target,
    records: opt(fc.constant([{ type: "TXT", values: ["v=spf1 -all"] }])),
    reviewBy: date,
  },
  { requiredKeys: ["label", "opd", "purpose", "letter", "contacts", "target", "reviewBy"] },
).map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>); // drops undefined keys

/** The YAML text with a comment line before some lines and a comment after some values. */
const withComments = (request: Record<string, unknown>) =>
  fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }).map((marks) => {
    const lines = stringify(request, { lineWidth: 0 }).trimEnd().split("\n");
    const out = ["# yaml-language-server: $schema=../../schemas/request.schema.json"];
    lines.forEach((line, i) => {
      if (marks[i % 60]) out.push(`${line.match(/^\s*(- )?/)![0].replace("- ", "")}# komentar ${i}`);
      out.push(marks[(i * 7) % 60] && /: \S/.test(line) && !line.includes("#") ? `${line} # catatan ${i}` : line);
    });
    return out.join("\n") + "\n";
  });

type FormValues = Record<string, string>;
const change = (existing: Record<string, unknown>): fc.Arbitrary<FormValues> => {
  const kind = Object.keys(existing.target as object)[0]!;
  const fields: Record<string, fc.Arbitrary<string>> = {
    purpose: sentence,
    "letter-number": word,
    "letter-date": date,
    "letter-scan": host.map((h) => `https://${h}/baru.pdf`),
    "recommendation-number": fc.oneof(word, fc.constant("hapus")),
    "recommendation-issuer": fc.oneof(sentence, fc.constant("hapus")),
    "review-by": date,
    records: fc.oneof(fc.constant("hapus"), fc.constant('- type: TXT\n  values: ["v=spf1 include:_spf.google.com -all"]')),
  };
  for (const who of ["administrative", "technical"]) {
    fields[`${who}-name`] = sentence;
    fields[`${who}-nip`] = fc.oneof(nip, fc.constant("hapus"));
    fields[`${who}-email`] = word.map((w) => `${w}@dinkes.contohkab.go.id`);
    fields[`${who}-github`] = fc.oneof(word, fc.constant("HAPUS"));
  }
  const sameKind: Record<string, fc.Arbitrary<FormValues>> = {
    server: fc.record({ ipv4: fc.array(ipv4, { minLength: 1, maxLength: 2 }).map((a) => a.join(", ")), ipv6: fc.oneof(ipv6, fc.constant("hapus")) }, { requiredKeys: [] }),
    alias: fc.record({ alias: host }, { requiredKeys: [] }),
    hosting: fc.record({ storage: fc.constantFrom("20Gi", "hapus") }, { requiredKeys: [] }),
  };
  const otherKind = fc.oneof(
    fc.record({ "target-kind": fc.constant(TARGET_KINDS.server), ipv4 }),
    fc.record({ "target-kind": fc.constant(TARGET_KINDS.alias), alias: host }),
    fc.record({ "target-kind": fc.constant(TARGET_KINDS.hosting) }),
  );
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), fc.oneof(sameKind[kind]!, otherKind)).map(([a, b]) => ({ ...a, ...b }) as FormValues);
};

/** Every leaf of a value as path -> JSON (lists are leaves). */
function leaves(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === "object" && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) leaves(v, `${prefix}/${k}`, out);
  else out.set(prefix, JSON.stringify(value));
  return out;
}

/** Where a filled field may change the file: its own path; "hapus" of a key field removes its block; a chosen target kind replaces the target. */
function touched(values: FormValues): string[] {
  const prefixes: string[] = [];
  for (const f of fieldsOf("ubah")) {
    if (values[f.id] === undefined || !f.path) continue;
    prefixes.push("/" + (values[f.id]!.toLowerCase() === "hapus" && f.id === "recommendation-number" ? ["recommendation"] : f.path).join("/"));
  }
  if (values["target-kind"]) prefixes.push("/target");
  return prefixes;
}

const values = (id: string, request: unknown) => {
  const f = fieldsOf("ubah").find((x) => x.id === id)!;
  let node = request;
  for (const k of f.path!) node = (node as Record<string, unknown> | undefined)?.[k];
  return node;
};

describe("a change form merged into the existing file", () => {
  it("changes only the fields filled, keeps every comment, and lists exactly what differs", () => {
    const arb = existingRequest.chain((req) => fc.tuple(fc.constant(req), withComments(req), change(req)));
    fc.assert(
      fc.property(arb, ([request, text, form]) => {
        const body = issueBody("ubah", { opd: "dinkes — Dinas Kesehatan", label: "sehat", ...form });
        const built = buildRequest("ubah", parseIssueBody(body), governance, { read: (p) => (p === PATH ? text : undefined) }, 5);
        const removingNeeded = Object.entries(form).filter(([, v]) => v.toLowerCase() === "hapus").some(([id]) => id === "letter-scan");
        expect(removingNeeded).toBe(false);
        // A form that changes nothing is refused with one message, never an empty pull request.
        expect(built.problems.map((p) => p.message.en)).toEqual(built.changes!.length === 0 ? [expect.stringMatching(/changes nothing/)] : []);
        const before = parse(text) as Record<string, unknown>;
        expect(before).toEqual(request);
        const after = parse(built.text!) as Record<string, unknown>;
        const prefixes = touched(form);
        const a = leaves(after);
        const b = leaves(before);
        for (const key of new Set([...a.keys(), ...b.keys()]))
          if (!prefixes.some((p) => key === p || key.startsWith(p + "/"))) expect(a.get(key), key).toBe(b.get(key));
        // Every comment survives (one inside a replaced list moves above the new list).
        const comments = (t: string) => (t.match(/#.*$/gm) ?? []).map((c) => c.replace(/^#\s*/, "")).sort();
        expect(comments(built.text!)).toEqual(comments(text));
        // A filled value is in the file; "hapus" took it out.
        for (const [id, v] of Object.entries(form)) {
          if (id === "target-kind" || id === "records") continue;
          const now = values(id, after);
          if (v.toLowerCase() === "hapus") expect(now, id).toBeUndefined();
          else expect(Array.isArray(now) ? now.join(", ") : now, id).toBe(v);
        }
        // The change list names exactly the fields whose value differs.
        const differing = fieldsOf("ubah")
          .filter((f) => f.path && JSON.stringify(values(f.id, before)) !== JSON.stringify(values(f.id, after)))
          .map((f) => f.label);
        const listed = built.changes!.map((c) => c.field).filter((l) => l !== "Jenis sasaran");
        expect(listed.sort()).toEqual(differing.sort());
      }),
      { numRuns: 150 },
    );
  });
});
