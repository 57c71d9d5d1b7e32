// DNS questions for the audit through one resolver (`--dns HOST[:PORT]`, or the system's), with
// c-ares' own timeout and tries, every answer normalised to comparable strings and every failure
// to one of a few codes. Never throws.
import { Resolver } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { canonicalIp } from "../state/desired-state.ts";

export type DnsFailure = "NXDOMAIN" | "NODATA" | "SERVFAIL" | "REFUSED" | "TIMEOUT" | "ERROR";
export type DnsAnswer = { ok: true; values: string[] } | { ok: false; failure: DnsFailure; detail: string };
export type QueryType = "A" | "AAAA" | "CNAME" | "TXT" | "MX" | "CAA" | "SRV";

/** A failure that says something about the name (versus the resolver not answering at all). */
export const isVerdict = (f: DnsFailure) => f === "NXDOMAIN" || f === "NODATA" || f === "SERVFAIL";

const CODES: Record<string, DnsFailure> = {
  ENOTFOUND: "NXDOMAIN",
  ENODATA: "NODATA",
  ESERVFAIL: "SERVFAIL",
  EREFUSED: "REFUSED",
  ETIMEOUT: "TIMEOUT",
  ECONNREFUSED: "TIMEOUT",
};

const host = (h: string) => h.toLowerCase().replace(/\.$/, "");

/** `HOST[:PORT]` -> the form setServers takes; undefined when it is not an IP address. */
export function parseDnsServer(text: string): string | undefined {
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::([0-9]{1,5}))?$/.exec(text);
  const v4 = /^([0-9.]+)(?::([0-9]{1,5}))?$/.exec(text);
  const [addr, port] = bracketed ? [bracketed[1]!, bracketed[2]] : v4 ? [v4[1]!, v4[2]] : [text, undefined];
  if (!ipaddr.isValid(addr)) return undefined;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return undefined;
  const ip = ipaddr.parse(addr);
  const shown = ip.kind() === "ipv6" ? `[${(ip as ipaddr.IPv6).toRFC5952String()}]` : ip.toString();
  return port ? `${shown}:${port}` : ip.kind() === "ipv6" ? shown.slice(1, -1) : shown;
}

export class Dns {
  private readonly resolver: Resolver;

  constructor(server: string | undefined, timeoutMs: number, retries: number) {
    // A lost UDP packet is the usual reason for no answer (a burst of questions overflows a
    // server's queue): a short first timeout with one more try recovers in about a second instead
    // of waiting out the whole connection timeout. c-ares lengthens the timeout on each try.
    this.resolver = new Resolver({ timeout: Math.min(timeoutMs, 1000), tries: retries + 2 });
    if (server) this.resolver.setServers([server]);
  }

  async query(name: string, type: QueryType): Promise<DnsAnswer> {
    const r = this.resolver;
    try {
      switch (type) {
        case "A":
          return ok((await r.resolve4(name)).map(canonicalIp));
        case "AAAA":
          return ok((await r.resolve6(name)).map(canonicalIp));
        case "CNAME":
          return ok((await r.resolveCname(name)).map(host));
        case "TXT":
          return ok((await r.resolveTxt(name)).map((chunks) => chunks.join("")));
        case "MX":
          return ok((await r.resolveMx(name)).map((m) => `${m.priority} ${host(m.exchange)}`));
        case "CAA":
          return ok(
            (await r.resolveCaa(name)).map((c) => {
              const { critical, ...rest } = c as unknown as Record<string, string | number>;
              const [tag, value] = Object.entries(rest)[0] ?? ["", ""];
              return `${critical ?? 0} ${String(tag).toLowerCase()} ${value}`;
            }),
          );
        case "SRV":
          return ok((await r.resolveSrv(name)).map((s) => `${s.priority} ${s.weight} ${s.port} ${host(s.name)}`));
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "";
      return { ok: false, failure: CODES[code] ?? "ERROR", detail: code || String(e) };
    }
  }
}

function ok(values: string[]): DnsAnswer {
  return { ok: true, values: [...new Set(values)].sort() };
}
