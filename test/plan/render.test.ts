import { describe, expect, it } from "vitest";
import { diffStates } from "../../src/plan/diff.ts";
import { GITHUB_COMMENT_LIMIT, PLAN_MARKER, renderMarkdown } from "../../src/plan/render-markdown.ts";
import { renderText } from "../../src/plan/render-text.ts";
import { renderJson } from "../../src/plan/render-json.ts";
import type { DesiredState, RecordSet, Tenant } from "../../src/state/types.ts";

const rec = (name: string, values: string[], type: "A" | "TXT" = "A"): RecordSet => ({
  zone: "contohkab.go.id",
  name,
  type,
  values,
  ttl: 3600,
  proxied: false,
  source: { file: `requests/dinkes/${name}.yaml`, opd: "dinkes", label: name },
});
const tenant = (label: string, releaseData = false): Tenant => ({
  namespace: `tenant-${label}`,
  zone: "contohkab.go.id",
  host: `${label}.contohkab.go.id`,
  quota: { cpu: "500m", memory: "512Mi", storage: "5Gi", volumes: 2 },
  accessRole: "admin",
  status: "active",
  deletedFile: false,
  backup: { daily: true, time: "01:00", timeZone: "Asia/Jakarta", retentionDays: 30, finalRetentionDays: 365 },
  technicalContact: { name: "Budi", email: "budi@x.go.id", github: "budi" },
  source: { file: `requests/setda/${label}.yaml`, opd: "setda", label },
  releaseData,
});
const S = (records: RecordSet[], tenants: Tenant[] = []): DesiredState => ({ records, tenants });

const sample = () =>
  diffStates(S([rec("a", ["103.1.1.1"]), rec("b", ["103.1.1.2"])], [tenant("lama"), tenant("hapus")]), S([rec("a", ["103.1.1.9"]), rec("c", ["103.1.1.3"]), rec("d", ["x"], "TXT")], [tenant("hapus", true)]), { base: "main (abc)" });

describe("text renderer", () => {
  it("starts with the summary line, then one line per change", () => {
    const t = renderText(sample(), "id");
    expect(t.split("\n")[0]).toBe("Rencana perubahan (dibandingkan dengan main (abc)): 2 dibuat, 2 diubah, 2 dihapus");
    expect(t).toContain("+ c.contohkab.go.id A 3600 103.1.1.3");
    expect(t).toContain("- b.contohkab.go.id A");
    expect(t).toContain("    values: 103.1.1.1 -> 103.1.1.9");
    expect(t).toContain("tenant-lama (lama.contohkab.go.id)  [tenant dilepas dari pengelolaan; data TIDAK dihapus]");
    expect(renderText(sample(), "en").split("\n")[0]).toBe("Plan of changes (compared with main (abc)): 2 created, 2 updated, 2 deleted");
  });
});

describe("markdown renderer", () => {
  it("carries the marker, the summary table, destructive changes first and details folded", () => {
    const md = renderMarkdown(sample(), "id");
    expect(md.startsWith(PLAN_MARKER + "\n")).toBe(true);
    expect(md).toContain("**2 dibuat, 2 diubah, 2 dihapus**");
    expect(md).toContain("| Rekaman DNS | 2 | 1 | 1 |");
    expect(md).toContain("| Tenant hosting | 0 | 1 | 1 |");
    const destructive = md.indexOf("Perubahan yang menghapus data");
    expect(destructive).toBeGreaterThan(0);
    expect(destructive).toBeLessThan(md.indexOf("<details>"));
    expect(md).toContain("<summary>Rekaman DNS (4)</summary>");
    expect(md).toContain("tenant dilepas dari pengelolaan; data TIDAK dihapus");
    const en = renderMarkdown(sample(), "en");
    expect(en).toContain("**2 created, 2 updated, 2 deleted**");
    expect(en).toContain("Changes that delete data");
  });

  it("escapes request text so it cannot inject Markdown, HTML or mentions", () => {
    const p = diffStates(S([]), S([rec("x", ['<script>alert(1)</script> | @everyone **bold**'], "TXT")]));
    const md = renderMarkdown(p, "id");
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("@everyone");
    expect(md).toContain("&lt;script&gt;");
    const row = md.split("\n").find((l) => l.includes("x.contohkab.go.id"))!;
    expect(row.split(" | ")).toHaveLength(4);
  });

  it("stays under GitHub's comment limit and points to the full plan", () => {
    const many = Array.from({ length: 5000 }, (_, i) => rec(`n${i}`, ["103.1.1.1", "103.1.1.2"]));
    const p = diffStates(S([]), S(many));
    const md = renderMarkdown(p, "id");
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toMatch(/Hanya \d+ dari 5000 perubahan ditampilkan/);
    expect(md).toContain("artefak workflow");
    expect(md).toContain("**5000 dibuat, 0 diubah, 0 dihapus**");
    const full = renderMarkdown(p, "id", Number.MAX_SAFE_INTEGER);
    expect(full).not.toContain("Hanya");
    expect(full.split("\n").filter((l) => l.startsWith("| dibuat |"))).toHaveLength(5000);
  });

  it("keeps a flood of notes from pushing the plan over the limit", () => {
    const notes = Array.from({ length: 20_000 }, (_, i) => ({ id: `Berkas dasar requests/x/n${i}.yaml tidak sah dan dilewati.`, en: `Base file n${i} skipped.` }));
    const md = renderMarkdown(diffStates(S([]), S([rec("a", ["103.1.1.1"])]), { notes }), "id");
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toContain("… dan 19980 catatan lain");
    expect(md).toContain("<code>a.contohkab.go.id</code>");
  });

  it("says so when there is nothing to change", () => {
    expect(renderMarkdown(diffStates(S([]), S([])), "id")).toContain("Tidak ada perubahan.");
  });
});

describe("json renderer", () => {
  it("is the plan value itself", () => {
    const p = sample();
    expect(JSON.parse(renderJson(p))).toEqual(JSON.parse(JSON.stringify(p)));
  });
});
