// What `npm run validate` keeps of a request once its file rules have run: the fields the rules
// across files read (REPOSITORY_FIELDS). Contacts, letters, purposes and dates are most of a
// request's text and only file rules read them; kept for 15,000 files they were ~40% of the
// validating thread's heap, copied by every young-generation collection and paid for again as
// new pages of the old one.
import type { Request } from "../model/request.ts";
import { REPOSITORY_FIELDS, type RepositoryRequest } from "./rule.ts";

/** `request`'s fields that repository rules read, in REPOSITORY_FIELDS order (one hidden class for all). */
export function repositoryView(request: Request): RepositoryRequest {
  const view: Partial<Record<(typeof REPOSITORY_FIELDS)[number], unknown>> = {};
  for (let i = 0; i < REPOSITORY_FIELDS.length; i++) {
    const key = REPOSITORY_FIELDS[i]!;
    const value = request[key];
    if (value !== undefined) view[key] = value;
  }
  return view as RepositoryRequest;
}
