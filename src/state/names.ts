// Name normalisation for the state: every name past this point is lowercase ASCII (punycode),
// absolute host names carry no trailing dot, and record names are relative to the zone.
import { asciiLabel } from "../model/names.ts";

const PLAIN = /^[a-z0-9._*-]*$/;

/** `App.Bücher.go.id.` -> `app.xn--bcher-kva.go.id`. */
export function asciiHost(host: string): string {
  // Fast path: already lowercase ASCII (nearly every name); 15,000 requests ask this many times.
  if (PLAIN.test(host)) return host.endsWith(".") ? host.slice(0, -1) : host;
  const trimmed = host.trim().replace(/\.$/, "");
  return trimmed
    .split(".")
    .map((l) => asciiLabel(l.toLowerCase()).toLowerCase())
    .join(".");
}

/** A request's record name ("@", absent, "_dmarc", "www") -> name relative to the zone. */
export function relativeName(label: string, name: string | undefined): string {
  const base = asciiHost(label);
  if (name === undefined || name === "@" || name === "") return base;
  return `${asciiHost(name)}.${base}`;
}

/** The namespace of a hosted subdomain: one definition, in the model (validation uses it too). */
export { tenantNamespace as namespaceName } from "../model/namespace.ts";
