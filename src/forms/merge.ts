// Merges a change into an existing request file with yaml's Document API, so that every comment,
// every key order and every field the change does not name stay exactly as they were. Pure.
// A change is a list of edits (a path and a new value, or REMOVE); the result lists, field by
// field, what changed, for the intake's comment and the pull request.
import { isCollection, isMap, isNode, isPair, isScalar, parseDocument, visit, type Document } from "yaml";
import { FIELDS, TARGET_KINDS } from "./fields.ts";

export const REMOVE: unique symbol = Symbol("remove");
/** A new value (string, list, boolean, record list, target block) or REMOVE. */
export type EditValue = unknown;
export interface Edit {
  path: readonly string[];
  value: EditValue;
}

/** One row of the field-by-field change: the form field's label, the value before and after (undefined = absent). */
export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

/** Sets a value keeping the comments attached to the node it replaces; a scalar keeps its quoting style. */
function setKeeping(doc: Document, path: readonly string[], value: unknown): void {
  const old = doc.getIn(path, true);
  // A value given again as it stands (the web form sends a change with the registered values
  // filled in) leaves its node untouched: rewriting it would change its style, not its value.
  if (old !== undefined && JSON.stringify(isNode(old) ? old.toJSON() : old) === JSON.stringify(value)) return;
  if (isScalar(old) && (typeof value === "string" || typeof value === "boolean")) {
    old.value = value;
    return;
  }
  const node = doc.createNode(value);
  if (isNode(old)) {
    node.comment = old.comment;
    // Comments inside a replaced list or block are kept above the new value, never dropped.
    const inner = isCollection(old) ? commentsIn(old) : [];
    node.commentBefore = [old.commentBefore, ...inner].filter(Boolean).join("\n") || undefined;
    node.spaceBefore = old.spaceBefore;
    // A list written in flow style ([a, b]) stays in flow style.
    if (isCollection(old) && isCollection(node)) node.flow = old.flow;
  }
  // Intermediate maps that do not exist yet are made by setIn.
  doc.setIn(path, node);
}

/** The comments held anywhere inside a node or pair, in document order. */
function commentsIn(node: unknown): string[] {
  const out: string[] = [];
  const take = (n: unknown) => {
    if (isNode(n)) out.push(...[n.commentBefore, n.comment].filter((c): c is string => !!c));
  };
  if (isPair(node)) {
    take(node.key);
    if (isNode(node.value)) {
      take(node.value);
      if (isCollection(node.value)) visit(node.value, (_k, n) => void (n !== node.value && take(n)));
    }
  } else if (isCollection(node)) visit(node, (_k, n) => void (n !== node && take(n)));
  return out;
}

/**
 * Removes a value; a block left empty by it goes too. The removed part's comments move to the
 * next key (or the end of its block), so a removal never drops a comment either.
 */
function removeKeeping(doc: Document, path: readonly string[], carried: string[] = []): void {
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  if (!isMap(parent)) return;
  const key = path[path.length - 1];
  const i = parent.items.findIndex((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
  if (i < 0) return;
  const orphaned = [...commentsIn(parent.items[i]), ...carried];
  parent.items.splice(i, 1);
  if (parent.items.length === 0 && parentPath.length > 0) return removeKeeping(doc, parentPath, orphaned);
  if (orphaned.length === 0) return;
  const next = parent.items[i];
  if (next && isNode(next.key)) next.key.commentBefore = [...orphaned, next.key.commentBefore].filter(Boolean).join("\n");
  else if (parent === doc.contents) doc.comment = [...orphaned, doc.comment].filter(Boolean).join("\n");
  else parent.comment = [parent.comment, ...orphaned].filter(Boolean).join("\n");
}

/** Applies edits to a file's text. Edits apply in order; later ones win. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const doc = parseDocument(text);
  for (const e of edits) {
    if (e.value === REMOVE) removeKeeping(doc, e.path);
    else setKeeping(doc, e.path, e.value);
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** How a value reads in the change list: lists joined by commas, records as compact JSON. */
function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

function at(obj: unknown, path: readonly string[]): unknown {
  let node = obj;
  for (const key of path) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

const targetKindOf = (request: unknown): string | undefined => {
  const target = at(request, ["target"]);
  const key = target && typeof target === "object" ? Object.keys(target)[0] : undefined;
  return key && key in TARGET_KINDS ? TARGET_KINDS[key as keyof typeof TARGET_KINDS] : key;
};

/** The change between two versions of a request, one row per form field whose value differs. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const rows: FieldChange[] = [];
  const push = (field: string, b: string | undefined, a: string | undefined) => {
    if (b !== a) rows.push({ field, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) });
  };
  for (const f of FIELDS) {
    if (f.id === "target-kind") push(f.label, targetKindOf(before), targetKindOf(after));
    else if (f.path) push(f.label, show(at(before, f.path)), show(at(after, f.path)));
  }
  return rows;
}
