// Addresses that the zone publishes must be reachable on the Internet: written in the plain
// form, of the right family, public unicast (ipaddr.js `range()` names every special block), and
// not repeated.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import ipaddr from "ipaddr.js";
import type { Message } from "../../diagnostics/diagnostic.ts";
import { report, type FileRule, type RequestFile } from "../rule.ts";

type Family = "ipv4" | "ipv6";
interface AddressList {
  family: Family;
  ptr: string;
  values: string[];
}

function lists(req: RequestFile): AddressList[] {
  const out: AddressList[] = [];
  const s = req.request.target?.server;
  if (s?.ipv4) out.push({ family: "ipv4", ptr: "/target/server/ipv4", values: s.ipv4 });
  if (s?.ipv6) out.push({ family: "ipv6", ptr: "/target/server/ipv6", values: s.ipv6 });
  (req.request.target?.delegation?.glue ?? []).forEach((g, i) => {
    if (g.ipv4) out.push({ family: "ipv4", ptr: `/target/delegation/glue/${i}/ipv4`, values: g.ipv4 });
    if (g.ipv6) out.push({ family: "ipv6", ptr: `/target/delegation/glue/${i}/ipv6`, values: g.ipv6 });
  });
  (req.request.records ?? []).forEach((r, i) => {
    if (r.type === "A") out.push({ family: "ipv4", ptr: `/records/${i}/values`, values: r.values });
    if (r.type === "AAAA") out.push({ family: "ipv6", ptr: `/records/${i}/values`, values: r.values });
  });
  return out;
}

/** ipaddr.js's isValidFourPartDecimal pattern, (0|[1-9]\d*)(\.(0|[1-9]\d*)){3}: dotted decimal, no leading zeros (no octal). */
const FOUR_PART_DECIMAL = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function tryNew<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

/** The parsed address, or what is wrong with how it is written. */
function parse(text: string, family: Family): ipaddr.IPv4 | ipaddr.IPv6 | Message {
  if (family === "ipv4") {
    // ipaddr.js's parse() also takes octal, hex and short forms (010.1, 0x7f.1); DNS wants dotted decimal.
    // isValidFourPartDecimal then parse() parsed each address twice; the pattern's four decimal
    // parts go straight to the IPv4 constructor, which refuses an octet over 255 as parse() does.
    // The constructor refuses exactly an octet over 255: tested here, without a closure and a try per address.
    const m = FOUR_PART_DECIMAL.exec(text);
    if (m) {
      const octets = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
      if (octets[0]! <= 255 && octets[1]! <= 255 && octets[2]! <= 255 && octets[3]! <= 255) return new ipaddr.IPv4(octets);
    }
    if (ipaddr.IPv6.isValid(text)) return { id: `\`${text}\` adalah alamat IPv6; tulis di daftar ipv6 (atau rekaman AAAA).`, en: `\`${text}\` is an IPv6 address; put it in the ipv6 list (or an AAAA record).` };
    return { id: `\`${text}\` bukan alamat IPv4 yang sah; tulis empat angka 0-255 dipisah titik, misalnya 103.10.20.30.`, en: `\`${text}\` is not a valid IPv4 address; write four numbers 0-255 separated by dots, e.g. 103.10.20.30.` };
  }
  // As IPv6.isValid() (which declines any text without a colon) then parse(), in one parse.
  const v6 = text.includes(":") && !text.includes("%") ? tryNew(() => ipaddr.IPv6.parse(text)) : undefined;
  if (v6) return v6;
  if (ipaddr.IPv4.isValid(text)) return { id: `\`${text}\` adalah alamat IPv4; tulis di daftar ipv4 (atau rekaman A).`, en: `\`${text}\` is an IPv4 address; put it in the ipv4 list (or an A record).` };
  return { id: `\`${text}\` bukan alamat IPv6 yang sah (contoh bentuk: 2001:db8::10, tanpa %zona).`, en: `\`${text}\` is not a valid IPv6 address (example form: 2001:db8::10, no %zone).` };
}

