// Acting on the audit and the review lifecycle against the fake GitHub (issue 15): one issue per
// affected name, opened, updated and closed; one e-mail per issue (real SMTP on loopback); a
// suspension pull request for gambling and takeover findings through governance's emergency
// chain; reminder issues and a decommission pull request through the normal chain. Judged from
// the files: a pull request that does more than add the block gets neither privilege.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { AuditReport, Finding } from "../../src/audit/types.ts";
import { syncAuditIssues } from "../../src/github/audit-issues.ts";
import { createGitHub, type GitHub } from "../../src/github/octokit.ts";
import { refreshPullRequest } from "../../src/github/refresh.ts";
import { runReviewLifecycle } from "../../src/github/review-lifecycle.ts";
import { validate } from "../../src/validate/validate.ts";
import { parseYaml } from "../../src/load/parse.ts";
import type { Governance } from "../../src/model/governance.ts";
import { sendHygieneMails } from "../../src/notify/hygiene.ts";
import { startSmtp, type TestSmtp } from "../papers/smtp.ts";
import { GOVERNANCE_TEXT, repoFiles, type Spec } from "../audit/repo.ts";
import { FakeGitHub } from "./fake/server.ts";

const BOT = "subdomain-bot[bot]";
const TODAY = "2026-11-30";
const SPECS: Spec[] = [
  { label: "judi", target: { server: { ipv4: ["103.10.20.10"] } } },
  { label: "bersih", target: { server: { ipv4: ["103.10.20.11"] } } },
  { label: "lama", opd: "disdik", target: { server: { ipv4: ["103.10.20.12"] } }, reviewBy: "2026-10-01" },
  { label: "sebentar", opd: "disdik", target: { server: { ipv4: ["103.10.20.13"] } }, reviewBy: "2026-12-15" },
];
const FILES = repoFiles(SPECS);
const governance = parse(GOVERNANCE_TEXT) as Governance;

function requestsOf(files: Record<string, string>) {
  const enc = new TextEncoder();
  const loaded = Object.entries(files)
    .filter(([p]) => p.startsWith("requests/"))
    .map(([p, t]) => parseYaml(p, enc.encode(t)));
  return validate(parseYaml("governance.yaml", enc.encode(GOVERNANCE_TEXT)), loaded, [], TODAY).requests;
}

const finding = (label: string, kind: Finding["kind"], opd = "dinkes"): Finding => ({
  kind,
  name: `${label}.contohkab.go.id`,
  opd,
  file: `requests/${opd}/${label}.yaml`,
  evidence: { id: `Bukti ${kind} @everyone <script>`, en: `Evidence ${kind}` },
  fix: { id: "Perbaiki.", en: "Fix it." },
});
const report = (findings: Finding[], problems: AuditReport["problems"] = []): AuditReport => ({ at: `${TODAY}T01:00:00Z`, today: TODAY, namesChecked: 4, findings, problems });

let fake: FakeGitHub;
let bot: GitHub;
let smtp: TestSmtp;
const ref = () => ({ owner: fake.owner, repo: fake.repo });
const requests = requestsOf(FILES);
const refresh = (pr: number) => refreshPullRequest(bot, ref(), pr, { botLogin: BOT, today: TODAY });

beforeAll(async () => {
  fake = new FakeGitHub();
  await fake.start();
  fake.seed(FILES);
  fake.setTeam("diskominfo-contohkab/admin-subdomain", ["admin1"]);
  fake.setTeam("diskominfo-contohkab/pelaksana-aplikasi", ["tek1", "tek2"]);
  fake.setTeam("diskominfo-contohkab/kepala-dinas", ["kadis"]);
  fake.setTeam("diskominfo-contohkab/kabid-egov", ["kabid"]);
  fake.setTeam("diskominfo-contohkab/kasi-aplikasi", ["kasi"]);
  bot = createGitHub({ token: fake.token(BOT), baseUrl: fake.url, fast: true, log: () => {} });
  smtp = await startSmtp("bot", "rahasia-smtp");
});
afterAll(async () => {
  await fake?.stop();
  await smtp?.close();
});

