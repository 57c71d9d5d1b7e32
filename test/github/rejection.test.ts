// Rejection with a coded reason (Purbalingga: the name exists), against the fake GitHub: only the
// decision step's official, at its turn, can reject; an unknown code is answered with the allowed
// codes; a valid rejection closes the pull request, labels it, and sends a signed, numbered
// rejection letter. "Returned for fixing" shows the reviewer's own words.
import { describe, expect, it } from "vitest";
import { AGENDA_BRANCH, AGENDA_FILE } from "../../src/github/agenda.ts";
import { parseAgenda } from "../../src/letter/agenda.ts";
import { sha256 } from "../../src/letter/sign.ts";
import { presetWorldForTests } from "./preset-world.ts";
import { BOT } from "./setup.ts";

const w = presetWorldForTests("purbalingga");

const decisionIndex = w.steps.findIndex((s) => s.id === "keputusan");
const approveUpTo = async (pr: number, n: number) => {
  for (const step of w.steps.slice(0, n)) {
    w.fake.advance(2);
    w.fake.review(pr, w.memberFor(step), "APPROVED");
  }
};

describe("rejection with a coded reason", () => {
  it("a /tolak before the decision step's turn, or from someone else, is only a return for fixing", async () => {
    const { pr } = await w.open("portal-awal");
    await approveUpTo(pr, 2);
    w.fake.advance(2);
    // The Kabid whose turn for the decision has not come yet.
    w.fake.review(pr, w.memberFor(w.steps[decisionIndex]!), "CHANGES_REQUESTED", "/tolak nama-sudah-ada\nNama sudah dipakai.");
    const r = await w.refresh(pr);
    expect(r.rejection).toBeUndefined();
    expect(w.fake.issue(pr)!.state).toBe("open");
    expect(w.delivered).toHaveLength(0);
    const status = w.fake.latestStatus(w.fake.issue(pr)!.pull!.headSha, "disposisi")!;
    expect(status.state).toBe("failure");
    expect(status.description).toContain("Dikembalikan untuk diperbaiki");
    // The comment shows the reviewer's own reason.
    expect(w.fake.commentsOn(pr).find((c) => c.user === BOT)!.body).toContain("> Nama sudah dipakai.");
  });

  it("an unknown code is answered with governance's codes and rejects nothing", async () => {
    const { pr } = await w.open("portal-kode");
    await approveUpTo(pr, decisionIndex);
    w.fake.advance(2);
    w.fake.review(pr, w.memberFor(w.steps[decisionIndex]!), "CHANGES_REQUESTED", "/tolak namanya-jelek");
    const r = await w.refresh(pr);
    expect(r.rejection).toBeUndefined();
    expect(w.fake.issue(pr)!.state).toBe("open");
    const answer = w.fake.commentsOn(pr).find((c) => c.body.includes("<!-- penolakan -->"))!.body;
    expect(answer).toContain("`nama-sudah-ada`");
    expect(answer).toContain("`bukan-kepentingan-pemerintah`");
  });

  it("the decision step's official at its turn rejects: closed, labelled, signed letter sent and counted in the agenda", async () => {
    const { pr, file, host } = await w.open("portal-ganda");
    await approveUpTo(pr, decisionIndex);
    w.fake.advance(2);
    w.fake.review(pr, w.memberFor(w.steps[decisionIndex]!), "CHANGES_REQUESTED", "/tolak nama-sudah-ada");
    const r = await w.refresh(pr);
    expect(r.skipped).toBe("rejected");
    expect(r.rejection).toMatchObject({ code: "nama-sudah-ada", reason: "nama subdomain sudah ada" });
    expect(w.fake.issue(pr)).toMatchObject({ state: "closed" });
    expect(w.fake.issue(pr)!.pull!.mergedAt).toBeNull();
    expect(w.fake.issue(pr)!.labels).toContain("ditolak");
    expect(w.delivered).toHaveLength(1);
    const letter = w.delivered[0]!;
    expect(letter).toMatchObject({ kind: "tolak", file });
    expect(letter.account.host.unicode).toBe(host);
    const agenda = parseAgenda(w.fake.fileAt(AGENDA_BRANCH, AGENDA_FILE), 2026);
    expect(agenda.letters).toEqual([expect.objectContaining({ kind: "tolak", pullRequest: pr, sha256: sha256(letter.pdf) })]);
    const status = w.fake.latestStatus(w.fake.issue(pr)!.pull!.headSha, "disposisi")!;
    expect(status).toMatchObject({ state: "failure", description: expect.stringContaining("Ditolak oleh @") });
    // Run again: nothing is sent twice.
    expect((await w.refresh(pr)).skipped).toBe("closed");
    expect(w.delivered).toHaveLength(1);
  });

  it("every response the fake sent matched GitHub's OpenAPI description", () => {
    expect(w.fake.mismatches).toEqual([]);
  });
});
