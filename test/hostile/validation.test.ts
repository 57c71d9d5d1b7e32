// Attacks on what validation must refuse: control characters in any text field, contact
// addresses outside the government's domains, governance that would nest zones silently, bend
// its own limits, or name a zone so that the plan writes outside its folder.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { insideOutput } from "../../src/load/out-path.ts";
import { runPlan } from "../../src/artifacts/run.ts";
import { baseRequest, GOVERNANCE_TEXT, one, requestText, rules, run } from "../validate/helpers.ts";

const gov = (f: (t: string) => string) => ({ governance: f(GOVERNANCE_TEXT) });
const contacts = (email: string, name = "Budi Santoso") => ({ contacts: { ...(baseRequest().contacts as object), technical: { name, email, phone: "0355 321456", github: "budi-dinkes" } } });

describe("text.control: control characters in any text field", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["ESC in the purpose", { purpose: "Portal informasi \x1b[2J\x1b]8;;https://evil.example\x07layanan" }],
    ["NUL in the letter number", { letter: { number: "000.1/123\x00/2026", date: "2026-03-02" } }],
    ["C1 CSI in a contact name", contacts("budi@dinkes.contohkab.go.id", "Budi\x9b31m Santoso")],
    ["CR LF in a contact name", contacts("budi@dinkes.contohkab.go.id", "Budi\r\nBcc: x@evil.example")],
    ["a line feed in the recommendation issuer", { recommendation: { number: "1", issuer: "Dinas\n::error::forged" } }],
    ["DEL in a CAA value", { records: [{ type: "CAA", values: [{ tag: "issue", value: "letsencrypt.org\x7f" }] }] }],
  ];
  for (const [what, change] of cases)
    it(`refuses ${what}, naming the character and the field`, () => {
      const d = one(change).filter((x) => x.rule === "text.control");
      expect(d).toHaveLength(1);
      expect(d[0]!.message.en).toMatch(/holds the control character U\+00[0-9A-F]{2}/);
      // The message names the character; it never carries it.
      expect(d[0]!.message.en).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    });
  it("allows line feeds in the purpose, the one multi-line field a liaison writes", () => {
    expect(one({ purpose: "Portal informasi\nlayanan kesehatan masyarakat" })).toEqual([]);
  });
  it("refuses a control character in governance text too", () => {
    const d = run({ "requests/dinkes/sehat.yaml": requestText() }, gov((t) => t.replace("name: Pemerintah Kabupaten Contoh", 'name: "Pemerintah\\x1b[31m Kabupaten Contoh"')));
    expect(rules(d, "governance.")).toContain("governance.control");
  });
});

describe("contact.domain: contact addresses are identities", () => {
  it("refuses an address outside the government's domains by default", () => {
    const d = one(contacts("budi.santoso@gmail.com"));
    expect(rules(d)).toEqual(["contact.domain"]);
    expect(d[0]!.message.en).toContain("contohkab.go.id");
  });
  it("refuses a look-alike domain that merely ends with the zone's text", () => {
    expect(rules(one(contacts("budi@evilcontohkab.go.id")))).toEqual(["contact.domain"]);
    expect(rules(one(contacts("budi@contohkab.go.id.evil.example")))).toEqual(["contact.domain"]);
  });
  it("accepts the zone and its subdomains, and the domains governance lists instead", () => {
    expect(one(contacts("budi@contohkab.go.id"))).toEqual([]);
    expect(one(contacts("budi@dinkes.contohkab.go.id"))).toEqual([]);
    const listed = gov((t) => t.replace("requiredFields:", "contactDomains: [kemkes.go.id]\nrequiredFields:"));
    const both = (email: string) => ({ contacts: { administrative: { ...(baseRequest().contacts as { administrative: object }).administrative, email }, technical: { name: "Budi Santoso", email, phone: "0355 321456", github: "budi-dinkes" } } });
    expect(one(both("budi@puskesmas.kemkes.go.id"), "sehat", "dinkes", listed)).toEqual([]);
    expect(rules(one(both("budi@dinkes.contohkab.go.id"), "sehat", "dinkes", listed))).toEqual(["contact.domain", "contact.domain"]);
  });
});

