// The rules across files, re-judged only where a change can reach. Each repository rule says how
// it relates files (RuleLinks in src/validate/rule.ts): a file's findings depend on itself, on the
// files sharing a group key, and on the providers of the keys it consumes. So after a change, the
// files whose findings can differ ("affected") are the changed ones, the members of their groups
// (old and new keys) and the consumers of what they provided or provide now; the rule is run on
// them plus what they depend on ("context"), and only the affected files' findings are kept. A
// chaining rule (CNAME loops) takes the whole closure along consumed keys instead.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { RepoRule, RequestFile, RuleContext, RuleLinks } from "../validate/rule.ts";

export interface ChangedFile {
  path: string;
  /** Links of the stored version (undefined: the file is new, or its old version failed the schema). */
  old?: RuleLinks;
  /** The working tree's version, when it passes the schema. */
  now?: RequestFile;
}

export interface LinkSource {
  /** Unchanged files holding `key` in `role` (group, provides, consumes). */
  lookup(role: "g" | "p" | "c", key: string): string[];
  /** Stored links of an unchanged file (undefined when it failed the schema). */
  links(path: string): RuleLinks | undefined;
  /** An unchanged file as rules see it; `positions` false: its findings are not kept, no position needed. */
  request(path: string, positions: boolean): RequestFile | undefined;
}

const ROLE = { g: "group", p: "provides", c: "consumes" } as const;

/** Findings of `rule` for the affected files, and which files those are. */
export function rejudge(rule: RepoRule, changed: readonly ChangedFile[], src: LinkSource, ctx: RuleContext): { affected: Set<string>; diagnostics: Diagnostic[] } {
  const changedPaths = new Set(changed.map((c) => c.path));
  const nowLinks = new Map<string, RuleLinks>();
  for (const c of changed) if (c.now) nowLinks.set(c.path, rule.links!(c.now, ctx));
  // Lookups over the tree as it is now: unchanged files from the snapshot, changed ones fresh.
  const holders = (role: "g" | "p" | "c", key: string): string[] => {
    const out = src.lookup(role, key).filter((p) => !changedPaths.has(p));
    for (const [p, l] of nowLinks) if (l[ROLE[role]].includes(key)) out.push(p);
    return out;
  };
  const linksNow = (p: string) => nowLinks.get(p) ?? (changedPaths.has(p) ? undefined : src.links(p));
  const seeds = changed.flatMap((c) => [c.old, nowLinks.get(c.path)].filter((l): l is RuleLinks => l !== undefined));

  const affected = new Set<string>(changedPaths);
  const context = new Set<string>();
  if (rule.chains) {
    // Everything reachable through groups and from consumers to providers, old keys included.
    const queue: RuleLinks[] = [...seeds];
    const visit = (p: string) => {
      if (context.has(p)) return;
      affected.add(p);
      context.add(p);
      const l = linksNow(p);
      if (l) queue.push(l);
    };
    for (const p of changedPaths) if (nowLinks.has(p)) context.add(p);
    while (queue.length) {
      const l = queue.pop()!;
      for (const k of l.group) for (const p of holders("g", k)) visit(p);
      for (const k of l.consumes) for (const p of holders("p", k)) visit(p);
    }
  } else {
    for (const l of seeds) {
      for (const k of l.group) for (const p of holders("g", k)) affected.add(p);
      for (const k of l.provides) for (const p of holders("c", k)) affected.add(p);
    }
    for (const p of affected) {
      const l = linksNow(p);
      if (!l) continue;
      context.add(p);
      for (const k of l.group) for (const q of holders("g", k)) context.add(q);
      for (const k of l.consumes) for (const q of holders("p", k)) context.add(q);
    }
  }
  const now = new Map(changed.filter((c) => c.now).map((c) => [c.path, c.now!]));
  const files: RequestFile[] = [];
  for (const p of context) {
    const f = now.get(p) ?? (changedPaths.has(p) ? undefined : src.request(p, affected.has(p)));
    if (f) files.push(f);
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const diagnostics = rule.check(files, ctx).filter((d) => affected.has(d.file));
  return { affected, diagnostics };
}
