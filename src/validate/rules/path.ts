// The file's place agrees with its content: requests/<opd>/<label>.yaml, and the OPD exists.
import { requestPath } from "../../model/names.ts";
import { report, type FileRule } from "../rule.ts";

export const pathMatches: FileRule = {
  id: "path.match",
  scope: "file",
  severity: "error",
  summary: { id: "Lokasi berkas sama dengan isinya: requests/<opd>/<label>.yaml", en: "The file's path agrees with its content: requests/<opd>/<label>.yaml" },
  check(req) {
    const { label, opd } = req.request;
    let expected: string;
    try {
      expected = requestPath(opd, label);
    } catch {
      return []; // an unconvertible label is label.idn's finding
    }
    if (req.file === expected) return [];
    return [
      report(this, req, "/label", {
        id: `Berkas ini seharusnya berada di \`${expected}\` (dari label \`${label}\` dan opd \`${opd}\`), bukan \`${req.file}\`.`,
        en: `This file should be at \`${expected}\` (from label \`${label}\` and opd \`${opd}\`), not \`${req.file}\`.`,
      }),
    ];
  },
};

export const opdExists: FileRule = {
  id: "opd.exists",
  scope: "file",
  severity: "error",
  summary: { id: "Kode OPD terdaftar di governance.yaml", en: "The OPD code is registered in governance.yaml" },
  check(req, ctx) {
    if (ctx.governance.opds.some((o) => o.code === req.request.opd)) return [];
    return [
      report(this, req, "/opd", {
        id: `OPD \`${req.request.opd}\` tidak terdaftar di governance.yaml.`,
        en: `OPD \`${req.request.opd}\` is not registered in governance.yaml.`,
      }),
    ];
  },
};
