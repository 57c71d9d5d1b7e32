// Acting officials (Permendagri 1/2023: Plt., Plh., a.n.), against the fake GitHub with the
// Purbalingga preset: governance names a Plt. for the Kepala Dinas step from 17 to 18 March 2026.
// Their approval counts only on those days in the government's time zone (WIB): the day before
// and the day after it is ignored and said so; inside, the comment shows "(Plt.)".
import { describe, expect, it } from "vitest";
import type { Governance } from "../../src/model/governance.ts";
import { Governance as GovernanceModel } from "../../src/model/governance.ts";
import { checkGovernance } from "../../src/validate/validate.ts";
import { LIMITS } from "../../src/load/limits.ts";
import { parseYaml } from "../../src/load/parse.ts";
import { stringify } from "yaml";
import { presetWorldForTests } from "./preset-world.ts";
import { BOT } from "./setup.ts";

const PLT = "plt-kadis";
const appoint = (g: Governance) => {
  const step = g.disposition.steps.find((s) => s.id === "kepala-dinas")!;
  step.acting = [{ user: PLT, title: "Plt.", name: "Dewi Lestari, S.Kom.", from: "2026-03-17", until: "2026-03-18" }];
  // An emblem that is not in the repository: no letter may be signed with a broken letterhead.
  g.letters = { numberPattern: g.letters?.numberPattern ?? "000.5.9/{seq}/Diskominfo/{year}", logo: "assets/lambang.png" };
};
const w = presetWorldForTests("purbalingga", appoint);

const kadis = w.steps.findIndex((s) => s.id === "kepala-dinas");
/** Moves the fake's clock to an instant (never back). */
const at = (iso: string) => w.fake.advance((Date.parse(iso) - w.fake.now.getTime()) / 60_000);
const comment = (pr: number) => w.fake.commentsOn(pr).find((c) => c.user === BOT && c.body.includes("Disposisi"))!.body;

async function openAndReachKadis(label: string): Promise<number> {
  const { pr } = await w.open(label);
  w.fake.advance(1);
  w.fake.review(pr, w.memberFor(w.steps[0]!), "APPROVED");
  return pr;
}

describe("acting officials (Plt./Plh./a.n.) with a date range", () => {
  it("the governance is valid, and an appointment that ends before it starts is refused", () => {
    expect(kadis).toBeGreaterThan(0);
    const g = GovernanceModel.parse(JSON.parse(JSON.stringify(w.g))) as Governance;
    g.disposition.steps[kadis]!.acting = [{ user: PLT, title: "Plt.", from: "2026-03-18", until: "2026-03-17" }];
    const text = stringify(g);
    const diagnostics = checkGovernance(parseYaml("governance.yaml", new TextEncoder().encode(text), LIMITS.governanceBytes)).diagnostics;
    expect(diagnostics.map((d) => d.rule)).toContain("governance.acting-dates");
  });

  it("before the range, the Plt.'s approval does not count, and the comment says why", async () => {
    at("2026-03-16T09:00:00Z"); // 16 March, 16:00 WIB: the day before
    const pr = await openAndReachKadis("plt-sebelum");
    w.fake.advance(5);
    w.fake.review(pr, PLT, "APPROVED");
    const r = await w.refresh(pr);
    expect(r.disposition!.steps[kadis]!.status).toBe("waiting");
    expect(r.disposition!.ignored).toContainEqual(expect.objectContaining({ user: PLT, reason: "acting-outside-dates" }));
    expect(comment(pr)).toContain("di luar masa penunjukan Plt./Plh./a.n.");
  });

  it("inside the range it counts, shown as (Plt.) in the comment", async () => {
    at("2026-03-17T02:00:00Z"); // 17 March, 09:00 WIB
    const pr = await openAndReachKadis("plt-dalam");
    w.fake.advance(5);
    w.fake.review(pr, PLT, "APPROVED");
    const r = await w.refresh(pr);
    expect(r.disposition!.steps[kadis]).toMatchObject({ status: "approved", approver: PLT, acting: "Plt." });
    expect(comment(pr)).toContain(`@${PLT} (Plt.)`);
  });

  it("a day after the range it does not count: 18 March 17:30 UTC is already 19 March in WIB", async () => {
    at("2026-03-18T16:00:00Z"); // 18 March, 23:00 WIB: still inside
    const pr = await openAndReachKadis("plt-sesudah");
    at("2026-03-18T17:30:00Z"); // 19 March, 00:30 WIB
    w.fake.review(pr, PLT, "APPROVED");
    const r = await w.refresh(pr);
    expect(r.disposition!.steps[kadis]!.status).toBe("waiting");
    expect(r.disposition!.ignored).toContainEqual(expect.objectContaining({ user: PLT, reason: "acting-outside-dates" }));
    // The real Kepala Dinas still can.
    w.fake.advance(5);
    w.fake.review(pr, w.memberFor(w.steps[kadis]!), "APPROVED");
    const again = await w.refresh(pr);
    expect(again.disposition!.steps[kadis]).toMatchObject({ status: "approved", approver: w.memberFor(w.steps[kadis]!) });
    expect(again.disposition!.steps[kadis]!.acting).toBeUndefined();
  });

  it("an acting official's approval counts for their own step only, never for another step of the chain", async () => {
    at("2026-03-18T03:00:00Z"); // inside the range
    const pr = await openAndReachKadis("plt-langkah-lain");
    w.fake.advance(5);
    w.fake.review(pr, w.memberFor(w.steps[kadis]!), "APPROVED");
    w.fake.advance(5);
    w.fake.review(pr, PLT, "APPROVED"); // the next step (Kabid) is not theirs
    const r = await w.refresh(pr);
    expect(r.disposition!.steps[kadis + 1]!.status).toBe("waiting");
    expect(r.disposition!.steps[kadis + 1]!.approver).toBeUndefined();
  });

  it("a letterhead emblem missing from the repository stops the signing, and says why", async () => {
    const decision = w.steps.findIndex((st) => st.id === "keputusan");
    const pr = await openAndReachKadis("lambang-hilang");
    for (const step of w.steps.slice(1, decision)) {
      w.fake.advance(2);
      w.fake.review(pr, w.memberFor(step), "APPROVED");
    }
    w.fake.advance(2);
    w.fake.review(pr, w.memberFor(w.steps[decision]!), "CHANGES_REQUESTED", "/tolak nama-sudah-ada");
    const r = await w.refresh(pr);
    // The rejection is recorded with its problem; nothing is signed, sent or closed.
    expect(r.skipped).toBeUndefined();
    const said = w.fake.commentsOn(pr).find((c) => c.body.includes("<!-- penolakan -->"))!.body;
    expect(said).toContain("letters.logo `assets/lambang.png`: berkas tidak ditemukan di repositori. Surat penolakan belum ditandatangani dan belum dikirim.");
    expect(w.delivered).toHaveLength(0);
    expect(w.fake.issue(pr)!.state).toBe("open");
  });
});
