// The audit of every name as the public sees it: DNS through one resolver, then HTTP and HTTPS to
// the address it gives, three ways for cloaked content. Bounded concurrency; every network step
// has a deadline and retries (src/audit/dns.ts, http.ts), so a silent host costs a few seconds
// and never stops the run.
import type { HygieneSettings } from "../model/hygiene.ts";
import type { RecordSet } from "../state/types.ts";
import { hasGambling, locationHasKeyword, scanPage, type PageScan } from "./content.ts";
import { isVerdict, type Dns, type DnsAnswer, type QueryType } from "./dns.ts";
import { serviceOf, unclaimedPage, type Fingerprint } from "./fingerprints.ts";
import { BROWSER_UA, fetchPage, nameAgents, SEARCH_BOT_UA, SEARCH_REFERRER, type Fetched } from "./http.ts";
import type { AuditHost } from "./hosts.ts";
import * as say from "./messages.ts";
import { mapLimit } from "./pool.ts";
import { judgeCertificate } from "./tls.ts";
import type { AuditProblem, Finding } from "./types.ts";

export interface AuditOptions {
  dns: Dns;
  httpPort: number;
  httpsPort: number;
  settings: HygieneSettings;
  fingerprints: readonly Fingerprint[];
  now: Date;
}

export interface AuditResult {
  findings: Finding[];
  problems: AuditProblem[];
}

