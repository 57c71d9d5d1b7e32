// Shared setup of the flow tests: a fake GitHub seeded with the fixture government's governance, the
// chain's teams, the bot and an admin; an Octokit from the adapter's own factory aimed at it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { createGitHub, type GitHub, type RepoRef } from "../../src/github/octokit.ts";
import type { Governance } from "../../src/model/governance.ts";
import { FakeGitHub } from "./fake/server.ts";
import { CONTOH_GOVERNANCE_TEXT } from "../fixtures/contoh.ts";

export const BOT = "subdomain-bot[bot]";
export const TODAY = "2026-03-16";
export const root = join(import.meta.dirname, "../..");
export const governanceText = CONTOH_GOVERNANCE_TEXT;
export const governance = parse(governanceText) as Governance;

/** A valid request already on main, with hosting, for change and removal cases. */
export const HOSTED = `label: portal
opd: diskominfo
purpose: Portal resmi Dinas Komunikasi dan Informatika
letter:
  number: 000.1/77/DISKOMINFO/2026
  date: 2026-02-02
  scan: https://arsip.contohkab.go.id/surat/diskominfo-77.pdf
contacts:
  administrative:
    name: Rina Wulandari
    email: rina@diskominfo.contohkab.go.id
    phone: "+62 812-1111-2222"
    github: rina-diskominfo
  technical:
    name: Agus Pratama
    email: agus@diskominfo.contohkab.go.id
    phone: "+62 812-3333-4444"
    github: agus-diskominfo
target:
  hosting:
    storage: 10Gi
reviewBy: 2027-02-01
`;

export interface World {
  fake: FakeGitHub;
  ref: RepoRef;
  bot: GitHub;
  as(login: string): GitHub;
  log: string[];
}

export async function world(): Promise<World> {
  const fake = new FakeGitHub();
  await fake.start();
  fake.seed({ "governance.yaml": governanceText, "requests/diskominfo/portal.yaml": HOSTED });
  fake.setTeam("diskominfo-contohkab/admin-subdomain", ["admin1"]);
  fake.setTeam("diskominfo-contohkab/pelaksana-aplikasi", ["tek1", "tek2"]);
  fake.setTeam("diskominfo-contohkab/kepala-dinas", ["kadis"]);
  fake.setTeam("diskominfo-contohkab/kabid-egov", ["kabid"]);
  fake.setTeam("diskominfo-contohkab/kasi-aplikasi", ["kasi"]);
  const log: string[] = [];
  const as = (login: string) => createGitHub({ token: fake.token(login), baseUrl: fake.url, fast: true, log: (l) => log.push(l) });
  return { fake, ref: { owner: fake.owner, repo: fake.repo }, bot: as(BOT), as, log };
}
