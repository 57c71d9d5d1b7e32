// The web form's link to GitHub's issue form: what GitHub makes of the link (test/form/
// send-github-form.ts, read from the generated template) and what the real intake then writes
// must be the file the page shows, for every request of the fixture government and for hostile
// values; what cannot travel is refused with a reason, what is too long for a URL is pasted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { issueLink, repositoryUrl, URL_LIMIT, type IssueLink } from "../../src/form/send/issue-url.ts";
import { valuesOf, type FormValues } from "../../src/form/send/values.ts";
import { requestFile } from "../../src/form/send/yaml-file.ts";
import { buildRequest } from "../../src/forms/build.ts";
import { renderForms } from "../../src/forms/generate.ts";
import type { FormKind } from "../../src/forms/fields.ts";
import { parseIssueBody } from "../../src/forms/parse.ts";
import { runIntake } from "../../src/github/intake.ts";
import { TODAY, world, type World } from "../github/setup.ts";
import { baseFiles, baseOf, dayOf, fileText, governance, requests, withoutIssueLine } from "./send-fixture.ts";
import { Refused, submitIssueForm } from "./send-github-form.ts";

const REPO = "https://github.com/diskominfo-contohkab/subdomain";
const templates = renderForms(governance);

function sent(link: IssueLink) {
  if (!link.ok) throw new Error(`refused: ${JSON.stringify(link.problems)}`);
  return link;
}

/** What the intake's own reader and builder make of the issue GitHub writes from the link. */
function throughGitHub(kind: FormKind, values: FormValues, base = baseOf(baseFiles()), issue = 41) {
  const link = sent(issueLink(kind, values, governance, REPO));
  expect(link.url.length).toBeLessThanOrEqual(URL_LIMIT);
  const submitted = submitIssueForm(link.url, REPO, templates, link.steps);
  const built = buildRequest(kind, parseIssueBody(submitted.body), governance, base, issue);
  return { link, submitted, built, page: requestFile(kind, values, governance, base, issue) };
}

