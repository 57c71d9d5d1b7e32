// Whether a string is a host name a record may point at (MX exchange, SRV target, CNAME value).
import ipaddr from "ipaddr.js";
import type { Message } from "../diagnostics/diagnostic.ts";
import { idnProblem, labelProblem } from "./rules/label.ts";
import { asciiLabel } from "../model/names.ts";

/**
 * A host name the checks below surely accept: two or more LDH labels of 1-63 characters, no
 * hyphen at either end of a label, an optional final dot, no `--` anywhere (which would need the
 * IDN and position checks), not all digits and dots (an IPv4 address). Nearly every MX exchange,
 * SRV target and alias is one; anything else takes the full path.
 */
const PLAIN_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+\.?$/i;
const DIGITS_AND_DOTS = /^[\d.]+$/;

export function hostProblem(text: string): Message | undefined {
  if (PLAIN_HOST.test(text) && !text.includes("--") && !DIGITS_AND_DOTS.test(text)) return undefined;
  return hostProblemInFull(text);
}

/** hostProblem without its shortcut: exported for the test that holds the two to one answer. */
export function hostProblemInFull(text: string): Message | undefined {
  // A web address pasted where a host name belongs: the host is inside it.
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:\s]+)/i.exec(text);
  if (url) return { id: `\`${text}\` adalah alamat web (URL); tulis nama host saja: \`${url[1]!.toLowerCase()}\``, en: `\`${text}\` is a web address (URL); write the host name only: \`${url[1]!.toLowerCase()}\`` };
  if (DIGITS_AND_DOTS.test(text) || (text.includes(":") && ipaddr.isValid(text)))
    return { id: `\`${text}\` adalah alamat IP; di sini harus nama host (misalnya mail.contohkab.go.id)`, en: `\`${text}\` is an IP address; a host name is needed here (e.g. mail.contohkab.go.id)` };
  const bare = text.endsWith(".") ? text.slice(0, -1) : text;
  const labels = bare.split(".");
  if (labels.length < 2) return { id: `\`${text}\` bukan nama host lengkap; tulis beserta domainnya (misalnya mail.contohkab.go.id)`, en: `\`${text}\` is not a full host name; write it with its domain (e.g. mail.contohkab.go.id)` };
  for (const l of labels) {
    const idn = idnProblem(l);
    if (idn) return idn;
    let ascii: string;
    try {
      ascii = asciiLabel(l);
    } catch {
      return { id: `\`${text}\` bukan nama host yang sah`, en: `\`${text}\` is not a valid host name` };
    }
    const p = labelProblem(ascii.toLowerCase(), true); // host names are case-insensitive
    if (p) return { id: `\`${text}\` bukan nama host yang sah: ${p.id}`, en: `\`${text}\` is not a valid host name: ${p.en}` };
  }
  return undefined;
}
