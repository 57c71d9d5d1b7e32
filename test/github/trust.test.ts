// Attacks on the guarantees the bot gives on a pull request (issue 9, items 1, 2 and 5), each
// played against the fake GitHub: a destructive change hidden in an invalid file, forged
// applicants and commits, a cut file list, paths outside requests/, and the disposition edge cases
// (a dismissed "request changes", one person on two steps, the pusher approving, a label added by
// someone who is not an admin).
import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkOwnership } from "../../src/github/ownership.ts";
import { refreshPullRequest } from "../../src/github/refresh.ts";
import { runIntake } from "../../src/github/intake.ts";
import { issueBody, newRequestValues } from "./issue-body.ts";
import { BOT, HOSTED, TODAY, governance, root, world, type World } from "./setup.ts";

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  expect(w.fake.mismatches).toEqual([]);
  await w.fake.stop();
});

async function pullRequest(login: string, branch: string, files: Record<string, string | null>): Promise<number> {
  w.fake.createBranch(branch, "main", login);
  w.fake.push(branch, login, files);
  const { data } = await w.as(login).rest.pulls.create({ ...w.ref, head: branch, base: "main", title: branch, body: "" });
  return data.number;
}
const refresh = (pr: number) => refreshPullRequest(w.bot, w.ref, pr, { botLogin: BOT, today: TODAY });
const headOf = (pr: number) => w.fake.issue(pr)!.pull!.headSha;
const status = (pr: number, context: string) => w.fake.latestStatus(headOf(pr), context);
const PORTAL = "requests/diskominfo/portal.yaml";
const deleting = (extra = "") => `${HOSTED}decommission:\n  reason: Layanan dipindah ke portal provinsi\n  letter:\n    number: 000.1/88/DISKOMINFO/2026\n    date: ${extra || "2026-03-02"}\n  deleteData: true\n`;
/** The whole chain of the fixture governance, each step by its own member, a few minutes apart. */
async function approveChain(pr: number, people = ["tek1", "kadis", "kabid", "kasi", "tek2"]) {
  for (const who of people) {
    w.fake.advance(5);
    w.fake.review(pr, who, "APPROVED");
  }
}

describe("1. the destructive step cannot be skipped", () => {
  it("a data-deleting file that is invalid (letter dated tomorrow) still adds the extra step, and disposisi fails closed", async () => {
    // Dated the day after TODAY: the file fails validation, so the plan's head state drops it,
    // and the tenant would look merely "released" (forgotten, data kept), not deleted.
    const pr = await pullRequest("rina-diskominfo", "hapus-besok", { [PORTAL]: deleting("2026-03-17") });
    const r = await refresh(pr);
    expect(r.analysis!.invalidFiles).toEqual([PORTAL]);
    expect(r.analysis!.destructive).toBe(true);
    expect(r.disposition!.steps.at(-1)!.id).toBe("kepala-dinas-penghapusan");
    await approveChain(pr);
    const again = await refresh(pr);
    expect(again.disposition!.state).toBe("failure");
    expect(status(pr, "disposisi")!.state).toBe("failure");
    expect(status(pr, "disposisi")!.description).toContain(`Berkas permohonan tidak sah, disposisi belum dapat dinilai: ${PORTAL}`);
    expect(status(pr, "validasi")!.state).toBe("failure");
    // The next day the same file is valid: judged again, it still needs the deletion decision.
    const nextDay = await refreshPullRequest(w.bot, w.ref, pr, { botLogin: BOT, today: "2026-03-17" });
    expect(nextDay.analysis!.invalidFiles).toEqual([]);
    expect(nextDay.disposition!.state).toBe("pending");
    expect(nextDay.disposition!.description.id).toBe("Menunggu: Kepala Dinas - keputusan persetujuan atau penolakan (6/6)");
  });

  it("deleteData written in any truthy form counts; the raw file decides", async () => {
    const pr = await pullRequest("rina-diskominfo", "hapus-ya", { [PORTAL]: deleting().replace("deleteData: true", 'deleteData: "ya"') });
    const r = await refresh(pr);
    expect(r.analysis!.destructive).toBe(true);
    expect(r.disposition!.state).not.toBe("success");
  });
});

