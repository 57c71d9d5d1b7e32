// SRV records (RFC 2782): the name is `_service._proto` under the subdomain or under any host name
// below it (`_minecraft._tcp.game`), the target a host name, or "." alone for "no such service".
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { asciiHost } from "../../model/names.ts";
import { hostProblem } from "../host-name.ts";
import { report, type FileRule } from "../rule.ts";

const LDH = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
const NAME = new RegExp(`^_${LDH}\\._(tcp|udp|tls|sctp)(\\.${LDH})*$`);

/** The host part may be written in Unicode (`_x._tcp.bücher`); compared in its ASCII form. */
const ascii = (s: string) => {
  try {
    return asciiHost(s);
  } catch {
    return s;
  }
};

export const srvFields: FileRule = {
  id: "srv.fields",
  scope: "file",
  reads: ["records"],
  severity: "error",
  summary: { id: "SRV: nama _layanan._protokol (misalnya _sip._tcp), target nama host atau \".\"", en: "SRV: name _service._proto (e.g. _sip._tcp), target a host name or \".\"" },
  check(req) {
    const out: Diagnostic[] = [];
    // Index loops: this runs on every file, mostly finding nothing.
    const records = req.request.records ?? [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      if (r.type !== "SRV") continue;
      if (!NAME.test(ascii(r.name)))
        out.push(
          report(this, req, `/records/${i}/name`, {
            id: `Nama SRV \`${r.name}\` harus berbentuk _layanan._protokol, misalnya _sip._tcp atau _xmpp-server._tcp (protokol: tcp, udp, tls, sctp), boleh diikuti nama host di bawah subdomain: _minecraft._tcp.game.`,
            en: `The SRV name \`${r.name}\` must be _service._proto, e.g. _sip._tcp or _xmpp-server._tcp (proto: tcp, udp, tls, sctp), optionally followed by a host name below the subdomain: _minecraft._tcp.game.`,
          }),
        );
      for (let j = 0; j < r.values.length; j++) {
        const v = r.values[j]!;
        const ptr = `/records/${i}/values/${j}/target`;
        if (v.target === ".") {
          if (r.values.length > 1)
            out.push(report(this, req, ptr, { id: 'Target SRV "." (layanan tidak tersedia) harus satu-satunya nilai.', en: 'SRV target "." (service not available) must be the only value.' }));
          continue;
        }
        const p = hostProblem(v.target);
        if (p) out.push(report(this, req, ptr, { id: `Target SRV: ${p.id}.`, en: `SRV target: ${p.en}.` }));
      }
    }
    return out;
  },
};
