// The registry shows names awaiting the OPD's confirmation (review date near or past) and
// suspended names, as of the day it is built.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { registryRows } from "../../src/targets/registry/rows.ts";
import { registryMarkdown } from "../../src/targets/registry/render.ts";
import type { Governance } from "../../src/model/governance.ts";
import type { RequestFile } from "../../src/validate/rule.ts";
import { GOVERNANCE_TEXT, requestDoc, requestPathOf, type Spec } from "./repo.ts";

const governance = parse(GOVERNANCE_TEXT) as Governance;
const specs: Spec[] = [
  { label: "jauh", target: { server: { ipv4: ["103.10.20.1"] } }, reviewBy: "2027-06-01" },
  { label: "dekat", target: { server: { ipv4: ["103.10.20.2"] } }, reviewBy: "2026-12-20" },
  { label: "lewat", target: { server: { ipv4: ["103.10.20.3"] } }, reviewBy: "2026-11-01" },
  { label: "tangguh", target: { server: { ipv4: ["103.10.20.4"] } }, suspension: { reason: "Konten judi online", since: "2026-11-20", finding: "gambling-content" } },
];
const requests = specs.map((s) => ({ file: requestPathOf(s), request: requestDoc(s), positions: {} }) as unknown as RequestFile);

describe("registry statuses of the review lifecycle", () => {
  it("marks names within remindDays of reviewBy, or past it, as awaiting confirmation", () => {
    const rows = registryRows(requests, governance, new Map(), "2026-11-30");
    expect(Object.fromEntries(rows.map((r) => [r.name.split(".")[0], r.status]))).toEqual({ jauh: "active", dekat: "awaiting", lewat: "awaiting", tangguh: "suspended" });
    expect(registryMarkdown(rows, "id")).toContain("aktif, menunggu penegasan OPD");
  });

  it("without a date shows no name as awaiting", () => {
    expect(registryRows(requests, governance, new Map()).filter((r) => r.status === "awaiting")).toEqual([]);
  });
});
