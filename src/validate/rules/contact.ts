// Contact details a Diskominfo officer must be able to use: an e-mail address, an Indonesian
// phone number, and a civil-servant NIP whose embedded dates make sense.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { report, type FileRule } from "../rule.ts";
import { daysInMonth, validDate } from "../dates.ts";
import type { Governance } from "../../model/governance.ts";
import { asciiHost } from "../../model/names.ts";
import { isPlaceholder } from "../../model/placeholder.ts";

const ROLES = ["administrative", "technical"] as const;
const ROLE_WORD = { administrative: { id: "administratif", en: "administrative" }, technical: { id: "teknis", en: "technical" } };

/** WHATWG HTML "valid e-mail address", plus a dotted domain with a letters-only top level. */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/**
 * EMAIL.test, remembered for the last few addresses: contact.email and contact.domain test the
 * same two addresses of each file. A pure function of the text, so the memo cannot go stale.
 */
const emailSeen = new Map<string, boolean>();
function emailOk(email: string): boolean {
  let ok = emailSeen.get(email);
  if (ok === undefined) {
    if (emailSeen.size >= 16) emailSeen.clear();
    emailSeen.set(email, (ok = EMAIL.test(email)));
  }
  return ok;
}

export const contactEmail: FileRule = {
  id: "contact.email",
  scope: "file",
  reads: ["contacts"],
  severity: "error",
  summary: { id: "E-mail kontak berbentuk nama@domain.go.id yang sah", en: "Contact e-mail is a valid name@domain address" },
  check(req) {
    const out: Diagnostic[] = [];
    for (let r = 0; r < ROLES.length; r++) {
      const role = ROLES[r]!; // an index loop: see checkRequest in validate.ts
      const c = req.request.contacts[role];
      if (emailOk(c.email) || isPlaceholder(c.email)) continue; // an [ISI] mark: request.placeholder says so
      out.push(
        report(this, req, `/contacts/${role}/email`, {
          id: `E-mail kontak ${ROLE_WORD[role].id} \`${c.email}\` tidak sah; tulis satu alamat lengkap, misalnya nama@dinkes.contohkab.go.id.`,
          en: `The ${ROLE_WORD[role].en} contact e-mail \`${c.email}\` is invalid; write one full address, e.g. name@dinkes.example.go.id.`,
        }),
      );
    }
    return out;
  },
};

/** The domains contact addresses may use: governance's list, by default the managed zones and the government's own e-mail domain. */
export function contactDomains(g: Governance): string[] {
  if (g.contactDomains) return g.contactDomains.map((d) => asciiHost(d.toLowerCase()));
  const own = g.government.email?.split("@")[1];
  return [...g.zones.map((z) => asciiHost(z.name.toLowerCase())), ...(own ? [asciiHost(own.toLowerCase())] : [])];
}

const domainCache = new WeakMap<Governance, string[]>();

/**
 * The technical contact becomes the cluster user and every contact receives official mail, so an
 * address is an identity: only the government's own domains (or those governance lists) are taken.
 */
export const contactDomain: FileRule = {
  id: "contact.domain",
  scope: "file",
  reads: ["contacts"],
  severity: "error",
  summary: { id: "Domain e-mail kontak termasuk domain pemerintah (governance `contactDomains`, bawaan: zona yang dikelola)", en: "Contact e-mail domains belong to the government (governance `contactDomains`, default: the managed zones)" },
  check(req, ctx) {
    let allowed = domainCache.get(ctx.governance);
    if (!allowed) domainCache.set(ctx.governance, (allowed = contactDomains(ctx.governance)));
    const list = allowed;
    const out: Diagnostic[] = [];
    for (let r = 0; r < ROLES.length; r++) {
      const role = ROLES[r]!; // an index loop: see checkRequest in validate.ts
      const c = req.request.contacts[role];
      if (!emailOk(c.email)) continue;
      const domain = c.email.slice(c.email.lastIndexOf("@") + 1).toLowerCase();
      if (list.some((d) => domain === d || domain.endsWith(`.${d}`))) continue;
      out.push(
        report(this, req, `/contacts/${role}/email`, {
          id: `E-mail kontak ${ROLE_WORD[role].id} \`${c.email}\` bukan alamat dinas: domainnya harus ${list.join(" atau ")} (atau subdomainnya). Alamat ini menjadi akun klaster dan penerima surat resmi.`,
          en: `The ${ROLE_WORD[role].en} contact e-mail \`${c.email}\` is not an official address: its domain must be ${list.join(" or ")} (or a subdomain). It becomes the cluster account and receives official mail.`,
        }),
      );
    }
    return out;
  },
};

/**
 * An Indonesian number in national form (leading 0), or undefined. Accepts +62, 62 or 0, with
 * spaces, dots, hyphens and parentheses as separators. Mobile: 08 then 8-11 digits. Landline:
 * 0, an area code starting 2-7 or 9, then the subscriber: 9-11 digits in all (0355 321456,
 * 021 1234 5678).
 */
export function nationalPhone(text: string): string | undefined {
  const compact = text.replace(/[\s.()-]/g, "");
  if (!/^\+?\d+$/.test(compact)) return undefined;
  let n: string;
  if (compact.startsWith("+62")) n = "0" + compact.slice(3);
  else if (compact.startsWith("+")) return undefined;
  else if (compact.startsWith("62")) n = "0" + compact.slice(2);
  else if (compact.startsWith("0")) n = compact;
  else return undefined;
  if (/^08[1-9]\d{7,10}$/.test(n)) return n;
  if (/^0[2-79]\d{7,9}$/.test(n)) return n;
  return undefined;
}

