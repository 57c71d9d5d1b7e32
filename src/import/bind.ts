// BIND's tools as the importer and `verify-dns` use them: named-checkzone -D puts any zone text in
// one canonical form, dig fetches a zone by AXFR (optionally signed with a TSIG key file). Both
// commands read only this canonical form (src/import/canonical.ts), never zone-file syntax.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import type { Lang } from "../diagnostics/diagnostic.ts";

const sayIn = (lang: Lang) => (id: string, en: string) => (lang === "en" ? en : id);

/** HOST[:PORT] or [IPv6]:PORT; undefined when malformed. */
export function parseServer(server: string): { host: string; port: string } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:\s]+)(?::(\d{1,5}))?$/i.exec(server);
  return m ? { host: m[1]!.replace(/^\[|\]$/g, ""), port: m[2] ?? "53" } : undefined;
}

/** BIND's canonical dump of a zone file, or its complaint. */
export function canonicalDump(zone: string, file: string, lang: Lang): { ok: true; text: string } | { ok: false; error: string } {
  const r = spawnSync("named-checkzone", ["-D", "-o", "-", zone, file], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error) return { ok: false, error: sayIn(lang)("named-checkzone tidak ditemukan; pasang paket bind9-utils.", "named-checkzone not found; install bind9-utils.") };
  if (r.status !== 0) return { ok: false, error: (r.stdout + r.stderr).trim() };
  return { ok: true, text: r.stdout };
}

/** AXFR by dig into a file; dig's text is zone-file syntax that named-checkzone then reads. Returns the failure, if any. */
export function axfr(zone: string, server: string, keyFile: string | undefined, into: string, lang: Lang): string | undefined {
  const say = sayIn(lang);
  const s = parseServer(server);
  if (!s) return `HOST[:PORT] (${server})`;
  const args = ["+nocmd", "+nostats", "+nocomments", "+noclass", "+time=5", "+tries=2", "-p", s.port, `@${s.host}`, zone, "AXFR"];
  if (keyFile) args.unshift("-k", keyFile);
  const r = spawnSync("dig", args, { encoding: "utf8", maxBuffer: 1 << 30, timeout: 120_000 });
  if (r.error) return say("dig tidak ditemukan; pasang paket bind9-dnsutils.", "dig not found; install bind9-dnsutils.");
  // dig reports a refused or failed transfer in comment lines ("; Transfer failed.").
  const comments = [...r.stdout.split("\n").filter((l) => l.startsWith(";")), ...r.stderr.split("\n").filter(Boolean)];
  const failed = comments.find((l) => /Transfer failed|communications error|connection refused|timed out|NOTAUTH|BADSIG|BADKEY|BADTIME|REFUSED|couldn't/i.test(l));
  // +noclass drops "IN"; put it back so named-checkzone reads standard lines. TSIG records sign
  // the messages and are no zone data; the closing SOA repeats the first.
  const records = r.stdout.split("\n").filter((l) => l.trim() && !l.startsWith(";")).map((l) => l.split(/\s+/));
  const data = records.filter((f) => f[2] !== "TSIG");
  const soas = data.filter((f) => f[2] === "SOA").length;
  if (r.status !== 0 || failed || soas !== 2 || data[0]?.[2] !== "SOA" || data.at(-1)?.[2] !== "SOA")
    return say(`AXFR ${zone} dari ${server} gagal: ${failed ?? comments.slice(-1)[0] ?? "transfer tidak lengkap"}`, `AXFR of ${zone} from ${server} failed: ${failed ?? comments.slice(-1)[0] ?? "incomplete transfer"}`);
  const body = data.slice(0, -1).map((f) => [f[0], f[1], "IN", ...f.slice(2)].join(" ")).join("\n");
  writeFileSync(into, body + "\n");
  return undefined;
}
