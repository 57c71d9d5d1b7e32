// The web form's model without a browser: one vocabulary with the issue form, each required value
// missed shows at its own field, a change starts from the registered values (its non-public parts
// never produce findings of their own), a taken name shows before the rest is right, a removal.
import { describe, expect, it } from "vitest";
import { FIELDS } from "../../src/forms/fields.ts";
import { isRequired } from "../../src/forms/required.ts";
import { formData } from "../../src/form/page/data.ts";
import { evaluate } from "../../src/form/page/evaluate.ts";
import { formPageHtml, PAGE_FIELD_IDS } from "../../src/form/page/html.ts";
import type { FormState, Values } from "../../src/form/page/model.ts";
import { FIELD_WORDS_EN } from "../../src/form/page/words.ts";
import { valuesOf } from "../../src/form/send/values.ts";
import { validateRepository } from "../../src/validate/files/repository.ts";
import { CONTOH } from "../fixtures/contoh.ts";

const TODAY = "2026-11-22";
const v = validateRepository(CONTOH, TODAY);
const governance = v.governance!;
const data = formData(governance, v.requests, v.retained ?? []);
const sehat = v.requests.find((r) => r.file === "requests/dinkes/sehat.yaml")!;

/** Field ids holding an error (the form's own problems and CI's findings). */
const errorFields = (state: FormState) => {
  const e = evaluate(state, data, TODAY);
  return [...e.problems.map((p) => p.field), ...e.placed.filter((p) => p.diagnostic.severity === "error").map((p) => p.field ?? "(umum)")];
};

/** A new request's values for the name `label` of disdik, otherwise sehat's. */
function newValues(label: string): Values {
  const values = valuesOf(sehat.request, governance);
  return { ...values, opd: "disdik", label, "target-kind": "server", "administrative-email": "siti@disdik.contohkab.go.id", "technical-email": "budi@disdik.contohkab.go.id" };
}

it("has an input named by each issue-form field id (but the confirmation), with English words for each", () => {
  const issueIds = FIELDS.filter((f) => f.id !== "confirm").map((f) => f.id);
  expect([...PAGE_FIELD_IDS].sort()).toEqual([...issueIds].sort());
  for (const lang of ["id", "en"] as const) {
    const html = formPageHtml({ lang, governance, script: "formulir.js", data: "data.json" });
    const form = html.slice(html.indexOf("<form"), html.indexOf("</form>"));
    const names = [...form.matchAll(/ name="([^"]+)"/g)].map((m) => m[1]!).filter((n) => n !== "mode" && n !== "existing");
    expect([...new Set(names)].sort()).toEqual([...issueIds].sort());
  }
  expect(FIELDS.filter((f) => !FIELD_WORDS_EN[f.id]).map((f) => f.id)).toEqual([]);
});

describe("a new request", () => {
  it("is complete and without findings when filled like a registered one under a free name", () => {
    const e = evaluate({ mode: "baru", values: newValues("rapor-digital") }, data, TODAY);
    expect(e.complete).toBe(true);
    expect(e.file).toBe("requests/disdik/rapor-digital.yaml");
    expect(e.errors).toBe(0);
    expect(e.text).toMatch(/^# yaml-language-server: \$schema=/);
  });

  it("shows each required value left empty at its own field", () => {
    const required = FIELDS.filter((f) => f.forms.includes("baru") && f.kind !== "checkboxes" && isRequired(f, governance) && f.id !== "opd" && f.id !== "label");
    expect(required.length).toBeGreaterThan(8);
    for (const f of required) {
      const values = newValues("rapor-digital");
      delete values[f.id];
      expect({ field: f.id, errors: errorFields({ mode: "baru", values }) }).toEqual({ field: f.id, errors: expect.arrayContaining([f.id]) });
    }
  });

  it("says a name is taken, and by which OPD, while other values still fail the schema", () => {
    const values = { ...newValues("sehat"), "administrative-nip": "1987" };
    const e = evaluate({ mode: "baru", values }, data, TODAY);
    const taken = e.placed.find((p) => p.diagnostic.rule === "name.unique");
    expect(taken?.field).toBe("label");
    expect(taken?.diagnostic.message.id).toContain("Dinas Kesehatan");
    expect(e.placed.some((p) => p.field === "administrative-nip" && p.diagnostic.rule === "contact.nip")).toBe(true);
    // Once the NIP is right, CI says the very same about the name.
    const later = evaluate({ mode: "baru", values: newValues("sehat") }, data, TODAY).placed.find((p) => p.diagnostic.rule === "name.unique");
    expect(later?.diagnostic).toEqual(taken?.diagnostic);
  });
});

describe("a change of a registered name", () => {
  const publicValues = () => valuesOf(data.requests.find((r) => r.file === sehat.file)!.request, governance, "ubah");
  const change = (values: Values): FormState => ({ mode: "ubah", existing: sehat.file, values });

  it("with the registered values only has no finding, and never claims the unseen contacts are right", () => {
    const e = evaluate(change({ ...publicValues(), "target-kind": "server" }), data, TODAY);
    expect(e.errors).toBe(0);
    expect(e.partial).toBe(true);
    expect(e.file).toBe(sehat.file);
  });

  it("shows a wrong value typed at its field, and refuses to remove a required one", () => {
    expect(errorFields(change({ ...publicValues(), "target-kind": "server", ipv4: "10.0.0.5" }))).toEqual(["ipv4"]);
    expect(errorFields(change({ ...publicValues(), "target-kind": "server", purpose: "hapus" }))).toEqual(["purpose"]);
    const withoutRecords = evaluate(change({ ...publicValues(), "target-kind": "server", records: "hapus" }), data, TODAY);
    expect(withoutRecords.errors).toBe(0);
    expect(withoutRecords.text).not.toContain("records:");
  });
});

describe("a removal", () => {
  const removal = (values: Values): FormState => ({ mode: "hapus", existing: sehat.file, values });
  const complete = { reason: "Portal dipindahkan ke situs provinsi", "decommission-letter-number": "000.1/9/DINKES/2026", "decommission-letter-date": "2026-11-02" };

  it("adds the decommission block to the registered name, and shows a short reason at its field", () => {
    const e = evaluate(removal(complete), data, TODAY);
    expect(e.errors).toBe(0);
    expect(e.text).toContain("decommission:");
    expect(errorFields(removal({ ...complete, reason: "x" }))).toEqual(["reason"]);
  });
});
