import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildRequest } from "../../src/forms/build.ts";
import { checkIntake } from "../../src/forms/check.ts";
import { DELETE_DATA_OPTION } from "../../src/forms/fields.ts";
import { parseIssueBody } from "../../src/forms/parse.ts";
import { renderGenerated } from "../../src/forms/render-all.ts";
import { parseYaml } from "../../src/load/parse.ts";
import { discoverRequests } from "../../src/load/discover.ts";
import { readGovernance, readYamlFile } from "../../src/load/read.ts";
import type { Governance } from "../../src/model/governance.ts";
import { issueBody, newRequestValues } from "./issue-body.ts";
import { HOSTED } from "./setup.ts";
import { CONTOH } from "../fixtures/contoh.ts";

const root = CONTOH;
const govLoaded = readGovernance(root);
const governance = govLoaded.value as Governance;
const baseRequests = discoverRequests(root).files.map((f) => readYamlFile(root, f));
const base = { read: (p: string) => (baseRequests.some((l) => l.file === p) ? readFileSync(join(root, p), "utf8") : undefined) };
const TODAY = "2026-03-12";

describe("generated forms and CODEOWNERS", () => {
  it("offers every OPD of governance in the dropdown and marks governance's required fields", () => {
    const form = parse(renderGenerated(governance)[".github/ISSUE_TEMPLATE/permohonan-baru.yml"]!);
    const opd = form.body.find((b: { id?: string }) => b.id === "opd");
    expect(opd.attributes.options).toHaveLength(governance.opds.length);
    expect(opd.attributes.options).toContain("dinkes — Dinas Kesehatan");
    expect(form.body.find((b: { id?: string }) => b.id === "letter-scan").validations.required).toBe(true); // requiredFields: [letter.scan]
    expect(form.body.find((b: { id?: string }) => b.id === "technical-nip").validations.required).toBe(false);
    expect(form.labels).toEqual(["permohonan-baru"]);
  });

  it("follows GitHub's issue-form rules: unique ids and labels, ids of letters, digits, - and _, options unique", () => {
    for (const [path, text] of Object.entries(renderGenerated(governance))) {
      if (!path.includes("permohonan-")) continue;
      const form = parse(text);
      expect(typeof form.name === "string" && typeof form.description === "string", path).toBe(true);
      const items = form.body.filter((b: { type: string }) => b.type !== "markdown");
      const ids = items.map((b: { id: string }) => b.id);
      const labels = items.map((b: { attributes: { label: string } }) => b.attributes.label);
      expect(new Set(ids).size, path).toBe(ids.length);
      expect(new Set(labels).size, path).toBe(labels.length);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      for (const b of items.filter((x: { type: string }) => x.type === "dropdown")) expect(new Set(b.attributes.options).size).toBe(b.attributes.options.length);
    }
  });

  it("gives each OPD folder to its liaisons and the admins, and the rest to admins only", () => {
    const co = renderGenerated(governance)[".github/CODEOWNERS"]!;
    expect(co).toContain("/requests/diskominfo/ @rina-diskominfo @agus-diskominfo @diskominfo-contohkab/admin-subdomain");
    for (const p of ["/governance.yaml", "/.github/", "/src/", "/schemas/", "/stacks/", "/Pulumi.yaml", "/package.json", "/package-lock.json"])
      expect(co).toContain(`\n${p} @diskominfo-contohkab/admin-subdomain\n`);
  });
});

describe("issue body parsing", () => {
  it("reads sections, skips _No response_, unwraps fenced textareas and reads ticked boxes", () => {
    const body = "### Nama subdomain\n\nantrian\n\n### Tautan pindaian surat\n\n_No response_\n\n### Rekaman DNS tambahan (YAML)\n\n```yaml\n- type: TXT\n  values: [x]\n```\n\n### Data hosting\n\n- [X] " + DELETE_DATA_OPTION + "\n\n### Judul karangan\n\nx";
    const p = parseIssueBody(body);
    expect(p.values).toEqual({ label: "antrian", records: "- type: TXT\n  values: [x]" });
    expect(p.checked["delete-data"]).toEqual([DELETE_DATA_OPTION]);
    expect(p.unknown).toEqual(["Judul karangan"]);
  });

  it("never throws on any text", () => {
    for (const body of ["", null, undefined, "###", "### \n", "#### x\n\n### OPD pemohon", "\r\n### Nama subdomain\r\n\r\nA\r\n"]) expect(() => parseIssueBody(body)).not.toThrow();
  });
});

