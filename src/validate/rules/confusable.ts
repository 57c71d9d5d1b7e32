// Names that look alike are one name (UTS #39, see ../confusable.ts): a label that mixes scripts,
// that is written in other letters but reads as a Latin name (Cyrillic `раураl`, dotless `dınas`),
// or that uses symbols IDNA2008 does not allow is refused on its own; a name whose skeleton equals
// another request's name is refused naming that request.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { unicodeLabel } from "../../model/names.ts";
import { idna2008Problem, lookalike, mixedScripts, scriptName, skeleton } from "../confusable.ts";
import { byZoneField, ownedNames, zoneKey } from "../request-names.ts";
import { idnProblem } from "./label.ts";
import { report, type FileRule, type RepoRule, type RepositoryFile, type RepositoryRequest, type RequestFile, type RuleContext } from "../rule.ts";

const ASCII = /^[\x00-\x7f]*$/;
const LDH = /^[a-z0-9-]+$/;

/** The Unicode labels of the subdomain and its record names, with their pointers. */
function unicodeParts(req: RepositoryFile): { text: string; part: string; ptr: string }[] {
  const out: { text: string; part: string; ptr: string }[] = [];
  if (!mayBeUnicode(req)) return out;
  const add = (text: string, ptr: string) => {
    // Plain ASCII without punycode has no Unicode part: the usual case, decided without a split.
    if (ASCII.test(text) && !text.toLowerCase().includes("xn--")) return;
    for (const raw of text.split(".")) {
      if (idnProblem(raw)) continue; // label.idn says it
      let part = raw;
      try {
        part = ASCII.test(raw) ? (raw.toLowerCase().startsWith("xn--") ? unicodeLabel(raw.toLowerCase()) : raw) : raw.normalize("NFC").toLowerCase();
      } catch {
        continue; // bad punycode is label.idn's finding
      }
      if (!ASCII.test(part)) out.push({ text, part, ptr });
    }
  };
  add(req.request.label, "/label");
  (req.request.records ?? []).forEach((r, i) => {
    if (r.name !== undefined && r.name !== "@") add(r.name, `/records/${i}/name`);
  });
  return out;
}

/** Plain ASCII without punycode has no Unicode part: whether some name of the request is otherwise. */
const unicode = (text: string) => !ASCII.test(text) || text.toLowerCase().includes("xn--");
function mayBeUnicode(req: RepositoryFile): boolean {
  if (unicode(req.request.label)) return true;
  const records = req.request.records ?? [];
  for (let i = 0; i < records.length; i++) {
    const name = records[i]!.name;
    if (name !== undefined && name !== "@" && unicode(name)) return true;
  }
  return false;
}

export const labelScript: FileRule = {
  id: "label.script",
  scope: "file",
  reads: ["label", "records"],
  severity: "error",
  summary: {
    id: "Nama internasional: satu aksara per label, hanya huruf dan angka (IDNA2008, tanpa emoji atau simbol), dan tidak menyerupai nama Latin",
    en: "Internationalised names: one script per label, letters and digits only (IDNA2008, no emoji or symbols), and not a look-alike of a Latin name",
  },
  check(req) {
    const out: Diagnostic[] = [];
    for (const { text, part, ptr } of unicodeParts(req)) {
      const bad = idna2008Problem(part);
      if (bad !== undefined) {
        const code = `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
        out.push(
          report(this, req, ptr, {
            id: `\`${text}\` memuat ${code}, yang bukan huruf atau angka; nama domain (IDNA2008) tidak boleh berisi emoji, simbol atau tanda baca.`,
            en: `\`${text}\` holds ${code}, which is no letter or digit; domain names (IDNA2008) allow no emoji, symbols or punctuation.`,
          }),
        );
        continue;
      }
      const mixed = mixedScripts(part);
      if (mixed) {
        const names = mixed.map(scriptName).join(", ");
        out.push(
          report(this, req, ptr, {
            id: `\`${text}\` mencampur aksara (${names}) dalam satu label; huruf yang mirip dari aksara lain membuat nama tampak seperti nama lain. Tulis dengan satu aksara saja.`,
            en: `\`${text}\` mixes scripts (${names}) in one label; look-alike letters from another script make a name pass for another. Write it in one script.`,
          }),
        );
        continue;
      }
      const seen = lookalike(part);
      if (LDH.test(seen))
        out.push(
          report(this, req, ptr, {
            id: `\`${text}\` terbaca sebagai \`${seen}\` tetapi ditulis dengan huruf lain (misalnya Sirilik, Yunani atau i tanpa titik); tulis \`${seen}\` dengan huruf Latin biasa.`,
            en: `\`${text}\` reads as \`${seen}\` but is written with other letters (such as Cyrillic, Greek or a dotless i); write \`${seen}\` in plain Latin letters.`,
          }),
        );
    }
    return out;
  },
};