/** Desired values of a record set in the form dns.ts gives live answers. */
function expectedValues(rs: RecordSet): string[] {
  switch (rs.type) {
    case "A":
    case "AAAA":
    case "CNAME":
    case "TXT":
      return [...new Set(rs.values as string[])].sort();
    case "MX":
      return rs.values.map((v) => `${v.priority} ${v.exchange}`).sort();
    case "CAA":
      return rs.values.map((v) => `${v.flags} ${v.tag} ${v.value}`).sort();
    case "SRV":
      return rs.values.map((v) => `${v.priority} ${v.weight} ${v.port} ${v.target}`).sort();
    case "INGRESS":
    case "NS":
    case "DS":
      return [];
  }
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export async function auditAll(hosts: readonly AuditHost[], o: AuditOptions): Promise<AuditResult> {
  const results = await mapLimit(hosts, o.settings.concurrency, (h) => auditHost(h, o));
  return { findings: results.flatMap((r) => r.findings), problems: results.flatMap((r) => r.problems) };
}

export async function auditHost(h: AuditHost, o: AuditOptions): Promise<AuditResult> {
  const findings: Finding[] = [];
  const problems: AuditProblem[] = [];
  const found = (kind: Finding["kind"], evidence: Finding["evidence"], fix: Finding["fix"]) => findings.push({ kind, name: h.name, opd: h.opd, file: h.file, evidence, fix });
  const asked = new Map<string, Promise<DnsAnswer>>();
  const ask = (name: string, type: QueryType) => {
    const key = `${name} ${type}`;
    let p = asked.get(key);
    if (!p) asked.set(key, (p = o.dns.query(name, type)));
    return p;
  };
  const unanswered = (a: DnsAnswer, name: string, type: string) => {
    if (a.ok || isVerdict(a.failure)) return false;
    problems.push({ name: h.name, message: say.resolverSilent(name, type, a.failure) });
    return true;
  };

  // 1. The live answer against the repository.
  const differences: string[] = [];
  for (const rs of h.records) {
    if (rs.type === "INGRESS") continue; // its address is deployment configuration, not in the repository
    // A delegated name answers from the OPD's own servers: the parent's NS/DS are compared by verify-dns.
    if (rs.type === "NS" || rs.type === "DS") continue;
    const a = await ask(h.name, rs.type);
    if (unanswered(a, h.name, rs.type)) continue;
    const want = expectedValues(rs);
    const got = a.ok ? a.values : [];
    if (!same(want, got)) differences.push(`${rs.type}: ${want.join(", ")} → ${got.length ? got.join(", ") : a.ok ? "-" : a.failure}`);
  }
  if (h.absent) {
    for (const type of ["A", "AAAA", "CNAME"] as const) {
      const a = await ask(h.name, type);
      if (!unanswered(a, h.name, type) && a.ok && a.values.length) differences.push(`${type}: - → ${a.values.join(", ")}`);
    }
  }
  if (differences.length) found("live-differs", say.liveDiffers(differences, h.absent), say.fixLiveDiffers(h.file, h.absent));

  // 2. Where the name leads: the alias target, or the name's own addresses.
  let addresses: string[] = [];
  const service = h.alias ? serviceOf(h.alias, o.fingerprints) : undefined;
  if (h.alias) {
    const [a4, a6] = await Promise.all([ask(h.alias, "A"), ask(h.alias, "AAAA")]);
    const silent = unanswered(a4, h.alias, "A") || unanswered(a6, h.alias, "AAAA");
    addresses = [...(a4.ok ? a4.values : []), ...(a6.ok ? a6.values : [])];
    if (!silent && addresses.length === 0) {
      const failure = !a4.ok ? a4.failure : !a6.ok ? a6.failure : "NODATA";
      found("dangling-cname", say.dangling(h.alias, failure), say.fixDangling(h.file));
      if (service?.nxdomain && failure === "NXDOMAIN") found("takeover-risk", say.takeoverNx(h.alias, service), say.fixTakeover(h.file, service));
    }
  } else if (h.web) {
    const [a4, a6] = await Promise.all([ask(h.name, "A"), ask(h.name, "AAAA")]);
    unanswered(a4, h.name, "A");
    unanswered(a6, h.name, "AAAA");
    addresses = [...(a4.ok ? a4.values : []), ...(a6.ok ? a6.values : [])];
  }
  if (!h.web || addresses.length === 0) return { findings, problems };

  // 3. The web site, at the first address (IPv4 first: dns.ts sorts each family, A before AAAA).
  const agents = nameAgents();
  try {
    await auditSite(h, addresses[0]!, service, agents, o, found);
  } finally {
    agents.destroy();
  }
  return { findings, problems };
}

async function auditSite(h: AuditHost, address: string, service: Fingerprint | undefined, agents: ReturnType<typeof nameAgents>, o: AuditOptions, found: (kind: Finding["kind"], evidence: Finding["evidence"], fix: Finding["fix"]) => void): Promise<void> {
  const base = { address, host: h.name, timeoutMs: o.settings.timeoutMs, userAgent: BROWSER_UA };
  const [secure, plain] = await Promise.all([
    fetchPage({ ...base, port: o.httpsPort, secure: true, agent: agents.secure }, o.settings.retries),
    fetchPage({ ...base, port: o.httpPort, secure: false, agent: agents.plain }, o.settings.retries),
  ]);
  if (!secure.ok && !plain.ok) {
    found("unreachable", say.unreachable(address, o.httpPort, plain, o.httpsPort, secure), say.fixUnreachable(h.file));
    return;
  }
  const preferred = secure.ok ? { port: o.httpsPort, secure: true, agent: agents.secure } : { port: o.httpPort, secure: false, agent: agents.plain };
  // The same page as a search engine's crawler and as a visitor arriving from a search: cloaked
  // gambling pages show themselves only to one of these. Only on a port that answered.
  const [bot, referred] = await Promise.all([
    fetchPage({ ...base, ...preferred, userAgent: SEARCH_BOT_UA }, 0),
    fetchPage({ ...base, ...preferred, referrer: `${SEARCH_REFERRER}${encodeURIComponent(h.name)}` }, 0),
  ]);

  if (secure.ok && secure.tls)
    for (const v of judgeCertificate(secure.tls.cert, secure.tls.authorizationError, h.name, o.now, o.settings.tlsExpiringDays)) found(v.kind, say.tls(v, o.httpsPort), say.fixTls(v, h.name));

  const pages = [secure, plain].filter((p): p is Extract<Fetched, { ok: true }> => p.ok);
  if (service && pages.some((p) => unclaimedPage(service, p.body))) found("takeover-risk", say.takeoverPage(h.alias!, service), say.fixTakeover(h.file, service));

  const kw = o.settings.gamblingKeywords;
  const scan = (p: Fetched): PageScan | undefined => {
    if (!p.ok) return undefined;
    const s = scanPage(p.body, kw);
    if (p.location && locationHasKeyword(p.location, kw)) s.hiddenLinks.push({ href: p.location, text: `HTTP ${p.status}` });
    return s;
  };
  const seen = { visitor: pages.map(scan).find((s) => s && hasGambling(s)), bot: scan(bot), referred: scan(referred) };
  const cloak = { bot: seen.bot && hasGambling(seen.bot) ? seen.bot : undefined, referred: seen.referred && hasGambling(seen.referred) ? seen.referred : undefined };
  if (seen.visitor || cloak.bot || cloak.referred) found("gambling-content", say.gambling(seen.visitor, cloak.bot, cloak.referred), say.fixGambling(h.file));
}
