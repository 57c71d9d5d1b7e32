// The example governance.yaml of the repository, parsed once for the papers tests.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { Governance } from "../../src/model/governance.ts";

export const ROOT = new URL("../../", import.meta.url).pathname;

export function exampleGovernance(): Governance {
  return Governance.parse(parse(readFileSync(`${ROOT}governance.yaml`, "utf8")));
}
