// `npm run adopt` in a temporary clone, with each of the five presets: the result validates,
// plans and generates forms on its own, its first requests get letter numbers from 1, and the
// product's example government never shows up in its plans, letters or registry.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileHistory } from "../../src/git/history.ts";
import { reserve } from "../../src/letter/agenda.ts";
import { loadAgenda } from "../../src/letter/agenda-local.ts";
import { readGovernance } from "../../src/load/read.ts";
import { PRESET_NAMES } from "../../src/model/presets/index.ts";
import { checkGovernance } from "../../src/validate/validate.ts";
import { renderGenerated } from "../../src/forms/render-all.ts";
import { runPlan } from "../../src/artifacts/run.ts";
import { parseIngress } from "../../src/state/ingress.ts";
import { cleanup, cli, cloneRelease, gitOk, sukamajuRequest } from "./clone.ts";

const CLUSTER = { ingressClass: "nginx", ingressNamespace: "ingress-nginx", storageClass: "standard", clusterIssuer: "letsencrypt" };

afterAll(cleanup);

const ADOPT = ["--zone", "sukamajukab.go.id", "--government", "Kabupaten Sukamaju", "--org", "diskominfo-sukamaju"];

describe.each(PRESET_NAMES)("npm run adopt --preset %s", (preset) => {
  it("writes a valid government of its own whose history starts at the adoption", { timeout: 180_000 }, async () => {
    const { root, release } = cloneRelease();
    const exampleCount = readdirSync(join(root, "requests")).length;
    expect(exampleCount).toBeGreaterThan(0); // the clone really holds the product's examples

    const adopt = cli(root, "adopt", [...ADOPT, "--preset", preset]);
    expect(adopt.stderr).toBe("");
    expect(adopt.status).toBe(0);
    expect(adopt.stdout).toContain("Langkah berikutnya");

    // governance: valid; only the [ISI] marks are left to a person; teams in the org; the release recorded.
    const gov = checkGovernance(readGovernance(root));
    expect(gov.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(new Set(gov.diagnostics.map((d) => d.rule))).toEqual(new Set(["governance.placeholder"]));
    const g = gov.governance!;
    expect(g.zones.map((z) => z.name)).toEqual(["sukamajukab.go.id"]);
    expect(g.government.name).toBe("Pemerintah Kabupaten Sukamaju");
    expect(g.opds.map((o) => o.code)).toEqual(["diskominfo"]);
    expect(g.adoption?.base).toBe(release);
    const teams = [...g.disposition.steps, ...(g.disposition.destructiveStep ? [g.disposition.destructiveStep] : [])].flatMap((s) => (s.team ? [s.team] : []));
    expect(teams.length).toBeGreaterThan(0);
    for (const t of teams) expect(t.startsWith("diskominfo-sukamaju/")).toBe(true);
    // The chain is the preset's, step for step.
    const presetGov = checkGovernance(readGovernance(root, `src/model/presets/${preset}.yaml`)).governance!;
    expect(g.disposition.steps.map((s) => s.id)).toEqual(presetGov.disposition.steps.map((s) => s.id));

    // requests/ is empty (an empty or missing folder validates: test/validate/load.test.ts).
    expect(readdirSync(join(root, "requests")).filter((f) => f !== ".gitkeep")).toEqual([]);
    // Generated files agree with the new governance; the placeholder login owns nothing.
    for (const [path, text] of Object.entries(renderGenerated(g))) expect(readFileSync(join(root, path), "utf8")).toBe(text);
    const codeowners = readFileSync(join(root, ".github/CODEOWNERS"), "utf8");
    expect(codeowners).toContain("@diskominfo-sukamaju/admin-subdomain");
    expect(codeowners).not.toMatch(/contohkab|isi-akun-github/);
    expect(readFileSync(join(root, "stacks/Pulumi.production.yaml"), "utf8")).toContain("sukamajukab.go.id:");

    // The adoption commit, then two requests of the new government.
    gitOk(root, "add", "-A");
    gitOk(root, "commit", "-q", "-m", "Adopsi Kabupaten Sukamaju");
    const adoption = gitOk(root, "rev-parse", "HEAD");
    mkdirSync(join(root, "requests/diskominfo"), { recursive: true });
    writeFileSync(join(root, "requests/diskominfo/portal.yaml"), sukamajuRequest("portal", "103.147.26.10"));
    gitOk(root, "add", "-A");
    gitOk(root, "commit", "-q", "-m", "Permohonan portal");
    writeFileSync(join(root, "requests/diskominfo/ppid.yaml"), sukamajuRequest("ppid", "103.147.26.11"));
    gitOk(root, "add", "-A");
    gitOk(root, "commit", "-q", "-m", "Permohonan ppid");

    const valid = cli(root, "validate");
    expect(valid.status, valid.stdout + valid.stderr).toBe(0);
    // The adoption as a pull request against the release: everything new, nothing deleted, no
    // large-change override needed (before, it deleted every example record and failed).
    const plan = cli(root, "plan", ["--base", release, "--format", "json", "--out", join(root, "out")]);
    expect(plan.status, plan.stdout + plan.stderr).toBe(0);
    const parsed = JSON.parse(plan.stdout) as { summary: { create: number; update: number; delete: number }; records: { zone: string }[] };
    expect(parsed.summary.delete).toBe(0);
    expect(parsed.summary.create).toBeGreaterThanOrEqual(2);
    expect(parsed.records.every((r) => r.zone === "sukamajukab.go.id")).toBe(true);
    const zone = readFileSync(join(root, "out", "zones", "sukamajukab.go.id.zone"), "utf8");
    expect(zone).toMatch(/^portal\.sukamajukab\.go\.id\.\s.*\sA\s+103\.147\.26\.10$/m);
    expect(zone).not.toContain("contohkab");
    // Against its own adoption commit the same two requests are the change.
    const own = await runPlan({ root, base: adoption, lang: "id", allowLargeChange: false, ingress: parseIngress("192.0.2.80")!, nameserverAddresses: {}, cluster: CLUSTER });
    expect(own.kind === "planned" && own.plan.summary).toMatchObject({ create: parsed.summary.create, delete: 0 });

    // Letters count from 1: numbers come from the government's own agenda (the agenda branch),
    // which the product's release never carries; the examples before the adoption take none.
    const all = ["requests/diskominfo/portal.yaml", "requests/diskominfo/ppid.yaml"];
    const agenda = loadAgenda(root, 2026);
    expect(agenda.letters).toEqual([]);
    const first = reserve(agenda, { date: "2026-03-02", pattern: "000.5.9/{seq}/Diskominfo/{year}", opd: "diskominfo", request: all[0]!, pullRequest: 1, kind: "baru" });
    expect(first.entry.number).toBe("000.5.9/1/Diskominfo/2026");
    expect(reserve(first.agenda, { date: "2026-03-02", pattern: "000.5.9/{seq}/Diskominfo/{year}", opd: "diskominfo", request: all[1]!, pullRequest: 2, kind: "baru" }).entry.seq).toBe(2);
    // Registry dates and the zone serial see only the government's commits.
    const history = fileHistory(root, undefined, release);
    expect([...history.files.keys()].filter((f) => f.endsWith(".yaml") && f.startsWith("requests/")).sort()).toEqual(all);
    expect(history.commits).toHaveLength(3);
  });
});

describe("npm run adopt: questions and refusals", () => {
  it("asks in Indonesian when told to, and takes the answers", { timeout: 60_000 }, () => {
    const { root } = cloneRelease();
    const r = cli(root, "adopt", ["--interactive"], "Kota Contoh Baru\ncontohbarukota.go.id\nkaltara\ndiskominfo-contohbaru\nbudi-contohbaru\n");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Nama pemerintah daerah");
    expect(r.stdout).toContain("Zona DNS");
    const g = checkGovernance(readGovernance(root)).governance!;
    expect(g.government.name).toBe("Pemerintah Kota Contoh Baru");
    expect(g.zones[0]!.name).toBe("contohbarukota.go.id");
    expect(g.opds[0]!.liaisons).toEqual(["budi-contohbaru"]);
    expect(readFileSync(join(root, ".github/CODEOWNERS"), "utf8")).toContain("/requests/diskominfo/ @budi-contohbaru @diskominfo-contohbaru/admin-subdomain");
  });

  it("refuses to delete uncommitted requests, an unknown preset, a bad zone, and input that ends early", { timeout: 60_000 }, () => {
    const { root } = cloneRelease();
    const gov = readFileSync(join(root, "governance.yaml"), "utf8");
    writeFileSync(join(root, "requests/dinkes/baru.yaml"), "label: baru\n");
    const dirty = cli(root, "adopt", [...ADOPT, "--preset", "demak"]);
    expect(dirty.status).toBe(1);
    expect(dirty.stderr).toContain("belum di-commit");
    expect(existsSync(join(root, "requests/dinkes/baru.yaml"))).toBe(true);
    expect(readFileSync(join(root, "governance.yaml"), "utf8")).toBe(gov);

    const bad = cli(root, "adopt", [...ADOPT, "--preset", "jakarta", "--lang", "en"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown `jakarta`");
    const zone = cli(root, "adopt", ["--zone", "bukan zona", "--government", "X Y", "--preset", "demak", "--org", "o"]);
    expect(zone.status).toBe(2);
    expect(zone.stderr).toContain("--zone");
    const early = cli(root, "adopt", ["--interactive"], "Kabupaten Sukamaju\n");
    expect(early.status).toBe(2);
    expect(early.stderr).toContain("Masukan berakhir");
    for (const r of [dirty, bad, zone, early]) expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(join(root, "governance.yaml"), "utf8")).toBe(gov);

    // Twice by accident: the second run (another preset, even after a commit) changes nothing.
    rmSync(join(root, "requests/dinkes/baru.yaml"));
    expect(cli(root, "adopt", [...ADOPT, "--preset", "balangan"]).status).toBe(0);
    gitOk(root, "add", "-A");
    gitOk(root, "commit", "-q", "-m", "Adopsi");
    const adopted = readFileSync(join(root, "governance.yaml"), "utf8");
    const again = cli(root, "adopt", [...ADOPT, "--preset", "demak"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("sudah diadopsi");
    expect(readFileSync(join(root, "governance.yaml"), "utf8")).toBe(adopted);
    expect(gitOk(root, "status", "--porcelain")).toBe("");
  });
});
