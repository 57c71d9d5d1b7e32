// What the generated forms say to a liaison: the zone, where the scan goes, the power of attorney
// when the preset asks for it, "optional" never said of a field governance requires, only the
// applicant needing GitHub, and a change form that requires nothing but the request's identity.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderForms } from "../../src/forms/generate.ts";
import type { Governance } from "../../src/model/governance.ts";
import { readPreset } from "../../src/model/presets/index.ts";
import { GOVERNANCE_TEXT } from "../validate/helpers.ts";

type Item = { id?: string; attributes: { description?: string; value?: string }; validations?: { required: boolean } };
const base = parse(GOVERNANCE_TEXT) as Governance;
const form = (g: Governance, file: string) => parse(renderForms(g)[file]!).body as Item[];
const item = (body: Item[], id: string) => body.find((b) => b.id === id)!;
const purbalingga = { ...base, ...(readPreset("purbalingga").value as Partial<Governance>), zones: base.zones } as Governance;

describe("generated form text", () => {
  it("shows the full name in the zone, and where the signed scan is uploaded", () => {
    const baru = form({ ...base, forms: { scanUpload: "folder https://arsip.contohkab.go.id/unggah" } }, "permohonan-baru.yml");
    expect(item(baru, "label").attributes.description).toContain("`<nama>.contohkab.go.id`, misalnya tulis `sehat` untuk `sehat.contohkab.go.id`");
    expect(item(baru, "letter-scan").attributes.description).toContain("Unggah pindaian PDF surat bertanda tangan dan bercap ke folder https://arsip.contohkab.go.id/unggah");
    expect(item(baru, "letter-scan").attributes.description).not.toContain("surat kuasa");
  });

  it("explains Purbalingga's power of attorney, and never calls a field governance requires optional", () => {
    expect(purbalingga.forms?.powerOfAttorney).toBe(true);
    expect(purbalingga.requiredFields).toContain("contacts.technical.nip");
    const baru = form(purbalingga, "permohonan-baru.yml");
    expect(item(baru, "letter-scan").attributes.description).toMatch(/\*\*surat kuasa\*\* dari Kepala OPD yang menunjuk pengelola domain/);
    const nip = item(baru, "technical-nip");
    expect(nip.validations!.required).toBe(true);
    expect(nip.attributes.description).not.toMatch(/opsional|boleh dikosongkan|bila ada/i);
    // In the base governance the same field is optional and says so.
    expect(item(form(base, "permohonan-baru.yml"), "technical-nip").attributes.description).toContain("Boleh dikosongkan");
    for (const file of ["permohonan-baru.yml", "permohonan-ubah.yml", "permohonan-hapus.yml"])
      for (const b of form(purbalingga, file).filter((x) => x.validations?.required)) expect(b.attributes.description ?? "", `${file} ${b.id}`).not.toMatch(/opsional|boleh dikosongkan/i);
  });

  it("asks GitHub accounts of no contact; explains alias and hosting sizes with examples", () => {
    const baru = form(base, "permohonan-baru.yml");
    for (const id of ["administrative-github", "technical-github"]) expect(item(baru, id).validations!.required).toBe(false);
    expect(item(baru, "alias").attributes.description).toContain("tanpa `https://`");
    expect(item(baru, "storage").attributes.description).toMatch(/`10Gi` berarti 10 GiB.*bawaan `\d+Gi`/);
    expect(item(baru, "target-kind").attributes.description).toContain("**Alias (CNAME)**");
  });

  it("the change form requires only the request's identity and tells how to remove a value", () => {
    const ubah = form(base, "permohonan-ubah.yml");
    expect(ubah.filter((b) => b.validations?.required).map((b) => b.id)).toEqual(["opd", "label"]);
    expect(item(ubah, "technical-nip").attributes.description).toContain("tulis `hapus` untuk menghapus");
    expect(item(ubah, "purpose").attributes.description).not.toContain("hapus");
    expect(ubah[0]!.attributes.value).toContain("isi **hanya bagian yang berubah**");
  });
});
