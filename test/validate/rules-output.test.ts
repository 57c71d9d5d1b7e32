// The rules' full output, frozen: a generated repository of every shape with deliberate errors of
// every rule kind (plus the invalid fixture repository) is validated, and every diagnostic (file,
// line, column, severity, rule and both messages, in order) must equal the stored expectation,
// written by the rules as they stood before their speed work (test/validate/rules-output/*.txt).
// A faster rule that words, places, orders or drops one finding differently fails here.
// Regenerate only for an intended change of the rules: UPDATE_RULES_OUTPUT=1 npx vitest run test/validate/rules-output.test.ts
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { BENCH_TODAY, generateRepository, labelOf, OPDS, rng, generateRequest, ZONE, ZONE2 } from "../../scripts/bench/lib/shapes.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { asciiLabel } from "../../src/model/names.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { validateRepositoryParallel } from "../../src/validate/files/parallel.ts";
import { ALL_RULES } from "../../src/validate/rules/index.ts";

const EXPECTED = join(import.meta.dirname, "rules-output");
const FILES = 1500;
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

type Value = Record<string, any>;
const fqdn = (i: number) => `${asciiLabel(labelOf(i))}.${ZONE}`;

/** Deliberate errors, one per mutated file: each changes a generated value so some rule must speak. */
const MUTATIONS: ((v: Value, i: number) => Value)[] = [
  (v) => ({ ...v, label: `Layanan_${v.label}` }), // label.syntax, path.match
  (v) => ({ ...v, label: "xn--zz9" }), // label.idn
  (v) => ({ ...v, label: `p\u0430ypal${v.label.length}` }), // label.script (Cyrillic a)
  (v) => ({ ...v, label: "sso\u00e9\u0430" }), // label.script (mixed)
  (v) => ({ ...v, label: "www" }), // label.reserved
  (v) => ({ ...v, opd: "opd99" }), // opd.exists
  (v) => ({ ...v, zone: "lain.go.id" }), // zone.exists
  (v) => ({ ...v, target: { server: { ipv4: ["999.1.1.1", "103.1.2.3"] } } }), // address.syntax
  (v) => ({ ...v, target: { server: { ipv4: ["10.0.0.1"], ipv6: ["fe80::1", "::ffff:10.0.0.1"] } } }), // address.public
  (v) => ({ ...v, target: { server: { ipv4: ["103.5.5.5", "103.5.5.5"] } } }), // address.duplicate
  (v) => ({ ...v, target: { alias: "app.penyedia.co.id" }, records: [{ type: "TXT", values: ["x"] }] }), // cname.alone
  (v, i) => ({ ...v, target: { alias: fqdn(i) } }), // cname.self
  (v) => ({ ...v, records: [...(v.records ?? []), { name: "www", type: "CNAME", value: "bad..host" }] }), // cname.target
  (v) => ({ ...v, records: [...(v.records ?? []), { name: "h", type: "A", values: ["103.9.9.9"] }, { name: "h", type: "A", values: ["103.9.9.9"] }] }), // record.duplicate
  (v) => ({ ...v, ttl: 5 }), // ttl.range
  (v) => ({ ...v, records: [...(v.records ?? []), { name: "t", type: "TXT", values: ["x".repeat(300), "a\u0007b"] }] }), // txt.length
  (v) => ({ ...v, records: [...(v.records ?? []), { type: "CAA", values: [{ flags: 0, tag: "issuex", value: "letsencrypt.org" }] }] }), // caa.fields
  (v) => ({ ...v, records: [...(v.records ?? []), { name: "sip", type: "SRV", values: [{ priority: 1, weight: 1, port: 5060, target: "sip.penyedia.co.id" }] }] }), // srv.fields
  (v) => ({ ...v, records: [...(v.records ?? []), { name: "mail._improvmx", type: "MX", values: [{ priority: 10, exchange: "mx1.improvmx.com" }] }] }), // name.bind-host
  (v) => {
    const { target: _t, records: _r, ...rest } = v;
    return rest; // target.or-records
  },
  (v) => ({ ...v, zone: ZONE2, target: { delegation: { nameservers: ["ns1.dns-opd.net", "ns2.dns-opd.net"] } }, records: undefined }), // delegation.allowed
  (v, i) => ({ ...v, zone: undefined, target: { delegation: { nameservers: [`ns1.${fqdn(i)}`], glue: [{ name: "ns9", ipv4: ["103.7.7.7"] }] } }, records: [{ type: "TXT", values: ["x"] }] }), // delegation.fields
  (v) => ({ ...v, target: { hosting: { cpu: "64", memory: "900Gi" } }, records: undefined }), // hosting.limits
  (v) => ({ ...v, contacts: { ...v.contacts, technical: { ...v.contacts.technical, email: "bukan-email" } } }), // contact.email
  (v) => ({ ...v, contacts: { ...v.contacts, administrative: { ...v.contacts.administrative, email: "siti@gmail.com" } } }), // contact.domain
  (v) => ({ ...v, contacts: { ...v.contacts, technical: { ...v.contacts.technical, phone: "+1 555 0100" } } }), // contact.phone
  (v) => ({ ...v, contacts: { ...v.contacts, administrative: { ...v.contacts.administrative, nip: "123456789012345678" } } }), // contact.nip
  (v) => ({ ...v, letter: { ...v.letter, date: "2027-01-05" } }), // letter.date
  (v) => ({ ...v, purpose: "   " }), // field.required
  (v) => ({ ...v, purpose: "[ISI] tujuan layanan" }), // request.placeholder
  (v) => ({ ...v, reviewBy: "2026-01-01" }), // review.expired
  (v) => ({ ...v, reviewBy: "2031-01-01" }), // review.too-far
  (v) => ({ ...v, purpose: "Portal \u001b[31m layanan\u0085" }), // text.control
  (v, i) => ({ ...v, label: labelOf(i - 1) }), // name.unique
  (v, i) => ({ ...v, label: `layanan-${String(i - 2).replace(/1/g, "l").replace(/0/g, "o")}` }), // label.confusable
  (v, i) => ({ ...v, label: labelOf(i - 3), target: { hosting: {} }, records: undefined }), // namespace.unique
  (v, i) => ({ ...v, target: { alias: fqdn(i + 1) }, records: undefined }), // cname.loop (with the next file)
  (v) => ({ ...v, target: { alias: `tidak-ada.${ZONE}` }, records: [{ name: "m", type: "MX", values: [{ priority: 5, exchange: `kosong.${ZONE}` }, { priority: 6, exchange: "103.1.1.1" }] }] }), // name.dangling, mx.fields
  (v, i) => ({ ...v, records: [...(v.records ?? []), { type: "MX", values: [{ priority: 1, exchange: `www.${fqdn(i)}` }] }, { name: "www", type: "CNAME", value: "x.penyedia.co.id" }] }), // mx.fields (alias)
];

