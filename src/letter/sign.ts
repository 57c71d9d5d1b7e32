// The electronic signature of a reply letter: a PAdES signature (sub-filter ETSI.CAdES.detached)
// with the official's PKCS#12 certificate, in production the BSrE certificate of the signing
// official. The PDF is finished first (BSrE footer included, see render.ts); signing appends the
// signature dictionary and fills its byte range, and nothing may change the bytes afterwards:
// the digest recorded in the agenda (letter/agenda.ts) is of these exact bytes.
// Library: @signpdf (placeholder-plain adds the signature field to a finished PDF; signer-p12
// makes the detached CMS with node-forge). Known gap, said plainly: node-forge cannot add the
// ESS signing-certificate-v2 attribute, so this is PAdES by sub-filter and byte range, not a
// full PAdES-B-B profile; pdfsig and Acrobat verify it.
import { createHash } from "node:crypto";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { P12Signer } from "@signpdf/signer-p12";
import { SignPdf } from "@signpdf/signpdf";
import { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";

export interface SigningKey {
  /** The PKCS#12 (.p12/.pfx) bytes. */
  p12: Buffer;
  passphrase: string;
}

export interface SignOptions {
  /** Signer's name as shown by PDF readers. */
  name: string;
  reason: string;
  location: string;
  contact?: string;
  /** The signing time: injected so the same input signs the same way in tests. */
  at?: Date;
}

export class SigningKeyMissingError extends Error {}

/** The signing key from the environment: LETTER_SIGNING_P12 (base64) and LETTER_SIGNING_PASSPHRASE. */
export function signingKeyFromEnv(env: NodeJS.ProcessEnv = process.env): SigningKey {
  const b64 = env.LETTER_SIGNING_P12;
  if (!b64)
    throw new SigningKeyMissingError(
      "LETTER_SIGNING_P12 (sertifikat PKCS#12 dalam base64) belum diisi: surat tidak dapat ditandatangani secara elektronik. / LETTER_SIGNING_P12 (base64 PKCS#12) is not set: the letter cannot be signed.",
    );
  return { p12: Buffer.from(b64, "base64"), passphrase: env.LETTER_SIGNING_PASSPHRASE ?? "" };
}

export async function signPdf(pdf: Buffer, key: SigningKey, o: SignOptions): Promise<Buffer> {
  const at = o.at ?? new Date();
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: o.reason,
    contactInfo: o.contact ?? "",
    name: o.name,
    location: o.location,
    signingTime: at,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 16_384,
    appName: "subdomain-gitops",
  });
  const signer = new P12Signer(key.p12, { passphrase: key.passphrase });
  return new SignPdf().sign(withPlaceholder, signer, at);
}

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