export const contactPhone: FileRule = {
  id: "contact.phone",
  scope: "file",
  reads: ["contacts"],
  severity: "error",
  summary: { id: "Telepon kontak nomor Indonesia (+62/62/0; HP 08xx atau telepon rumah/kantor dengan kode wilayah)", en: "Contact phone is an Indonesian number (+62/62/0; mobile 08xx or a landline with area code)" },
  check(req) {
    const out: Diagnostic[] = [];
    for (let r = 0; r < ROLES.length; r++) {
      const role = ROLES[r]!; // an index loop: see checkRequest in validate.ts
      const c = req.request.contacts[role];
      if (nationalPhone(c.phone) !== undefined || isPlaceholder(c.phone)) continue;
      out.push(
        report(this, req, `/contacts/${role}/phone`, {
          id: `Nomor telepon kontak ${ROLE_WORD[role].id} \`${c.phone}\` tidak sah; tulis nomor Indonesia seperti +62 812-3456-7890, 0812 3456 7890 atau 0355 321456.`,
          en: `The ${ROLE_WORD[role].en} contact phone \`${c.phone}\` is invalid; write an Indonesian number such as +62 812-3456-7890, 0812 3456 7890 or 0355 321456.`,
        }),
      );
    }
    return out;
  },
};

/** What is wrong with an 18-digit NIP (PP 11/2017 layout: birth date, appointment month, gender, serial), or undefined. */
export function nipProblem(nip: string, today: string): { id: string; en: string } | undefined {
  if (!/^\d{18}$/.test(nip)) return { id: "NIP harus 18 angka", en: "a NIP has 18 digits" };
  // The digits as numbers, not as new strings: two NIPs on every file, almost always sound.
  const birthYear = digits(nip, 0, 4);
  const birthMonth = digits(nip, 4, 6);
  const birthDay = digits(nip, 6, 8);
  const appointedYear = digits(nip, 8, 12);
  const appointedMonth = digits(nip, 12, 14);
  const gender = nip[14]!;
  const now = todayNumber(today);
  const birthValid = birthMonth >= 1 && birthMonth <= 12 && birthDay >= 1 && birthDay <= daysInMonth(birthYear, birthMonth);
  if (!birthValid || birthYear < 1930 || digits(nip, 0, 8) > now)
    return { id: `8 angka pertama (${nip.slice(0, 8)}) harus tanggal lahir TTTTBBHH yang sah`, en: `the first 8 digits (${nip.slice(0, 8)}) must be a valid birth date YYYYMMDD` };
  if (appointedMonth < 1 || appointedMonth > 12 || appointedYear * 100 + appointedMonth > Math.floor(now / 100))
    return { id: `angka ke-9 sampai 14 (${nip.slice(8, 14)}) harus bulan pengangkatan TTTTBB yang sah dan tidak di masa depan`, en: `digits 9-14 (${nip.slice(8, 14)}) must be a valid appointment month YYYYMM, not in the future` };
  if (appointedYear - birthYear < 15)
    return { id: `tahun pengangkatan ${nip.slice(8, 12)} terlalu dekat dengan tahun lahir ${nip.slice(0, 4)}`, en: `appointment year ${nip.slice(8, 12)} is too close to birth year ${nip.slice(0, 4)}` };
  if (gender !== "1" && gender !== "2") return { id: `angka ke-15 (${gender}) adalah jenis kelamin: 1 atau 2`, en: `digit 15 (${gender}) is the gender: 1 or 2` };
  if (digits(nip, 15, 18) === 0) return { id: "3 angka terakhir adalah nomor urut: 001-999", en: "the last 3 digits are a serial number: 001-999" };
  return undefined;
}

/** The decimal number written by s[from..to) (digits only). */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** today (YYYY-MM-DD) as the number YYYYMMDD, kept for the run's one `today`. */
let todayMemo = { text: "", value: 0 };
function todayNumber(today: string): number {
  if (todayMemo.text !== today) todayMemo = { text: today, value: validDate(today) ? digits(today, 0, 4) * 10000 + digits(today, 5, 7) * 100 + digits(today, 8, 10) : NaN };
  return todayMemo.value;
}

export const contactNip: FileRule = {
  id: "contact.nip",
  scope: "file",
  reads: ["contacts"],
  severity: "error",
  summary: { id: "NIP 18 angka: tanggal lahir, bulan pengangkatan, jenis kelamin 1/2, nomor urut", en: "NIP of 18 digits: birth date, appointment month, gender 1/2, serial" },
  check(req, ctx) {
    const out: Diagnostic[] = [];
    for (let r = 0; r < ROLES.length; r++) {
      const role = ROLES[r]!; // an index loop: see checkRequest in validate.ts
      const c = req.request.contacts[role];
      const p = c.nip === undefined ? undefined : nipProblem(c.nip, ctx.today);
      if (!p) continue;
      out.push(
        report(this, req, `/contacts/${role}/nip`, {
          id: `NIP kontak ${ROLE_WORD[role].id} \`${c.nip}\` tidak sah: ${p.id}. Salin NIP dari SK atau kartu pegawai.`,
          en: `The ${ROLE_WORD[role].en} contact NIP \`${c.nip}\` is invalid: ${p.en}. Copy it from the appointment decree or staff card.`,
        }),
      );
    }
    return out;
  },
};