/** A generated repository with a deliberate error in every 5th file, the error kinds in turn. */
function mutatedRepository(): string {
  const root = generateRepository(0);
  const r = rng(7);
  let m = 0;
  for (let i = 0; i < FILES; i++) {
    const q = generateRequest(i, r);
    if (i % 5 !== 3) {
      writeFileSync(join(root, q.path), q.text);
      continue;
    }
    const mutate = MUTATIONS[m++ % MUTATIONS.length]!;
    const value = JSON.parse(JSON.stringify(mutate(structuredClone(q.value), i))) as Value;
    // The file keeps its place unless its new label names a valid file elsewhere (name.unique and friends).
    // An unknown OPD goes into a folder that is no OPD either (opd.folder too).
    const opd = OPDS.includes(value.opd) ? value.opd : value.opd === "opd99" ? "lain" : q.opd;
    const path = typeof value.label === "string" && /^[a-z0-9-]+$/.test(value.label) ? `requests/${opd}/${value.label}.yaml` : `requests/${opd}/${q.path.split("/")[2]}`;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), stringify(value, { lineWidth: 0 }));
    // cname.loop needs the next file to point back.
    if (mutate === MUTATIONS[36]) {
      const next = generateRequest(i + 1, rng(i));
      writeFileSync(join(root, next.path), stringify({ ...next.value, target: { alias: fqdn(i) }, records: undefined, zone: undefined }, { lineWidth: 0 }));
      i++;
    }
  }
  return root;
}

/** One line per diagnostic, everything a reader sees. */
const lines = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}\n  id: ${d.message.id}\n  en: ${d.message.en}`).join("\n") + "\n";

function compare(name: string, actual: string) {
  const file = join(EXPECTED, name);
  if (process.env.UPDATE_RULES_OUTPUT) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("the rules' full output against the stored expectation", () => {
  const root = mutatedRepository();
  roots.push(root);
  const one = validateRepository(root, BENCH_TODAY);

  it("holds a finding of every rule between the two repositories", () => {
    const fixture = validateRepository(join(import.meta.dirname, "../fixtures/invalid/rules"), "2026-11-22");
    const seen = new Set([...one.diagnostics, ...fixture.diagnostics].map((d) => d.rule));
    for (const rule of ALL_RULES) expect(seen.has(rule.id), rule.id).toBe(true);
    // The generated one alone exercises every rule on realistic neighbours, but field.required (its governance requires no extra field).
    expect(ALL_RULES.filter((rule) => !one.diagnostics.some((d) => d.rule === rule.id)).map((r) => r.id)).toEqual(["field.required"]);
  });

  it("gives the stored diagnostics on the generated repository, on one thread", () => {
    expect(one.diagnostics.length).toBeGreaterThan(FILES / 5);
    compare("generated.txt", lines(one.diagnostics));
  });

  it("gives the stored diagnostics on the generated repository, on worker threads", async () => {
    const two = await validateRepositoryParallel(root, BENCH_TODAY, { threads: 2, minFiles: 0 });
    compare("generated.txt", lines(two.diagnostics));
  });

  it("gives the stored diagnostics and repository findings on the invalid fixture repository", () => {
    const fixture = validateRepository(join(import.meta.dirname, "../fixtures/invalid/rules"), "2026-11-22");
    compare("invalid-rules.txt", lines(fixture.diagnostics));
    compare("invalid-rules-repository.txt", lines(fixture.repositoryDiagnostics ?? []));
    compare("generated-repository.txt", lines(one.repositoryDiagnostics ?? []));
  });
});