describe("the pre-filled issue link, through GitHub and the real intake", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => {
    await w.fake.stop();
  });

  it("every fixture request, filled in the page, becomes through the link the very file the page shows", async () => {
    expect(requests.length).toBeGreaterThan(20);
    for (const r of requests) {
      const values = valuesOf(r.value, governance);
      const link = sent(issueLink("baru", values, governance, REPO));
      // Choices are steps on GitHub, never query parameters (the fake refuses a dropdown in the query).
      expect(link.steps.map((s) => s.action)).toContain("choose");
      const submitted = submitIssueForm(link.url, REPO, templates, link.steps);
      const opd = governance.opds.find((o) => o.code === (r.value as { opd: string }).opd)!;
      const issue = w.fake.openIssue(opd.liaisons[0]!, submitted.title, submitted.body, submitted.labels);
      const files = baseFiles(r.file);
      const out = await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: dayOf(r.value, TODAY), baseFiles: files });
      const page = requestFile("baru", values, governance, baseOf(files), issue);
      expect(page.problems, r.file).toEqual([]);
      expect(out, r.file).toMatchObject({ kind: "pull-request", path: r.file });
      expect(w.fake.fileAt(`permohonan/isu-${issue}`, r.file), r.file).toBe(page.text);
      // The page, without an issue number, shows the same file but for the line naming the issue.
      const shown = requestFile("baru", values, governance, baseOf(files)).text!;
      expect(shown).toBe(withoutIssueLine(page.text!));
      // And the form loses nothing it can express: the written file reads back as the same values.
      expect(valuesOf(parse(page.text!), governance), r.file).toEqual(values);
    }
  }, 60_000);

  const sehat = requests.find((r) => r.file === "requests/dinkes/sehat.yaml")!;
  const fresh = (over: Record<string, string | boolean>): FormValues => ({ ...valuesOf(sehat.value, governance), label: "antrian-baru", ...over });

  const HOSTILE: Record<string, Record<string, string>> = {
    "URL metacharacters": { purpose: "Layanan & informasi #1 — 100% gratis? a=b&c=d +plus %20 %zz /?#[]@!$'()*,;", "letter-number": "000.1/123/DINKES/2026 & #anker ?q=1 %41 +" },
    unicode: { purpose: "Portal ꦧꦸꦢꦪ 🚑 café naïve 中文 עברית\u200b zero-width, e\u0301 combining", "administrative-name": "Ni Luh Putu Ayu Ṣaraswatī, S.Kom. 🌺" },
    "line breaks in a textarea": { purpose: "Baris satu\nBaris dua\r\nBaris tiga\n\n    menjorok\n#### bukan judul bagian\n- [X] bukan kotak centang" },
    "YAML records with comments, quotes and ampersands": { records: '# verifikasi\n- type: TXT\n  values: ["v=spf1 include:_spf.google.com ~all", "a&b#c%d"]\n- type: MX\n  values: ["10 mail.contohkab.go.id."]' },
    "a Javanese-script label": { label: "ꦧꦸꦢꦪ-baru" },
    "very long values": { purpose: "Panjang ".repeat(1500).trim(), records: `- type: TXT\n  values: ["${"x".repeat(200)}"]\n`.repeat(8).trimEnd() },
  };
  for (const [name, over] of Object.entries(HOSTILE))
    it(`hostile values (${name}) come through unchanged`, () => {
      const { built, page, link } = throughGitHub("baru", fresh(over));
      expect(built.text).toBe(page.text);
      expect(built.problems).toEqual(page.problems);
      const back = valuesOf(parse(built.text!), governance);
      for (const [id, v] of Object.entries(over)) if (id !== "records") expect(back[id], id).toBe(v.replace(/\r\n?/g, "\n").trim());
      if (name === "very long values") expect(link.steps.filter((s) => s.action === "paste").map((s) => s.id)).toEqual(["purpose"]);
      else expect(link.steps.filter((s) => s.action === "paste")).toEqual([]);
    });

  it("a link too long for GitHub leaves out the fewest, longest fields, and pasting them gives the same file", () => {
    const values = fresh({ purpose: "p".repeat(5000), "letter-scan": `https://arsip.contohkab.go.id/${"s".repeat(5500)}.pdf`, records: `- type: TXT\n  values: ["${"r".repeat(2500)}"]` });
    const { link, built, page } = throughGitHub("baru", values);
    expect(link.url.length).toBeLessThanOrEqual(URL_LIMIT);
    expect(link.steps.filter((s) => s.action === "paste").map((s) => s.id)).toEqual(["purpose", "letter-scan"]);
    expect(built.text).toBe(page.text);
    expect(new URL(link.url).searchParams.get("records")).toContain("r".repeat(2500));
    // Without the paste steps GitHub's form would lack them: the steps are needed, not decoration.
    const withoutPaste = submitIssueForm(link.url, REPO, templates, link.steps.filter((s) => s.action !== "paste"));
    expect(parseIssueBody(withoutPaste.body).values.purpose).toBeUndefined();
  });

  it("never puts a dropdown or checkbox in the link: they are steps on GitHub, and the fake refuses them in the query", () => {
    const { link } = throughGitHub("baru", fresh({ opd: "dinkes", "target-kind": "server" }));
    const keys = [...new URL(link.url).searchParams.keys()];
    for (const id of ["opd", "zone", "target-kind", "delete-data", "confirm"]) expect(keys).not.toContain(id);
    expect(link.steps.filter((s) => s.action === "choose").map((s) => [s.id, s.value])).toEqual([
      ["opd", "dinkes — Dinas Kesehatan"],
      ["target-kind", "Server milik OPD (alamat IP)"],
    ]);
    expect(() => submitIssueForm(`${link.url}&opd=${encodeURIComponent("dinkes — Dinas Kesehatan")}`, REPO, templates, [])).toThrow(Refused);
    expect(new URL(link.url).searchParams.get("template")).toBe("permohonan-baru.yml");
    expect(new URL(link.url).searchParams.get("title")).toBe("[Permohonan baru] antrian-baru");
  });

  it("a change and a removal (with its box to tick) come through too", () => {
    const base = baseOf(baseFiles());
    const change = throughGitHub("ubah", { opd: "dinkes", label: "sehat", purpose: "Portal kesehatan & gizi #2", ipv4: "103.147.26.11, 103.147.26.12" }, base);
    expect(change.built.text).toBe(change.page.text);
    expect(change.built.text).toContain("Portal kesehatan & gizi #2");
    expect(change.built.text).toBe(fileText("requests/dinkes/sehat.yaml").replace("Portal informasi layanan kesehatan masyarakat Kabupaten Contoh", '"Portal kesehatan & gizi #2"').replace("[103.147.26.10]", "[103.147.26.11, 103.147.26.12]"));
    // The web form sends a change with the registered values filled in: those leave the file as it is.
    const full = throughGitHub("ubah", { ...valuesOf(sehat.value, governance, "ubah"), "review-by": "2027-02-01" }, base);
    expect(full.built.changes).toEqual([{ field: "Tanggal tinjau ulang", before: "2027-03-01", after: "2027-02-01" }]);
    expect(full.built.text).toBe(fileText(sehat.file).replace("reviewBy: 2027-03-01", "reviewBy: 2027-02-01"));
    const removal = throughGitHub("hapus", { opd: "dinkes", label: "sehat", reason: "Dipindah ke portal provinsi & pusat", "decommission-letter-number": "000.1/9/DINKES/2026", "decommission-letter-date": "2026-03-10", "delete-data": true }, base);
    expect(removal.link.steps.map((s) => s.action)).toEqual(["choose", "tick"]);
    expect(removal.built.text).toBe(removal.page.text);
    expect(removal.built.text).toContain("deleteData: true");
  });
});

