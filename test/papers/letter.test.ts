import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { accountDetails, checkScheme, DEFAULT_SCHEME, formatDate, letterContent, letterNumber, renderLetter } from "../../src/letter/index.ts";
import { contactSecrets, exampleRequest, loadExamples, type Examples } from "./examples.ts";
import { haveTool, pdfText, readGreyPng } from "./tools.ts";

let ex: Examples;
const out = mkdtempSync(join(tmpdir(), "letter-"));
const PDF = haveTool("pdftotext") && haveTool("pdftoppm");

beforeAll(() => {
  ex = loadExamples();
});

async function render(file: string, lang: "id" | "en" = "id"): Promise<{ pdf: Buffer; path: string }> {
  const rf = exampleRequest(ex, file);
  const account = accountDetails(rf.file, rf.request, ex.governance, ex.state);
  const pdf = await renderLetter({ governance: ex.governance, account, number: "000.5.9/12/Diskominfo/2026", date: "2026-03-05", lang });
  const path = join(out, `${rf.request.opd}-${lang}.pdf`);
  writeFileSync(path, pdf);
  return { pdf, path };
}

describe("letter dates and numbers", () => {
  it.each([
    ["2026-03-02", "id", "2 Maret 2026"],
    ["2026-08-17", "id", "17 Agustus 2026"],
    ["2027-12-31", "id", "31 Desember 2027"],
    ["2026-05-01", "en", "1 May 2026"],
    ["bukan tanggal", "id", "bukan tanggal"],
  ] as const)("formats %s (%s) as %s", (iso, lang, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });

  it("fills the number scheme deterministically", () => {
    expect(letterNumber(DEFAULT_SCHEME, { seq: 12, date: "2026-03-05", opd: "dinkes" })).toBe("000.5.9/12/Diskominfo/2026");
    expect(letterNumber("500/{seq}/{opd}/{romanMonth}/{year}", { seq: 3, date: "2026-11-05", opd: "dinkes" })).toBe("500/3/DINKES/XI/2026");
    expect(checkScheme(DEFAULT_SCHEME)).toEqual([]);
    expect(checkScheme("000/{nomor}/{year}").map((p) => p.en)).toEqual([
      "The letter number scheme must contain {seq}.",
      expect.stringContaining("{nomor}"),
    ]);
  });
});

describe("reply letter content", () => {
  const content = (file: string) => {
    const rf = exampleRequest(ex, file);
    return letterContent({ governance: ex.governance, account: accountDetails(rf.file, rf.request, ex.governance, ex.state), number: "N/1", date: "2026-11-16" });
  };

  it("answers the OPD's letter and gives a hosting account: namespace, quota, ingress, CI account, kubectl", () => {
    const c = content("requests/dinkes/puskesmas.yaml");
    expect(c.numbering).toContainEqual(["Perihal", "Balasan Permohonan Subdomain"]);
    expect(c.opening).toContain("000.1/530/DINKES/2026 tanggal 4 Agustus 2026");
    // The body names the service; the technical access details are the attachment (Lampiran).
    expect(Object.fromEntries(c.table)["Layanan"]).toContain("rincian akses teknis (akun, namespace, kuota) dalam Lampiran");
    expect(c.table.map(([k]) => k)).not.toContain("Namespace hosting");
    expect(c.numbering).toContainEqual(["Lampiran", "1 (satu) berkas"]);
    const table = Object.fromEntries([...c.table, ...(c.attachment?.rows ?? [])]);
    const d = ex.governance.hosting.defaults;
    expect(table).toMatchObject({
      "Nama subdomain": "puskesmas.contohkab.go.id",
      "Namespace hosting": "tenant-puskesmas",
      "ServiceAccount untuk CI": "ci-opd",
      "Host ingress": "puskesmas.contohkab.go.id",
      Kuota: `CPU ${d.cpu}, memori ${d.memory}, penyimpanan ${d.storage}, ${d.volumes} volume`,
      "Akses klaster": "yoga.pratama@dinkes.contohkab.go.id (peran subdomain-gitops-tenant-pengelola di namespace)",
      "Tinjau ulang paling lambat": "31 Agustus 2027",
    });
    expect(table["Petunjuk kubectl"]).toBe("kubectl config set-context tenant-puskesmas --cluster=diskominfo --namespace=tenant-puskesmas");
    // What the OPD may and may not do, and when its data is backed up, in plain words.
    expect(table["Yang boleh dilakukan OPD"]).toContain("Ingress untuk puskesmas.contohkab.go.id");
    expect(table["Yang tidak boleh dilakukan OPD"]).toContain("NodePort, LoadBalancer atau ExternalName");
    expect(table["Cadangan data"]).toMatch(/^setiap hari pukul 01:00 WIB, disimpan 30 hari/);
    expect(c.signature).toEqual({ title: "Kepala Dinas Komunikasi dan Informatika", name: "Dr. Ahmad Fauzi, S.Kom., M.T.", rank: "Pembina Utama Muda (IV/c)", nip: "NIP. 197205101998031004" });
    expect(c.copies).toEqual(["Sekretaris Daerah Kabupaten Contoh", "Arsip"]);
  });

  it("never carries a phone number or the NIP of a contact", () => {
    const secrets = contactSecrets(ex);
    for (const rf of ex.requests) {
      const all = JSON.stringify(content(rf.file));
      for (const s of secrets) expect(all).not.toContain(s);
    }
  });

  it("gives an alias target, and every record of the request from the desired state", () => {
    const c = content("requests/dpmptsp/perizinan.yaml");
    const table = Object.fromEntries([...c.table, ...(c.attachment?.rows ?? [])]);
    expect(table["Rekaman DNS"]).toContain("mail.perizinan.contohkab.go.id 3600 AAAA 2404:8000:1024:29::9");
    expect(table["Rekaman DNS"]).toContain('_dmarc.perizinan.contohkab.go.id 3600 TXT "v=DMARC1;');
    const alias = Object.fromEntries(content("requests/bpbd/peta-bencana.yaml").table);
    expect(alias["Alias (CNAME) ke"]).toBeTruthy();
  });

  it("shows a Unicode name with its ASCII form (the PDF prints every script: test/letters/scripts.test.ts)", () => {
    const rf = exampleRequest(ex, "requests/disdik/xn--dm9ajak8c.yaml");
    const account = accountDetails(rf.file, rf.request, ex.governance, ex.state);
    const base = { governance: ex.governance, account, number: "N/2", date: "2026-11-16" };
    expect(Object.fromEntries(letterContent(base).table)).toMatchObject({ "Nama subdomain": "ꦧꦸꦢꦪ.contohkab.go.id", "Nama dalam ASCII (punycode)": "xn--dm9ajak8c.contohkab.go.id" });
  });
});