describe("governance is validated strictly", () => {
  const zone = (name: string, extra = "") => `  - name: ${name}\n    nameservers: [ns1.contohkab.go.id]\n    soa: { mname: ns1.contohkab.go.id, rname: hostmaster@contohkab.go.id }\n${extra}`;
  const withZone = (z: string) => gov((t) => t.replace("zones:\n", `zones:\n${z}`));
  const govRules = (o: { governance: string }) => rules(run({ "requests/dinkes/sehat.yaml": requestText() }, o), "governance.");
  it("refuses a zone name that is no host name (a path, a slash, spaces)", () => {
    expect(govRules(withZone(zone('"../../../tmp/evil"')))).toContain("governance.zone-name");
    expect(govRules(withZone(zone('"evil/zone.go.id"')))).toContain("governance.zone-name");
    expect(govRules(withZone(zone('"a zone.go.id"')))).toContain("governance.zone-name");
  });
  it("refuses a zone listed twice, in any letter case", () => {
    expect(govRules(gov((t) => t.replace("zones:\n", `zones:\n${zone("contohkab.go.id")}`)))).toContain("governance.zone-unique");
    // The fixture's first zone stays first: the duplicate goes after it.
    expect(govRules(gov((t) => t.replace("admins:", `${zone("ContohKab.go.id")}admins:`)))).toContain("governance.zone-unique");
  });
  it("refuses a zone nested in another managed zone unless the delegation is declared", () => {
    const nested = (extra: string) => gov((t) => t.replace("admins:", `${zone("dinkes.contohkab.go.id", extra)}admins:`));
    expect(govRules(nested(""))).toEqual(["governance.zone-nested"]);
    expect(govRules(nested("    delegatedFrom: contohkab.go.id\n"))).toEqual([]);
    expect(govRules(nested("    delegatedFrom: lain.go.id\n"))).toEqual(["governance.zone-nested"]);
  });
  it("refuses hosting defaults above their limits and TTL bounds out of order", () => {
    const hosting = gov((t) => t.replace('defaults: { cpu: "500m"', 'defaults: { cpu: "64"'));
    expect(govRules(hosting)).toContain("governance.hosting");
    const ttl = gov((t) => t.replace("ttl: { min: 300, max: 86400 }", "ttl: { min: 3600, max: 300 }"));
    expect(govRules(ttl)).toContain("governance.ttl");
  });
});

describe("the plan writes only inside its output folder", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  it("refuses a zone named to climb out of --out, and writes nothing", async () => {
    const root = mkdtempSync(join(tmpdir(), "outside-"));
    dirs.push(root);
    writeFileSync(join(root, "governance.yaml"), withZoneText('"../../escaped"'));
    mkdirSync(join(root, "requests/dinkes"), { recursive: true });
    writeFileSync(join(root, "requests/dinkes/sehat.yaml"), requestText());
    const r = await runPlan({ root, out: join(root, "a/b/out"), lang: "en", allowLargeChange: false, today: "2026-11-22", ingress: { ipv4: ["192.0.2.80"] }, nameserverAddresses: {}, cluster: { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" } });
    expect(r.kind).toBe("invalid");
    expect(readdirSync(root).sort()).toEqual(["governance.yaml", "requests"]);
  });
  it("refuses at the write itself whatever name reaches it", () => {
    expect(() => insideOutput("/tmp/out", "zones/../../etc/passwd.zone")).toThrow(/outside/);
    expect(() => insideOutput("/tmp/out", "/etc/x")).toThrow(/outside/);
    expect(() => insideOutput("/tmp/out", "..")).toThrow(/outside/);
    expect(insideOutput("/tmp/out", "zones/contohkab.go.id.zone")).toBe("/tmp/out/zones/contohkab.go.id.zone");
  });
  it("joins a plain name without resolve() exactly where resolve() puts it, and sends every other name through the check", () => {
    // The quick join (src/load/out-path.ts) must never place a file elsewhere than the full check.
    const parts = ["a", "b-c", "x.yaml", ".", "..", "", ".hidden", "..x", "a..b", "/", "\\", "\0", "~", " ", "%2e%2e", "ns\n", "é"];
    const rng = (n: number) => Math.floor(Math.random() * n);
    const names = [...parts, ...Array.from({ length: 3000 }, () => Array.from({ length: 1 + rng(4) }, () => parts[rng(parts.length)]).join(rng(3) ? "/" : ""))];
    for (const out of ["/tmp/out", "/tmp/out/", "/tmp//out/./x/..", "/"]) {
      for (const rel of names) {
        const base = resolve(out);
        const target = resolve(base, rel);
        const allowed = target.startsWith(base + sep) && !rel.includes("\0");
        if (allowed) expect(insideOutput(out, rel), `${out} ${JSON.stringify(rel)}`).toBe(target);
        else expect(() => insideOutput(out, rel), `${out} ${JSON.stringify(rel)}`).toThrow(/outside/);
      }
    }
  });
});

function withZoneText(name: string): string {
  return GOVERNANCE_TEXT.replace("zones:\n", `zones:\n  - name: ${name}\n    nameservers: [ns1.contohkab.go.id]\n    soa: { mname: ns1.contohkab.go.id, rname: hostmaster@contohkab.go.id }\n`);
}
