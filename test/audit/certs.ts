// Certificates made for the audit tests with the openssl CLI: a test authority (trusted by the
// audited process through NODE_EXTRA_CA_CERTS), and leaf certificates that are good, expired,
// expiring, for another name, or self-signed.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCerts {
  caFile: string;
  good: KeyPair;
  expired: KeyPair;
  expiring: KeyPair;
  wrongName: KeyPair;
  selfSigned: KeyPair;
}

const EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
const openssl = (dir: string, ...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });

function leaf(dir: string, name: string, san: string, days: number): KeyPair {
  openssl(dir, "req", ...EC, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${san}`);
  writeFileSync(join(dir, `${name}.ext`), `basicConstraints=CA:FALSE\nsubjectAltName=DNS:${san}\n`);
  // -days -1: valid until yesterday (OpenSSL 3.0 takes -1 as its lowest value).
  openssl(dir, "x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", String(days), "-extfile", `${name}.ext`, "-out", `${name}.pem`);
  return { key: readFileSync(join(dir, `${name}.key`), "utf8"), cert: readFileSync(join(dir, `${name}.pem`), "utf8") };
}

/** `zone`: the good, expired and expiring certificates are for `*.zone`. */
export function makeCerts(dir: string, zone: string): TestCerts {
  openssl(dir, "req", "-x509", ...EC, "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", "/CN=Audit Test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  openssl(dir, "req", "-x509", ...EC, "-keyout", "self.key", "-out", "self.pem", "-days", "30", "-subj", `/CN=*.${zone}`, "-addext", `subjectAltName=DNS:*.${zone}`);
  return {
    caFile: join(dir, "ca.pem"),
    good: leaf(dir, "good", `*.${zone}`, 90),
    expired: leaf(dir, "expired", `*.${zone}`, -1),
    expiring: leaf(dir, "expiring", `*.${zone}`, 5),
    wrongName: leaf(dir, "wrong", "portal.lain.example", 90),
    selfSigned: { key: readFileSync(join(dir, "self.key"), "utf8"), cert: readFileSync(join(dir, "self.pem"), "utf8") },
  };
}