describe.skipIf(!PDF)("reply letter PDF", () => {
  it("reads right as text (pdftotext)", async () => {
    const { path } = await render("requests/dinkes/sehat.yaml");
    const text = pdfText(path).replace(/[ \t]+/g, " ");
    for (const expected of [
      "PEMERINTAH KABUPATEN CONTOH",
      "DINAS KOMUNIKASI DAN INFORMATIKA",
      "Jl. Merdeka No. 1, Contoh 66200",
      "Contoh, 5 Maret 2026",
      "Nomor : 000.5.9/12/Diskominfo/2026",
      "Perihal : Balasan Permohonan Subdomain",
      "Yth. Kepala Dinas Kesehatan",
      "Nomor 000.1/123/DINKES/2026 tanggal 2 Maret 2026",
      "sehat.contohkab.go.id",
      ...exampleRequest(ex, "requests/dinkes/sehat.yaml").request.target!.server!.ipv4!,
      "Tinjau ulang paling lambat",
      "Kepala Dinas Komunikasi dan Informatika,",
      "Dr. Ahmad Fauzi, S.Kom., M.T.",
      "Pembina Utama Muda (IV/c)",
      "NIP. 197205101998031004",
      "Tembusan:",
      "1. Sekretaris Daerah Kabupaten Contoh;",
    ])
      expect(text).toContain(expected);
    for (const secret of contactSecrets(ex)) expect(text).not.toContain(secret);
  });

  it("is a tagged PDF 1.7: the letter on one A4 page and its attachment (Lampiran) for a server request", async () => {
    const { path } = await render("requests/dinkes/sehat.yaml");
    const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Pages:\s+2\n/);
    const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", path, "-"], { encoding: "utf8" });
    expect(first).toContain("Dr. Ahmad Fauzi");
    expect(execFileSync("pdftotext", ["-f", "2", "-l", "2", path, "-"], { encoding: "utf8" })).toContain("RINCIAN AKSES TEKNIS");
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Balasan Permohonan Subdomain sehat\.contohkab\.go\.id/);
  });

  it("is the same bytes for the same input", async () => {
    const a = await render("requests/dinkes/sehat.yaml");
    const b = await render("requests/dinkes/sehat.yaml");
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });

  it("keeps the closing and the signature together on a continuation page for a hosting letter", async () => {
    const { path } = await render("requests/dinkes/puskesmas.yaml");
    const pages = execFileSync("pdfinfo", [path], { encoding: "utf8" });
    const count = Number(/Pages:\s+(\d+)/.exec(pages)?.[1]);
    const texts = Array.from({ length: count }, (_, i) => execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", path, "-"], { encoding: "utf8" }));
    const signed = texts.findIndex((t) => t.includes("Demikian kami sampaikan"));
    expect(signed).toBeGreaterThanOrEqual(0);
    expect(texts[signed]).toContain("Dr. Ahmad Fauzi");
    if (signed > 0) expect(texts[signed]).toMatch(new RegExp(`-\\s*${signed + 1}\\s*-`));
    // The attachment comes last and is signed too.
    expect(texts[count - 1]).toContain("RINCIAN AKSES TEKNIS");
    expect(texts[count - 1]).toContain("Dr. Ahmad Fauzi");
  });

  it("speaks English on request", async () => {
    const { path } = await render("requests/dinkes/sehat.yaml", "en");
    const text = pdfText(path).replace(/[ \t]+/g, " ");
    expect(text).toContain("Subject : Reply to the Subdomain Request");
    expect(text).toContain("Contoh, 5 March 2026");
  });

  it("renders a page image with a letterhead rule and text (pdftoppm)", async () => {
    const { path } = await render("requests/dinkes/sehat.yaml");
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", path, join(out, "page")]);
    const png = readdirSync(out).find((f) => f.startsWith("page") && f.endsWith(".png"))!;
    const img = readGreyPng(join(out, png));
    // A4 at 50 dpi: 413 x 585 pixels.
    expect(img.width).toBeGreaterThan(400);
    expect(img.width).toBeLessThan(420);
    expect(img.height).toBeGreaterThan(580);
    expect(img.height).toBeLessThan(590);
    const dark = img.pixels.filter((p) => p < 128).length;
    expect(dark / img.pixels.length).toBeGreaterThan(0.01);
    expect(dark / img.pixels.length).toBeLessThan(0.3);
    // The letterhead's rule: a row in the top fifth that is dark across most of the text width.
    const rows = Array.from({ length: Math.floor(img.height / 5) }, (_, y) => img.pixels.subarray(y * img.width, (y + 1) * img.width).filter((p) => p < 128).length);
    expect(Math.max(...rows)).toBeGreaterThan(img.width * 0.7);
  });
});
