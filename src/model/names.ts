// Names in the zone. Unicode labels are stored in their ASCII (punycode) form everywhere past
// validation; the Unicode form is kept only for display.
// Imported by file path: a bare "punycode" would resolve to Node's deprecated built-in module.
import punycode from "punycode/punycode.js";
import type { Governance, Zone } from "./governance.ts";
import type { Request } from "./request.ts";

const ASCII = /^[\x00-\x7f]*$/;

/** The ASCII form of one label: `dinas-sehat` stays, `bücher` becomes `xn--bcher-kva`. */
export function asciiLabel(label: string): string {
  return ASCII.test(label) ? label : punycode.toASCII(label.normalize("NFC").toLowerCase());
}

/** The Unicode form of one label, for display. */
export function unicodeLabel(label: string): string {
  return label.startsWith("xn--") ? punycode.toUnicode(label) : label;
}

/** A host name as stored: lowercase ASCII labels, no trailing dot. `Bücher.Contoh.go.id.` -> `xn--bcher-kva.contoh.go.id`. */
const PLAIN_HOST = /^[a-z0-9_.-]*$/;

export function asciiHost(host: string): string {
  if (PLAIN_HOST.test(host)) return host.length > 1 && host.endsWith(".") ? host.slice(0, -1) : host;
  const bare = host.endsWith(".") && host.length > 1 ? host.slice(0, -1) : host;
  return bare
    .split(".")
    .map((l) => asciiLabel(l).toLowerCase())
    .join(".");
}

/**
 * Name of an extra record relative to the zone: `@` or absent is the subdomain itself,
 * `mail` under label `sehat` is `mail.sehat`. Lowercase ASCII.
 */
export function recordName(label: string, name: string | undefined): string {
  const own = asciiHost(label);
  return name === undefined || name === "@" ? own : `${asciiHost(name)}.${own}`;
}

/** `sehat` in zone `contohkab.go.id` -> `sehat.contohkab.go.id`. */
export function absoluteName(relative: string, zone: string): string {
  return relative === "@" ? asciiHost(zone) : `${relative}.${asciiHost(zone)}`;
}

/** The zone a request belongs to: its own `zone`, or the first zone of governance. */
export function zoneOf(req: Pick<Request, "zone">, governance: Governance): Zone | undefined {
  const name = (req.zone ?? governance.zones[0]!.name).toLowerCase();
  return governance.zones.find((z) => z.name.toLowerCase() === name);
}

/** Expected path of a request file. */
export function requestPath(opd: string, label: string): string {
  return `requests/${opd}/${asciiLabel(label)}.yaml`;
}