describe("2. ownership comes from facts GitHub vouches for", () => {
  it("someone pushing to permohonan/* as the bot's commit author is refused (the pusher is what counts)", async () => {
    const issue = w.fake.openIssue("siti-dinkes", "[Permohonan baru] antrian", issueBody("baru", newRequestValues()), ["permohonan-baru"]);
    const out = (await runIntake(w.bot, w.ref, { issue, baseBranch: "main", today: TODAY })) as { number: number };
    expect((await refresh(out.number)).ownership!.ok).toBe(true);
    // siti herself (the applicant, a liaison of dinkes) pushes, forging the bot as the commit author.
    const branch = `permohonan/isu-${issue}`;
    w.fake.push(branch, BOT, { "requests/dinkes/antrian.yaml": w.fake.fileAt(branch, "requests/dinkes/antrian.yaml")!.replace("103.147.8.21", "103.147.8.99") }, "Perubahan", "siti-dinkes");
    const r = await refresh(out.number);
    expect(r.ownership!.ok).toBe(false);
    expect(r.ownership!.problems[0]!.en).toContain(`@siti-dinkes pushed or authored a commit on ${branch}; permohonan/* and surat/* branches may be changed by the bot only`);
    expect(status(out.number, "kepemilikan")!.state).toBe("failure");
  });

  it("a pull request whose changed-file count exceeds GitHub's listed files fails ownership", async () => {
    // The liaison's own file listed first; an admin-only file beyond the list's end.
    const pr = await pullRequest("rina-diskominfo", "banyak", { "requests/diskominfo/a.yaml": HOSTED.replace("label: portal", "label: a"), "src/zz-hidden.ts": "export {};\n" });
    w.fake.fileListCap = 1;
    const r = await refresh(pr);
    expect(r.analysis!.paths).toEqual(["requests/diskominfo/a.yaml"]);
    expect(r.ownership!.ok).toBe(false);
    expect(r.ownership!.problems[0]!.en).toMatch(/changes 2 files but GitHub lists only 1/);
  });

  it("a commit that GitHub links to no account fails ownership (its author cannot be judged)", async () => {
    w.fake.unlinkedAuthors.add("ghost-laptop");
    w.fake.createBranch("anon", "main", "rina-diskominfo");
    w.fake.push("anon", "ghost-laptop", { "requests/diskominfo/b.yaml": HOSTED.replace("label: portal", "label: b") }, "x", "rina-diskominfo");
    const { data } = await w.as("rina-diskominfo").rest.pulls.create({ ...w.ref, head: "anon", base: "main", title: "x" });
    const r = await refresh(data.number);
    expect(r.ownership!.ok).toBe(false);
    expect(r.ownership!.problems[0]!.en).toMatch(/is linked to no GitHub account/);
  });

  it("every top-level entry of the repository except request files needs an admin", () => {
    // `requests` is checked even when a government's repository has no request yet (git keeps no empty folder).
    const entries = [...new Set([...execFileSync("git", ["ls-tree", "--name-only", "HEAD"], { cwd: root, encoding: "utf8" }).trim().split("\n"), "requests"])];
    for (const must of [".github", "governance.yaml", "package.json", "package-lock.json", "src", "stacks", "schemas"]) expect(entries).toContain(must);
    for (const entry of entries) {
      // The entry itself and a file inside it, as a liaison of diskominfo would send them.
      const paths = entry === "requests" ? ["requests/README.md", "requests/diskominfo/x.yml", "requests/diskominfo/sub/x.yaml", "requests/diskominfo.yaml"] : [entry, `${entry}/x.ts`];
      for (const path of paths) {
        const v = checkOwnership([path], "rina-diskominfo", false, governance);
        expect(v.ok, path).toBe(false);
        expect(v.problems[0]!.en, path).toMatch(/is not an admin/);
        expect(checkOwnership([path], "admin1", true, governance).ok, path).toBe(true);
      }
    }
    expect(checkOwnership(["requests/diskominfo/x.yaml"], "rina-diskominfo", false, governance).ok).toBe(true);
  });
});

