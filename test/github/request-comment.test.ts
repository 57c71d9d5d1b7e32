// The request on the page, read as a Kepala Bidang reads it, against the fake GitHub: the bot's
// comment opens with what is asked in one sentence (who, which name, what changes or what sizes)
// before any record or table, in plain words; a move from the OPD's server to hosting reads as a
// change, never as a deletion; contacts by name only (no phone, NIP or e-mail).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshPullRequest } from "../../src/github/refresh.ts";
import { PLAN_MARKER } from "../../src/plan/render-markdown.ts";
import { BOT, TODAY, world, type World } from "./setup.ts";

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => {
  await w.fake.stop();
});

const request = (target: string, purpose = "Sistem antrean puskesmas") => `label: antrean
opd: dinkes
purpose: ${purpose}
letter:
  number: 000.1/88/DINKES/2026
  date: 2026-03-02
  scan: https://arsip.contohkab.go.id/surat/dinkes-88.pdf
contacts:
  administrative:
    name: Siti Rahmawati
    email: siti@dinkes.contohkab.go.id
    phone: "+62 812-5555-6666"
    nip: "198905122014032001"
  technical:
    name: Budi Santoso
    email: budi@dinkes.contohkab.go.id
    phone: "+62 812-7777-8888"
target:
${target}
reviewBy: 2027-02-01
`;
const SERVER = (ip: string) => `  server:\n    ipv4: [${ip}]`;
const HOSTING = "  hosting:\n    storage: 20Gi\n    memory: 1Gi\n    cpu: 500m\n    volumes: 2";

/** Opens a pull request by the OPD's liaison changing requests/dinkes/antrean.yaml to `text`; returns the bot's whole comment. */
async function commentFor(branch: string, text: string): Promise<string> {
  w.fake.createBranch(branch);
  w.fake.push(branch, "siti-dinkes", { "requests/dinkes/antrean.yaml": text }, "Permohonan");
  const { data } = await w.as("siti-dinkes").rest.pulls.create({ ...w.ref, title: branch, head: branch, base: "main" });
  await refreshPullRequest(w.bot, w.ref, data.number, { botLogin: BOT, today: TODAY });
  return w.fake.commentsOn(data.number).find((c) => c.user === BOT && c.body.includes(PLAN_MARKER))!.body;
}

/** The "Permohonan" section: what a reviewer reads first. */
const asked = (comment: string) => comment.slice(comment.indexOf("### Permohonan"), comment.indexOf("\n### ", comment.indexOf("### Permohonan") + 5));
const noPrivateData = (comment: string) => {
  for (const secret of ["812", "198905122014032001", "siti@", "budi@"]) expect(comment).not.toContain(secret);
};

describe("the request in words, at the top of the comment", () => {
  it("a hosting request says who asks what, and the sizes in words", async () => {
    const comment = await commentFor("baru-hosting", request(HOSTING));
    console.log(`--- komentar permohonan hosting ---\n${comment}`);
    const section = asked(comment);
    expect(comment.indexOf("### Permohonan")).toBeLessThan(comment.indexOf("### Rencana perubahan"));
    expect(comment.indexOf("### Permohonan")).toBeGreaterThan(0);
    expect(section).toContain(
      "**Dinas Kesehatan memohon subdomain baru `antrean.contohkab.go.id`** untuk Sistem antrean puskesmas, diarahkan ke hosting di klaster Diskominfo dengan penyimpanan data 20 GB, memori 1 GB, prosesor setengah inti, 2 volume penyimpanan.",
    );
    expect(section).toContain("- Surat OPD: Nomor 000.1/88/DINKES/2026 tanggal 2 Maret 2026 ([pindaian surat](https://arsip.contohkab.go.id/surat/dinkes-88.pdf))");
    expect(section).toContain("- Penanggung jawab: Siti Rahmawati (administratif), Budi Santoso (teknis)");
    // No unit a Kepala Bidang has to decode in the sentence he approves.
    expect(section.split("\n")[2]).not.toMatch(/\b\d+(Gi|Mi|m)\b/);
    noPrivateData(comment);
  });

  it("a change of server address says from what to what", async () => {
    w.fake.push("main", "admin1", { "requests/dinkes/antrean.yaml": request(SERVER("103.147.8.10")) }, "Permohonan antrean");
    const comment = await commentFor("ubah-ip", request(SERVER("103.147.8.20"), "Sistem antrean puskesmas dan rumah sakit"));
    console.log(`--- komentar perubahan ---\n${comment}`);
    const section = asked(comment);
    expect(section).toContain(
      '**Dinas Kesehatan memohon perubahan subdomain `antrean.contohkab.go.id`**: alamat server berubah dari 103.147.8.10 ke 103.147.8.20; kegunaan berubah dari "Sistem antrean puskesmas" menjadi "Sistem antrean puskesmas dan rumah sakit".',
    );
    expect(section).toContain("- Tujuan setelah perubahan: server OPD 103.147.8.20");
    expect(section).not.toMatch(/[Pp]enghapusan|dihapus/);
    noPrivateData(comment);
  });

  it("a move from the OPD's server to hosting reads as a change, not a deletion", async () => {
    const comment = await commentFor("ke-hosting", request(HOSTING));
    const section = asked(comment);
    expect(section).toContain(
      "**Dinas Kesehatan memohon perubahan subdomain `antrean.contohkab.go.id`**: tujuan dipindahkan dari server OPD 103.147.8.10 ke hosting di klaster Diskominfo dengan penyimpanan data 20 GB, memori 1 GB, prosesor setengah inti, 2 volume penyimpanan; nama subdomain tetap.",
    );
    expect(section).not.toMatch(/[Pp]enghapusan|akan dihapus/);
    noPrivateData(comment);
  });
});
