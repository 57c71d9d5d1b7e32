// The fixture government's governance.yaml, parsed for the papers tests. ROOT is the source tree
// (scripts, workflows), never a source of governance or requests.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { Governance } from "../../src/model/governance.ts";
import { CONTOH_GOVERNANCE } from "../fixtures/contoh.ts";

export const ROOT = new URL("../..", import.meta.url).pathname;

export function exampleGovernance(): Governance {
  return Governance.parse(parse(readFileSync(CONTOH_GOVERNANCE, "utf8")));
}
