// The plan: what changes between two desired states. A plain value (serialisable as JSON) with
// its own safety verdict, like octoDNS's Plan; renderers only read it.
import type { Message } from "../diagnostics/diagnostic.ts";
import type { RecordSet, RecordType, Tenant } from "../state/types.ts";

export type Action = "create" | "update" | "delete";

export interface FieldChange {
  /** Dotted path of the field: "ttl", "values", "quota.storage", "releaseData". */
  field: string;
  before: unknown;
  after: unknown;
}

export interface RecordChange {
  action: Action;
  zone: string;
  name: string;
  type: RecordType;
  before?: RecordSet;
  after?: RecordSet;
  /** Empty for create and delete. */
  fields: FieldChange[];
}

export type TenantNote = "released" | "data-deleted" | "access-revoked" | "reclaimed";

export interface TenantChange {
  action: Action;
  namespace: string;
  before?: Tenant;
  after?: Tenant;
  fields: FieldChange[];
  /** The namespace and its storage will be deleted (an approved decommission with deleteData). */
  destructive: boolean;
  /**
   * "released": the tenant leaves management, the Pulumi program retains namespace and data.
   * "access-revoked": decommissioned or its file deleted: access goes, namespace and data stay.
   * "reclaimed": the same OPD's new request takes back a namespace kept from a deleted file.
   */
  note?: TenantNote;
}

export interface SafetyOptions {
  /** Share of existing records that may be updated or deleted without --allow-large-change. */
  maxShare: number;
  /** Below this many existing records the share is not checked (small zones change a lot). */
  minExisting: number;
}

export const DEFAULT_SAFETY: SafetyOptions = { maxShare: 0.3, minExisting: 10 };

export interface Safety extends SafetyOptions {
  existingRecords: number;
  updatedOrDeleted: number;
  /** More than maxShare of at least minExisting existing records would be updated or deleted. */
  largeChange: boolean;
  destructive: number;
}

export interface Plan {
  /** The base the head was compared with: a git revision, or null when everything is new. */
  base: string | null;
  records: RecordChange[];
  tenants: TenantChange[];
  summary: { create: number; update: number; delete: number };
  safety: Safety;
  /** Things the reader should know: base files skipped as invalid, no history, ... */
  notes: Message[];
}
