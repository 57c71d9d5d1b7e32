import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountDetails } from "../../src/letter/account.ts";
import { renderLetter } from "../../src/letter/render.ts";
import { composeMail, mailMarker, PullRequestLedger, sendOnce } from "../../src/notify/index.ts";
import { world, type World } from "../github/setup.ts";
import { exampleRequest, loadExamples } from "./examples.ts";
import { startSmtp, type TestSmtp } from "./smtp.ts";

// The sent-ledger as it works in GitHub Actions: a bot comment on the pull request, here on the
// shared fake GitHub (responses checked against GitHub's OpenAPI description), with a real SMTP
// server on 127.0.0.1.
let w: World;
let smtp: TestSmtp;

beforeAll(async () => {
  w = await world();
  smtp = await startSmtp("mailer", "sandi-smtp-ledger");
});
afterAll(async () => {
  await smtp?.close();
  await w?.fake.stop();
});

describe("pull request comment as the sent-ledger", () => {
  it("sends once across runs, records one bot comment, and ignores markers planted by people", async () => {
    const pull = w.fake.openIssue("siti-dinkes", "Permohonan subdomain puskesmas", "", []);
    const ex = loadExamples();
    const rf = exampleRequest(ex, "requests/dinkes/puskesmas.yaml");
    const account = accountDetails(rf.file, rf.request, ex.governance, ex.state);
    const pdf = await renderLetter({ governance: ex.governance, account, number: "000.5.9/6/Diskominfo/2026", date: "2026-11-16" });
    const sha = "a".repeat(40);
    const mail = composeMail({ governance: ex.governance, account, sha, from: "noreply@contohkab.go.id", letter: { number: "000.5.9/6/Diskominfo/2026", date: "2026-11-16", pdf, filename: "surat.pdf" } });
    const settings = { host: "127.0.0.1", port: smtp.port, secure: false, user: "mailer", password: "sandi-smtp-ledger", from: "noreply@contohkab.go.id" };

    // Someone plants the marker by hand: it does not count, the e-mail still goes out.
    await w.as("siti-dinkes").rest.issues.createComment({ ...w.ref, issue_number: pull, body: mailMarker(mail.id) });
    const first = await sendOnce(mail, { file: rf.file, sha }, settings, new PullRequestLedger(w.bot, w.ref, pull));
    expect(first.status).toBe("sent");
    expect(smtp.received).toHaveLength(1);

    // A re-run of the workflow: a new process, a new ledger object, the same pull request.
    const again = await sendOnce(mail, { file: rf.file, sha }, settings, new PullRequestLedger(w.bot, w.ref, pull));
    expect(again.status).toBe("already-sent");
    expect(smtp.received).toHaveLength(1);

    const botComments = w.fake.commentsOn(pull).filter((c) => c.user.endsWith("[bot]"));
    expect(botComments).toHaveLength(1);
    expect(botComments[0]!.body).toContain(mailMarker(mail.id));
    expect(botComments[0]!.body).toContain("telah dikirim ke 2 kontak OPD");
    expect(botComments[0]!.body).not.toContain("@dinkes.contohkab.go.id");
    expect(w.fake.mismatches).toEqual([]);
  });
});
