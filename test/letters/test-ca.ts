// A throw-away certificate authority made in the test: a CA, an official's certificate issued by
// it, and the official's PKCS#12, plus an NSS database trusting the CA for pdfsig. Nothing is
// read from outside the test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import forge from "node-forge";

export interface TestCa {
  p12: Buffer;
  passphrase: string;
  /** An NSS database trusting the CA (for pdfsig -nssdir). */
  nssDir: string;
}

function cert(subject: forge.pki.CertificateField[], issuer: forge.pki.CertificateField[], publicKey: forge.pki.PublicKey, signKey: forge.pki.rsa.PrivateKey, serial: string, ca: boolean) {
  const c = forge.pki.createCertificate();
  c.publicKey = publicKey;
  c.serialNumber = serial;
  c.validity.notBefore = new Date("2025-01-01T00:00:00Z");
  c.validity.notAfter = new Date("2035-01-01T00:00:00Z");
  c.setSubject(subject);
  c.setIssuer(issuer);
  c.setExtensions(
    ca
      ? [{ name: "basicConstraints", cA: true, critical: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true }, { name: "subjectKeyIdentifier" }]
      : [{ name: "basicConstraints", cA: false }, { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true }, { name: "subjectKeyIdentifier" }],
  );
  c.sign(signKey, forge.md.sha256.create());
  return c;
}

export function makeTestCa(): TestCa {
  const caKeys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const caName = [{ name: "commonName", value: "Uji CA Sertifikat Elektronik" }, { name: "organizationName", value: "Uji" }, { name: "countryName", value: "ID" }];
  const caCert = cert(caName, caName, caKeys.publicKey, caKeys.privateKey, "01", true);
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const subject = [{ name: "commonName", value: "Budi Santoso" }, { name: "organizationName", value: "Pemerintah Kabupaten Contoh" }, { name: "countryName", value: "ID" }];
  const official = cert(subject, caName, keys.publicKey, caKeys.privateKey, "02", false);
  const passphrase = "rahasia-uji";
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [official, caCert], passphrase, { algorithm: "3des" });
  const p12 = Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), "binary");

  const nssDir = mkdtempSync(join(tmpdir(), "nss-"));
  execFileSync("certutil", ["-N", "-d", `sql:${nssDir}`, "--empty-password"]);
  const caFile = join(nssDir, "ca.pem");
  writeFileSync(caFile, forge.pki.certificateToPem(caCert));
  execFileSync("certutil", ["-A", "-d", `sql:${nssDir}`, "-n", "uji-ca", "-t", "CT,C,C", "-a", "-i", caFile]);
  return { p12, passphrase, nssDir };
}
