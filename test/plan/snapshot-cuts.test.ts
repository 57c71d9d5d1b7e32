// The snapshot (src/plan/snapshot.ts) cuts the zone and registry files the plan wrote instead of
// rendering each piece again: the cuts must be exactly where the per-piece rendering (the slow,
// obviously right way the incremental plan renders changed pieces) puts them, on hostile text too.
import { describe, expect, it } from "vitest";
import { desiredState } from "../../src/state/desired-state.ts";
import { renderZone, zoneLines } from "../../src/targets/zone/render.ts";
import { registryCsv, registryMarkdown } from "../../src/targets/registry/render.ts";
import type { RegistryRow } from "../../src/targets/registry/rows.ts";
import { PieceTap, recordEnds, registryMarkdownHeader, zonePiece } from "../../src/plan/snapshot.ts";
import { sampleRequests, validated } from "./fixture.ts";

const settings = { serial: 2026060100, ingress: { ipv4: ["192.0.2.80"] }, nameserverAddresses: {} };

describe("snapshot cuts", () => {
  it("the zone tap cuts each record set where rendering it alone puts its comment and lines", () => {
    const v = validated(sampleRequests());
    const state = desiredState(v.requests, v.governance);
    expect(state.records.length).toBeGreaterThan(3);
    for (const z of v.governance.zones) {
      const tap = new PieceTap();
      const lines: string[] = [];
      zoneLines(z, state.records, settings, (l) => (tap.line("z", l), lines.push(l)), (rs) => tap.recordSet("z", rs));
      const text = Buffer.from(lines.join("\n") + "\n");
      const t = tap.zones.get("z")!;
      expect(t.bytes).toBe(text.length);
      const own = state.records.filter((r) => r.zone === z.name);
      expect(t.sets).toEqual(own);
      // Reference: each record set rendered alone in a bare zone (what snapshot-out renders for a changed one).
      const bare = { ...z, nameservers: [], protected: [] };
      const header = renderZone(bare, [], settings);
      let last = "";
      own.forEach((r, k) => {
        const p = zonePiece(header, renderZone(bare, [r], settings));
        const [start, linesStart, end] = t.cuts.slice(3 * k, 3 * k + 3) as [number, number, number];
        expect(text.toString("utf8", linesStart, end)).toBe(p.lines);
        expect(text.toString("utf8", start, linesStart)).toBe(p.comment === last ? "" : p.comment);
        last = p.comment;
      });
    }
  });

  it("registry cuts fall at each row's end, with quotes, commas, line ends and formulas in the cells", () => {
    const row = (n: number, purpose: string): RegistryRow => ({
      name: `l${n}.contohkab.go.id`,
      displayName: `l${n}.contohkab.go.id`,
      opd: "dinkes",
      opdName: 'Dinas "Kesehatan", Kab.',
      purpose,
      targetKind: "server",
      target: "103.10.20.30",
      status: "active",
      created: "2026-01-02",
      lastChanged: null,
      reviewBy: "2027-01-01",
      file: `requests/dinkes/l${n}.yaml`,
    });
    const rows = [row(1, 'satu "kutip", koma'), row(2, "dua\r\nbaris\r\n"), row(3, '=HYPERLINK("x")'), row(4, "empat\nbaris | pipa"), row(5, '"\r\n"')];
    for (const lang of ["id", "en"] as const) {
      const csv = Buffer.from(registryCsv(rows, lang));
      const md = Buffer.from(registryMarkdown(rows, lang));
      const csvEnds = recordEnds(csv, true);
      const mdEnds = recordEnds(md, false);
      expect(csvEnds).toHaveLength(rows.length + 1);
      const mdSkip = mdEnds.length - rows.length;
      expect(md.toString("utf8", 0, mdEnds[mdSkip - 1])).toBe(registryMarkdownHeader(rows.length, lang));
      const csvHeader = registryCsv([], lang);
      const rowStart = registryMarkdownHeader(1, lang).length;
      rows.forEach((r, k) => {
        expect(csv.toString("utf8", csvEnds[k], csvEnds[k + 1])).toBe(registryCsv([r], lang).slice(csvHeader.length));
        expect(md.toString("utf8", mdEnds[mdSkip + k - 1], mdEnds[mdSkip + k])).toBe(registryMarkdown([r], lang).slice(rowStart));
      });
    }
  });
});
