// The base side of a plan takes the working tree's desired state instead of computing its own only
// when it was made of the very same inputs (src/plan/base.ts, sameInputs): the same request values
// (the objects the shared checks handed out), the same governance, the same retained tenants.
// A look-alike value, one more retained tenant or another governance must make it compute its own.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { baseState, type MadeState } from "../../src/plan/base.ts";
import { validateWorkingTree } from "../../src/plan/head.ts";
import { desiredState } from "../../src/state/desired-state.ts";
import type { DesiredState } from "../../src/state/types.ts";
import { commitAll, gitInit, GOVERNANCE, requestYaml, sampleRequests, tempRepo, writeFiles } from "./fixture.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const TODAY = "2026-06-01";

function repository(): string {
  const root = tempRepo(sampleRequests());
  dirs.push(root);
  gitInit(root);
  commitAll(root, "dasar");
  return root;
}

/** The base of `root` at HEAD, offered the working tree's checks and `made`. */
async function base(root: string, made: (head: Awaited<ReturnType<typeof validateWorkingTree>>) => MadeState) {
  const head = await validateWorkingTree(root, TODAY, undefined);
  const offered = made(head);
  const r = baseState(root, "HEAD", TODAY, undefined, { cache: head.cache, governance: head.governance!, governanceBlob: head.governanceBlob!, made: offered });
  // What the base computes with nothing offered: the answer every shared state must equal.
  const alone = baseState(root, "HEAD", TODAY);
  return { head, offered, state: r.state, alone: alone.state };
}

/** A state no computation makes: seeing it come back proves it was shared, not recomputed. */
const marker = (): DesiredState => ({ records: [], tenants: [] });

describe("base state shared with the working tree", () => {
  it("is shared when the base holds the working tree's files, and then equals the base's own state", async () => {
    const root = repository();
    const { head, offered, state, alone } = await base(root, (h) => ({ requests: h.requests, retained: h.retained ?? [], state: marker() }));
    expect(state).toBe(offered.state);
    expect(desiredState(head.requests, head.governance!, head.retained)).toEqual(alone);
  });

  it("is computed when one request value only looks the same (a clone, not the checked value)", async () => {
    const root = repository();
    const { state, alone } = await base(root, (h) => ({ requests: h.requests.map((r, i) => (i === 0 ? { ...r, request: structuredClone(r.request) } : r)), retained: h.retained ?? [], state: marker() }));
    expect(state).toEqual(alone);
    expect(state.records.length).toBeGreaterThan(0);
  });

  it("is computed when the working tree changed a file, added one, or dropped one", async () => {
    const root = repository();
    writeFiles(root, { "requests/dinkes/baru.yaml": requestYaml({ label: "baru", target: { server: { ipv4: ["103.10.20.90"] } } }) });
    const added = await base(root, (h) => ({ requests: h.requests, retained: h.retained ?? [], state: marker() }));
    expect(added.state).toEqual(added.alone);
    expect(added.state.records.some((r) => r.name === "baru")).toBe(false);
    const dropped = await base(root, (h) => ({ requests: h.requests.slice(1), retained: h.retained ?? [], state: marker() }));
    expect(dropped.state).toEqual(dropped.alone);
  });

  it("is computed when the retained tenants differ", async () => {
    const root = repository();
    const { head, state, alone } = await base(root, (h) => ({
      requests: h.requests,
      retained: [{ file: "requests/dinkes/hilang.yaml", request: { ...h.requests[0]!.request, label: "hilang" } }],
      state: marker(),
    }));
    expect(head.retained ?? []).toEqual([]);
    expect(state).toEqual(alone);
  });

  it("is computed under another governance (the base's own file differs)", async () => {
    const root = repository();
    const other = GOVERNANCE.replace("ttl: { min: 60, max: 86400 }", "ttl: { min: 60, max: 86401 }");
    expect(other).not.toBe(GOVERNANCE);
    writeFiles(root, { "governance.yaml": other });
    const { state, alone } = await base(root, (h) => ({ requests: h.requests, retained: h.retained ?? [], state: marker() }));
    expect(state).toEqual(alone);
  });
});
