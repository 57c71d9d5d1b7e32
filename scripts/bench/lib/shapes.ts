// Request files in every shape real repositories hold, for the benchmarks (validate, plan) and the
// tests that check the loader on them. Each file is built as a value first (what it must mean),
// then written out in one of the styles people and tools write: as the issue forms write it
// (src/forms: yaml's stringify, block style, form header), or by hand in canonical style (like
// requests/), or by hand with comments, other key orders, quoting styles (plain, 'single',
// "double" with escapes), flow and block collections, four-space indentation, CRLF line ends,
// folded and multi-line scalars. What a request holds varies too: servers with sub-names (hosts,
// SRV under hosts, mail), aliases, hosting, names used only for mail, delegations to the OPD's
// name servers (the generated governance allows them in its first zone), decommissions, a second
// zone, Unicode labels. Every file is valid against generatedGovernance() on BENCH_TODAY
// (test/bench/shapes.test.ts checks that with the real loader, and that each text means its value).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { fileHeader } from "../../../src/forms/build.ts";
import { asciiLabel } from "../../../src/model/names.ts";

/** The date the generated repository is valid on (letters before it, review dates after it). */
export const BENCH_TODAY = "2026-06-01";

/** Deterministic pseudo-random numbers, so every run sees the same repository. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export const OPDS = Array.from({ length: 40 }, (_, i) => `opd${String(i + 1).padStart(2, "0")}`);
export const ZONE = "contohkab.go.id";
/** A second zone, without delegation: a few requests name it in `zone`. */
export const ZONE2 = "contohkab.id";
const UNICODE = ["bücher", "café", "señor", "müller", "ñandú", "pelayanan-ü"];
const NAMES = [
  ["Siti Rahmawati, S.Kom.", "198703152010012004"],
  ["Budi Santoso", "199310262019021003"],
  ["Wulan Sari, S.E., M.Si.", "198201142008012006"],
  ["Eko Purnomo, S.T.", "197806172005011007"],
  ["Dr. Ahmad Fauzi, S.Kom., M.T.", "197205101998031004"],
] as const;

/** What a generated request is: its kind says what the rules see. */
export type Kind = "server" | "alias" | "hosting" | "mail" | "delegation" | "decommissioned";
export type Style = "form" | "canonical" | "hand";

export interface GeneratedRequest {
  opd: string;
  label: string;
  /** requests/<opd>/<ascii label>.yaml */
  path: string;
  kind: Kind;
  style: Style;
  /** The plain value the text must parse to. */
  value: Record<string, unknown>;
  text: string;
}

/** The kind of request i: a function of i alone, so another request can point at it. */
export function kindOf(i: number): Kind {
  const h = (Math.imul(i + 1, 2654435761) >>> 0) % 100;
  return h < 45 ? "server" : h < 58 ? "alias" : h < 78 ? "hosting" : h < 88 ? "mail" : h < 95 ? "delegation" : "decommissioned";
}

export function labelOf(i: number): string {
  return i % 97 === 0 ? `${UNICODE[(i / 97) % UNICODE.length]}${i}` : `layanan-${i}`;
}

const zoneOfIndex = (i: number) => (i % 37 === 5 && kindOf(i) !== "delegation" ? ZONE2 : ZONE);

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pad2 = (n: number) => String(n).padStart(2, "0");
const ipv4 = (i: number, k = 0) => `103.${(i >> 16) & 255}.${(i >> 8) & 255}.${((i + k) % 254) + 1}`;
const hex = (r: () => number, n: number) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(r() * 16)]).join("");

