// Names brought in by `npm run import` keep [ISI] values (and, under a preset that requires a
// letter scan or an NIP, lack those fields) until their OPD completes them: on main that is a
// warning, so a government can import its running zone. A pull request must not use the same
// leniency: the required `validasi` check refuses any [ISI] value, and so any missing required
// field, in a request file the pull request adds or changes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refreshPullRequest, type RefreshResult } from "../../src/github/refresh.ts";
import { BOT, HOSTED, TODAY, governanceText, world, type World } from "./setup.ts";

/** What `npm run import` writes for a name of the running zone (src/import/to-requests.ts). */
const IMPORTED = `# yaml-language-server: $schema=../../schemas/request.schema.json
# Diimpor dari berkas zona.db pada 2026-03-01; lengkapi setiap nilai [ISI].
label: arsip
opd: diskominfo
purpose: "[ISI] kegunaan arsip.contohkab.go.id (diimpor dari berkas zona.db)"
letter:
  number: "[ISI] nomor surat permohonan"
  date: 2026-03-01
contacts:
  administrative:
    name: "[ISI] nama pengelola"
    email: "[ISI] e-mail dinas"
    phone: "[ISI] telepon"
    github: isi-akun-github
  technical:
    name: "[ISI] nama pengelola"
    email: "[ISI] e-mail dinas"
    phone: "[ISI] telepon"
    github: isi-akun-github
target:
  server:
    ipv4:
      - 103.147.26.40
reviewBy: 2027-03-01
`;

/** The imported file completed by its OPD, except what `keep` leaves as it was. */
function completed(keep: { letterNumber?: boolean; scan?: boolean } = {}): string {
  let t = IMPORTED.replace(/^# Diimpor.*\n/m, "")
    .replace(/purpose: .*/, "purpose: Arsip digital surat dinas")
    .replace(/name: "\[ISI\] nama pengelola"/g, "name: Rina Wulandari")
    .replace(/email: "\[ISI\] e-mail dinas"/g, "email: rina@diskominfo.contohkab.go.id")
    .replace(/phone: "\[ISI\] telepon"/g, 'phone: "+62 812-1111-2222"')
    .replace(/github: isi-akun-github/g, "github: rina-diskominfo");
  if (!keep.letterNumber) t = t.replace(/number: .*/, "number: 000.1/90/DISKOMINFO/2026");
  if (!keep.scan) t = t.replace(/  date: 2026-03-01\n/, "  date: 2026-03-01\n  scan: https://arsip.contohkab.go.id/surat/diskominfo-90.pdf\n");
  return t;
}

let w: World;
const baseFiles = () =>
  new Map<string, Uint8Array>(
    Object.entries({ "governance.yaml": governanceText, "requests/diskominfo/portal.yaml": HOSTED, "requests/diskominfo/arsip.yaml": IMPORTED }).map(([p, t]) => [p, new TextEncoder().encode(t)]),
  );
beforeEach(async () => {
  w = await world();
  w.fake.push("main", "admin1", { "requests/diskominfo/arsip.yaml": IMPORTED });
});
afterEach(async () => {
  expect(w.fake.mismatches).toEqual([]);
  await w.fake.stop();
});

async function validasi(login: string, branch: string, files: Record<string, string>) {
  w.fake.createBranch(branch, "main", login);
  w.fake.push(branch, login, files);
  const { data } = await w.as(login).rest.pulls.create({ ...w.ref, head: branch, base: "main", title: branch });
  const result = await refreshPullRequest(w.bot, w.ref, data.number, { botLogin: BOT, today: TODAY, baseFiles: baseFiles() });
  return { status: w.fake.latestStatus(w.fake.issue(data.number)!.pull!.headSha, "validasi")!, result };
}

const errorsOf = (r: RefreshResult) => r.analysis!.errors.map((d) => `${d.file}:${d.line}: ${d.message.en}`).join("\n");

describe("imported names on main, and pull requests", () => {
  it("an untouched imported file does not make other pull requests fail", async () => {
    const { status } = await validasi("rina-diskominfo", "lain", { "requests/diskominfo/lain.yaml": HOSTED.replace("label: portal", "label: lain") });
    expect(status.state).toBe("success");
  });

  it("a new request posing as an import ([ISI] letter number, no scan) is refused", async () => {
    const forged = HOSTED.replace("label: portal", "label: antrian").replace("opd: diskominfo", "opd: dinkes").replace("number: 000.1/77/DISKOMINFO/2026", 'number: "[ISI] nomor surat"').replace(/  scan: .*\n/, "");
    const { status, result } = await validasi("siti-dinkes", "palsu", { "requests/dinkes/antrian.yaml": forged });
    expect(status.state).toBe("failure");
    expect(status.description).toMatch(/^requests\/dinkes\/antrian\.yaml:\d+: /);
    const problems = errorsOf(result);
    expect(problems).toMatch(/letter\.number is not filled in yet/);
    expect(problems).toMatch(/letter\.scan/);
  });

  it("a change to an imported file that leaves an [ISI] value or a required field is refused, and passes once complete", async () => {
    const partly = await validasi("rina-diskominfo", "sebagian", { "requests/diskominfo/arsip.yaml": completed({ letterNumber: true, scan: true }) });
    expect(partly.status.state).toBe("failure");
    const problems = errorsOf(partly.result);
    expect(problems).toMatch(/letter\.number is not filled in yet/);
    expect(problems).toMatch(/letter\.scan/);
    expect(problems).toMatch(/may keep no \[ISI\] value/);

    const noScan = await validasi("rina-diskominfo", "tanpa-pindaian", { "requests/diskominfo/arsip.yaml": completed({ scan: true }) });
    expect(noScan.status.state).toBe("failure");
    expect(errorsOf(noScan.result)).toMatch(/letter\.scan/);

    const whole = await validasi("rina-diskominfo", "lengkap", { "requests/diskominfo/arsip.yaml": completed() });
    expect(whole.status.state).toBe("success");
  });
});
