import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountDetails } from "../../src/letter/account.ts";
import { renderAgenda, reserve } from "../../src/letter/agenda.ts";
import { renderLetter } from "../../src/letter/render.ts";
import { composeMail, FileLedger, mailId, SecretInMessageError, sendOnce, smtpSettingsFromEnv, type SmtpSettings } from "../../src/notify/index.ts";
import { contactSecrets, exampleRequest, loadExamples, type Examples } from "./examples.ts";
import { ROOT } from "./governance.ts";
import { startSmtp, type TestSmtp } from "./smtp.ts";
import { CONTOH } from "../fixtures/contoh.ts";

const run = promisify(execFile);
const USER = "diskominfo-mailer";
const PASSWORD = "smtp-rahasia-9f3k2";
const FROM = "Diskominfo Kabupaten Contoh <noreply@contohkab.go.id>";
const SHA = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const FILE = "requests/dinkes/puskesmas.yaml";

let ex: Examples;
let smtp: TestSmtp;
let settings: SmtpSettings;
const dir = mkdtempSync(join(tmpdir(), "mail-"));

beforeAll(async () => {
  ex = loadExamples();
  smtp = await startSmtp(USER, PASSWORD);
  settings = { host: "127.0.0.1", port: smtp.port, secure: false, user: USER, password: PASSWORD, from: FROM };
});
afterAll(async () => smtp?.close());

async function composed(sha = SHA, link?: string) {
  const rf = exampleRequest(ex, FILE);
  const account = accountDetails(rf.file, rf.request, ex.governance, ex.state);
  const pdf = await renderLetter({ governance: ex.governance, account, number: "000.5.9/6/Diskominfo/2026", date: "2026-11-16" });
  return composeMail({ governance: ex.governance, account, sha, from: FROM, letter: { number: "000.5.9/6/Diskominfo/2026", date: "2026-11-16", pdf, filename: "surat-dinkes-puskesmas.pdf" }, ...(link ? { link } : {}) });
}