/** The value of request i: what it asks for, before any writing style. */
function requestValue(i: number, r: () => number): Record<string, unknown> {
  const opd = OPDS[i % OPDS.length]!;
  const label = labelOf(i);
  const kind = kindOf(i);
  const zone = zoneOfIndex(i);
  const fqdn = `${asciiLabel(label)}.${zone}`;
  const [adminName, adminNip] = NAMES[i % NAMES.length]!;
  const [techName, techNip] = NAMES[(i + 2) % NAMES.length]!;
  const month = 1 + (i % 5);
  const v: Record<string, unknown> = { label, opd };
  if (zone !== ZONE || r() < 0.03) v.zone = zone;
  v.purpose = pick(r, [
    `Layanan informasi publik nomor ${i} untuk masyarakat Kabupaten Contoh`,
    `Sistem "SIMPEG" bagian ${i}: kepegawaian & absensi ASN`,
    `Portal data sektoral #${i} (statistik, peta, unduhan)`,
    `Aplikasi pelayanan ${label} — antrean, pengaduan dan jadwal`,
    `Layanan ${i}: it's the agency's public portal, 'resmi'`,
  ]);
  v.letter = {
    number: `000.1/${i}/${opd.toUpperCase()}/2026`,
    date: `2026-${pad2(month)}-${pad2(1 + (i % 28))}`,
    scan: `https://arsip.contohkab.go.id/surat/${opd}-2026-${i}.pdf`,
  };
  if (r() < 0.15) v.recommendation = { number: `500/${i}/REK/2026`, date: `2026-${pad2(month)}-01`, issuer: "Sekretariat Daerah" };
  const contact = (name: string, nip: string, who: string, phone: string, nipToo: boolean, gh: boolean) => ({
    name,
    ...(nipToo ? { nip } : {}),
    email: `${who}${i}@${opd}.${ZONE}`,
    phone,
    ...(gh ? { github: `${who.replace(".", "-")}-${opd}` } : {}),
  });
  v.contacts = {
    administrative: contact(adminName, adminNip, "siti.rahmawati", `+62 812-3456-${1000 + (i % 9000)}`, r() < 0.8, r() < 0.9),
    technical: contact(techName, techNip, "budi.santoso", `0355 32${1000 + (i % 9000)}`, r() < 0.4, r() < 0.9),
  };
  const records: Record<string, unknown>[] = [];
  if (kind === "server" || kind === "decommissioned") {
    const server: Record<string, unknown> = { ipv4: r() < 0.15 ? [ipv4(i), ipv4(i, 1)] : [ipv4(i)] };
    if (r() < 0.3) server.ipv6 = [`2400:cb00:${(i % 65535).toString(16)}::1`];
    v.target = { server };
    if (r() < 0.1) v.proxied = true;
    if (r() < 0.1) v.ttl = pick(r, [300, 3600, 600]);
    if (r() < 0.5) {
      // Mail at the name, served by a host below it.
      records.push({ type: "MX", values: [{ priority: 10, exchange: `mail.${fqdn}` }] });
      records.push({ name: "mail", type: "A", values: [`36.91.${i & 255}.${(i >> 8) & 255 || 1}`] });
      records.push({ name: "@", type: "TXT", values: ["v=spf1 mx -all"] });
      records.push({ name: "_dmarc", type: "TXT", values: [`v=DMARC1; p=reject; rua=mailto:dmarc@${fqdn}`] });
    }
    if (r() < 0.2) records.push({ name: "cctv", type: "AAAA", values: [`2404:8000:1024:${(i % 65535).toString(16)}::30`] });
    if (r() < 0.15) records.push({ name: "@", type: "CAA", values: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }] });
    if (r() < 0.15) records.push({ type: "SRV", name: "_sip._tcp", values: [{ priority: 10, weight: 5, port: 5060, target: fqdn }] });
    if (r() < 0.1) {
      // A host below the name, with a service of its own (SRV under a host, RFC 2782).
      records.push({ name: "game", type: "A", values: [ipv4(i, 7)] });
      records.push({ type: "SRV", name: "_minecraft._tcp.game", ttl: 600, values: [{ priority: 0, weight: 5, port: 25565, target: `game.${fqdn}` }] });
    }
    if (r() < 0.1) records.push({ name: "docs", type: "CNAME", value: `${opd}-contohkab.github.io` });
    if (kind === "decommissioned")
      v.decommission = { reason: "Aplikasi sudah digantikan portal terpadu", letter: { number: `000.1/${i}/HAPUS/2026`, date: `2026-05-${pad2(1 + (i % 28))}` } };
  } else if (kind === "alias") {
    // Inside the zone: a name another request holds (nothing dangles); else a provider's host.
    let j = i - 1;
    while (j >= 0 && (kindOf(j) !== "server" || zoneOfIndex(j) !== ZONE)) j--;
    v.target = { alias: j >= 0 && r() < 0.3 ? `${asciiLabel(labelOf(j))}.${ZONE}` : pick(r, [`app${i}.penyedia.co.id`, `${opd}-contohkab.github.io`, `proxy-${i}.netlify.app`]) };
    // An alias stands alone at its name (cname.alone): its records go below it.
    if (r() < 0.3) records.push({ type: "TXT", name: `_github-pages-challenge-${opd}`, values: [hex(r, 30)] });
    if (r() < 0.2) records.push({ name: "www", type: "CNAME", value: `${opd}-contohkab.github.io` });
  } else if (kind === "hosting") {
    const hosting: Record<string, unknown> = {};
    if (r() < 0.5) hosting.cpu = pick(r, ["500m", "1", "2"]);
    if (r() < 0.5) hosting.memory = `${512 * (1 + (i % 4))}Mi`;
    if (r() < 0.6) hosting.storage = `${5 * (1 + (i % 5))}Gi`;
    if (r() < 0.2) hosting.volumes = 1 + (i % 3);
    v.target = { hosting };
    if (r() < 0.3) records.push({ type: "TXT", values: [`google-site-verification=${hex(r, 32)}`] });
  } else if (kind === "mail") {
    // A name used only for e-mail: no target, only records.
    const external = r() < 0.6;
    records.push({ type: "MX", values: external ? [{ priority: 10, exchange: "mx1.improvmx.com" }, { priority: 20, exchange: "mx2.improvmx.com" }] : [{ priority: 10, exchange: `mail.${ZONE}` }] });
    records.push({ type: "TXT", values: [external ? "v=spf1 include:spf.improvmx.com -all" : "v=spf1 mx -all"] });
    if (r() < 0.5) records.push({ name: "_dmarc", type: "TXT", ttl: 3600, values: ["v=DMARC1; p=quarantine"] });
    if (r() < 0.3) records.push({ name: "selector1._domainkey", type: "TXT", values: [`v=DKIM1; k=rsa; p=${hex(r, 200)}`] });
  } else {
    // Delegated to the OPD's own name servers: one below the name (with glue), one outside.
    const inside = r() < 0.6;
    const delegation: Record<string, unknown> = {
      nameservers: inside ? [`ns1.${fqdn}`, `ns2.${opd}-dns.net`] : [`ns1.${opd}-dns.net`, `ns2.${opd}-dns.net`],
    };
    if (inside) delegation.glue = [{ name: "ns1", ipv4: [ipv4(i, 53)], ...(r() < 0.3 ? { ipv6: [`2400:cb00:53::${(i % 65535).toString(16)}`] } : {}) }];
    delegation.ds = [{ keyTag: (i * 7919) % 65536, algorithm: 13, digestType: 2, digest: hex(r, 64).toUpperCase() }];
    v.target = { delegation };
  }
  if (records.length) v.records = records;
  v.reviewBy = `2027-${pad2(1 + (i % 5))}-01`;
  return v;
}

