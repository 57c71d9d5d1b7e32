// The reply letter for every outcome (new, change, removal, refusal), read back from the PDF with
// pdftotext: the outcome's own sentence, no review date for a removed or refused subdomain, the
// acting official's prefix in the signature block, and the BSrE footer of an electronic letter.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haveTool, pdfText } from "../papers/tools.ts";
import { accountDetails, renderLetter } from "../../src/letter/index.ts";
import { loadExamples } from "../papers/examples.ts";
import { sampleLetter } from "./sample.ts";

const dir = mkdtempSync(join(tmpdir(), "outcome-"));
const text = async (kind: "baru" | "ubah" | "hapus" | "tolak", signer?: Parameters<typeof sampleLetter>[1]) => {
  expect(haveTool("pdftotext")).toBe(true);
  const path = join(dir, `${kind}.pdf`);
  writeFileSync(path, await sampleLetter(kind, signer));
  return pdfText(path).replace(/\s+/g, " ");
};

describe("reply letter outcomes", () => {
  it("a change says what changed, in words", async () => {
    const t = await text("ubah");
    expect(t).toContain("perubahan subdomain");
    expect(t).toContain("alamat server berubah dari 103.147.8.10 ke 103.147.8.20");
    expect(t).toContain("Tinjau ulang paling lambat");
  });

  it("a removal says what was removed and when, and keeps no review date", async () => {
    const t = await text("hapus");
    expect(t).toContain("telah dihapus pada tanggal 16 Maret 2026");
    expect(t).toContain("Rincian yang dihapus");
    expect(t).not.toContain("Tinjau ulang");
    expect(t).not.toContain("telah selesai kami siapkan dan dapat digunakan");
    // Whether data was kept: a server request's data is on the OPD's own server.
    expect(t).toContain("Data pada server OPD tidak tersentuh");
  });

  it("a hosting removal says whether the data was kept, and how long its last backup stays", async () => {
    const ex = loadExamples();
    const rf = ex.requests.find((r) => r.file === "requests/dinkes/puskesmas.yaml")!;
    const account = accountDetails(rf.file, rf.request, ex.governance, ex.state);
    const render = async (dataKept: boolean) => {
      const path = join(dir, `hapus-hosting-${dataKept}.pdf`);
      writeFileSync(path, await renderLetter({ governance: ex.governance, account, number: "000.5.9/13/Diskominfo/2026", date: "2026-03-16", outcome: { kind: "hapus", removedOn: "2026-03-16", dataKept } }));
      return pdfText(path).replace(/\s+/g, " ");
    };
    const kept = await render(true);
    expect(kept).toContain("Data hosting (namespace tenant-puskesmas beserta volume penyimpanannya) tidak ikut dihapus");
    expect(kept).toContain("RINCIAN TEKNIS YANG DIHAPUS");
    expect(kept).not.toContain("rincian akses teknis");
    const deleted = await render(false);
    expect(deleted).toContain("ikut dihapus; cadangan terakhirnya disimpan selama 365 hari, sampai tanggal 16 Maret 2027, lalu dimusnahkan");
  });

  it("a refusal gives the coded reason and is signed by the acting official as Plt.", async () => {
    const t = await text("tolak", { prefix: "Plt.", name: "Dewi Lestari, S.Kom." });
    expect(t).toContain("tidak dapat kami setujui dengan alasan: nama subdomain sudah dipakai (kode nama-sudah-ada)");
    expect(t).toContain("Plt. Kepala Dinas Komunikasi dan Informatika");
    expect(t).toContain("Dewi Lestari, S.Kom.");
    expect(t).not.toContain("Tinjau ulang");
  });

  it("on behalf of the head: a.n. and the signer's own title", async () => {
    const t = await text("baru", { prefix: "a.n.", name: "Bambang Sutrisno", title: "Sekretaris" });
    expect(t).toContain("a.n. Kepala Dinas Komunikasi dan Informatika");
    expect(t).toContain("Sekretaris");
    expect(t).toContain("Balai Besar Sertifikasi Elektronik (BSrE)");
  });
});
