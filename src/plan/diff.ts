// Diff of two desired states, per record set (zone, name, type) and per tenant (namespace), with
// the fields that changed. Both states are sorted, so the result is sorted too.
import type { Message } from "../diagnostics/diagnostic.ts";
import type { DesiredState, RecordSet, Tenant } from "../state/types.ts";
import { DEFAULT_SAFETY, type FieldChange, type Plan, type RecordChange, type SafetyOptions, type TenantChange } from "./types.ts";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Leaf fields that differ, walking plain objects; arrays compare whole (values are sets, sorted). */
function changedFields(before: unknown, after: unknown, prefix = ""): FieldChange[] {
  // One serialisation settles the common case, an unchanged record, without walking it.
  if (prefix === "" && same(before, after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedFields(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return same(before, after) ? [] : [{ field: prefix, before, after }];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const sortedByKey = <T>(xs: readonly T[], keyOf: (t: T) => string) => xs.every((x, i) => i === 0 || cmp(keyOf(xs[i - 1]!), keyOf(x)) < 0);

/**
 * Pairs the items of two lists by key, in key order. Desired states come sorted with unique keys:
 * one merging pass. Anything else (a hand-made state) is joined through a map and sorted.
 */
function join<T>(a: readonly T[], b: readonly T[], keyOf: (t: T) => string): [T | undefined, T | undefined][] {
  if (a === b) return a.map((x) => [x, x]); // a state against itself (base and head share it)
  const out: [T | undefined, T | undefined][] = [];
  if (sortedByKey(a, keyOf) && sortedByKey(b, keyOf)) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const c = i === a.length ? 1 : j === b.length ? -1 : a[i] === b[j] ? 0 : cmp(keyOf(a[i]!), keyOf(b[j]!));
      out.push(c < 0 ? [a[i++], undefined] : c > 0 ? [undefined, b[j++]] : [a[i++], b[j++]]);
    }
    return out;
  }
  const byKey = new Map<string, [T | undefined, T | undefined]>();
  for (const x of a) byKey.set(keyOf(x), [x, undefined]);
  for (const y of b) {
    const k = keyOf(y);
    const hit = byKey.get(k);
    if (hit) hit[1] = y;
    else byKey.set(k, [undefined, y]);
  }
  return [...byKey.entries()].sort((p, q) => cmp(p[0], q[0])).map((e) => e[1]);
}

const recordKey = (r: RecordSet) => `${r.zone}\u0000${r.name}\u0000${r.type}`;

/** Field by field, without serialising: most record sets of a plan are unchanged. */
function sameRecord(a: RecordSet, b: RecordSet): boolean {
  if (a === b) return true;
  if (a.ttl !== b.ttl || a.proxied !== b.proxied || a.source.file !== b.source.file || a.source.opd !== b.source.opd || a.source.label !== b.source.label) return false;
  if (a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i];
    const y = b.values[i];
    if (x !== y && (typeof x === "string" || typeof y === "string" || !same(x, y))) return false;
  }
  return true;
}

function recordChanges(base: readonly RecordSet[], head: readonly RecordSet[]): RecordChange[] {
  const out: RecordChange[] = [];
  for (const [before, after] of join(base, head, recordKey)) {
    const r = (after ?? before)!;
    const id = { zone: r.zone, name: r.name, type: r.type };
    if (!before) out.push({ action: "create", ...id, after, fields: [] });
    else if (!after) out.push({ action: "delete", ...id, before, fields: [] });
    else if (!sameRecord(before, after)) {
      const fields = changedFields(before, after);
      if (fields.length) out.push({ action: "update", ...id, before, after, fields });
    }
  }
  return out;
}

function tenantChanges(base: readonly Tenant[], head: readonly Tenant[]): TenantChange[] {
  const out: TenantChange[] = [];
  for (const [before, after] of join(base, head, (t) => t.namespace)) {
    const namespace = (after ?? before)!.namespace;
    if (!before) out.push({ action: "create", namespace, after, fields: [], destructive: after!.releaseData, ...(after!.releaseData ? { note: "data-deleted" as const } : {}) });
    else if (!after)
      // The file is gone: Pulumi drops the tenant from management but retains its namespace.
      // Only a tenant already marked for release was meant to lose its data.
      out.push({ action: "delete", namespace, before, fields: [], destructive: before.releaseData, note: before.releaseData ? "data-deleted" : "released" });
    else {
      const fields = before === after ? [] : changedFields(before, after);
      if (!fields.length) continue;
      const releasing = after.releaseData && !before.releaseData;
      const note: TenantChange["note"] =
        releasing ? "data-deleted"
        : before.status === "retained" && after.status === "active" && before.deletedFile ? "reclaimed"
        : before.status === "active" && after.status === "retained" ? "access-revoked"
        : undefined;
      out.push({ action: "update", namespace, before, after, fields, destructive: releasing, ...(note ? { note } : {}) });
    }
  }
  return out;
}

export function diffStates(base: DesiredState, head: DesiredState, opts: { base?: string | null; notes?: Message[]; safety?: Partial<SafetyOptions> } = {}): Plan {
  const records = recordChanges(base.records, head.records);
  const tenants = tenantChanges(base.tenants, head.tenants);
  const summary = { create: 0, update: 0, delete: 0 };
  for (const c of [...records, ...tenants]) summary[c.action]++;
  return { base: opts.base ?? null, records, tenants, summary, safety: planSafety(base.records.length, records, tenants, opts.safety), notes: opts.notes ?? [] };
}

/** The safety verdict of these changes against a base of `existingRecords` record sets (the incremental plan diffs only what changed). */
export function planSafety(existingRecords: number, records: readonly RecordChange[], tenants: readonly TenantChange[], safety?: Partial<SafetyOptions>): Plan["safety"] {
  const limits = { ...DEFAULT_SAFETY, ...safety };
  const updatedOrDeleted = records.filter((c) => c.action !== "create").length;
  return {
    ...limits,
    existingRecords,
    updatedOrDeleted,
    largeChange: existingRecords >= limits.minExisting && updatedOrDeleted > limits.maxShare * existingRecords,
    destructive: tenants.filter((t) => t.destructive).length,
  };
}

/** octoDNS's raise_if_unsafe as a value: the reasons this plan must not be applied unforced. */
export function unsafeReasons(plan: Plan, allowLargeChange: boolean): Message[] {
  const s = plan.safety;
  if (!s.largeChange || allowLargeChange) return [];
  const pct = Math.round((s.updatedOrDeleted / s.existingRecords) * 100);
  const max = Math.round(s.maxShare * 100);
  return [
    {
      id: `Perubahan terlalu besar: ${s.updatedOrDeleted} dari ${s.existingRecords} rekaman yang ada (${pct}%) akan diubah atau dihapus, melebihi batas ${max}%. Periksa lalu jalankan lagi dengan --allow-large-change bila memang disengaja.`,
      en: `Change too large: ${s.updatedOrDeleted} of ${s.existingRecords} existing records (${pct}%) would be updated or deleted, over the ${max}% limit. Check it, then run again with --allow-large-change if it is intended.`,
    },
  ];
}