// --- Writing styles -------------------------------------------------------------------------

interface Writer {
  r: () => number;
  /** Spaces per level. */
  step: number;
  /** Sequences under a key written at the key's column (`key:\n- x`), not indented. */
  flushSeq: boolean;
  /** How often a collection of scalars is written in flow style. */
  flow: number;
  comments: boolean;
  quoting: "canonical" | "mixed";
}

/** Whether `s` may be written as a plain scalar (in flow context too when `flow`). */
function plainOk(s: string, flow: boolean): boolean {
  if (s === "" || s !== s.trim() || /[\n\r\t]/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^-[0-9.]/.test(s)) return false;
  if (/: |:$| #/.test(s)) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  // Would read as something else than text (a number, a boolean, null).
  if (/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?(?:[0-9][0-9_]*(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^0x|^0o|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/.test(s)) return false;
  return true;
}

const single = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** Double-quoted, escaping what must be, and sometimes what need not be (\/, \u00e9, \x41). */
function double(s: string, w: Writer, fancy: boolean): string {
  let out = "";
  for (const ch of s) {
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (fancy && ch === "/" && w.r() < 0.3) out += "\\/";
    else if (fancy && ch.codePointAt(0)! > 127 && ch.codePointAt(0)! < 0x10000) out += `\\u${ch.codePointAt(0)!.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

function scalar(v: unknown, w: Writer, flow: boolean): string {
  if (typeof v !== "string") return String(v);
  const plain = plainOk(v, flow);
  // Canonical files (requests/) quote phone numbers, NIPs, and text with spaces or colons in lists.
  if (w.quoting === "canonical") return plain && !(flow && /[ :]/.test(v)) && !/^(?:[+0][0-9 -]*|[0-9]{6,})$/.test(v) ? v : double(v, w, false);
  const x = w.r();
  if (plain && x < 0.65) return v;
  if (x < 0.82 || !plain) return w.r() < 0.5 ? single(v) : double(v, w, w.r() < 0.5);
  return double(v, w, true);
}

const isScalar = (v: unknown) => v === null || typeof v !== "object";

function flowValue(v: unknown, w: Writer): string {
  if (isScalar(v)) return scalar(v, w, true);
  if (Array.isArray(v)) return `[${v.map((x) => flowValue(x, w)).join(", ")}]`;
  const body = Object.entries(v as object).map(([k, x]) => `${k}: ${flowValue(x, w)}`).join(", ");
  return w.r() < 0.7 ? `{ ${body} }` : `{${body}}`;
}

const TRAILING = ["# wajib", "# lihat surat", "# TODO: perbarui tahun depan", "# jangan diubah", "# sesuai formulir"];

/** A trailing comment, now and then. */
const trail = (w: Writer) => (w.comments && w.r() < 0.08 ? ` ${pick(w.r, TRAILING)}` : "");

/** Long text written over two lines: folded (`>-`) or as a multi-line plain scalar. */
function multiline(v: string, indent: string, w: Writer): string | undefined {
  const cut = v.indexOf(" ", 20);
  if (cut < 0 || !plainOk(v, false) || /  /.test(v)) return undefined;
  const [a, b] = [v.slice(0, cut), v.slice(cut + 1)];
  const x = w.r();
  // Double-quoted over two lines: rare; the fast reader reads it (and hands escaped line breaks to yaml).
  if (x < 0.2) return ` "${a}\n${indent}${b}"`;
  return x < 0.55 ? ` >-\n${indent}${a}\n${indent}${b}` : ` ${a}\n${indent}${b}`;
}

function blockMap(obj: Record<string, unknown>, indent: string, w: Writer, keys = Object.keys(obj)): string {
  let out = "";
  for (const k of keys) {
    const v = obj[k];
    const inner = indent + " ".repeat(w.step);
    if (isScalar(v)) {
      const long = typeof v === "string" && k === "purpose" && w.quoting === "mixed" && w.r() < 0.3 ? multiline(v, inner, w) : undefined;
      out += long !== undefined ? `${indent}${k}:${long}\n` : `${indent}${k}: ${scalar(v, w, false)}${trail(w)}\n`;
    } else if (Array.isArray(v)) {
      if (v.every(isScalar) && w.r() < w.flow) out += `${indent}${k}: ${flowValue(v, w)}${trail(w)}\n`;
      else out += `${indent}${k}:${trail(w)}\n${blockSeq(v, w.flushSeq ? indent : inner, w)}`;
    } else {
      const entries = Object.keys(v as object);
      if (entries.length === 0) out += `${indent}${k}: {}\n`;
      else if (w.quoting === "mixed" && entries.every((e) => isScalar((v as Record<string, unknown>)[e])) && w.r() < w.flow / 3) out += `${indent}${k}: ${flowValue(v, w)}\n`;
      else out += `${indent}${k}:${trail(w)}\n${blockMap(v as Record<string, unknown>, inner, w)}`;
    }
  }
  return out;
}

function blockSeq(arr: unknown[], indent: string, w: Writer): string {
  let out = "";
  for (const v of arr) {
    if (isScalar(v) || Array.isArray(v)) out += `${indent}- ${isScalar(v) ? scalar(v, w, false) : flowValue(v, w)}${trail(w)}\n`;
    else {
      const obj = v as Record<string, unknown>;
      // A record written with its type first, or its name first, as people do.
      const keys = Object.keys(obj);
      if (w.quoting === "mixed" && keys.includes("type") && w.r() < 0.4) keys.sort((a, b) => (a === "type" ? -1 : b === "type" ? 1 : 0));
      const inner = indent + "  ";
      const body = blockMap(obj, inner, { ...w, step: 2 }, keys);
      out += `${indent}- ${body.slice(inner.length)}`;
    }
  }
  return out;
}

const HAND_COMMENTS = ["# Kontak yang dapat dihubungi Diskominfo", "# Sasaran layanan", "# --- rekaman tambahan ---", "# Diperbarui setelah rapat koordinasi"];

/** Writes a value in one of the hand styles. */
function handWritten(value: Record<string, unknown>, style: "canonical" | "hand", r: () => number): string {
  const w: Writer =
    style === "canonical"
      ? { r, step: 2, flushSeq: false, flow: 1, comments: false, quoting: "canonical" }
      : { r, step: r() < 0.2 ? 4 : 2, flushSeq: r() < 0.25, flow: r() < 0.5 ? 0.8 : 0.2, comments: true, quoting: "mixed" };
  let keys = Object.keys(value);
  if (style === "hand" && r() < 0.35) {
    // Another key order: a person's own, or alphabetical.
    keys = r() < 0.5 ? [...keys].sort() : [...keys].sort(() => r() - 0.5);
  }
  let text = style === "canonical" || r() < 0.7 ? "# yaml-language-server: $schema=../../schemas/request.schema.json\n" : "";
  if (style === "hand" && r() < 0.05) text += "---\n";
  for (const k of keys) {
    if (style === "hand" && r() < 0.07) text += `${pick(r, HAND_COMMENTS)}\n`;
    if (style === "hand" && r() < 0.03) text += "\n";
    text += blockMap(value, "", w, [k]);
  }
  if (style === "hand" && r() < 0.08) text = text.replaceAll("\n", "\r\n");
  return text;
}

/** As the issue forms write a new request (src/forms/build.ts): their header, yaml's stringify, no line folding. */
function formWritten(value: Record<string, unknown>, issue: number): string {
  return fileHeader(issue) + stringify(value, { lineWidth: 0 });
}

/** Request i of a generated repository; `r` drives its optional parts and its writing style. */
export function generateRequest(i: number, r: () => number): GeneratedRequest {
  const value = requestValue(i, r);
  const x = r();
  const style: Style = x < 0.3 ? "form" : x < 0.55 ? "canonical" : "hand";
  const text = style === "form" ? formWritten(value, 100 + i) : handWritten(value, style, r);
  const opd = value.opd as string;
  const label = value.label as string;
  return { opd, label, path: `requests/${opd}/${asciiLabel(label)}.yaml`, kind: kindOf(i), style, value, text };
}

/** The governance the generated requests are valid against: the test fixture's, with 40 OPDs, a TTL floor of 60 and a second zone. */
export function generatedGovernance(): string {
  const base = readFileSync(join(import.meta.dirname, "../../../test/fixtures/invalid/rules/governance.yaml"), "utf8");
  const opds = OPDS.map((c) => `  - code: ${c}\n    name: Organisasi Perangkat Daerah ${c}\n    liaisons: [liaison-${c}]\n`).join("");
  const zone2 = `  - name: ${ZONE2}\n    nameservers: [ns1.${ZONE}, ns2.${ZONE}]\n    soa: { mname: ns1.${ZONE}, rname: hostmaster@${ZONE} }\n    protected: ["@", www]\n`;
  return base
    .replace(/^opds:\n(?:  .*\n|    .*\n)*/m, `opds:\n${opds}`)
    .replace("ttl: { min: 300, max: 86400 }", "ttl: { min: 60, max: 86400 }")
    .replace(/^admins:/m, `${zone2}admins:`);
}

/** Writes governance.yaml and `files` generated requests into a new temporary folder; returns it. */
export function generateRepository(files: number, seed = 42): string {
  const root = mkdtempSync(join(tmpdir(), "bench-validate-"));
  writeFileSync(join(root, "governance.yaml"), generatedGovernance());
  for (const o of OPDS) mkdirSync(join(root, "requests", o), { recursive: true });
  const r = rng(seed);
  for (let i = 0; i < files; i++) {
    const q = generateRequest(i, r);
    writeFileSync(join(root, q.path), q.text);
  }
  return root;
}