describe("deployment e-mail over SMTP", () => {
  it("reaches both contacts in Indonesian with the letter attached and no secret, and is sent only once", async () => {
    const ledger = new FileLedger(join(dir, "terkirim.json"));
    const mail = await composed();
    const first = await sendOnce(mail, { file: FILE, sha: SHA }, settings, ledger, { secrets: [PASSWORD, "ghp_faketoken1234567890"] });
    expect(first.status).toBe("sent");
    expect(smtp.received).toHaveLength(1);

    const got = smtp.received[0]!;
    expect(got.user).toBe(USER);
    expect(got.envelope.to.sort()).toEqual(["siti.rahmawati@dinkes.contohkab.go.id", "yoga.pratama@dinkes.contohkab.go.id"]);
    expect(got.mail.messageId).toBe(mailId(FILE, SHA, FROM));
    expect(got.mail.subject).toBe("Subdomain puskesmas.contohkab.go.id telah aktif - Balasan Permohonan Subdomain");
    expect(got.mail.headers.get("auto-submitted")).toBe("auto-generated");
    const text = got.mail.text ?? "";
    for (const phrase of [
      "Yth. Siti Rahmawati, S.Kom.,",
      "surat Nomor 000.1/530/DINKES/2026 tanggal 4 Agustus 2026",
      "telah selesai diproses dan subdomain sudah aktif",
      "Surat balasan Nomor 000.5.9/6/Diskominfo/2026 terlampir",
      "Hormat kami,",
    ])
      expect(text).toContain(phrase);
    // The table is padded to its longest row label, which grows with what the letter says.
    expect(text).toMatch(/^Namespace hosting +: tenant-puskesmas$/m);
    expect(text).toMatch(/^ServiceAccount untuk CI +: ci-opd$/m);
    expect(got.mail.html).toContain("<th align=\"left\" style=\"background:#f0f0f0\">Host ingress</th>");

    expect(got.mail.attachments).toHaveLength(1);
    const pdf = got.mail.attachments[0]!;
    expect(pdf.filename).toBe("surat-dinkes-puskesmas.pdf");
    expect(pdf.contentType).toBe("application/pdf");
    expect(pdf.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    for (const secret of [PASSWORD, "ghp_faketoken", ...contactSecrets(ex)]) expect(got.raw).not.toContain(secret);
    expect(text).not.toMatch(/password|kata sandi:|token:/i);

    // The step runs again (a workflow re-run): the ledger knows, nothing is sent.
    const second = await sendOnce(await composed(), { file: FILE, sha: SHA }, settings, new FileLedger(join(dir, "terkirim.json")));
    expect(second).toEqual({ status: "already-sent", id: mail.id });
    expect(smtp.received).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, "terkirim.json"), "utf8"))).toMatchObject([{ id: mail.id, file: FILE, sha: SHA }]);
  });

  it("refuses to send a message that contains a secret value", async () => {
    const before = smtp.received.length;
    const mail = await composed("1111111111111111111111111111111111111111", `https://example.invalid/?token=${PASSWORD}`);
    await expect(sendOnce(mail, { file: FILE, sha: "1111111" }, settings, new FileLedger(join(dir, "leak.json")), { secrets: [PASSWORD] })).rejects.toBeInstanceOf(
      SecretInMessageError,
    );
    expect(smtp.received.length).toBe(before);
  });

  it("reads SMTP settings from the environment and names what is missing", () => {
    expect(smtpSettingsFromEnv({ SMTP_HOST: "mail.contohkab.go.id", SMTP_FROM: FROM, SMTP_SECURE: "true", SMTP_USER: "u", SMTP_PASSWORD: "p" })).toEqual({
      ok: true,
      settings: { host: "mail.contohkab.go.id", port: 465, secure: true, user: "u", password: "p", from: FROM },
    });
    const bad = smtpSettingsFromEnv({ SMTP_PORT: "99999", SMTP_SECURE: "ya", SMTP_USER: "u" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.en)).toEqual([
      "SMTP_HOST is not set.",
      "SMTP_FROM is not set.",
      "SMTP_SECURE must be true or false.",
      "SMTP_PORT is not valid: 99999",
      "SMTP_USER is set but SMTP_PASSWORD is empty.",
    ]);
  });

  it("the notify command sends once, and a second run of it sends nothing", async () => {
    const before = smtp.received.length;
    const env = { ...process.env, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_USER: USER, SMTP_PASSWORD: PASSWORD, SMTP_FROM: FROM, SMTP_SECURE: "false" };
    // The number comes from the agenda (sequence.test.ts); without an entry nothing is sent.
    const agenda = join(dir, "agenda.yaml");
    writeFileSync(agenda, renderAgenda({ year: 2026, next: 1, letters: [] }));
    const args = ["--import", "tsx", join(ROOT, "src/cli/notify.ts"), "requests/bpbd/peta-bencana.yaml", "--sha", SHA, "--ledger", join(dir, "cli.json"), "--date", "2026-11-16", "--agenda", agenda];
    const unnumbered = await run(process.execPath, args, { cwd: CONTOH, env }).catch((e: { code: number; stderr: string }) => e);
    expect(unnumbered).toMatchObject({ code: 1 });
    expect((unnumbered as { stderr: string }).stderr).toContain("Belum ada nomor agenda untuk requests/bpbd/peta-bencana.yaml");
    expect(smtp.received.length).toBe(before);
    writeFileSync(agenda, renderAgenda(reserve({ year: 2026, next: 9, letters: [] }, { date: "2026-11-16", pattern: "000.5.9/{seq}/Diskominfo/{year}", opd: "bpbd", request: "requests/bpbd/peta-bencana.yaml", pullRequest: 3, kind: "baru" }).agenda));
    const first = await run(process.execPath, args, { cwd: CONTOH, env });
    expect(first.stdout).toContain("terkirim ke");
    expect(smtp.received.length).toBe(before + 1);
    const mail = smtp.received.at(-1)!.mail;
    expect(mail.subject).toContain("peta-bencana.contohkab.go.id");
    expect(mail.attachments[0]?.filename).toBe("surat-bpbd-peta-bencana.pdf");
    const second = await run(process.execPath, args, { cwd: CONTOH, env });
    expect(second.stdout).toContain("sudah pernah dikirim");
    expect(smtp.received.length).toBe(before + 1);
  }, 60_000);
});
