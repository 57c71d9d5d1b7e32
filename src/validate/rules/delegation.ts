// Delegation of a subdomain to the OPD's own name servers (RFC 1034 §4.2): allowed only where
// governance says so for the zone; the delegated name holds nothing but NS (and DS), name
// servers below it come with their addresses (glue), and DS digests have the length their type
// gives (RFC 4034 §5, RFC 4509, RFC 6605).
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { hostKey as host, zoneFor } from "../request-names.ts";
import { hostProblem } from "../host-name.ts";
import { report, type FileRule } from "../rule.ts";
import { labelProblem } from "./label.ts";


/** Hex digits of a DS digest per digest type: SHA-1, SHA-256, GOST R 34.11-94, SHA-384. */
const DIGEST_HEX: Record<number, number> = { 1: 40, 2: 64, 3: 64, 4: 96 };

export const delegationAllowed: FileRule = {
  id: "delegation.allowed",
  scope: "file",
  reads: ["zone", "target"],
  severity: "error",
  summary: { id: "Delegasi (NS) hanya di zona yang mengizinkannya di governance (delegation.allowed), dengan DS bila diwajibkan", en: "Delegation (NS) only in a zone whose governance allows it (delegation.allowed), with DS where required" },
  check(req, ctx) {
    const d = req.request.target?.delegation;
    if (!d) return [];
    const zone = zoneFor(req.request, ctx.governance);
    if (!zone) return []; // zone.exists says it
    if (zone.delegation?.allowed !== true)
      return [
        report(this, req, "/target/delegation", {
          id: `Zona ${zone.name} tidak mengizinkan delegasi ke server nama OPD (governance: zones[].delegation.allowed). Pakai target server, alias atau hosting, atau minta Diskominfo mengizinkan delegasi.`,
          en: `Zone ${zone.name} does not allow delegation to an OPD's name servers (governance: zones[].delegation.allowed). Use a server, alias or hosting target, or ask Diskominfo to allow delegation.`,
        }, true),
      ];
    if (zone.delegation.requireDs === true && !d.ds?.length)
      return [
        report(this, req, "/target/delegation", {
          id: `Zona ${zone.name} mewajibkan DNSSEC untuk delegasi: tambahkan \`ds\` (keyTag, algorithm, digestType, digest) dari server nama OPD.`,
          en: `Zone ${zone.name} requires DNSSEC for delegations: add \`ds\` (keyTag, algorithm, digestType, digest) from the OPD's name servers.`,
        }, true),
      ];
    return [];
  },
};

export const delegationFields: FileRule = {
  id: "delegation.fields",
  scope: "file",
  reads: ["label", "zone", "target", "records", "proxied"],
  severity: "error",
  summary: {
    id: "Delegasi: tanpa rekaman lain di bawah nama itu, server nama berupa nama host, glue untuk server di bawahnya, digest DS heksadesimal sepanjang jenisnya",
    en: "Delegation: no other records under the name, name servers are host names, glue for those below it, DS digests hex of their type's length",
  },
  check(req, ctx) {
    const r = req.request;
    const d = r.target?.delegation;
    if (!d) return [];
    const out: Diagnostic[] = [];
    const zone = host(zoneFor(r, ctx.governance)?.name ?? r.zone ?? ctx.governance.zones[0]!.name);
    const delegated = `${host(r.label)}.${zone}`;
    if (r.records?.length)
      out.push(
        report(this, req, "/records", {
          id: `Subdomain ini didelegasikan ke server nama OPD, jadi semua nama di bawahnya diatur di server itu; hapus \`records\` dan tulis rekamannya di server nama OPD.`,
          en: `This subdomain is delegated to the OPD's name servers, so every name below it is managed there; remove \`records\` and write the records on the OPD's name servers.`,
        }, true),
      );
    if (r.proxied === true)
      out.push(report(this, req, "/proxied", { id: "Delegasi (NS) tidak dapat lewat proxy Cloudflare; hapus `proxied`.", en: "A delegation (NS) cannot go through Cloudflare's proxy; remove `proxied`." }, true));
    const glue = new Map<string, number>();
    (d.glue ?? []).forEach((g, i) => {
      const p = g.name.split(".").map((l) => labelProblem(host(l))).find(Boolean);
      if (p) out.push(report(this, req, `/target/delegation/glue/${i}/name`, { id: `Nama glue \`${g.name}\` tidak sah: ${p.id}.`, en: `Glue name \`${g.name}\` is invalid: ${p.en}.` }));
      else glue.set(`${host(g.name)}.${delegated}`, i);
    });
    const seen = new Set<string>();
    d.nameservers.forEach((ns, i) => {
      const ptr = `/target/delegation/nameservers/${i}`;
      const p = hostProblem(ns);
      if (p) return out.push(report(this, req, ptr, { id: `Server nama: ${p.id}.`, en: `Name server: ${p.en}.` }));
      const h = host(ns);
      if (seen.has(h)) return out.push(report(this, req, ptr, { id: `Server nama \`${ns}\` ditulis dua kali.`, en: `Name server \`${ns}\` is written twice.` }));
      seen.add(h);
      if (h === delegated)
        return out.push(
          report(this, req, ptr, {
            id: `Server nama tidak boleh nama yang didelegasikan itu sendiri (\`${ns}\`); pakai nama di bawahnya, misalnya ns1.${delegated}.`,
            en: `A name server cannot be the delegated name itself (\`${ns}\`); use a name below it, e.g. ns1.${delegated}.`,
          }),
        );
      if (h.endsWith(`.${delegated}`) && !glue.has(h))
        out.push(
          report(this, req, ptr, {
            id: `Server nama \`${ns}\` berada di bawah nama yang didelegasikan, jadi alamatnya harus ditulis di sini: tambahkan \`glue\` dengan name \`${h.slice(0, -delegated.length - 1)}\` dan ipv4/ipv6-nya.`,
            en: `Name server \`${ns}\` is below the delegated name, so its addresses must be given here: add \`glue\` with name \`${h.slice(0, -delegated.length - 1)}\` and its ipv4/ipv6.`,
          }),
        );
    });
    for (const [name, i] of glue)
      if (!seen.has(name))
        out.push(
          report(this, req, `/target/delegation/glue/${i}/name`, {
            id: `Glue \`${name}\` bukan salah satu server nama di \`nameservers\`; glue hanya untuk server nama di bawah nama yang didelegasikan.`,
            en: `Glue \`${name}\` is not one of the name servers in \`nameservers\`; glue is only for name servers below the delegated name.`,
          }),
        );
    (d.ds ?? []).forEach((ds, i) => {
      const ptr = `/target/delegation/ds/${i}`;
      const want = DIGEST_HEX[ds.digestType];
      if (want === undefined)
        return out.push(report(this, req, `${ptr}/digestType`, { id: `digestType ${ds.digestType} tidak dikenal; pakai 2 (SHA-256) atau 4 (SHA-384).`, en: `digestType ${ds.digestType} is unknown; use 2 (SHA-256) or 4 (SHA-384).` }));
      const hex = ds.digest.replace(/\s+/g, "");
      if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length !== want)
        out.push(
          report(this, req, `${ptr}/digest`, {
            id: `Digest DS untuk digestType ${ds.digestType} harus ${want} digit heksadesimal (0-9, a-f); yang tertulis ${hex.length} karakter.`,
            en: `A DS digest for digestType ${ds.digestType} must be ${want} hexadecimal digits (0-9, a-f); ${hex.length} characters are written.`,
          }),
        );
    });
    return out;
  },
};