/** The skeleton of an owned name as people read it; undefined when its punycode is bad (label.idn's finding). */
function nameSkeleton(name: string): string | undefined {
  try {
    return skeleton(name.includes("xn--") ? name.split(".").map(unicodeLabel).join(".") : name);
  } catch {
    return undefined;
  }
}

interface Holder {
  req: RepositoryFile;
  name: string;
  ptr: string;
}

export const labelConfusable: RepoRule = {
  id: "label.confusable",
  scope: "repository",
  severity: "error",
  summary: {
    id: "Nama yang tampak sama (kerangka UTS #39 sama, misalnya rn dan m, 1 dan l) hanya untuk satu permohonan dalam satu zona",
    en: "Names that look the same (one UTS #39 skeleton, such as rn and m, 1 and l) belong to one request in a zone",
  },
  check(all, ctx) {
    // zone -> skeleton -> the first holder, or every holder once a different name shares it.
    const groups = new Map<string, Map<string, Holder | Holder[]>>();
    const zones = byZoneField((req) => zoneKey(req, ctx.governance));
    // Index loops and Map.forEach here (see checkRequest in validate.ts): no iterator results.
    for (let r = 0; r < all.length; r++) {
      const req = all[r]!;
      const zone = zones(req.request);
      let bySkeleton = groups.get(zone);
      if (!bySkeleton) groups.set(zone, (bySkeleton = new Map()));
      const owned = ownedNames(req.request);
      for (let k = 0; k < owned.length; k++) {
        const n = owned[k]!;
        const key = nameSkeleton(n.name);
        if (key === undefined) continue;
        const had = bySkeleton.get(key);
        const last = Array.isArray(had) ? had[had.length - 1] : had;
        if (last && last.req === req && last.name === n.name) continue; // several types at one name
        const holder = { req, name: n.name, ptr: n.namePtr };
        if (had === undefined) bySkeleton.set(key, holder);
        else if (Array.isArray(had)) had.push(holder);
        else bySkeleton.set(key, [had, holder]);
      }
    }
    const out: Diagnostic[] = [];
    for (const bySkeleton of groups.values())
      bySkeleton.forEach((list) => {
        if (!Array.isArray(list)) return;
        const names = new Set(list.map((h) => h.name));
        if (names.size < 2) return; // one name held twice is name.unique's finding
        // Linear in the holders: each names the first holder of another name and a count.
        const perName = new Map<string, number>();
        for (const h of list) perName.set(h.name, (perName.get(h.name) ?? 0) + 1);
        const firstOther = list.find((o) => o.name !== list[0]!.name)!;
        for (const h of list) {
          const first = h.name === list[0]!.name ? firstOther : list[0]!;
          const more = list.length - perName.get(h.name)! - 1;
          out.push(
            report(this, h.req, h.ptr, {
              id: `Nama \`${showName(h.name)}\` tampak sama dengan \`${showName(first.name)}\` milik ${first.req.file}${more > 0 ? ` (dan ${more} berkas lain)` : ""}; nama yang serupa dapat dipakai untuk menipu. Pilih nama yang jelas berbeda.`,
              en: `The name \`${showName(h.name)}\` looks the same as \`${showName(first.name)}\` of ${first.req.file}${more > 0 ? ` (and ${more} other file${more === 1 ? "" : "s"})` : ""}; look-alike names can be used to deceive. Choose a clearly different name.`,
            }),
          );
        }
      });
    return out;
  },
  links(req, ctx) {
    const zone = zoneKey(req.request, ctx.governance);
    const group: string[] = [];
    for (const n of ownedNames(req.request)) {
      const key = nameSkeleton(n.name);
      if (key !== undefined) group.push(`${zone}\t${key}`);
    }
    return { group, provides: [], consumes: [] };
  },
};

/** `xn--80ak6aa92e (раураl)` for an IDN, the name itself otherwise. */
function showName(name: string): string {
  if (!name.includes("xn--")) return name;
  try {
    return `${name} (${name.split(".").map(unicodeLabel).join(".")})`;
  } catch {
    return name;
  }
}
