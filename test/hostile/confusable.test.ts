// Names that look alike are one name: look-alike letters from other scripts, dotless i, rn for m,
// emoji and symbols are refused, naming the request that holds the name it imitates; names wholly
// in another script that imitate nothing stay allowed.
import { describe, expect, it } from "vitest";
import { requestPath } from "../../src/model/names.ts";
import { requestText, rules, run } from "../validate/helpers.ts";

const file = (label: string, opd = "dinkes") => ({ [requestPath(opd, label)]: requestText({}, label, opd) });
const findings = (...labels: [string, string?][]) => run(Object.assign({}, ...labels.map(([l, o]) => file(l, o))));

describe("a label confusable with an existing one", () => {
  const cases: [string, string, string][] = [
    ["Cyrillic letters mixed into a Latin name", "paypal", "раураl"],
    ["a whole-Cyrillic name that reads as Latin", "caxap", "сахар"],
    ["a dotless i", "dinas", "dınas"],
    ["a Greek omicron", "google", "gοogle"],
  ];
  for (const [what, original, imitation] of cases)
    it(`refuses ${what} (${imitation} for ${original}), naming the other request`, () => {
      const d = findings([original, "disdik"], [imitation]);
      const mine = d.filter((x) => x.file === requestPath("dinkes", imitation));
      expect(rules(mine).sort()).toEqual(["label.confusable", "label.script"]);
      expect(mine.find((x) => x.rule === "label.confusable")!.message.en).toContain(`requests/disdik/${original}.yaml`);
      // The older request is told too: the pair is one name.
      expect(rules(d.filter((x) => x.file === `requests/disdik/${original}.yaml`))).toEqual(["label.confusable"]);
    });
  it("refuses rn for m and 1 for l between Latin names, naming the other request", () => {
    const d = findings(["modal", "disdik"], ["rnodal"]);
    expect(d.map((x) => `${x.file} ${x.rule}`)).toEqual(["requests/dinkes/rnodal.yaml label.confusable", "requests/disdik/modal.yaml label.confusable"]);
    expect(d[0]!.message.en).toContain("looks the same as `modal` of requests/disdik/modal.yaml");
    expect(rules(findings(["layanan-l", "disdik"], ["layanan-1"]))).toEqual(["label.confusable", "label.confusable"]);
  });
  it("refuses a look-alike record name below another request's subdomain name too", () => {
    const d = run({
      "requests/disdik/sekolah.yaml": requestText({ records: [{ name: "mail", type: "A", values: ["103.28.12.11"] }] }, "sekolah", "disdik"),
      "requests/dinkes/rnail.yaml": requestText({}, "rnail"),
      "requests/dinkes/sehat.yaml": requestText({ records: [{ name: "rnail.sekolah", type: "A", values: ["103.28.12.12"] }] }, "sehat"),
    });
    // `rnail.sekolah.sehat` is not `mail.sekolah`; only names of one skeleton in one zone meet.
    expect(rules(d, "label.confusable")).toEqual([]);
  });
});

describe("labels follow IDNA2008 and one script", () => {
  it("refuses emoji and symbols that UTS #46 would let through", () => {
    for (const label of ["sehat😀", "cinta♥", "a·b"]) expect(rules(run(file(label)), "label.")).toContain("label.script");
  });
  it("allows whole-script names that imitate nothing, and accented Latin", () => {
    for (const label of ["ελληνικά", "ꦗꦮꦠꦺꦁꦃ", "مرحبا", "ᮞᮥᮔ᮪ᮓ", "bücher", "café", "日本語"]) expect(run(file(label))).toEqual([]);
  });
  it("refuses a label mixing two non-Latin scripts", () => {
    expect(rules(run(file("ελληνικάсахар")), "label.")).toContain("label.script");
  });
});
