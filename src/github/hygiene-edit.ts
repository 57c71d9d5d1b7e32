// The two changes the bot proposes to a request file on its own (issue 15): a suspension (after a
// gambling or takeover finding) and a decommission without data deletion (after an unconfirmed
// review date). Both add one block and keep everything else, comments included; botAction()
// recognises exactly such a change, from the two texts, so the pull request bot can give it the
// emergency chain or the bot's ownership without trusting a label or a title.
import { isDeepStrictEqual } from "node:util";
import { parse, parseDocument } from "yaml";
import type { Request, Suspension } from "../model/request.ts";

type DecommissionBlock = Omit<NonNullable<Request["decommission"]>, "deleteData">;

function addBlock(text: string, key: "suspension" | "decommission", value: object): string {
  const doc = parseDocument(text);
  doc.set(key, doc.createNode(value));
  return String(doc);
}

export const withSuspension = (text: string, s: Suspension) => addBlock(text, "suspension", s);
export const withDecommission = (text: string, d: DecommissionBlock) => addBlock(text, "decommission", d);

export type BotAction = "suspension" | "decommission";

function object(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = parse(text, { maxAliasCount: 0 });
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Which bot change `head` is of `base`, if it is exactly one added block and nothing else. */
export function botAction(base: string, head: string): BotAction | undefined {
  const b = object(base);
  const h = object(head);
  if (!b || !h) return undefined;
  for (const key of ["suspension", "decommission"] as const) {
    if (b[key] !== undefined || h[key] === undefined) continue;
    const { [key]: added, ...rest } = h;
    if (!isDeepStrictEqual(rest, b)) continue;
    if (key === "decommission" && (added as { deleteData?: unknown }).deleteData !== undefined) return undefined;
    return key;
  }
  return undefined;
}
