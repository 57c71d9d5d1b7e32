import { describe, expect, it } from "vitest";
import { diffStates, unsafeReasons } from "../../src/plan/diff.ts";
import type { DesiredState, RecordSet, Tenant } from "../../src/state/types.ts";

const rec = (name: string, values: string[], ttl = 3600): RecordSet => ({
  zone: "contohkab.go.id",
  name,
  type: "A",
  values,
  ttl,
  proxied: false,
  source: { file: `requests/dinkes/${name}.yaml`, opd: "dinkes", label: name },
});
const tenant = (label: string, releaseData = false, storage = "5Gi"): Tenant => ({
  namespace: `tenant-${label}`,
  zone: "contohkab.go.id",
  host: `${label}.contohkab.go.id`,
  quota: { cpu: "500m", memory: "512Mi", storage, volumes: 2 },
  accessRole: "admin",
  status: "active",
  deletedFile: false,
  backup: { daily: true, time: "01:00", timeZone: "Asia/Jakarta", retentionDays: 30, finalRetentionDays: 365 },
  technicalContact: { name: "Budi", email: "budi@x.go.id", github: "budi" },
  source: { file: `requests/setda/${label}.yaml`, opd: "setda", label },
  releaseData,
});
const state = (records: RecordSet[], tenants: Tenant[] = []): DesiredState => ({ records, tenants });

describe("diffStates", () => {
  it("reports creations, deletions and updates with the changed fields only", () => {
    const base = state([rec("a", ["103.1.1.1"]), rec("b", ["103.1.1.2"]), rec("c", ["103.1.1.3"])]);
    const head = state([rec("a", ["103.1.1.1"]), rec("b", ["103.1.1.9"], 300), rec("d", ["103.1.1.4"])]);
    const p = diffStates(base, head, { base: "main" });
    expect(p.records.map((c) => [c.action, c.name])).toEqual([
      ["update", "b"],
      ["delete", "c"],
      ["create", "d"],
    ]);
    expect(p.records[0]!.fields).toEqual([
      { field: "ttl", before: 3600, after: 300 },
      { field: "values", before: ["103.1.1.2"], after: ["103.1.1.9"] },
    ]);
    expect(p.summary).toEqual({ create: 1, update: 1, delete: 1 });
    expect(p.base).toBe("main");
  });

  it("finds nothing between equal states", () => {
    const s = state([rec("a", ["103.1.1.1"])], [tenant("x")]);
    const p = diffStates(s, structuredClone(s));
    expect(p.records).toEqual([]);
    expect(p.tenants).toEqual([]);
    expect(p.summary).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it("says a deleted request file releases its tenant without deleting data", () => {
    const p = diffStates(state([], [tenant("x")]), state([]));
    expect(p.tenants).toMatchObject([{ action: "delete", namespace: "tenant-x", destructive: false, note: "released" }]);
    expect(p.safety.destructive).toBe(0);
  });

  it("marks a decommission with deleteData destructive, and quota changes not", () => {
    const p = diffStates(state([], [tenant("x"), tenant("y")]), state([], [tenant("x", true), tenant("y", false, "20Gi")]));
    expect(p.tenants).toMatchObject([
      { action: "update", namespace: "tenant-x", destructive: true, note: "data-deleted", fields: [{ field: "releaseData", before: false, after: true }] },
      { action: "update", namespace: "tenant-y", destructive: false, fields: [{ field: "quota.storage", before: "5Gi", after: "20Gi" }] },
    ]);
    expect(p.safety.destructive).toBe(1);
    const gone = diffStates(state([], [tenant("x", true)]), state([]));
    expect(gone.tenants[0]).toMatchObject({ action: "delete", destructive: true, note: "data-deleted" });
  });
});

describe("large-change safety", () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => rec(`r${String(i).padStart(3, "0")}`, ["103.1.1.1"]));

  it("refuses more than 30% of at least 10 existing records updated or deleted, unless allowed", () => {
    const base = state(many(10));
    const fourGone = state(many(10).slice(4));
    const p = diffStates(base, fourGone);
    expect(p.safety).toMatchObject({ existingRecords: 10, updatedOrDeleted: 4, largeChange: true });
    expect(unsafeReasons(p, false)).toHaveLength(1);
    expect(unsafeReasons(p, false)[0]!.en).toContain("4 of 10");
    expect(unsafeReasons(p, true)).toEqual([]);
  });

  it("lets exactly 30% through, and any share below 10 existing records", () => {
    const threeGone = diffStates(state(many(10)), state(many(10).slice(3)));
    expect(threeGone.safety.largeChange).toBe(false);
    const small = diffStates(state(many(9)), state([]));
    expect(small.safety).toMatchObject({ existingRecords: 9, updatedOrDeleted: 9, largeChange: false });
  });

  it("counts updates as well as deletions, and never creations", () => {
    const updated = many(20).map((r, i) => (i < 7 ? { ...r, ttl: 60 } : r));
    expect(diffStates(state(many(20)), state(updated)).safety.largeChange).toBe(true);
    expect(diffStates(state(many(10)), state(many(100))).safety.largeChange).toBe(false);
  });

  it("takes other thresholds", () => {
    const p = diffStates(state(many(10)), state(many(10).slice(2)), { safety: { maxShare: 0.1 } });
    expect(p.safety.largeChange).toBe(true);
  });
});

describe("diffStates on sorted and unsorted states", () => {
  // Desired states come sorted and take the one-pass merge; a state in any other order takes the
  // map join. Both must give the same plan, in key order, on states that share, change, add and
  // drop entries — and a state diffed with itself has nothing to do.
  const names = Array.from({ length: 60 }, (_, i) => `n${String(i).padStart(2, "0")}`);
  const shuffle = <T>(xs: T[], seed: number) => {
    const out = [...xs];
    let s = seed;
    for (let i = out.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  it("gives the same plan whichever order the states come in", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const pick = (k: number) => names.filter((_, i) => (Math.imul(i + seed * k, 2654435761) >>> 0) % 3 !== 0);
      const base = state(pick(1).map((n) => rec(n, ["103.1.1.1"])), pick(3).map((n) => tenant(n)));
      const head = state(pick(2).map((n, i) => rec(n, [i % 4 ? "103.1.1.1" : "103.1.1.2"])), pick(5).map((n, i) => tenant(n, false, i % 3 ? "5Gi" : "6Gi")));
      const sorted = diffStates(base, head);
      const mixed = diffStates(state(shuffle(base.records, seed), shuffle(base.tenants, seed + 1)), state(shuffle(head.records, seed + 2), shuffle(head.tenants, seed + 3)));
      expect(mixed).toEqual(sorted);
      expect(sorted.records.length + sorted.tenants.length).toBeGreaterThan(0);
      const keys = sorted.records.map((c) => c.name);
      expect(keys).toEqual([...keys].sort());
    }
    const same = state(names.map((n) => rec(n, ["103.1.1.1"])), names.map((n) => tenant(n)));
    expect(diffStates(same, same).summary).toEqual({ create: 0, update: 0, delete: 0 });
  });
});
