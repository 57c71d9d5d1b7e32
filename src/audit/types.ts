// What the audit finds: plain data, rendered as text, JSON and the leadership summary.
import type { Message } from "../diagnostics/diagnostic.ts";

export const FINDING_KINDS = [
  "takeover-risk",
  "gambling-content",
  "dangling-cname",
  "unreachable",
  "tls-expired",
  "tls-self-signed",
  "tls-name-mismatch",
  "tls-expiring",
  "live-differs",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Findings that justify an emergency suspension of the name's DNS records. */
export const SUSPENDING_KINDS: ReadonlySet<FindingKind> = new Set(["gambling-content", "takeover-risk"]);

export interface Finding {
  kind: FindingKind;
  /** Full host name, lowercase ASCII: sehat.contohkab.go.id. */
  name: string;
  opd: string;
  /** The request file the name comes from. */
  file: string;
  /** What was seen, with the values read (addresses, status codes, keywords, dates). */
  evidence: Message;
  /** What to do about it, addressed to the OPD and Diskominfo. */
  fix: Message;
}

/** A check that could not be made (the resolver did not answer): the audit is incomplete. */
export interface AuditProblem {
  name: string;
  message: Message;
}

export interface AuditReport {
  /** When the audit ran (ISO instant) and the government's today. */
  at: string;
  today: string;
  namesChecked: number;
  findings: Finding[];
  problems: AuditProblem[];
}
