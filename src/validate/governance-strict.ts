// Governance checked as strictly as a request: zone names are host names (they become file names
// and resource names), unique, and not nested inside another managed zone unless the delegation is
// declared; hosting defaults within the limits; TTL bounds in order; no control characters.
import { diagnostic, type Diagnostic, type Message } from "../diagnostics/diagnostic.ts";
import { locate, type Positions } from "../load/parse.ts";
import type { Governance } from "../model/governance.ts";
import { asciiHost } from "../model/names.ts";
import { hostProblem } from "./host-name.ts";
import { parseQuantity } from "./quantity.ts";
import { controlProblem, strings } from "./rules/control.ts";
import { TTL_DEFAULT } from "./rules/ttl.ts";

type GovernanceRule = (file: string, g: Governance, positions: Positions) => Diagnostic[];

const at = (file: string, positions: Positions, ptr: string, rule: string, message: Message) => diagnostic(file, locate(positions, ptr), rule, "error", message);

/** The ASCII form of a zone name, or undefined when it cannot be one. */
function zoneKey(name: string): string | undefined {
  if (hostProblem(name)) return undefined;
  try {
    return asciiHost(name.toLowerCase());
  } catch {
    return undefined;
  }
}

export const zoneNames: GovernanceRule = (file, g, positions) => {
  const out: Diagnostic[] = [];
  const keys = g.zones.map((z, i) => {
    const p = hostProblem(z.name);
    if (p) out.push(at(file, positions, `/zones/${i}/name`, "governance.zone-name", { id: `Nama zona: ${p.id}.`, en: `Zone name: ${p.en}.` }));
    z.nameservers.forEach((ns, j) => {
      const q = hostProblem(ns);
      if (q) out.push(at(file, positions, `/zones/${i}/nameservers/${j}`, "governance.zone-name", { id: `Server nama: ${q.id}.`, en: `Name server: ${q.en}.` }));
    });
    const m = hostProblem(z.soa.mname);
    if (m) out.push(at(file, positions, `/zones/${i}/soa/mname`, "governance.zone-name", { id: `SOA mname: ${m.id}.`, en: `SOA mname: ${m.en}.` }));
    return p ? undefined : zoneKey(z.name);
  });
  const first = new Map<string, number>();
  keys.forEach((k, i) => {
    if (k === undefined) return;
    const had = first.get(k);
    if (had !== undefined)
      out.push(at(file, positions, `/zones/${i}/name`, "governance.zone-unique", { id: `Zona \`${k}\` sudah ditulis sebagai zona ke-${had + 1}.`, en: `Zone \`${k}\` is already listed as zone ${had + 1}.` }));
    else first.set(k, i);
  });
  // Nested zones: the closest enclosing managed zone must be the declared parent.
  keys.forEach((k, i) => {
    if (k === undefined || first.get(k) !== i) return;
    const parents = keys.filter((p): p is string => p !== undefined && p !== k && k.endsWith(`.${p}`)).sort((a, b) => b.length - a.length);
    const declared = g.zones[i]!.delegatedFrom;
    const declaredKey = declared === undefined ? undefined : zoneKey(declared);
    const ptr = `/zones/${i}`;
    if (parents.length && declaredKey !== parents[0])
      out.push(
        at(file, positions, declared === undefined ? `${ptr}/name` : `${ptr}/delegatedFrom`, "governance.zone-nested", {
          id: `Zona \`${k}\` berada di dalam zona \`${parents[0]}\` yang juga dikelola di sini; tulis \`delegatedFrom: ${parents[0]}\` bila zona itu memang didelegasikan, atau hapus salah satunya.`,
          en: `Zone \`${k}\` lies inside the zone \`${parents[0]}\`, also managed here; write \`delegatedFrom: ${parents[0]}\` if it is delegated, or remove one of them.`,
        }),
      );
    else if (!parents.length && declared !== undefined)
      out.push(
        at(file, positions, `${ptr}/delegatedFrom`, "governance.zone-nested", {
          id: `\`delegatedFrom: ${declared}\` tidak cocok: zona \`${k}\` tidak berada di dalam zona lain yang dikelola di sini.`,
          en: `\`delegatedFrom: ${declared}\` does not fit: zone \`${k}\` lies inside no other zone managed here.`,
        }),
      );
  });
  return out;
};

const FIELDS = ["cpu", "memory", "storage"] as const;

export const hostingDefaults: GovernanceRule = (file, g, positions) => {
  const { defaults, limits } = g.hosting;
  const out: Diagnostic[] = [];
  for (const f of FIELDS) {
    const d = parseQuantity(defaults[f]);
    const l = parseQuantity(limits[f]);
    if (d === undefined || d <= 0 || l === undefined || l <= 0)
      out.push(at(file, positions, `/hosting/${d === undefined || d <= 0 ? "defaults" : "limits"}/${f}`, "governance.hosting", { id: `hosting ${f}: ukuran harus lebih dari nol.`, en: `hosting ${f}: the size must be above zero.` }));
    else if (d > l)
      out.push(
        at(file, positions, `/hosting/defaults/${f}`, "governance.hosting", {
          id: `hosting.defaults.${f} \`${defaults[f]}\` melebihi hosting.limits.${f} \`${limits[f]}\`.`,
          en: `hosting.defaults.${f} \`${defaults[f]}\` exceeds hosting.limits.${f} \`${limits[f]}\`.`,
        }),
      );
  }
  if (defaults.volumes > limits.volumes)
    out.push(at(file, positions, "/hosting/defaults/volumes", "governance.hosting", { id: `hosting.defaults.volumes ${defaults.volumes} melebihi batas ${limits.volumes}.`, en: `hosting.defaults.volumes ${defaults.volumes} exceeds the limit ${limits.volumes}.` }));
  return out;
};

export const ttlBounds: GovernanceRule = (file, g, positions) => {
  const out: Diagnostic[] = [];
  const ttl = g.limits?.ttl;
  if (ttl && ttl.min >= ttl.max)
    out.push(at(file, positions, "/limits/ttl", "governance.ttl", { id: `limits.ttl: min ${ttl.min} harus lebih kecil dari max ${ttl.max}.`, en: `limits.ttl: min ${ttl.min} must be below max ${ttl.max}.` }));
  const { min, max } = ttl ?? TTL_DEFAULT;
  g.zones.forEach((z, i) => {
    if (z.ttl !== undefined && z.ttl !== 1 && min < max && (z.ttl < min || z.ttl > max))
      out.push(at(file, positions, `/zones/${i}/ttl`, "governance.ttl", { id: `TTL zona ${z.ttl} di luar batas ${min}-${max}.`, en: `Zone TTL ${z.ttl} is outside the bounds ${min}-${max}.` }));
  });
  return out;
};

export const governanceControl: GovernanceRule = (file, g, positions) => {
  const out: Diagnostic[] = [];
  for (const [ptr, text] of strings(g)) {
    const p = controlProblem(ptr.slice(1).replace(/\//g, "."), text);
    if (p) out.push(at(file, positions, ptr, "governance.control", p));
  }
  return out;
};
