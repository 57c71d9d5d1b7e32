// Schema findings say what to do, not only what is wrong.
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/parse.ts";
import { checkSchema } from "../../src/validate/schema.ts";
import { requestText } from "./helpers.ts";

const check = (text: string) => checkSchema(parseYaml("requests/dinkes/sehat.yaml", new TextEncoder().encode(text)), "request");

describe("schema messages", () => {
  it("suggests the field meant by a misspelt one", () => {
    const d = check(requestText().replace("label:", "lable:"));
    expect(d.find((x) => x.rule === "schema.unknown-field")!.message.en).toContain("Did you mean `label`?");
  });
  it("explains types in words and how to write them", () => {
    const d = check(requestText({ target: { server: { ipv4: "103.28.12.10" } } }).replace(/phone: \+62 812-3456-7890/, "phone: 0812345678"));
    const en = d.map((x) => x.message.en).join("\n");
    expect(en).toContain("`target.server.ipv4` must be a list. Write it in square brackets");
    expect(en).toContain("`contacts.administrative.phone`: this number is written without quotes, so it is read as a number (a leading 0 is lost). Put it in quotes");
  });
  it("suggests capitals for a lowercase record type", () => {
    const d = check(requestText({ records: [{ type: "txt", values: ["x"] }] }));
    expect(d.map((x) => `${x.rule} ${x.message.en}`)).toEqual(["record.type Unknown record type at `records[1].type`; use A, AAAA, CNAME, TXT, MX, CAA or SRV. Write it in capitals: TXT."]);
  });
  it("reports a bad date once, though both pattern and format fail", () => {
    const d = check(requestText({ reviewBy: "2027-3-1" }));
    expect(d.map((x) => x.rule)).toEqual(["schema.format"]);
  });
});
