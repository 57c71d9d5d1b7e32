// The electronic signature of a reply letter: signed with a PKCS#12 from a CA made in the test,
// verified by pdfsig (poppler) against an NSS database trusting only that CA, and refused by
// pdfsig once one byte of the signed range changes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256, signingKeyFromEnv, signPdf, SigningKeyMissingError } from "../../src/letter/sign.ts";
import { haveTool } from "../papers/tools.ts";
import { makeTestCa, type TestCa } from "./test-ca.ts";
import { sampleLetter } from "./sample.ts";

const dir = mkdtempSync(join(tmpdir(), "sign-"));
let ca: TestCa;
let signed: Buffer;
let unsigned: Buffer;

const pdfsig = (file: string) => spawnSync("pdfsig", ["-nssdir", `sql:${ca.nssDir}`, file], { encoding: "utf8" });

beforeAll(async () => {
  ca = makeTestCa();
  unsigned = await sampleLetter("baru");
  const key = signingKeyFromEnv({ LETTER_SIGNING_P12: ca.p12.toString("base64"), LETTER_SIGNING_PASSPHRASE: ca.passphrase });
  signed = await signPdf(unsigned, key, { name: "Budi Santoso", reason: "Surat balasan permohonan subdomain", location: "Contoh", at: new Date("2026-03-16T03:00:00Z") });
}, 60_000);

describe("PAdES signature of the reply letter", () => {
  it("pdfsig verifies the signed letter and trusts the test CA; the whole document is covered", () => {
    expect(haveTool("pdfsig")).toBe(true);
    const path = join(dir, "surat.pdf");
    writeFileSync(path, signed);
    const r = pdfsig(path);
    expect(r.stdout).toContain("Signature Type: ETSI.CAdES.detached");
    expect(r.stdout).toContain("Signature Validation: Signature is Valid.");
    expect(r.stdout).toContain("Certificate Validation: Certificate is Trusted.");
    expect(r.stdout).toContain("Total document signed");
    expect(r.stdout).toContain("Signer Certificate Common Name: Budi Santoso");
    // The signature was appended to the finished letter: the unsigned bytes are its prefix.
    expect(signed.subarray(0, 100).equals(unsigned.subarray(0, 100))).toBe(true);
  });

  it("one changed byte in the signed range makes pdfsig fail", () => {
    const tampered = Buffer.from(signed);
    // A byte of the letter's text stream, well inside the first signed range.
    const at = tampered.indexOf("stream") + 20;
    tampered[at] = tampered[at]! ^ 0x01;
    const path = join(dir, "surat-diubah.pdf");
    writeFileSync(path, tampered);
    const r = pdfsig(path);
    expect(r.stdout).not.toContain("Signature is Valid.");
    expect(r.stdout).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    expect(sha256(tampered)).not.toBe(sha256(signed));
  });

  it("a missing key is said in words, not a crash", () => {
    expect(() => signingKeyFromEnv({})).toThrow(SigningKeyMissingError);
    expect(() => signingKeyFromEnv({})).toThrow(/LETTER_SIGNING_P12/);
  });
});
