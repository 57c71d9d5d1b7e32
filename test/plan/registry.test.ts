import { describe, expect, it } from "vitest";
import { registryRows } from "../../src/targets/registry/rows.ts";
import { registryCsv, registryMarkdown } from "../../src/targets/registry/render.ts";
import { requestPath } from "../../src/model/names.ts";
import { requestYaml, validated, type RequestSpec } from "./fixture.ts";

const specs: RequestSpec[] = [
  { label: "sehat", target: { server: { ipv4: ["103.10.20.30"], ipv6: ["2400:CB00:0:0::10"] } } },
  { label: "bücher", opd: "disdik", target: { alias: "buku.github.io" }, purpose: '=HYPERLINK("http://x") | daftar, "buku"' },
  { label: "arsip", opd: "setda", target: { hosting: { storage: "10Gi" } }, decommission: { deleteData: true } },
  { label: "lama", opd: "bpbd", target: { hosting: {} }, decommission: {} },
];
const v = validated(Object.fromEntries(specs.map((s) => [requestPath(s.opd ?? "dinkes", s.label), requestYaml(s)])));
// 2026-03-01T20:00Z is already 2 March in Jakarta.
const history = new Map([["requests/dinkes/sehat.yaml", { created: "2026-03-01T20:00:00Z", lastChanged: "2026-03-05T02:00:00Z" }]]);
const rows = registryRows(v.requests, v.governance, history);

describe("registry rows", () => {
  it("has one row per request, sorted by name, with status, target and dates in the governance time zone", () => {
    expect(rows.map((r) => [r.name, r.status, r.targetKind, r.created, r.lastChanged])).toEqual([
      ["arsip.contohkab.go.id", "data-deleted", "hosting", null, null],
      ["lama.contohkab.go.id", "decommissioned", "hosting", null, null],
      ["sehat.contohkab.go.id", "active", "server", "2026-03-02", "2026-03-05"],
      ["xn--bcher-kva.contohkab.go.id", "active", "alias", null, null],
    ]);
    expect(rows[2]!.target).toBe("103.10.20.30 2400:cb00::10");
    expect(rows[2]!.opdName).toBe("Dinas Kesehatan");
    expect(rows[3]!.displayName).toBe("bücher.contohkab.go.id");
    expect(rows[0]!.target).toBe("cpu 500m, memory 512Mi, storage 10Gi");
  });
});

describe("registry files", () => {
  it("quotes CSV fields and defuses spreadsheet formulas", () => {
    const csv = registryCsv(rows, "id");
    const line = csv.split("\r\n").find((l) => l.startsWith("xn--bcher-kva"))!;
    expect(line).toContain(`"'=HYPERLINK(""http://x"") | daftar, ""buku"""`);
    expect(csv.split("\r\n")[0]).toBe("name,display_name,opd,opd_name,purpose,target_kind,target,status,created,last_changed,review_by,file");
    expect(csv).toContain(",dihapus beserta data,");
    expect(registryCsv(rows, "en")).toContain(",deleted with its data,");
  });

  it("renders a Markdown table whose cells cannot break the table", () => {
    const md = registryMarkdown(rows, "id");
    expect(md).toContain("# Daftar subdomain");
    expect(md).toContain("4 subdomain.");
    const line = md.split("\n").find((l) => l.includes("bücher"))!;
    expect(line.split(/(?<!\\)\|/).length).toBe(12);
    expect(md).toContain("| bücher.contohkab.go.id (xn--bcher-kva.contohkab.go.id) |");
    expect(md).toContain("belum di-commit");
    expect(registryMarkdown(rows, "en")).toContain("# Registry of subdomains");
  });
});