describe("values that cannot travel through GitHub's form are refused, with the field named", () => {
  const values = (over: Record<string, string>): FormValues => ({ ...valuesOf(requests[0]!.value, governance), label: "coba", ...over });
  const refusedIds = (link: IssueLink) => (link.ok ? [] : link.problems.map((p) => p.id));

  it("a line starting with ### in a textarea (GitHub would read a section heading, and another label)", () => {
    const purpose = "Layanan\n### Nama subdomain\n\njahat";
    const link = issueLink("baru", values({ purpose }), governance, REPO);
    expect(refusedIds(link)).toEqual(["purpose"]);
    expect(link.ok ? "" : link.problems[0]!.message.id).toMatch(/"Kegunaan".*"### "/);
    // Why: sent anyway, the intake would read the label "jahat" instead of "coba".
    const raw = `${REPO}/issues/new?template=permohonan-baru.yml&label=coba&purpose=${encodeURIComponent(purpose)}`;
    expect(parseIssueBody(submitIssueForm(raw, REPO, templates, []).body).values.label).toBe("jahat");
  });

  it("a line break in a one-line field (the browser strips it), and the text _No response_", () => {
    expect(refusedIds(issueLink("baru", values({ "letter-number": "000.1/1\n/2026" }), governance, REPO))).toEqual(["letter-number"]);
    const raw = `${REPO}/issues/new?template=permohonan-baru.yml&letter-number=${encodeURIComponent("000.1/1\n/2026")}`;
    expect(parseIssueBody(submitIssueForm(raw, REPO, templates, []).body).values["letter-number"]).toBe("000.1/1/2026");
    expect(refusedIds(issueLink("baru", values({ "technical-phone": "_No response_" }), governance, REPO))).toEqual(["technical-phone"]);
    // A fenced value in a plain textarea: the intake's reader would take the fence off.
    expect(refusedIds(issueLink("baru", values({ purpose: "```\nLayanan\n```" }), governance, REPO))).toEqual(["purpose"]);
  });

  it("a form longer than an issue body can hold is refused as a whole, saying what to do", () => {
    const link = issueLink("baru", values({ purpose: "x".repeat(70_000) }), governance, REPO);
    expect(link.ok).toBe(false);
    expect(link.ok ? undefined : link.problems[0]!.id).toBeUndefined();
    expect(link.ok ? "" : link.problems[0]!.message.id).toMatch(/65\.536.*unduh berkas YAML/);
    expect(link.ok ? "" : link.problems[0]!.message.en).toMatch(/65,536.*download the YAML file/);
  });

  it("takes the repository from the registry's --source-url", () => {
    expect(repositoryUrl("https://github.com/pemkab/subdomain/blob/main/")).toBe("https://github.com/pemkab/subdomain");
    expect(repositoryUrl("https://github.com/pemkab/subdomain/")).toBe("https://github.com/pemkab/subdomain");
  });
});
