// The YAML file the web form offers to download: the intake's own file for the same values, with
// its modeline, valid by CI's validator, and safe whatever text the liaison typed.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { valuesOf } from "../../src/form/send/values.ts";
import { downloadName, requestFile } from "../../src/form/send/yaml-file.ts";
import { buildRequest } from "../../src/forms/build.ts";
import { checkIntake } from "../../src/forms/check.ts";
import { parseIssueBody } from "../../src/forms/parse.ts";
import { issueBody } from "../github/issue-body.ts";
import { root, TODAY } from "../github/setup.ts";
import { baseFiles, baseOf, dayOf, govLoaded, governance, requests, withoutIssueLine } from "./send-fixture.ts";

const MODELINE = "# yaml-language-server: $schema=../../schemas/request.schema.json";
const others = (path: string) => requests.filter((r) => r.file !== path);

describe("the downloadable request file", () => {
  it("for every fixture request: the modeline first, valid by CI's rules, and the intake's file byte for byte", () => {
    for (const r of requests) {
      const values = valuesOf(r.value, governance);
      const base = baseOf(baseFiles(r.file));
      const page = requestFile("baru", values, governance, base);
      expect(page.problems, r.file).toEqual([]);
      expect(page.path, r.file).toBe(r.file);
      expect(downloadName(page)).toBe(r.file.split("/").pop());
      const lines = page.text!.split("\n");
      expect(lines[0]).toBe(MODELINE);
      expect(lines[1]).not.toMatch(/^#/);
      // The modeline's schema, seen from where the file goes (requests/<opd>/), is the repository's.
      expect(existsSync(join(root, dirname(r.file), "../../schemas/request.schema.json"))).toBe(true);
      const check = checkIntake(r.file, page.text!, govLoaded, others(r.file), dayOf(r.value, TODAY));
      expect(check.diagnostics.filter((d) => d.severity === "error"), r.file).toEqual([]);
      // The intake, reading the issue GitHub writes for these values, writes this file (with its issue number).
      const intake = buildRequest("baru", parseIssueBody(issueBody("baru", values)), governance, base, 12);
      expect(requestFile("baru", values, governance, base, 12).text, r.file).toBe(intake.text);
      expect(page.text).toBe(withoutIssueLine(intake.text!));
    }
  });

  it("writes hostile text as YAML strings that read back exactly (YAML's own syntax is escaped)", () => {
    const sehat = requests.find((r) => r.file === "requests/dinkes/sehat.yaml")!;
    const base = baseOf(baseFiles(sehat.file));
    const texts = ["yes", "null", "~", "- a", "key: value", "'kutip", '"kutip', "#bukan komentar", "@at", "*alias", "&anchor x", "!tag", "% directive", "---", "...", "{a: 1}", "[1, 2]", "0x1F", "1e3", "2026-03-02", "a # b", "baris\nkedua", "\ttab", "  spasi", "ꦧꦸꦢꦪ 🚑", "<script>alert(1)</script>"];
    for (const t of texts) {
      const values = { ...valuesOf(sehat.value, governance), purpose: `${t}`, "technical-name": `${t.replace(/\n/g, " ")} x` };
      const page = requestFile("baru", values, governance, base);
      const back = parse(page.text!) as { purpose: unknown; contacts: { technical: { name: unknown } } };
      expect(back.purpose, t).toBe(t.trim());
      expect(back.contacts.technical.name, t).toBe(`${t.replace(/\n/g, " ")} x`.trim());
      expect(page.text!.split("\n")[0]).toBe(MODELINE);
    }
  });

  it("a change keeps the existing file's comments and header; a name that is taken is said, with the file", () => {
    const base = baseOf(baseFiles());
    const changed = requestFile("ubah", { opd: "dinkes", label: "sehat", "review-by": "2027-02-01" }, governance, base);
    expect(changed.problems).toEqual([]);
    expect(changed.text!.split("\n")[0]).toBe(MODELINE);
    expect(changed.text).toContain("reviewBy: 2027-02-01");
    expect(changed.changes).toEqual([{ field: "Tanggal tinjau ulang", before: "2027-03-01", after: "2027-02-01" }]);
    const taken = requestFile("baru", { ...valuesOf(requests[0]!.value, governance) }, governance, base);
    expect(taken.problems.map((p) => p.message.en)).toEqual([`This subdomain already exists (${requests[0]!.file}); use the change form.`]);
  });
});