describe("audit issues and the suspension pull request", () => {
  let suspensionPr = 0;
  let judiIssue = 0;

  it("opens one issue per affected name, mentions the liaisons, and proposes a suspension only for gambling/takeover", async () => {
    const r = await syncAuditIssues(bot, ref(), report([finding("judi", "gambling-content"), finding("judi", "tls-expiring"), finding("bersih", "tls-expiring")]), requests, governance, { baseBranch: "main", today: TODAY });
    expect(r.opened).toHaveLength(2);
    const judi = fake.issue(r.opened.find((n) => fake.issue(n)!.title.includes("judi"))!)!;
    judiIssue = judi.number;
    expect(judi.body).toContain("@siti-dinkes");
    expect(judi.body).not.toContain("@everyone"); // evidence is data: no mention, no HTML
    expect(judi.body).not.toContain("<script>");
    expect(judi.labels).toEqual(expect.arrayContaining(["audit", "opd:dinkes", "audit:gawat"]));
    expect(r.suspensions).toEqual([expect.objectContaining({ name: "judi.contohkab.go.id", action: "opened" })]);
    suspensionPr = r.suspensions[0]!.number!;
    const pr = fake.issue(suspensionPr)!;
    const text = fake.fileAt(pr.pull!.head, "requests/dinkes/judi.yaml")!;
    const doc = parse(text);
    expect(doc.suspension).toEqual({ reason: expect.stringContaining("Konten judi online"), since: TODAY, finding: "gambling-content" });
    expect(doc.target).toEqual({ server: { ipv4: ["103.10.20.10"] } }); // the request stays as it was
  });

  it("e-mails each issue's contacts once, however often it runs", async () => {
    const r = await syncAuditIssues(bot, ref(), report([finding("judi", "gambling-content"), finding("judi", "tls-expiring"), finding("bersih", "tls-expiring")]), requests, governance, { baseBranch: "main", today: TODAY });
    expect(r.opened).toEqual([]);
    expect(r.suspensions[0]!.action).toBe("exists");
    const settings = { host: "127.0.0.1", port: smtp.port, secure: false, user: "bot", password: "rahasia-smtp", from: "Diskominfo <noreply@contohkab.go.id>" };
    const first = await sendHygieneMails(bot, ref(), r.mails, settings);
    const again = await sendHygieneMails(bot, ref(), r.mails, settings);
    expect(first.map((s) => s.status)).toEqual(["sent", "sent"]);
    expect(again.map((s) => s.status)).toEqual(["already-sent", "already-sent"]);
    expect(smtp.received).toHaveLength(2);
    const judiMail = smtp.received.find((m) => m.mail.subject?.includes("judi"))!;
    expect(judiMail.mail.subject).toMatch(/^\[SEGERA\]/);
    expect(judiMail.envelope.to.sort()).toEqual(["budi@dinkes.contohkab.go.id", "dinkes@contohkab.go.id", "siti@dinkes.contohkab.go.id"]);
  });

  it("puts the suspension through the emergency chain: one approval by the Kepala Bidang", async () => {
    const before = await refresh(suspensionPr);
    expect(before.ownership!.ok).toBe(true);
    expect(before.disposition!.steps.map((s) => s.id)).toEqual(["kabid-darurat"]);
    expect(before.disposition!.state).toBe("pending");
    fake.review(suspensionPr, "kabid", "APPROVED");
    expect((await refresh(suspensionPr)).disposition!.state).toBe("success");
    const plan = before.analysis!.plan;
    expect(plan.records.map((c) => `${c.action} ${(c.before ?? c.after)!.name}`)).toEqual(["delete judi"]);
  });

  it("gives no emergency chain or bot ownership to a pull request that does more than suspend", async () => {
    fake.createBranch("liaison-change");
    const text = fake.fileAt("main", "requests/dinkes/judi.yaml")!.replace("103.10.20.10", "103.10.20.99") + "suspension:\n  reason: Konten judi online\n  since: 2026-11-30\n  finding: gambling-content\n";
    fake.push("liaison-change", BOT, { "requests/dinkes/judi.yaml": text });
    const { data } = await bot.rest.pulls.create({ ...ref(), head: "liaison-change", base: "main", title: "x", body: "" });
    const r = await refresh(data.number);
    expect(r.disposition!.steps.map((s) => s.id)).toEqual(governance.disposition.steps.map((s) => s.id));
    expect(r.ownership!.ok).toBe(false);
  });

  it("updates the issue while findings last, leaves it open when the name could not be checked, closes it when clean", async () => {
    const changed = await syncAuditIssues(bot, ref(), report([finding("judi", "gambling-content")]), requests, governance, { baseBranch: "main", today: TODAY });
    expect(changed.updated).toEqual([judiIssue]);
    expect(changed.closed).toHaveLength(1); // bersih is clean now
    const unchecked = await syncAuditIssues(bot, ref(), report([], [{ name: "judi.contohkab.go.id", message: { id: "x", en: "x" } }]), requests, governance, { baseBranch: "main", today: TODAY });
    expect(unchecked.closed).toEqual([]);
    const clean = await syncAuditIssues(bot, ref(), report([]), requests, governance, { baseBranch: "main", today: TODAY });
    expect(clean.closed).toEqual([judiIssue]);
    expect(fake.issue(judiIssue)!.state).toBe("closed");
  });

  it("ignores an issue someone else planted with the marker", async () => {
    const planted = fake.openIssue("mallory", "x", "<!-- audit-name: bersih.contohkab.go.id -->", ["audit"]);
    const r = await syncAuditIssues(bot, ref(), report([finding("bersih", "unreachable")]), requests, governance, { baseBranch: "main", today: TODAY });
    expect(r.opened).toHaveLength(1);
    expect(r.opened[0]).not.toBe(planted);
    expect(fake.issue(planted)!.body).toBe("<!-- audit-name: bersih.contohkab.go.id -->");
  });
});

