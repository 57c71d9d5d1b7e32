// Resource records in BIND's canonical text form (`named-checkzone -D`: one record per line,
// absolute owner, TTL, class, type, rdata). Zone-file syntax ($INCLUDE, $GENERATE, parentheses,
// relative names, escapes) is BIND's to interpret: the importer never parses a zone file itself,
// it reads only this normalised output, which is also the form the round trip compares.

export interface Rr {
  /** Absolute, lowercase, without the trailing dot. */
  owner: string;
  ttl: number;
  type: string;
  /** The rdata as BIND printed it (names absolute with their dot, strings quoted). */
  rdata: string;
  /** Line number in the canonical dump, for the report. */
  line: number;
}

/** Splits rdata into fields; a quoted string (with \" and \\ escapes) is one field, quotes kept. */
export function rdataFields(rdata: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < rdata.length) {
    if (/\s/.test(rdata[i]!)) {
      i++;
      continue;
    }
    let j = i;
    if (rdata[i] === '"') {
      j++;
      while (j < rdata.length && rdata[j] !== '"') j += rdata[j] === "\\" ? 2 : 1;
      j++;
    } else while (j < rdata.length && !/\s/.test(rdata[j]!)) j++;
    out.push(rdata.slice(i, j));
    i = j;
  }
  return out;
}

/** The text of a quoted character-string, escapes resolved (\DDD decimal bytes as UTF-8). */
export function unquote(field: string): string {
  const inner = field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1) : field;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === "\\" && /^[0-9]{3}$/.test(inner.slice(i + 1, i + 4))) {
      bytes.push(Number(inner.slice(i + 1, i + 4)));
      i += 3;
    } else if (c === "\\" && i + 1 < inner.length) {
      bytes.push(...enc.encode(inner[++i]!));
    } else bytes.push(...enc.encode(c));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const absolute = (name: string) => name.toLowerCase().replace(/\.$/, "");

/** Parses `named-checkzone -D` (or dig AXFR) output; lines that are no record are skipped. */
export function parseCanonical(text: string): Rr[] {
  const out: Rr[] = [];
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line || line.startsWith(";")) continue;
    const m = /^(\S+)\s+(\d+)\s+IN\s+([A-Z0-9]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    out.push({ owner: absolute(m[1]!), ttl: Number(m[2]), type: m[3]!, rdata: m[4]!.trim(), line: n + 1 });
  }
  return out;
}

/** One record as a comparable line: owner TTL type rdata, whitespace collapsed outside quotes. */
export function canonicalLine(rr: Pick<Rr, "owner" | "ttl" | "type" | "rdata">): string {
  return `${rr.owner}. ${rr.ttl} ${rr.type} ${rdataFields(rr.rdata).join(" ")}`;
}
