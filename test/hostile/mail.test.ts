// A contact name cannot add or drop a recipient: addresses go to nodemailer as objects and the
// SMTP envelope is set explicitly. Sent to the real smtp-server on loopback.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountDetails } from "../../src/letter/account.ts";
import { composeMail, FileLedger, sendOnce, type SmtpSettings } from "../../src/notify/index.ts";
import { exampleRequest, loadExamples, type Examples } from "../papers/examples.ts";
import { startSmtp, type TestSmtp } from "../papers/smtp.ts";

const FROM = "Diskominfo Kabupaten Contoh <noreply@contohkab.go.id>";
const FILE = "requests/dinkes/puskesmas.yaml";
let ex: Examples;
let smtp: TestSmtp;
let settings: SmtpSettings;
const dir = mkdtempSync(join(tmpdir(), "mail-hostile-"));

beforeAll(async () => {
  ex = loadExamples();
  smtp = await startSmtp("u", "p");
  settings = { host: "127.0.0.1", port: smtp.port, secure: false, user: "u", password: "p", from: FROM };
});
afterAll(async () => smtp?.close());

const HOSTILE = ['Siti, attacker@evil.example <x', 'Siti" <attacker@evil.example>, "x', "Siti\r\nBcc: attacker@evil.example", "Siti <attacker@evil.example>"];

describe("a hostile contact name", () => {
  HOSTILE.forEach((name, i) =>
    it(`changes no recipient: ${JSON.stringify(name)}`, async () => {
      const rf = exampleRequest(ex, FILE);
      const request = structuredClone(rf.request);
      request.contacts.administrative.name = name;
      request.contacts.technical.name = name;
      const account = accountDetails(rf.file, request, ex.governance, ex.state);
      const mail = composeMail({ governance: ex.governance, account, sha: `${i}`.repeat(40), from: FROM, letter: { number: "1", date: "2026-11-16", pdf: Buffer.from("%PDF"), filename: "surat.pdf" } });
      const before = smtp.received.length;
      const out = await sendOnce(mail, { file: FILE, sha: `${i}`.repeat(40) }, settings, new FileLedger(join(dir, `l${i}.json`)));
      expect(out.status).toBe("sent");
      const got = smtp.received.slice(before);
      expect(got).toHaveLength(1);
      const expected = [request.contacts.administrative.email, request.contacts.technical.email].map((e) => e.toLowerCase());
      expect(got[0]!.envelope.to.sort()).toEqual([...new Set(expected)].sort());
      expect(got[0]!.envelope.from).toBe("noreply@contohkab.go.id");
      // The headers name the same people: no extra address parsed out of a name.
      const headerAddresses = [got[0]!.mail.to, got[0]!.mail.cc, got[0]!.mail.bcc].flatMap((a) => (a ? (Array.isArray(a) ? a : [a]).flatMap((x) => x.value.map((v) => v.address)) : []));
      expect(headerAddresses.sort()).toEqual([...new Set(expected)].sort());
      expect(got[0]!.raw.split("\r\n\r\n")[0]).not.toMatch(/^Bcc:/im);
    }),
  );
});
