// The Kubernetes namespace of a hosted subdomain, derived from its own label and zone only, so no
// other request (a newcomer, a longer label, a second zone) can change it. Lives in the model
// because validation (namespace.unique) and the state both need the same answer.
import { sha256Hex } from "./digest.ts";
import { asciiHost } from "./names.ts";

/** No system namespace (kube-*, default, cert-manager, velero, ...) starts with this. */
const PREFIX = "tenant-";
const MAX = 63;
/** A label the plain form can carry: one DNS label that keeps the name within 63 characters. */
const PLAIN = new RegExp(`^[a-z0-9]([-a-z0-9]{0,${MAX - PREFIX.length - 2}}[a-z0-9])?$`);

/**
 * The hashed form's namespace of each host, once per run: a plan asks for every hosted request's
 * twice (validation, then the desired state), ~6,000 SHA-256 of ~8 us each for 15,000 requests.
 * Bounded, for a process that lives long.
 */
const hashed = new Map<string, string>();

const hash = (s: string) => sha256Hex(s).slice(0, 12);

/**
 * `tenant-<label>` for a plain label of the first (default) zone: the common case stays readable
 * and matches the namespaces of the first version. Anything else (another zone, a label too long
 * for the plain form) is `tenant--<slug>-<hash of the full host>`: the double hyphen cannot follow
 * `tenant-` in the plain form (a label never starts with a hyphen), so the two forms never meet,
 * and within the hashed form only a 48-bit hash collision could make two hosts meet, which
 * validation (namespace.unique) reports instead of deploying.
 */
export function tenantNamespace(label: string, zone: string, defaultZone: string): string {
  const own = asciiHost(label);
  const z = asciiHost(zone);
  if (z === asciiHost(defaultZone) && PLAIN.test(own)) return PREFIX + own;
  const host = `${own}.${z}`;
  let ns = hashed.get(host);
  if (ns === undefined) {
    const tail = `-${hash(host)}`;
    const slug = host.replace(/[^a-z0-9]+/g, "-").slice(0, MAX - PREFIX.length - 1 - tail.length).replace(/-+$/, "");
    if (hashed.size >= 100_000) hashed.clear();
    hashed.set(host, (ns = `${PREFIX}-${slug}${tail}`));
  }
  return ns;
}
