// The e-mails of the hygiene issues (audit findings, review reminders): who gets them and their
// deterministic key. Sent by the command (src/cli) through src/notify, once per issue.
import { createHash } from "node:crypto";
import type { Governance } from "../model/governance.ts";
import type { Request } from "../model/request.ts";

/** An e-mail to send once for an issue; the caller sends it and records it on the issue. */
export interface MailWanted {
  issue: number;
  issueUrl: string;
  /** Deterministic: the same issue never gets a second e-mail. */
  key: string;
  to: { name: string; address: string }[];
  subject: string;
  text: string;
}

/** The request's two contacts and the OPD's address, each once. */
export function recipients(req: Request | undefined, opdCode: string, governance: Governance): { name: string; address: string }[] {
  const opd = governance.opds.find((x) => x.code === opdCode);
  const to = new Map<string, string>();
  for (const c of req ? [req.contacts.administrative, req.contacts.technical] : []) to.set(c.email.toLowerCase(), c.name);
  if (opd?.email) to.set(opd.email.toLowerCase(), opd.name);
  return [...to.entries()].map(([address, name]) => ({ name, address }));
}

export const mailKey = (...parts: (string | number)[]) => createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32);

/** `@a @b` for the OPD's liaisons (GitHub logins, validated by the governance schema). */
export const liaisonMentions = (opdCode: string, governance: Governance) => (governance.opds.find((x) => x.code === opdCode)?.liaisons ?? []).map((l) => `@${l}`).join(" ");