describe("review lifecycle", () => {
  it("reminds before reviewBy, and after the grace period proposes a decommission that keeps data, through the normal chain", async () => {
    const r = await runReviewLifecycle(bot, ref(), requests, governance, { baseBranch: "main", today: TODAY });
    expect(r.reminded).toHaveLength(2); // lama (expired) and sebentar (due in 15 days)
    const titles = r.reminded.map((n) => fake.issue(n)!.title).sort();
    expect(titles).toEqual(["Tinjau ulang lama.contohkab.go.id sebelum 1 Oktober 2026", "Tinjau ulang sebentar.contohkab.go.id sebelum 15 Desember 2026"]);
    expect(fake.issue(r.reminded[0]!)!.body).toContain("@dewi-disdik");
    expect(r.mails).toHaveLength(2);
    expect(r.decommissions).toEqual([expect.objectContaining({ file: "requests/disdik/lama.yaml", action: "opened" })]);
    const pr = r.decommissions[0]!.number!;
    const doc = parse(fake.fileAt(fake.issue(pr)!.pull!.head, "requests/disdik/lama.yaml")!);
    expect(doc.decommission.deleteData).toBeUndefined();
    expect(doc.decommission.letter.date).toBe(TODAY);
    const refreshed = await refresh(pr);
    expect(refreshed.ownership!.ok).toBe(true);
    expect(refreshed.disposition!.steps.map((s) => s.id)).toEqual(governance.disposition.steps.map((s) => s.id));
    expect(refreshed.analysis!.destructive).toBe(false);
    // Running again opens nothing new.
    const again = await runReviewLifecycle(bot, ref(), requests, governance, { baseBranch: "main", today: TODAY });
    expect(again.reminded).toEqual([]);
    expect(again.decommissions[0]!.action).toBe("exists");
  });

  it("closes the reminder once the OPD moved reviewBy", async () => {
    const moved = { ...FILES, "requests/disdik/sebentar.yaml": FILES["requests/disdik/sebentar.yaml"]!.replace("2026-12-15", "2027-10-01") };
    const r = await runReviewLifecycle(bot, ref(), requestsOf(moved), governance, { baseBranch: "main", today: TODAY });
    expect(r.closed).toHaveLength(1);
    expect(fake.issue(r.closed[0]!)!.title).toContain("sebentar");
  });
});
