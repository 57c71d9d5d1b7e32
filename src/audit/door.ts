// Hygiene at the door (issue 15): `npm run validate -- --network` refuses a new alias whose target
// does not resolve or answers with a hosting service's "not claimed" page, the two ways an alias
// is born dangling. Needs the network, so it is an option (CI turns it on); without it nothing is
// asked and validation says so.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { locate } from "../load/parse.ts";
import { asciiHost } from "../state/names.ts";
import type { RepositoryFile } from "../validate/rule.ts";
import { isVerdict, type Dns } from "./dns.ts";
import { serviceOf, unclaimedPage, type Fingerprint } from "./fingerprints.ts";
import { BROWSER_UA, fetchPage } from "./http.ts";
import { mapLimit } from "./pool.ts";

export interface DoorOptions {
  dns: Dns;
  fingerprints: readonly Fingerprint[];
  timeoutMs: number;
  retries: number;
  httpPort: number;
  httpsPort: number;
  /** Whether the alias is new (not the same target in the same file on the base branch). */
  isNew(file: string, target: string): boolean;
}

export async function checkNewAliases(requests: readonly RepositoryFile[], o: DoorOptions): Promise<Diagnostic[]> {
  const aliases = requests.flatMap((rf) => (rf.request.target?.alias && o.isNew(rf.file, asciiHost(rf.request.target.alias)) ? [{ rf, target: asciiHost(rf.request.target.alias) }] : []));
  const out = await mapLimit(aliases, 16, async ({ rf, target }): Promise<Diagnostic[]> => {
    const at = locate(rf.positions, "/target/alias");
    const [a4, a6] = await Promise.all([o.dns.query(target, "A"), o.dns.query(target, "AAAA")]);
    const addresses = [...(a4.ok ? a4.values : []), ...(a6.ok ? a6.values : [])];
    const service = serviceOf(target, o.fingerprints);
    if (addresses.length === 0) {
      const failure = !a4.ok ? a4.failure : !a6.ok ? a6.failure : "NODATA";
      if (!isVerdict(failure))
        return [diagnostic(rf.file, at, "alias.network", "warning", { id: `Alias ${target} tidak dapat diperiksa: resolver tidak menjawab (${failure}).`, en: `The alias ${target} could not be checked: the resolver did not answer (${failure}).` })];
      const takeover = service?.nxdomain && failure === "NXDOMAIN" ? ` Nama di ${service.service} yang tidak ada dapat didaftarkan siapa pun.` : "";
      const takeoverEn = service?.nxdomain && failure === "NXDOMAIN" ? ` A missing name on ${service.service} can be registered by anyone.` : "";
      return [
        diagnostic(rf.file, at, "alias.resolves", "error", {
          id: `Alias ${target} tidak dapat dijangkau (${failure}).${takeover} Buat dulu layanannya, lalu tulis alias ke nama host yang sudah aktif.`,
          en: `The alias ${target} does not resolve (${failure}).${takeoverEn} Create the service first, then write the alias to a host name that is live.`,
        }),
      ];
    }
    if (!service?.body) return [];
    const base = { address: addresses[0]!, host: target, timeoutMs: o.timeoutMs, userAgent: BROWSER_UA };
    const pages = await Promise.all([fetchPage({ ...base, port: o.httpsPort, secure: true }, o.retries), fetchPage({ ...base, port: o.httpPort, secure: false }, o.retries)]);
    if (!pages.some((p) => p.ok && unclaimedPage(service, p.body))) return [];
    return [
      diagnostic(rf.file, at, "alias.takeover", "error", {
        id: `Alias ${target} menunjuk ke ${service.service} yang belum diklaim ("${service.body}"): siapa pun dapat mengambil alih subdomain ini. Klaim dulu nama itu di ${service.service}, lalu ajukan lagi.`,
        en: `The alias ${target} points to an unclaimed ${service.service} name ("${service.body}"): anyone could take this subdomain over. Claim the name on ${service.service} first, then submit again.`,
      }),
    ];
  });
  return out.flat();
}
