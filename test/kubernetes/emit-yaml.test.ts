// The hand-written YAML emitter against the `yaml` library as the judge: whatever we write must
// parse back (YAML 1.2, and YAML 1.1 as kubectl's go-yaml reads it) to exactly the object written,
// for every manifest kind we produce, with hostile request text in every field that carries it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { emitYaml } from "../../src/targets/kubernetes/emit-yaml.ts";
import { tenantManifests } from "../../src/targets/kubernetes/manifests.ts";
import { renderManifests } from "../../src/targets/kubernetes/render.ts";
import { clusterBaseline } from "../../src/targets/kubernetes/baseline.ts";
import type { Tenant } from "../../src/state/types.ts";
import { cluster, sehat } from "./fixtures.ts";

/** Every document of `text`, parsed strictly in both YAML versions; a warning or error fails. */
function readBoth(text: string): { v12: unknown[]; v11: unknown[] } {
  const read = (version: "1.1" | "1.2") =>
    parseAllDocuments(text, { version, uniqueKeys: true, strict: true }).map((d) => {
      if (d.errors.length || d.warnings.length) throw new Error(`${version}: ${[...d.errors, ...d.warnings].map((e) => e.message).join("; ")}\n${text}`);
      return d.toJS({ maxAliasCount: 0 });
    });
  return { v12: read("1.2"), v11: read("1.1") };
}

const roundTrip = (value: unknown) => {
  const { v12, v11 } = readBoth(emitYaml(value));
  expect(v12).toEqual([value]);
  expect(v11).toEqual([value]);
};

const HOSTILE = [
  "",
  "e0",
  "E+5",
  "e-12",
  " ",
  "a ",
  " a",
  "yes",
  "No",
  "on",
  "OFF",
  "y",
  "n",
  "~",
  "null",
  "Null",
  "true",
  "False",
  "0",
  "007",
  "0o17",
  "0x1F",
  "0b101",
  "1_000",
  "1:20",
  "190:20:30.15",
  "1e5",
  "-1.5",
  "+1",
  ".5",
  ".inf",
  "-.Inf",
  ".NaN",
  "1.2.3",
  "2026-11-30",
  "2001-12-14t21:59:43.10-05:00",
  "=",
  "<<",
  "- item",
  "-",
  "--- ",
  "---",
  "...",
  "? x",
  ": x",
  "a: b",
  "a:b",
  "key:",
  "# comment",
  "a #b",
  "a#b",
  "'single'",
  '"double"',
  "it's",
  'say "hi"',
  "back\\slash",
  "[flow]",
  "{flow: map}",
  "a, b",
  "&anchor",
  "*alias",
  "!tag",
  "%directive",
  "@at",
  "`tick`",
  "|",
  ">",
  "line one\nline two",
  "trailing newline\n",
  "two trailing\n\n",
  "\nleading newline",
  "  indented\nlines",
  "first\n  indented second",
  "tab\there",
  "cr\r\nlf",
  "nel\u0085x",
  "ls\u2028ps\u2029",
  "bom\ufeff",
  "nul\u0000bell\u0007esc\u001b",
  "del\u007f",
  "Müller Ñandú",
  "Budi Santoso, S.Kom.",
  "東京",
  "emoji 😀 ok",
  "ruang\u00a0tak-putus",
  "x".repeat(3000),
  "CRON_TZ=Asia/Jakarta 0 1 * * *",
  "request.resource.resource != 'ingresses' || x.endsWith('.a.b')",
];

describe("emitYaml", () => {
  it("writes every hostile string so that both YAML versions read it back unchanged, as value and in a list", () => {
    for (const s of HOSTILE) {
      roundTrip({ value: s });
      roundTrip({ list: [s, { name: s, nested: [s] }] });
      roundTrip([s]);
    }
  });

  it("keeps strings that look like other types strings (the yaml/no/number trap of YAML 1.1)", () => {
    for (const s of ["yes", "no", "on", "off", "y", "1_000", "1:20", "0o17", "2026-11-30", "~", "null", ".inf"]) expect(emitYaml({ v: s })).toBe(`v: "${s}"\n`);
  });

  it("writes numbers, booleans, null, empty collections and key order as given", () => {
    roundTrip({ a: 1, b: -2, c: 0.5, d: 1e21, e: true, f: false, g: null, h: {}, i: [], j: [[], {}, [1, [2]], { k: [] }], z: "last" });
    expect(Object.keys(readBoth(emitYaml({ z: 1, a: 2, m: 3 })).v12[0] as object)).toEqual(["z", "a", "m"]);
    expect(emitYaml({ a: undefined, b: 1 })).toBe("b: 1\n");
  });

  it("round-trips any JSON value (property test, unicode strings included)", () => {
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom(...HOSTILE));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, text, fc.integer(), fc.boolean(), fc.constant(null), tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== "__proto__"), tie("value"), { maxKeys: 4 }),
    })).value;
    // Lone surrogates are not text a YAML file can hold: the loader never produces them.
    const wellFormed = (v: unknown): boolean => (typeof v === "string" ? !/[\ud800-\udfff]/.test(v.replace(/[\ud800-\udbff][\udc00-\udfff]/g, "")) : Array.isArray(v) ? v.every(wellFormed) : v && typeof v === "object" ? Object.entries(v).every(([k, x]) => wellFormed(k) && wellFormed(x)) : true);
    fc.assert(fc.property(json.filter(wellFormed), (v) => roundTrip(v)), { numRuns: 400 });
  });

  it("renders every manifest kind of a tenant with hostile request text exactly as the objects hold it", () => {
    const kinds = new Set<string>();
    for (const s of HOSTILE.filter((x) => !/[\ud800-\udfff]/.test(x))) {
      // The host is a validated host name (it becomes a CEL literal); the rest is free text.
      const hostile: Tenant = {
        ...sehat,
        technicalContact: { name: s, email: `${s}@dinkes.contohkab.go.id`, github: s },
        source: { file: `requests/dinkes/${s}.yaml`, opd: s, label: s },
        quota: { ...sehat.quota, cpu: s || "1" },
      };
      for (const t of [hostile, { ...hostile, status: "retained" as const }, { ...hostile, status: "retained" as const, releaseData: true }]) {
        const objects = tenantManifests(t, cluster);
        objects.forEach((o) => kinds.add(o.kind));
        const { v12, v11 } = readBoth(renderManifests(objects));
        expect(v12).toEqual(JSON.parse(JSON.stringify(objects)));
        expect(v11).toEqual(v12);
      }
    }
    const baseline = clusterBaseline({ ...cluster, blockedRanges: ["10.0.0.0/8", "fd00::/8"] });
    baseline.forEach((o) => kinds.add(o.kind));
    expect(readBoth(renderManifests(baseline)).v12).toEqual(JSON.parse(JSON.stringify(baseline)));
    expect([...kinds].sort()).toEqual(
      ["AdminNetworkPolicy", "Backup", "ClusterRole", "Ingress", "LimitRange", "Namespace", "NetworkPolicy", "ResourceQuota", "RoleBinding", "Schedule", "ServiceAccount", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"].sort(),
    );
  });
});
