// Each preset's whole SOP, walked row by row against the fake GitHub: the liaison's pull request,
// every approval of the chain's first phase in order, the merge and deployment, the reply-letter
// pull request the bot opens, every approval of the second phase, and only then the signed letter
// sent and recorded. Every row of the SOP's table (sop-rows.ts) is a test named by the row.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phaseOf } from "../../src/disposition/phases.ts";
import { AGENDA_BRANCH, AGENDA_FILE } from "../../src/github/agenda.ts";
import { letterPath, openLetterPullRequests } from "../../src/github/letter-flow.ts";
import { notifyDeployment } from "../../src/github/notify.ts";
import { sha256 } from "../../src/letter/sign.ts";
import { parseAgenda } from "../../src/letter/agenda.ts";
import { PRESET_NAMES } from "../../src/model/presets/index.ts";
import { makeTestCa, type TestCa } from "../letters/test-ca.ts";
import { presetWorld } from "./preset-world.ts";
import { BOT, TODAY } from "./setup.ts";
import { SOP_ROWS } from "./sop-rows.ts";

let ca: TestCa;
beforeAll(() => {
  ca = makeTestCa();
}, 60_000);

for (const name of PRESET_NAMES) {
  describe(`SOP ${name}, row by row`, () => {
    const { g, steps, fake, ref, as, memberFor, delivered, refresh, start, open } = presetWorld(name, () => ca);
    const opd = g.opds[1]!;
    const label = `layanan-${name}`;
    const file = `requests/${opd.code}/${label}.yaml`;
    const host = `${label}.${g.zones[0]!.name}`;
    let pr = 0;
    let letterPr = 0;
    let mergeSha = "";
    beforeAll(start);
    afterAll(async () => {
      await fake.stop();
    });

    it("maps every step of the preset's chain to exactly one row of the SOP", () => {
      const mapped = SOP_ROWS[name].flatMap(([, a]) => ("step" in a ? [a.step] : []));
      expect(mapped).toEqual(steps.map((s) => s.id));
      for (const p of ["intake", "deploy", "send", "archive"]) expect(SOP_ROWS[name].some(([, a]) => "product" in a && a.product === p), p).toBe(true);
    });

    for (const [row, action] of SOP_ROWS[name]) {
      it(`${row}`, async () => {
        fake.advance(3);
        if ("product" in action && action.product === "intake") {
          if (pr) {
            // A second intake row (the signed form, the letter): recorded in the request file itself.
            expect(fake.fileAt(`opd/${label}`, file)).toContain("letter:");
            return;
          }
          pr = (await open(label)).pr;
          const r = await refresh(pr);
          expect(r.ownership?.problems).toEqual([]);
          const comment = fake.commentsOn(pr).find((c) => c.user === BOT)!.body;
          // The request on the page, in words; the contacts by name only.
          expect(comment).toContain(`**${opd.name} memohon subdomain baru \`${host}\`** untuk`);
          expect(comment).toContain("Surat OPD: Nomor");
          expect(comment).toContain("Rina Wulandari");
          expect(comment).not.toContain("812");
          expect(comment).not.toContain("198905122014032001");
          expect(comment).not.toContain("rina@");
          return;
        }
        if ("step" in action) {
          const step = steps.find((s) => s.id === action.step)!;
          const target = phaseOf(step) === "before-merge" ? pr : letterPr;
          expect(target, "the pull request of the step's phase exists").toBeGreaterThan(0);
          const sentBefore = delivered.length;
          fake.review(target, memberFor(step), "APPROVED");
          const r = await refresh(target);
          const outcome = r.disposition!.steps.find((s) => s.id === step.id)!;
          expect(outcome).toMatchObject({ status: "approved", approver: memberFor(step), task: step.task });
          const phaseSteps = steps.filter((s) => phaseOf(s) === phaseOf(step));
          const next = phaseSteps[phaseSteps.indexOf(step) + 1];
          const status = fake.latestStatus(fake.issue(target)!.pull!.headSha, "disposisi")!;
          if (next) {
            expect(status.description).toContain(`Menunggu: ${next.role} - ${next.task}`);
            // Nothing goes out before the signing step.
            expect(delivered.length).toBe(sentBefore);
          } else expect(status.state).toBe("success");
          return;
        }
        if ("product" in action && action.product === "deploy") {
          const { data } = await as("admin-a").rest.pulls.merge({ ...ref, pull_number: pr });
          mergeSha = data.sha;
          await notifyDeployment(as(BOT), ref, { sha: mergeSha, result: "success", botLogin: BOT, today: TODAY });
          expect(fake.commentsOn(pr).some((c) => c.body.includes("Penyediaan selesai"))).toBe(true);
          const opened = await openLetterPullRequests(as(BOT), ref, { sha: mergeSha, botLogin: BOT, today: TODAY, baseBranch: "main" });
          expect(opened).toHaveLength(1);
          letterPr = opened[0]!;
          // Run twice: still one reply-letter pull request.
          expect(await openLetterPullRequests(as(BOT), ref, { sha: mergeSha, botLogin: BOT, today: TODAY, baseBranch: "main" })).toEqual([letterPr]);
          expect(fake.fileAt(`surat/pr-${pr}`, letterPath(pr))).toContain(host);
          const r = await refresh(letterPr);
          expect(r.letter?.source).toBe(pr);
          const first = steps.find((s) => phaseOf(s) === "after-deployment")!;
          expect(fake.latestStatus(fake.issue(letterPr)!.pull!.headSha, "disposisi")!.description).toContain(`Menunggu: ${first.role} - ${first.task}`);
          expect(delivered).toHaveLength(0);
          return;
        }
        if ("product" in action && action.product === "send") {
          expect(delivered).toHaveLength(1);
          const l = delivered[0]!;
          expect(l.account.host.unicode).toBe(host);
          expect(l.kind).toBe("baru");
          const dir = mkdtempSync(join(tmpdir(), "sop-"));
          writeFileSync(join(dir, "surat.pdf"), l.pdf);
          const v = spawnSync("pdfsig", ["-nssdir", `sql:${ca.nssDir}`, join(dir, "surat.pdf")], { encoding: "utf8" });
          expect(v.stdout).toContain("Signature is Valid.");
          return;
        }
        if ("product" in action && action.product === "archive") {
          const l = delivered[0]!;
          const agenda = parseAgenda(fake.fileAt(AGENDA_BRANCH, AGENDA_FILE), 2026);
          expect(agenda.letters).toEqual([expect.objectContaining({ seq: 1, number: l.entry.number, request: file, pullRequest: pr, kind: "baru", sha256: sha256(l.pdf) })]);
          expect(agenda.next).toBe(2);
          expect(fake.issue(letterPr)!.state).toBe("closed");
          expect(fake.issue(letterPr)!.pull!.mergedAt).not.toBeNull();
          expect(fake.commentsOn(pr).some((c) => c.body.includes(`Surat balasan Nomor ${l.entry.number}`) && c.body.includes(sha256(l.pdf)))).toBe(true);
          // A re-run after the end signs nothing again and opens no second letter.
          expect((await refresh(letterPr)).skipped).toBe("merged");
          expect(delivered).toHaveLength(1);
          return;
        }
        throw new Error(`unhandled row ${row}`);
      });
    }

    it("every response the fake sent matched GitHub's OpenAPI description", () => {
      expect(fake.mismatches).toEqual([]);
    });
  });
}
