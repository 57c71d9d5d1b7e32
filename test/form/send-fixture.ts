// The fixture government as the sending tests use it: its governance, its requests, the base
// branch the intake would read, and a day on which each request is timely.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BaseFiles } from "../../src/forms/build.ts";
import { discoverRequests } from "../../src/load/discover.ts";
import { readGovernance, readYamlFile } from "../../src/load/read.ts";
import type { Governance } from "../../src/model/governance.ts";
import { CONTOH } from "../fixtures/contoh.ts";

export const govLoaded = readGovernance(CONTOH);
export const governance = govLoaded.value as Governance;
export const requests = discoverRequests(CONTOH).files.map((f) => readYamlFile(CONTOH, f));
export const fileText = (path: string) => readFileSync(join(CONTOH, path), "utf8");

/** The base branch as the intake sees it: governance and every fixture request but `except`. */
export function baseFiles(except?: string): Map<string, Uint8Array> {
  const m = new Map<string, Uint8Array>([["governance.yaml", readFileSync(join(CONTOH, "governance.yaml"))]]);
  for (const r of requests) if (r.file !== except) m.set(r.file, readFileSync(join(CONTOH, r.file)));
  return m;
}
export const baseOf = (m: Map<string, Uint8Array>): BaseFiles => ({ read: (p) => (m.has(p) ? new TextDecoder().decode(m.get(p)) : undefined) });

/**
 * A day on which the request is timely: its letter already signed, its review date within the
 * rules' 12 months (the fixture's dates spread over a year; the intake judges them against today).
 */
export function dayOf(request: unknown, notBefore: string): string {
  const r = request as { letter: { date: string }; reviewBy: string };
  const [y, m, d] = r.reviewBy.split("-").map(Number) as [number, number, number];
  const reviewFloor = new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
  return [r.letter.date, reviewFloor, notBefore].sort().at(-1)!;
}

/** The intake's file without the comment naming its issue (its second line): the page's file. */
export const withoutIssueLine = (text: string): string => text.split("\n").filter((_, i) => i !== 1).join("\n");