const RANGE_NAMES: Record<string, Message> = {
  unspecified: { id: "alamat tak tertentu", en: "unspecified" },
  broadcast: { id: "siaran (broadcast)", en: "broadcast" },
  multicast: { id: "multicast", en: "multicast" },
  linkLocal: { id: "link-local", en: "link-local" },
  loopback: { id: "loopback (mesin sendiri)", en: "loopback" },
  carrierGradeNat: { id: "NAT operator (100.64.0.0/10)", en: "carrier-grade NAT (100.64.0.0/10)" },
  private: { id: "privat (jaringan lokal)", en: "private (local network)" },
  uniqueLocal: { id: "privat IPv6 (unique local)", en: "IPv6 private (unique local)" },
  reserved: { id: "dicadangkan atau khusus dokumentasi/pengujian", en: "reserved, or for documentation/testing only" },
  ipv4Mapped: { id: "IPv4 yang dipetakan ke IPv6 (tulis alamat IPv4-nya di daftar ipv4)", en: "IPv4-mapped IPv6 (write the IPv4 address in the ipv4 list)" },
  rfc6145: { id: "terjemahan IPv4/IPv6", en: "IPv4/IPv6 translation" },
  rfc6052: { id: "terjemahan IPv4/IPv6 (64:ff9b::/96)", en: "IPv4/IPv6 translation (64:ff9b::/96)" },
  "6to4": { id: "6to4 (transisi, bukan alamat server tetap)", en: "6to4 (a transition mechanism, not a stable server address)" },
  teredo: { id: "Teredo (transisi, bukan alamat server tetap)", en: "Teredo (a transition mechanism, not a stable server address)" },
  benchmarking: { id: "khusus pengujian kinerja", en: "benchmarking only" },
  discard: { id: "khusus pembuangan (discard)", en: "discard only" },
};

const GLOBAL_UNICAST = ipaddr.IPv6.parse("2000::");

type Subnet = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * The leading units (IPv4's first octet, IPv6's first 16-bit part) that some special range of
 * ipaddr.js covers, read from the library's own SpecialRanges table. An address whose leading unit
 * no range touches is plain unicast without asking range(), which tests each of ~40 subnets in turn.
 */
function touchedLeads(ranges: Record<string, Subnet | Subnet[]>, unitBits: number): Uint8Array {
  const touched = new Uint8Array(2 ** unitBits);
  for (const name of Object.keys(ranges)) {
    const entry = ranges[name]!;
    // As subnetMatch reads an entry: one subnet, or a list of them.
    const subnets = (entry[0] && !Array.isArray(entry[0]) ? [entry] : entry) as Subnet[];
    for (const [addr, bits] of subnets) {
      const lead = addr.toByteArray().slice(0, unitBits / 8).reduce((a, b) => a * 256 + b, 0);
      const span = bits >= unitBits ? 1 : 2 ** (unitBits - bits);
      const from = lead - (lead % span);
      touched.fill(1, from, from + span);
    }
  }
  return touched;
}
const TOUCHED_V4 = touchedLeads((ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, Subnet | Subnet[]> }).SpecialRanges, 8);
const TOUCHED_V6 = touchedLeads((ipaddr.IPv6.prototype as unknown as { SpecialRanges: Record<string, Subnet | Subnet[]> }).SpecialRanges, 16);

/** addr.range(), with the shortcut above. */
export function rangeOf(addr: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (addr.kind() === "ipv4" ? !TOUCHED_V4[(addr as ipaddr.IPv4).octets[0]!] : !TOUCHED_V6[(addr as ipaddr.IPv6).parts[0]!]) return "unicast";
  return addr.range();
}

/** Why an address cannot be published, or undefined for a public unicast address. */
export function nonPublic(addr: ipaddr.IPv4 | ipaddr.IPv6): Message | undefined {
  const range = rangeOf(addr);
  if (range === "unicast") {
    // IPv6 outside 2000::/3 is not allocated for global unicast.
    if (addr.kind() === "ipv6" && !addr.match(GLOBAL_UNICAST, 3)) return { id: "belum dialokasikan untuk unicast global", en: "not allocated for global unicast" };
    return undefined;
  }
  return RANGE_NAMES[range] ?? { id: `khusus (${range})`, en: `special-purpose (${range})` };
}

