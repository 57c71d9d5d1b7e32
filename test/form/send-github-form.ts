// A fake of GitHub's "new issue" page for an issue form, as the tests need it: it reads the
// generated template (the .yml GitHub would read, not our field table), fills input and textarea
// fields from the link's query the way a browser does, lets the liaison do the page's steps
// (choose, tick, paste), and writes the issue body GitHub writes for a submitted form. It refuses
// what GitHub refuses or mangles: a URL over 8,191 bytes (414), a dropdown or checkbox in the
// query (no pre-fill; seen to fall back to a blank issue), a field id the template lacks.
import { parse } from "yaml";
import type { SendStep } from "../../src/form/send/issue-url.ts";

interface Item {
  type: "markdown" | "input" | "textarea" | "dropdown" | "checkboxes";
  id?: string;
  attributes: { label: string; options?: (string | { label: string })[]; render?: string };
}

export interface Submitted {
  template: string;
  title: string;
  labels: string[];
  body: string;
}

export class Refused extends Error {}

/** The browser's value sanitization: a one-line input drops line breaks; a textarea keeps LF only. */
const sanitize = (item: Item, v: string) => (item.type === "input" ? v.replace(/[\r\n]/g, "") : v.replace(/\r\n?/g, "\n"));

export function submitIssueForm(url: string, repository: string, templates: Record<string, string>, steps: readonly SendStep[]): Submitted {
  if (Buffer.byteLength(url) > 8191) throw new Refused(`414 URI Too Long (${url.length})`);
  if (!url.startsWith(`${repository}/issues/new?`)) throw new Refused(`not this repository's new-issue page: ${url.slice(0, 80)}`);
  const query = new URL(url).searchParams;
  const template = query.get("template") ?? "";
  const text = templates[template];
  if (!text) throw new Refused(`no template ${template}`);
  const form = parse(text) as { title: string; labels: string[]; body: Item[] };
  const items = form.body.filter((b) => b.type !== "markdown");
  const byId = new Map(items.map((i) => [i.id!, i]));
  const state = new Map<string, string>();
  const ticked = new Map<string, string[]>();
  for (const [key, value] of query) {
    if (key === "template" || key === "title") continue;
    const item = byId.get(key);
    if (!item) throw new Refused(`the template has no field ${key}`);
    if (item.type !== "input" && item.type !== "textarea") throw new Refused(`${item.type} ${key} cannot be pre-filled`);
    if (state.has(key)) throw new Refused(`${key} twice in the query`);
    state.set(key, sanitize(item, value));
  }
  const optionText = (o: string | { label: string }) => (typeof o === "string" ? o : o.label);
  for (const s of steps) {
    const item = byId.get(s.id);
    if (!item) throw new Refused(`step for a field the template lacks: ${s.id}`);
    const options = (item.attributes.options ?? []).map(optionText);
    if (s.action === "choose") {
      if (item.type !== "dropdown" || !options.includes(s.value)) throw new Refused(`cannot choose "${s.value}" in ${s.id}`);
      state.set(s.id, s.value);
    } else if (s.action === "tick") {
      if (item.type !== "checkboxes" || !options.includes(s.value)) throw new Refused(`cannot tick "${s.value}" in ${s.id}`);
      ticked.set(s.id, [...(ticked.get(s.id) ?? []), s.value]);
    } else {
      if ((item.type !== "input" && item.type !== "textarea") || state.has(s.id)) throw new Refused(`cannot paste into ${s.id}`);
      state.set(s.id, sanitize(item, s.value));
    }
  }
  const sections = items.map((item) => {
    const id = item.id!;
    let shown: string;
    if (item.type === "checkboxes") shown = (item.attributes.options ?? []).map(optionText).map((o) => `- [${ticked.get(id)?.includes(o) ? "X" : " "}] ${o}`).join("\n");
    else {
      const v = state.get(id) ?? "";
      shown = v.trim() === "" ? "_No response_" : item.attributes.render ? "```" + item.attributes.render + "\n" + v + "\n```" : v;
    }
    return `### ${item.attributes.label}\n\n${shown}`;
  });
  return { template, title: query.get("title") ?? form.title, labels: form.labels, body: sections.join("\n\n") };
}
