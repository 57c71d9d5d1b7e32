// The data the web form (formulir) is published with: the part of governance the rules read, and
// the public part of every request, enough for CI's repository rules (name taken and by which OPD,
// lookalikes, namespaces, aliases, dangling names) to run in the browser. No contact data (phone,
// NIP, e-mail, GitHub account), no letter, no disposition chain, no liaison accounts: the page is
// public, like the registry. Pure: the caller validated the repository.
import type { Governance } from "../../model/governance.ts";
import type { Request } from "../../model/request.ts";
import type { RequestFile } from "../../validate/rule.ts";

/** What of a request the page may show and the repository rules read. */
export type PublicRequest = Pick<Request, "label" | "opd" | "zone" | "purpose" | "target" | "ttl" | "proxied" | "records" | "reviewBy"> & {
  /** Present (empty or with deleteData) when the name is being or has been removed. */
  decommission?: { deleteData?: true };
  suspended?: true;
};

export interface PublicFile {
  file: string;
  request: PublicRequest;
}

/** Governance as the page gets it: the fields the request rules read, nothing about people. */
export type PublicGovernance = Omit<Governance, "disposition" | "admins" | "letters" | "adoption" | "hygiene" | "workingHours" | "government" | "opds"> & {
  /** The office's public details (its e-mail domain is a contact domain); not its head. */
  government: Omit<Governance["government"], "head">;
  opds: { code: string; name: string }[];
  workingHours: { timeZone: Governance["workingHours"]["timeZone"] };
};

export interface FormData {
  /** Bumped when the shape changes, so a page and a stale data file are told apart. */
  version: 1;
  governance: PublicGovernance;
  requests: PublicFile[];
  /** Deleted hosting requests whose data is still kept: their label stays taken (namespace.unique). */
  retained: PublicFile[];
}

export const FORM_DATA_VERSION = 1;

export function publicGovernance(g: Governance): PublicGovernance {
  const { disposition: _d, admins: _a, letters: _l, adoption: _ad, hygiene: _h, workingHours, government, opds, ...rest } = g;
  return {
    ...rest,
    government: (({ head: _head, ...office }) => office)(government),
    opds: opds.map((o) => ({ code: o.code, name: o.name })),
    workingHours: { timeZone: workingHours.timeZone },
  };
}

export function publicRequest(r: Request): PublicRequest {
  const out: PublicRequest = { label: r.label, opd: r.opd, purpose: r.purpose, reviewBy: r.reviewBy };
  if (r.zone !== undefined) out.zone = r.zone;
  if (r.target !== undefined) out.target = r.target;
  if (r.ttl !== undefined) out.ttl = r.ttl;
  if (r.proxied !== undefined) out.proxied = r.proxied;
  if (r.records !== undefined) out.records = r.records;
  if (r.decommission) out.decommission = r.decommission.deleteData ? { deleteData: true } : {};
  if (r.suspension) out.suspended = true;
  return out;
}

export function formData(governance: Governance, requests: readonly RequestFile[], retained: readonly { file: string; request: Request }[] = []): FormData {
  const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return {
    version: FORM_DATA_VERSION,
    governance: publicGovernance(governance),
    requests: requests.map((r) => ({ file: r.file, request: publicRequest(r.request) })).sort(byFile),
    retained: retained.map((r) => ({ file: r.file, request: publicRequest(r.request) })).sort(byFile),
  };
}