interface Parsed {
  text: string;
  parsed: ReturnType<typeof parse>;
  list: AddressList;
  i: number;
}

/**
 * Each address parsed once per request, shared by the three address rules. They run one after
 * the other on a file, so the last request's addresses are all that is kept: held for the whole
 * run (as a WeakMap on the request would), they would survive every young-generation collection
 * and be copied and promoted for nothing.
 */
let lastRequest: object | undefined;
let lastParsed: Parsed[] = [];

function eachAddress(req: RequestFile, f: (a: Parsed) => void): void {
  if (lastRequest !== req.request) {
    const all: Parsed[] = [];
    const found = lists(req);
    for (let k = 0; k < found.length; k++) {
      const list = found[k]!; // index loops: see checkRequest in validate.ts
      for (let i = 0; i < list.values.length; i++) all.push({ text: list.values[i]!, parsed: parse(list.values[i]!, list.family), list, i });
    }
    lastRequest = req.request;
    lastParsed = all;
  }
  const all = lastParsed;
  for (let i = 0; i < all.length; i++) f(all[i]!);
}

/** The pointer, spelt only for an address a rule reports. */
const ptrOf = (a: Parsed) => `${a.list.ptr}/${a.i}`;

const isMessage = (x: unknown): x is Message => typeof (x as Message).en === "string";

export const addressSyntax: FileRule = {
  id: "address.syntax",
  scope: "file",
  reads: ["target", "records"],
  severity: "error",
  summary: { id: "Alamat IP ditulis dalam bentuk baku dan sesuai jenisnya (IPv4/IPv6)", en: "IP addresses are written in standard form and in the right family (IPv4/IPv6)" },
  check(req) {
    const out: Diagnostic[] = [];
    eachAddress(req, (a) => {
      if (isMessage(a.parsed)) out.push(report(this, req, ptrOf(a), a.parsed));
    });
    return out;
  },
};

export const addressPublic: FileRule = {
  id: "address.public",
  scope: "file",
  reads: ["target", "records"],
  severity: "error",
  summary: {
    id: "Alamat IP adalah unicast publik: bukan privat, loopback, link-local, NAT operator, dokumentasi, multicast, dicadangkan",
    en: "IP addresses are public unicast: not private, loopback, link-local, CGNAT, documentation, multicast, reserved",
  },
  check(req) {
    const out: Diagnostic[] = [];
    eachAddress(req, (a) => {
      const { text, parsed } = a;
      if (isMessage(parsed)) return;
      const why = nonPublic(parsed);
      if (why)
        out.push(
          report(this, req, ptrOf(a), {
            id: `\`${text}\` bukan alamat publik (${why.id}), sehingga tidak dapat dijangkau dari Internet. Tulis alamat IP publik server Anda.`,
            en: `\`${text}\` is not a public address (${why.en}), so it cannot be reached from the Internet. Write your server's public IP address.`,
          }),
        );
    });
    return out;
  },
};

export const addressDuplicate: FileRule = {
  id: "address.duplicate",
  scope: "file",
  reads: ["target", "records"],
  severity: "error",
  summary: { id: "Alamat yang sama tidak ditulis dua kali dalam satu daftar", en: "No address appears twice in one list" },
  check(req) {
    const out: Diagnostic[] = [];
    const seen = new Map<AddressList, Map<string, number>>();
    eachAddress(req, (a) => {
      const { text, parsed, list, i } = a;
      if (isMessage(parsed) || list.values.length < 2) return; // one address has no duplicate
      // An IPv4 address is only taken in plain dotted decimal (see parse), which is its normal form.
      const key = parsed.kind() === "ipv4" ? text : parsed.toNormalizedString();
      const inList = seen.get(list) ?? new Map<string, number>();
      seen.set(list, inList);
      const first = inList.get(key);
      if (first === undefined) inList.set(key, i);
      else
        out.push(
          report(this, req, ptrOf(a), {
            id: `\`${text}\` sudah ditulis di butir ke-${first + 1} daftar ini; hapus yang ganda.`,
            en: `\`${text}\` is already item ${first + 1} of this list; remove the duplicate.`,
          }),
        );
    });
    return out;
  },
};