describe("request built from a form", () => {
  it("a complete new request passes the real validator", () => {
    const built = buildRequest("baru", parseIssueBody(issueBody("baru", newRequestValues())), governance, base, 7);
    expect(built.problems).toEqual([]);
    expect(built.path).toBe("requests/dinkes/antrian.yaml");
    const check = checkIntake(built.path!, built.text!, govLoaded, baseRequests, TODAY);
    expect(check.diagnostics).toEqual([]);
    expect(parse(built.text!).target).toEqual({ server: { ipv4: ["103.147.8.20", "103.147.8.21"] } });
    expect(built.text).toContain("isu #7");
  });

  it("reports every problem with the form field it concerns, in Indonesian", () => {
    const values = { ...newRequestValues(), "administrative-nip": "1987", "letter-date": "10/03/2026", "review-by": "kapan-kapan" };
    const built = buildRequest("baru", parseIssueBody(issueBody("baru", values)), governance, base, 8);
    const check = checkIntake(built.path!, built.text!, govLoaded, baseRequests, TODAY);
    expect(check.ok).toBe(false);
    const fields = check.diagnostics.map((d) => d.field);
    expect(fields).toContain("Tanggal surat permohonan");
    expect(fields).toContain("Penanggung jawab administrasi: NIP");
    expect(fields).toContain("Tanggal tinjau ulang");
    for (const d of check.diagnostics) expect(d.message.id.length).toBeGreaterThan(5);
  });

  it("a name already used by another OPD is reported on both files", () => {
    const values = { ...newRequestValues("portal"), opd: "bappeda — Badan Perencanaan Pembangunan Daerah" };
    const existing = parseYaml("requests/diskominfo/portal.yaml", new TextEncoder().encode(HOSTED));
    const built = buildRequest("baru", parseIssueBody(issueBody("baru", values)), governance, { read: () => undefined }, 12);
    const check = checkIntake(built.path!, built.text!, govLoaded, [existing], TODAY);
    const unique = check.diagnostics.filter((d) => d.rule === "name.unique").map((d) => d.file).sort();
    expect(unique).toEqual(["requests/bappeda/portal.yaml", "requests/diskominfo/portal.yaml"]);
    expect(check.ok).toBe(false);
  });

  it("refuses a new request for a name that exists, and a change or removal of one that does not", () => {
    const exists = buildRequest("baru", parseIssueBody(issueBody("baru", newRequestValues("sehat"))), governance, base, 9);
    expect(exists.problems.map((p) => p.message.id).join()).toMatch(/sudah ada/);
    const missing = buildRequest("ubah", parseIssueBody(issueBody("ubah", newRequestValues("tidak-ada"))), governance, base, 9);
    expect(missing.problems.map((p) => p.message.id).join()).toMatch(/belum ada/);
    const gone = buildRequest("hapus", parseIssueBody(issueBody("hapus", { opd: "dinkes — Dinas Kesehatan", label: "tidak-ada" })), governance, base, 9);
    expect(gone.problems.map((p) => p.message.id).join()).toMatch(/tidak ada/);
  });

  it("a removal keeps the existing file and adds the decommission, with deleteData only when ticked", () => {
    // The base holds a valid request made from the new-request form.
    const made = buildRequest("baru", parseIssueBody(issueBody("baru", newRequestValues())), governance, base, 7);
    const loadedMade = parseYaml(made.path!, new TextEncoder().encode(made.text!));
    const base2 = { read: (p: string) => (p === made.path ? made.text : undefined) };
    const values = { opd: "dinkes — Dinas Kesehatan", label: "antrian", reason: "Layanan dipindahkan ke portal provinsi", "decommission-letter-number": "000.1/9/DINKES/2026", "decommission-letter-date": "2026-03-11" };
    const plain = buildRequest("hapus", parseIssueBody(issueBody("hapus", values)), governance, base2, 10);
    const doc = parse(plain.text!);
    expect(doc.purpose).toBe(newRequestValues().purpose);
    expect(doc.decommission).toEqual({ reason: values.reason, letter: { number: values["decommission-letter-number"], date: "2026-03-11" } });
    expect(checkIntake(plain.path!, plain.text!, govLoaded, [loadedMade], TODAY).diagnostics).toEqual([]);
    const withData = buildRequest("hapus", parseIssueBody(issueBody("hapus", { ...values, "delete-data": [DELETE_DATA_OPTION] })), governance, base2, 10);
    expect(parse(withData.text!).decommission.deleteData).toBe(true);
  });

  it("form-level problems: no OPD, unknown OPD, no target kind, bad records YAML", () => {
    const p1 = buildRequest("baru", parseIssueBody(issueBody("baru", { ...newRequestValues(), opd: undefined })), governance, base, 11);
    expect(p1.problems[0]!.field).toBe("OPD pemohon");
    const p2 = buildRequest("baru", parseIssueBody(issueBody("baru", { ...newRequestValues(), opd: "xyz — Dinas Fiktif" })), governance, base, 11);
    expect(p2.problems[0]!.message.id).toMatch(/tidak terdaftar/);
    const p3 = buildRequest("baru", parseIssueBody(issueBody("baru", { ...newRequestValues(), "target-kind": undefined, records: "- &a [*a]" })), governance, base, 11);
    expect(p3.problems.map((p) => p.field)).toEqual(["Jenis sasaran", "Rekaman DNS tambahan (YAML)"]);
  });
});