describe("5. disposition edge cases", () => {
  it("a dismissed 'request changes' does not bring back the approval it withdrew", async () => {
    const pr = await pullRequest("rina-diskominfo", "ubah", { [PORTAL]: HOSTED.replace("storage: 10Gi", "storage: 20Gi") });
    await approveChain(pr, ["tek1", "kadis"]);
    w.fake.advance(5);
    const cr = w.fake.review(pr, "kadis", "CHANGES_REQUESTED", "Nomor surat salah");
    expect((await refresh(pr)).disposition!.state).toBe("failure");
    w.fake.dismissReview(cr);
    const r = await refresh(pr);
    expect(r.disposition!.returned).toBeUndefined();
    expect(r.disposition!.description.id).toBe("Menunggu: Kepala Dinas - disposisi (2/5)");
  });

  it("one person cannot complete two steps of the chain, even with two approvals", async () => {
    const pr = await pullRequest("rina-diskominfo", "ubah", { [PORTAL]: HOSTED.replace("storage: 10Gi", "storage: 20Gi") });
    await approveChain(pr, ["tek1", "kadis", "kabid", "kasi", "tek1"]);
    const r = await refresh(pr);
    expect(r.disposition!.state).toBe("pending");
    expect(r.disposition!.description.id).toBe("Menunggu: Pelaksana Pengembangan Aplikasi - pembuatan subdomain/hosting (5/5)");
    w.fake.advance(5);
    w.fake.review(pr, "tek2", "APPROVED");
    expect((await refresh(pr)).disposition!.state).toBe("success");
  });

  it("whoever pushed a commit cannot approve it, whatever author the commit names", async () => {
    const pr = await pullRequest("rina-diskominfo", "ubah", { [PORTAL]: HOSTED.replace("storage: 10Gi", "storage: 20Gi") });
    // The Kasi pushes a change onto the liaison's branch, naming the liaison as its git author.
    w.fake.push("ubah", "rina-diskominfo", { [PORTAL]: HOSTED.replace("storage: 10Gi", "storage: 50Gi") }, "Perubahan", "kasi");
    await approveChain(pr);
    const r = await refresh(pr);
    expect(r.disposition!.state).toBe("pending");
    expect(r.disposition!.description.id).toBe("Menunggu: Kepala Seksi Pengembangan Aplikasi - disposisi (4/5)");
    expect(r.disposition!.ignored).toContainEqual(expect.objectContaining({ user: "kasi", reason: "applicant" }));
  });

  /** Eleven records on main; the liaison's pull request moves `moved` of ten servers to the network `net`. */
  const servers = (moved: number, net: number): Record<string, string> => {
    const server = (i: number, ip: string) => HOSTED.replace("label: portal", `label: s${i}`).replace("target:\n  hosting:\n    storage: 10Gi", `target:\n  server:\n    ipv4: [${ip}]`);
    const files: Record<string, string> = {};
    for (let i = 1; i <= moved; i++) files[`requests/diskominfo/s${i}.yaml`] = server(i, `103.147.${net}.${i}`);
    return files;
  };
  async function largeChange(branch: string): Promise<number> {
    w.fake.push("main", "admin1", servers(10, 8));
    return pullRequest("rina-diskominfo", branch, servers(4, 9));
  }

  it("the large-change label counts only when an admin added it (read from the timeline)", async () => {
    // Four of eleven records change (over 30%).
    const pr = await largeChange("pindah-server");
    const r = await refresh(pr);
    expect(r.analysis!.plan.safety.largeChange).toBe(true);
    expect(status(pr, "validasi")!.state).toBe("failure");
    expect(status(pr, "validasi")!.description).toMatch(/^Perubahan terlalu besar/);
    // The liaison (who may label with triage access) approves their own large change: no effect.
    w.fake.setLabel(pr, "rina-diskominfo", "perubahan-besar-disetujui");
    await refresh(pr);
    expect(status(pr, "validasi")!.state).toBe("failure");
    // An admin adds it (after looking at the plan): it counts; removed again: it no longer does.
    w.fake.setLabel(pr, "rina-diskominfo", "perubahan-besar-disetujui", false);
    w.fake.advance(5);
    w.fake.setLabel(pr, "admin1", "perubahan-besar-disetujui");
    await refresh(pr);
    expect(status(pr, "validasi")!.state).toBe("success");
    w.fake.setLabel(pr, "kasi", "perubahan-besar-disetujui", false);
    await refresh(pr);
    expect(status(pr, "validasi")!.state).toBe("failure");
  });

  it("the large-change label approves the head it was added to: a later push needs it again", async () => {
    const pr = await largeChange("pindah-server-lagi");
    w.fake.advance(10);
    w.fake.setLabel(pr, "admin1", "perubahan-besar-disetujui");
    await refresh(pr);
    expect(status(pr, "validasi")!.state).toBe("success");
    // The liaison then pushes a bigger change (all ten records) under the same label.
    w.fake.advance(10);
    w.fake.push("pindah-server-lagi", "rina-diskominfo", servers(10, 10), "Semua sekaligus");
    await refresh(pr);
    expect(status(pr, "validasi")!.state).toBe("failure");
    expect(status(pr, "validasi")!.description).toMatch(/^Perubahan terlalu besar/);
    // The admin looks again and labels again: now it counts.
    w.fake.setLabel(pr, "admin1", "perubahan-besar-disetujui", false);
    w.fake.advance(10);
    w.fake.setLabel(pr, "admin1", "perubahan-besar-disetujui");
    await refresh(pr);
    expect(status(pr, "validasi")!.state).toBe("success");
  });
});
