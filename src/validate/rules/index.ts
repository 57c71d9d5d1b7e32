// Every rule, in one list. A new rule is a file in this folder and a line here; the README table
// and `npm run validate -- --rules` are made from this list.
import type { FileRule, RepoRule, Rule } from "../rule.ts";
import { addressDuplicate, addressPublic, addressSyntax } from "./address.ts";
import { nameBindHost } from "./bind-names.ts";
import { caaFields } from "./caa.ts";
import { cnameAlone, cnameLoop, cnameSelf } from "./cname.ts";
import { textControl } from "./control.ts";
import { nameDangling } from "./dangling.ts";
import { delegationAllowed, delegationFields } from "./delegation.ts";
import { contactDomain, contactEmail, contactNip, contactPhone } from "./contact.ts";
import { letterDate, reviewExpired, reviewTooFar } from "./dates.ts";
import { hostingLimits } from "./hosting.ts";
import { labelIdn, labelSyntax } from "./label.ts";
import { mxFields } from "./mx.ts";
import { opdExists, opdFolder, pathMatches } from "./path.ts";
import { cnameTarget, recordDuplicate } from "./records.ts";
import { fieldRequired } from "./required.ts";
import { requestPlaceholder } from "./placeholder.ts";
import { labelReserved } from "./reserved.ts";
import { srvFields } from "./srv.ts";
import { targetOrRecords } from "./target.ts";
import { ttlRange } from "./ttl.ts";
import { txtLength } from "./txt.ts";
import { nameUnique } from "./unique.ts";
import { namespaceUnique } from "./namespace.ts";
import { zoneExists } from "./zone.ts";

export const FILE_RULES: FileRule[] = [
  textControl,
  labelSyntax,
  labelIdn,
  labelReserved,
  pathMatches,
  opdExists,
  opdFolder,
  zoneExists,
  addressSyntax,
  addressPublic,
  addressDuplicate,
  cnameAlone,
  cnameSelf,
  cnameTarget,
  recordDuplicate,
  ttlRange,
  txtLength,
  caaFields,
  srvFields,
  nameBindHost,
  targetOrRecords,
  delegationAllowed,
  delegationFields,
  hostingLimits,
  contactEmail,
  contactDomain,
  contactPhone,
  contactNip,
  letterDate,
  fieldRequired,
  requestPlaceholder,
  reviewExpired,
  reviewTooFar,
];

export const REPOSITORY_RULES: RepoRule[] = [nameUnique, namespaceUnique, cnameLoop, mxFields, nameDangling];

export const ALL_RULES: Rule[] = [...FILE_RULES, ...REPOSITORY_RULES];
