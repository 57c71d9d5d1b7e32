// MX values (RFC 5321 §5.1, RFC 2181 §10.3, RFC 7505): the exchange is a host name, not an IP
// address, and not an alias (CNAME) inside the zone; "." alone means "this name takes no mail".
// A repository rule because the alias may be written in another request.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { absoluteName, asciiHost } from "../../model/names.ts";
import { hostProblem } from "../host-name.ts";
import { byZoneField, ownedNames, zoneFor } from "../request-names.ts";
import { report, type RepoRule } from "../rule.ts";

const host = (s: string) => {
  try {
    return asciiHost(s);
  } catch {
    return s.toLowerCase();
  }
};

/** Where an MX value's exchange is written: made only for a finding. */
const exchangeAt = (record: number, value: number) => `/records/${record}/values/${value}/exchange`;

export const mxFields: RepoRule = {
  id: "mx.fields",
  scope: "repository",
  severity: "error",
  summary: { id: "MX: exchange berupa nama host (bukan IP, bukan alias CNAME di zona); \".\" hanya sendirian", en: "MX: the exchange is a host name (not an IP, not an in-zone CNAME); \".\" only on its own" },
  check(all, ctx) {
    const zones = byZoneField((req) => host(zoneFor(req, ctx.governance)?.name ?? req.zone ?? ctx.governance.zones[0]!.name));
    const aliases = new Set<string>();
    for (let q = 0; q < all.length; q++) {
      const req = all[q]!; // index loops: see checkRequest in validate.ts
      const zone = zones(req.request);
      const owned = ownedNames(req.request);
      for (let k = 0; k < owned.length; k++) {
        const n = owned[k]!;
        if (n.type === "CNAME") aliases.add(absoluteName(n.name, zone));
      }
    }
    // Most exchanges are a handful of mail hosts repeated across files: judge each text once per run.
    const judged = new Map<string, { problem: ReturnType<typeof hostProblem>; alias: boolean }>();
    const judge = (text: string) => {
      let j = judged.get(text);
      if (!j) {
        const problem = hostProblem(text);
        judged.set(text, (j = { problem, alias: !problem && aliases.has(host(text)) }));
      }
      return j;
    };
    const out: Diagnostic[] = [];
    for (let q = 0; q < all.length; q++) {
      const req = all[q]!;
      const records = req.request.records;
      if (!records) continue;
      for (let i = 0; i < records.length; i++) {
        const r = records[i]!;
        if (r.type !== "MX") continue;
        for (let j = 0; j < r.values.length; j++) {
          const v = r.values[j]!;
          if (v.exchange === ".") {
            if (r.values.length > 1 || v.priority !== 0)
              out.push(
                report(this, req, exchangeAt(i, j), {
                  id: 'MX "." (tidak menerima surel) harus satu-satunya nilai, dengan priority 0.',
                  en: 'MX "." (accepts no mail) must be the only value, with priority 0.',
                }),
              );
            continue;
          }
          const { problem: p, alias } = judge(v.exchange);
          if (p) {
            out.push(report(this, req, exchangeAt(i, j), { id: `Exchange MX: ${p.id}.`, en: `MX exchange: ${p.en}.` }));
            continue;
          }
          if (alias)
            out.push(
              report(this, req, exchangeAt(i, j), {
                id: `Exchange MX \`${v.exchange}\` adalah alias (CNAME) di zona ini; MX harus menunjuk langsung ke nama host yang punya alamat (A/AAAA).`,
                en: `MX exchange \`${v.exchange}\` is an alias (CNAME) in this zone; an MX must point directly at a host name with addresses (A/AAAA).`,
              }),
            );
        }
      }
    }
    return out;
  },
  links(req, ctx) {
    const zone = host(zoneFor(req.request, ctx.governance)?.name ?? req.request.zone ?? ctx.governance.zones[0]!.name);
    const provides = ownedNames(req.request).filter((n) => n.type === "CNAME").map((n) => absoluteName(n.name, zone));
    const consumes: string[] = [];
    for (const r of req.request.records ?? []) if (r.type === "MX") for (const v of r.values) if (v.exchange !== ".") consumes.push(host(v.exchange));
    return { group: [], provides, consumes };
  },
};
