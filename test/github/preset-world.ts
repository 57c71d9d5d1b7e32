// A fake GitHub seeded with one preset's governance: every team of the chain with four people
// (each person completes one step of a chain), an admin, a liaison's request, the signing key of
// a test CA, and a refresh that collects the letters it would send.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { phaseOf } from "../../src/disposition/phases.ts";
import type { SignedLetter } from "../../src/github/letter-flow.ts";
import { createGitHub } from "../../src/github/octokit.ts";
import { refreshPullRequest } from "../../src/github/refresh.ts";
import { Governance, type Step } from "../../src/model/governance.ts";
import { presetFile, type PresetName } from "../../src/model/presets/index.ts";
import { makeTestCa, type TestCa } from "../letters/test-ca.ts";
import { afterAll, beforeAll } from "vitest";
import { FakeGitHub } from "./fake/server.ts";
import { BOT, root, TODAY } from "./setup.ts";

export function requestYaml(g: Governance, opd: string, label: string): string {
  const zone = g.zones[0]!.name;
  return `label: ${label}
opd: ${opd}
purpose: Layanan informasi publik ${opd}
letter:
  number: 000.1/12/${opd.toUpperCase()}/2026
  date: 2026-03-02
  scan: https://arsip.${zone}/surat/${label}.pdf
recommendation:
  number: REK/5/2026
  date: 2026-02-20
  issuer: Bidang Aplikasi Informatika
contacts:
  administrative:
    name: Rina Wulandari
    email: rina@${opd}.${zone}
    phone: "+62 812-1111-2222"
    github: rina-${opd}
    nip: "198905122014032001"
  technical:
    name: Agus Pratama
    email: agus@${opd}.${zone}
    phone: "+62 812-3333-4444"
    github: agus-${opd}
    nip: "198608242011011003"
target:
  server:
    ipv4: [103.147.8.10]
reviewBy: 2027-02-01
`;
}

/** `edit` changes the preset's governance before it is seeded (e.g. an acting official). */
export function presetWorld(name: PresetName, ca: () => TestCa, edit?: (g: Governance) => void) {
  const original = readFileSync(join(root, presetFile(name)), "utf8");
  const text = edit ? (() => { const g = parse(original) as Governance; edit(g); return stringify(g); })() : original;
  const g = Governance.parse(parse(text));
  const steps = g.disposition.steps;
  const fake = new FakeGitHub();
  const ref = { owner: fake.owner, repo: fake.repo };
  const as = (login: string) => createGitHub({ token: fake.token(login), baseUrl: fake.url, fast: true });
  const member = (team: string, k = 0) => `${team.split("/")[1]}-${"abcdefgh"[k]}`;
  /** The k-th step of a team within one phase is approved by the team's k-th member. */
  const memberFor = (step: Step) => member(step.team!, steps.filter((s) => s.team === step.team && phaseOf(s) === phaseOf(step)).indexOf(step));
  const delivered: SignedLetter[] = [];
  const refresh = (n: number) =>
    refreshPullRequest(as(BOT), ref, n, { botLogin: BOT, today: TODAY, letters: { signingKey: { p12: ca().p12, passphrase: ca().passphrase }, deliver: async (l) => void delivered.push(l), now: () => fake.now } });
  const start = async () => {
    await fake.start();
    fake.seed({ "governance.yaml": text, "requests/.gitkeep": "" });
    for (const team of new Set(steps.flatMap((s) => (s.team ? [s.team] : [])))) fake.setTeam(team, [0, 1, 2, 3].map((k) => member(team, k)));
    if (g.admins.team) fake.setTeam(g.admins.team, ["admin-a"]);
  };
  /** The liaison of the government's second OPD opens a request pull request. */
  const open = async (label: string) => {
    const opd = g.opds[1]!;
    const liaison = opd.liaisons[0]!;
    const file = `requests/${opd.code}/${label}.yaml`;
    fake.createBranch(`opd/${label}`);
    fake.push(`opd/${label}`, liaison, { [file]: requestYaml(g, opd.code, label) }, `Permohonan ${label}`);
    const { data } = await as(liaison).rest.pulls.create({ ...ref, title: `Permohonan ${label}`, head: `opd/${label}`, base: "main" });
    return { pr: data.number, file, opd, liaison, host: `${label}.${g.zones[0]!.name}` };
  };
  return { text, g, steps, fake, ref, as, member, memberFor, delivered, refresh, start, open };
}

/**
 * A preset world for one test file or describe block: a test CA made and the fake started before
 * its tests, the fake stopped after them.
 */
export function presetWorldForTests(name: PresetName, edit?: (g: Governance) => void) {
  let ca: TestCa | undefined;
  const w = presetWorld(name, () => ca!, edit);
  beforeAll(async () => {
    ca = makeTestCa();
    await w.start();
  }, 60_000);
  afterAll(async () => {
    await w.fake.stop();
  });
  return w;
}
