// The file's place agrees with its content: requests/<opd>/<label>.yaml, the OPD exists, and the
// folder is an OPD's. Each problem is reported once: a folder that is no OPD code is opd.folder's
// finding (its message names the right path), an unknown `opd` value is opd.exists's, and an
// invalid label is label.syntax's; path.match speaks only when none of those explains it.
import { requestPath } from "../../model/names.ts";
import { report, type FileRule, type RequestFile, type RuleContext } from "../rule.ts";
import { idnProblem, labelProblem, plainName } from "./label.ts";

const folderOf = (file: string) => file.split("/")[1] ?? "";
/** The OPD codes of a governance, as a set: three rules ask for every file. */
const opdCodes = new WeakMap<object, Set<string>>();
function isOpd(code: string, ctx: RuleContext): boolean {
  let codes = opdCodes.get(ctx.governance.opds);
  if (!codes) opdCodes.set(ctx.governance.opds, (codes = new Set(ctx.governance.opds.map((o) => o.code))));
  return codes.has(code);
}

function expectedPath(req: RequestFile): string | undefined {
  const { label, opd } = req.request;
  if (idnProblem(label)) return undefined;
  try {
    const path = requestPath(opd, label);
    const ascii = path.slice(path.lastIndexOf("/") + 1, -".yaml".length);
    return labelProblem(ascii) || label.includes(".") ? undefined : path;
  } catch {
    return undefined;
  }
}

/** The folder is neither an OPD code nor the file's own (unknown) `opd`, which opd.exists reports. */
function folderIsWrong(req: RequestFile, ctx: RuleContext): boolean {
  const folder = folderOf(req.file);
  return !isOpd(folder, ctx) && folder !== req.request.opd;
}

export const pathMatches: FileRule = {
  id: "path.match",
  scope: "file",
  reads: ["label", "opd"],
  severity: "error",
  summary: { id: "Lokasi berkas sama dengan isinya: requests/<opd>/<label>.yaml", en: "The file's path agrees with its content: requests/<opd>/<label>.yaml" },
  check(req, ctx) {
    // The usual file: a plain label in its own place, which is then its expected path.
    if (plainName(req.request.label, false) && req.file === `requests/${req.request.opd}/${req.request.label}.yaml`) return [];
    const expected = expectedPath(req);
    if (expected === undefined || req.file === expected || folderIsWrong(req, ctx)) return [];
    const { label, opd } = req.request;
    const folder = folderOf(req.file);
    const ptr = folder !== opd ? "/opd" : "/label";
    const why =
      folder !== opd
        ? {
            id: ` Folder \`${folder}\` milik OPD lain: sebuah OPD hanya mengajukan berkas di foldernya sendiri.`,
            en: ` Folder \`${folder}\` belongs to another OPD: an OPD files requests only in its own folder.`,
          }
        : { id: " Ganti nama berkas atau perbaiki label.", en: " Rename the file or correct the label." };
    return [
      report(this, req, ptr, {
        id: `Berkas ini seharusnya berada di \`${expected}\` (dari label \`${label}\` dan opd \`${opd}\`), bukan \`${req.file}\`.${why.id}`,
        en: `This file should be at \`${expected}\` (from label \`${label}\` and opd \`${opd}\`), not \`${req.file}\`.${why.en}`,
      }),
    ];
  },
};

export const opdExists: FileRule = {
  id: "opd.exists",
  scope: "file",
  reads: ["opd"],
  severity: "error",
  summary: { id: "Kode OPD terdaftar di governance.yaml", en: "The OPD code is registered in governance.yaml" },
  check(req, ctx) {
    if (isOpd(req.request.opd, ctx)) return [];
    const codes = ctx.governance.opds.map((o) => o.code).join(", ");
    return [
      report(this, req, "/opd", {
        id: `OPD \`${req.request.opd}\` tidak terdaftar di governance.yaml. Kode yang terdaftar: ${codes}. Bila OPD Anda belum ada, minta admin Diskominfo mendaftarkannya.`,
        en: `OPD \`${req.request.opd}\` is not registered in governance.yaml. Registered codes: ${codes}. If your OPD is missing, ask the Diskominfo admins to register it.`,
      }),
    ];
  },
};

export const opdFolder: FileRule = {
  id: "opd.folder",
  scope: "file",
  reads: ["opd"],
  severity: "error",
  summary: { id: "Nama folder di requests/ adalah kode OPD yang terdaftar", en: "The folder under requests/ is a registered OPD code" },
  check(req, ctx) {
    if (!folderIsWrong(req, ctx)) return [];
    const folder = folderOf(req.file);
    const expected = expectedPath(req);
    const move = expected && isOpd(req.request.opd, ctx) ? { id: ` Pindahkan berkas ke \`${expected}\`.`, en: ` Move the file to \`${expected}\`.` } : { id: "", en: "" };
    return [
      report(this, req, "/opd", {
        id: `Folder \`requests/${folder}/\` bukan kode OPD yang terdaftar di governance.yaml.${move.id}`,
        en: `The folder \`requests/${folder}/\` is not an OPD code registered in governance.yaml.${move.en}`,
      }),
    ];
  },
};
