// Name normalisation for the state: every name past this point is lowercase ASCII (punycode),
// absolute host names carry no trailing dot, and record names are relative to the zone.
import { createHash } from "node:crypto";
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

/** No system namespace (kube-*, default, cert-manager, ...) starts with this, so none can collide. */
const PREFIX = "tenant-";
const MAX = 63;

const shortHash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 8);

/**
 * The namespace of a hosted subdomain: `tenant-<label>` for the first (default) zone of
 * governance and `tenant-<label>-<zone>` for any other, so adding a zone never renames existing
 * namespaces. The fixed prefix keeps tenants clear of kube-*, default and other system names.
 * Longer than 63 characters: truncated with a hash of the full name, so it stays unique and stable.
 */
export function namespaceName(label: string, zone: string, defaultZone: string): string {
  const host = asciiHost(label);
  const z = asciiHost(zone);
  const raw = z === asciiHost(defaultZone) ? host : `${host}.${z}`;
  const slug = PREFIX + raw.replace(/[^a-z0-9-]+/g, "-").replace(/-+$/g, "");
  if (slug.length <= MAX) return slug;
  return `${slug.slice(0, MAX - 9).replace(/-+$/, "")}-${shortHash(raw)}`;
}

/** Appends the hash of `key` (used when two hosts would share a namespace): deterministic. */
export function disambiguate(namespace: string, key: string): string {
  return `${namespace.slice(0, MAX - 9).replace(/-+$/, "")}-${shortHash(key)}`;
}
